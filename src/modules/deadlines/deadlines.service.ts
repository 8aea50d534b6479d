import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { LegalCalendar } from '../../domain/calendar/legal-calendar.model';
import type { DeadlineInput } from '../../domain/deadlines/compute-deadline.rule';
import type { DeadlineRecord } from '../../domain/deadlines/deadline-record.type';
import type { CaseType } from '../timeline/case-event.entity';
import { computeStoredDeadline } from './deadline-computation';
import type { DeadlineEntity, DeadlineStatus } from './deadline.entity';

export interface CaseRef {
  caseType: CaseType;
  caseId: string;
  agencyId: string;
}

export interface DeadlineChange {
  caseType: CaseType;
  caseId: string;
  agencyId: string;
  kind: string;
  fromDueOn: string | null;
  toDueOn: string | null;
  pendingYear: number | null;
}

export interface DeadlineView {
  kind: string;
  status: DeadlineStatus;
  triggerOn: string;
  dueOn: string | null;
  metOn: string | null;
  pendingYear: number | null;
  calendarVersion: number;
  record: DeadlineRecord | null;
}

const OPEN_STATUSES: readonly DeadlineStatus[] = ['open', 'overdue', 'paused'];

type DeadlineRow = Pick<
  DeadlineEntity,
  'id' | 'caseType' | 'caseId' | 'agencyId' | 'kind' | 'status' | 'dueOn' | 'input'
>;

@Injectable()
export class DeadlinesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Computes a case's deadline of one kind and stores it (one per case and kind), open or
   * paused. Returns the stored due date (null while paused or pending a calendar year).
   */
  async save(
    manager: EntityManager,
    ref: CaseRef,
    input: DeadlineInput,
    calendar: LegalCalendar,
  ): Promise<string | null> {
    const computed = computeStoredDeadline(calendar, input);
    const status: DeadlineStatus = computed.paused ? 'paused' : 'open';
    await manager.query(
      `INSERT INTO deadline (agency_id, case_type, case_id, kind, status, trigger_on, due_on,
                             first_year, last_year, pending_year, calendar_version, input, record)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (case_id, kind) DO UPDATE
         SET status = EXCLUDED.status, trigger_on = EXCLUDED.trigger_on, due_on = EXCLUDED.due_on,
             met_on = NULL, first_year = EXCLUDED.first_year, last_year = EXCLUDED.last_year,
             pending_year = EXCLUDED.pending_year, calendar_version = EXCLUDED.calendar_version,
             input = EXCLUDED.input, record = EXCLUDED.record, due_soon_notified_on = NULL,
             updated_at = now()`,
      [
        ref.agencyId,
        ref.caseType,
        ref.caseId,
        input.kind,
        status,
        input.triggerOn,
        computed.dueOn,
        computed.firstYear,
        computed.lastYear,
        computed.pendingYear,
        calendar.version,
        JSON.stringify(input),
        computed.record ? JSON.stringify(computed.record) : null,
      ],
    );
    return computed.dueOn;
  }

  /** Marks a deadline met (the act was done on `on`) or cancelled (no longer applies). */
  async close(
    manager: EntityManager,
    caseId: string,
    kind: string,
    status: 'met' | 'cancelled',
    on: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE deadline SET status = $3, met_on = $4, updated_at = now()
        WHERE case_id = $1 AND kind = $2 AND status IN ('open', 'overdue', 'paused')`,
      [caseId, kind, status, status === 'met' ? on : null],
    );
  }

  /**
   * Recomputes, inside the caller's transaction, every open deadline whose computation reads one
   * of `years` (or waits for one of them), and returns those whose due date changed.
   */
  async recomputeForYears(
    manager: EntityManager,
    calendar: LegalCalendar,
    years: readonly number[],
  ): Promise<DeadlineChange[]> {
    const low = Math.min(...years);
    const high = Math.max(...years);
    const rows = await manager.query<Array<Record<string, unknown>>>(
      `SELECT id, case_type, case_id, agency_id, kind, status, due_on::text AS due_on, input
         FROM deadline
        WHERE status = ANY($1) AND first_year <= $3 AND last_year >= $2
        ORDER BY id
          FOR UPDATE`,
      [OPEN_STATUSES, low, high],
    );
    const changes: DeadlineChange[] = [];
    for (const raw of rows) {
      const row: DeadlineRow = {
        id: raw.id as string,
        caseType: raw.case_type as CaseType,
        caseId: raw.case_id as string,
        agencyId: raw.agency_id as string,
        kind: raw.kind as string,
        status: raw.status as DeadlineStatus,
        dueOn: raw.due_on as string | null,
        input: raw.input as DeadlineInput,
      };
      const computed = computeStoredDeadline(calendar, row.input);
      await manager.query(
        `UPDATE deadline SET due_on = $2, first_year = $3, last_year = $4, pending_year = $5,
                calendar_version = $6, record = $7, updated_at = now(),
                status = CASE WHEN $2::date IS DISTINCT FROM due_on AND status = 'overdue'
                              THEN 'open' ELSE status END
          WHERE id = $1`,
        [
          row.id,
          computed.dueOn,
          computed.firstYear,
          computed.lastYear,
          computed.pendingYear,
          calendar.version,
          computed.record ? JSON.stringify(computed.record) : null,
        ],
      );
      if (computed.dueOn !== row.dueOn) {
        changes.push({
          caseType: row.caseType,
          caseId: row.caseId,
          agencyId: row.agencyId,
          kind: row.kind,
          fromDueOn: row.dueOn,
          toDueOn: computed.dueOn,
          pendingYear: computed.pendingYear,
        });
      }
    }
    return changes;
  }

  /** A case's deadlines; an open one past its due date shows as overdue before the sweep marks it. */
  async listForCase(
    caseId: string,
    today: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DeadlineView[]> {
    return manager.query<DeadlineView[]>(
      `SELECT kind,
              CASE WHEN status = 'open' AND due_on < $2::date THEN 'overdue' ELSE status END AS status,
              trigger_on::text AS "triggerOn", due_on::text AS "dueOn", met_on::text AS "metOn",
              pending_year AS "pendingYear", calendar_version AS "calendarVersion", record
         FROM deadline WHERE case_id = $1 ORDER BY trigger_on, kind`,
      [caseId, today],
    );
  }
}
