import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock/clock';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { addWorkingDays } from '../../domain/calendar/add-working-days.period';
import { DEADLINE_CONSEQUENCES } from '../../domain/litigation/deadline-consequences.rule';
import { CalendarService } from '../calendar/calendar.service';
import type { WorklistItemDto, WorklistQueryDto } from './dto/worklist.dto';
import { WorklistRepository } from './worklist.repository';

/** Working days ahead that count as "due soon". */
export const DUE_SOON_WORKING_DAYS = 3;

/** The cross-case worklist of deadlines, soonest first. */
@Injectable()
export class WorklistService {
  constructor(
    private readonly worklist: WorklistRepository,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: WorklistQueryDto): Promise<Page<WorklistItemDto>> {
    const today = this.clock.today();
    const status = query.status ?? 'open';
    const horizon =
      status === 'due_soon'
        ? addWorkingDays(await this.calendars.current(), today, DUE_SOON_WORKING_DAYS)
        : undefined;
    const rows = await this.worklist.worklistPage(TenantScope.forList(actor, query.agencyId), {
      today,
      status,
      horizon,
      dueBefore: query.dueBefore,
      kind: query.kind,
      handlerId: query.handlerId,
      after: decodeCursor(query.cursor, ['date', 'uuid']),
      limit: query.limit + 1,
    });
    return toPage(
      rows,
      query.limit,
      (row) => [row.due_on ?? 'infinity', row.id],
      (row) => ({
        id: row.id,
        kind: row.kind,
        status: row.status,
        caseType: row.case_type,
        caseId: row.case_id,
        receiptNumber: row.receipt_number,
        caseNumber: row.case_number,
        handlerId: row.handler_id,
        startOn: row.trigger_on,
        dueOn: row.due_on,
        basis: row.basis,
        provisional: row.provisional,
        pendingYear: row.pending_year,
        awaitingAction: row.awaiting_action?.replaceAll('_', '-') ?? null,
        courtSessionId: row.court_session_id,
        ifMissed: DEADLINE_CONSEQUENCES[row.kind] ?? null,
        escalated: row.status === 'overdue' && DEADLINE_CONSEQUENCES[row.kind] !== undefined,
      }),
    );
  }
}
