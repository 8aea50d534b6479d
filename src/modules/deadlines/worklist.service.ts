import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { scopeAgencyId, type Actor } from '../../common/auth/actor';
import { legalToday } from '../../common/clock/legal-today';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor';
import { addWorkingDays } from '../../domain/calendar/add-working-days.period';
import { CalendarService } from '../calendar/calendar.service';
import type { WorklistItemDto, WorklistQueryDto } from './dto/worklist.dto';

interface WorklistRow {
  id: string;
  kind: string;
  status: string;
  case_type: string;
  case_id: string;
  receipt_number: string | null;
  case_number: string | null;
  handler_id: string | null;
  trigger_on: string;
  due_on: string | null;
  basis: string | null;
  pending_year: number | null;
}

/** Working days ahead that count as "due soon". */
export const DUE_SOON_WORKING_DAYS = 3;

/** The cross-case worklist of deadlines, soonest first, keyset-paged on (due date, id). */
@Injectable()
export class WorklistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  async list(actor: Actor, query: WorklistQueryDto): Promise<Page<WorklistItemDto>> {
    const today = legalToday();
    const after = decodeCursor(query.cursor, ['date', 'uuid']);
    const params: unknown[] = [scopeAgencyId(actor, query.agencyId), today];
    const where = ['d.agency_id = $1'];
    const add = (clause: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    switch (query.status ?? 'open') {
      case 'open':
        where.push(`d.status IN ('open', 'overdue') AND d.due_on IS NOT NULL`);
        break;
      case 'overdue':
        where.push(`d.status IN ('open', 'overdue') AND d.due_on < $2::date`);
        break;
      case 'due_soon': {
        const calendar = await this.calendars.current();
        const horizon = addWorkingDays(calendar, today, DUE_SOON_WORKING_DAYS);
        where.push(`d.status = 'open' AND d.due_on >= $2::date`);
        add((p) => `d.due_on <= ${p}::date`, horizon);
        break;
      }
      case 'pending_calendar':
        where.push(`d.status IN ('open', 'overdue') AND d.pending_year IS NOT NULL`);
        break;
    }
    if (query.dueBefore) add((p) => `d.due_on < ${p}::date`, query.dueBefore);
    if (query.kind) add((p) => `d.kind = ${p}`, query.kind);
    if (query.handlerId) {
      add(
        (p) =>
          `d.case_id IN (SELECT id FROM reconsideration_case WHERE agency_id = $1 AND handler_id = ${p})`,
        query.handlerId,
      );
    }
    if (after) {
      params.push(after[0], after[1]);
      where.push(
        `(coalesce(d.due_on, 'infinity'::date), d.id) > ($${params.length - 1}::date, $${params.length}::uuid)`,
      );
    }
    params.push(query.limit + 1);
    // Page the deadlines first (the open-due index gives their order), then join the few cases.
    const rows = await this.dataSource.query<WorklistRow[]>(
      `SELECT d.id, d.kind,
              CASE WHEN d.status = 'open' AND d.due_on < $2::date THEN 'overdue' ELSE d.status END AS status,
              d.case_type, d.case_id, c.receipt_number, c.case_number, c.handler_id,
              d.trigger_on::text AS trigger_on, d.due_on::text AS due_on, d.basis, d.pending_year
         FROM (SELECT d.id, d.kind, d.status, d.case_type, d.case_id, d.trigger_on, d.due_on,
                      d.record->>'basis' AS basis, d.pending_year
                 FROM deadline d
                WHERE ${where.join(' AND ')}
                ORDER BY d.due_on, d.id
                LIMIT $${params.length}) d
         LEFT JOIN reconsideration_case c ON c.id = d.case_id
        ORDER BY d.due_on, d.id`,
      params,
    );
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
        pendingYear: row.pending_year,
      }),
    );
  }
}
