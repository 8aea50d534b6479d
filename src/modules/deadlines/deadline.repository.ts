import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeadlineInput } from '../../domain/deadlines/compute-deadline.rule';
import type { DeadlineRecord } from '../../domain/deadlines/deadline-record.type';
import type { CaseType } from '../timeline/case-event.entity';
import type { DeadlineComputation } from './deadline-computation';
import type { DeadlineStatus } from './deadline.entity';

/**
 * What a deadline belongs to: a case, or a court session (its identity proof and appearance
 * notice, one per session: `case_id` is then the session's id).
 */
export type DeadlineOwner = CaseType | 'court_session';

/** The aggregate a deadline's events belong to (`reconsideration_case`, `court_session`, …). */
export function deadlineAggregateType(owner: DeadlineOwner): string {
  return owner === 'court_session' ? owner : `${owner}_case`;
}

/** The case a deadline belongs to. */
export interface CaseRef {
  caseType: DeadlineOwner;
  caseId: string;
  agencyId: string;
}

/** A case's deadline as the case views show it. */
export interface DeadlineView {
  kind: string;
  /** The command that must record the trigger first, while the deadline waits for it. */
  awaitingAction: string | null;
  status: DeadlineStatus;
  triggerOn: string;
  dueOn: string | null;
  metOn: string | null;
  pendingYear: number | null;
  calendarVersion: number;
  record: DeadlineRecord | null;
}

/** An open deadline locked for recomputation. */
export interface OpenDeadlineRow extends CaseRef {
  id: string;
  kind: string;
  dueOn: string | null;
  pendingYear: number | null;
  input: DeadlineInput;
}

/** A deadline the sweep marked, for its event. */
export interface MarkedDeadline {
  case_type: DeadlineOwner;
  case_id: string;
  agency_id: string;
  kind: string;
  due_on: string;
}

const OPEN_STATUSES: readonly DeadlineStatus[] = ['open', 'overdue', 'paused'];

/** How many deadlines one sweep statement marks (one transaction per batch). */
export const MARK_BATCH = 500;

/** Statutory deadlines of cases (table deadline), one per case and kind. */
@Injectable()
export class DeadlineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores a case's deadline of one kind, replacing the previous computation: open or paused
   * while it runs, or done (`met`, or `overdue` when done late) on `doneOn` for a deadline that
   * is judged as soon as it arises (the application period at intake).
   */
  async upsert(
    manager: EntityManager,
    ref: CaseRef,
    input: DeadlineInput,
    computed: DeadlineComputation,
    calendarVersion: number,
    done?: { status: 'met' | 'overdue'; on: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO deadline (agency_id, case_type, case_id, kind, status, trigger_on, due_on,
                             first_year, last_year, pending_year, calendar_version, input, record,
                             met_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (case_id, kind) DO UPDATE
         SET status = EXCLUDED.status, trigger_on = EXCLUDED.trigger_on, due_on = EXCLUDED.due_on,
             met_on = EXCLUDED.met_on, first_year = EXCLUDED.first_year,
             last_year = EXCLUDED.last_year, pending_year = EXCLUDED.pending_year,
             calendar_version = EXCLUDED.calendar_version, input = EXCLUDED.input,
             record = EXCLUDED.record, awaiting_action = NULL, due_soon_notified_on = NULL,
             updated_at = now()`,
      [
        ref.agencyId,
        ref.caseType,
        ref.caseId,
        input.kind,
        done?.status ?? (computed.paused ? 'paused' : 'open'),
        input.triggerOn,
        computed.dueOn,
        computed.firstYear,
        computed.lastYear,
        computed.pendingYear,
        calendarVersion,
        JSON.stringify(input),
        computed.record ? JSON.stringify(computed.record) : null,
        done?.on ?? null,
      ],
    );
  }

  /**
   * A deadline that cannot run until a command records its trigger (第三十一条第二款: the
   * applicant's receipt of the correction notice): open, without a due date, naming the action.
   */
  async upsertAwaiting(
    manager: EntityManager,
    ref: CaseRef,
    awaiting: { kind: string; action: string; since: string },
    calendarVersion: number,
  ): Promise<void> {
    const year = Number(awaiting.since.slice(0, 4));
    await manager.query(
      `INSERT INTO deadline (agency_id, case_type, case_id, kind, status, trigger_on, first_year,
                             last_year, calendar_version, input, awaiting_action)
       VALUES ($1, $2, $3, $4, 'open', $5, $6, $6, $7, $8, $9)
       ON CONFLICT (case_id, kind) DO UPDATE
         SET status = 'open', trigger_on = EXCLUDED.trigger_on, due_on = NULL, met_on = NULL,
             first_year = EXCLUDED.first_year, last_year = EXCLUDED.last_year,
             pending_year = NULL, calendar_version = EXCLUDED.calendar_version,
             input = EXCLUDED.input, record = NULL, awaiting_action = EXCLUDED.awaiting_action,
             due_soon_notified_on = NULL, updated_at = now()`,
      [
        ref.agencyId,
        ref.caseType,
        ref.caseId,
        awaiting.kind,
        awaiting.since,
        year,
        calendarVersion,
        JSON.stringify({ kind: awaiting.kind, triggerOn: awaiting.since }),
        awaiting.action,
      ],
    );
  }

  /**
   * Closes a running deadline: met (the act was done on `on`), done late (`overdue`, with the
   * date it was done), or cancelled (no longer applies).
   */
  async close(
    manager: EntityManager,
    caseId: string,
    kind: string,
    status: 'met' | 'overdue' | 'cancelled',
    on: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE deadline SET status = $3, met_on = $4, awaiting_action = NULL, updated_at = now()
        WHERE case_id = $1 AND kind = $2 AND status = ANY($5) AND met_on IS NULL`,
      [caseId, kind, status, status === 'cancelled' ? null : on, OPEN_STATUSES],
    );
  }

  /** Locks every open deadline whose computation reads a year of [low, high] (or waits for one). */
  async lockOpenReadingYears(
    manager: EntityManager,
    low: number,
    high: number,
  ): Promise<OpenDeadlineRow[]> {
    return manager.query<OpenDeadlineRow[]>(
      `SELECT id, case_type AS "caseType", case_id AS "caseId", agency_id AS "agencyId", kind,
              due_on::text AS "dueOn", pending_year AS "pendingYear", input
         FROM deadline
        WHERE status = ANY($1) AND met_on IS NULL AND awaiting_action IS NULL
          AND first_year <= $3 AND last_year >= $2
        ORDER BY id
          FOR UPDATE`,
      [OPEN_STATUSES, low, high],
    );
  }

  /** Writes a recomputed due date; an overdue deadline whose date moved is open again. */
  async updateComputation(
    manager: EntityManager,
    id: string,
    computed: DeadlineComputation,
    calendarVersion: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE deadline SET due_on = $2, first_year = $3, last_year = $4, pending_year = $5,
              calendar_version = $6, record = $7, updated_at = now(),
              status = CASE WHEN $2::date IS DISTINCT FROM due_on AND status = 'overdue'
                            THEN 'open' ELSE status END
        WHERE id = $1`,
      [
        id,
        computed.dueOn,
        computed.firstYear,
        computed.lastYear,
        computed.pendingYear,
        calendarVersion,
        computed.record ? JSON.stringify(computed.record) : null,
      ],
    );
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
              pending_year AS "pendingYear", calendar_version AS "calendarVersion", record,
              awaiting_action AS "awaitingAction"
         FROM deadline WHERE case_id = $1 ORDER BY trigger_on, kind`,
      [caseId, today],
    );
  }

  /**
   * A litigation case's deadlines and those of its court sessions (stored with case_type
   * `court_session` and the session's id), each with the session it belongs to.
   */
  async listForLitigationCase(
    caseId: string,
    today: string,
  ): Promise<Array<DeadlineView & { courtSessionId: string | null }>> {
    return this.dataSource.query(
      `SELECT kind,
              CASE WHEN status = 'open' AND due_on < $2::date THEN 'overdue' ELSE status END AS status,
              trigger_on::text AS "triggerOn", due_on::text AS "dueOn", met_on::text AS "metOn",
              pending_year AS "pendingYear", calendar_version AS "calendarVersion", record,
              awaiting_action AS "awaitingAction",
              CASE WHEN case_type = 'court_session' THEN case_id END AS "courtSessionId"
         FROM deadline
        WHERE case_id = ANY (ARRAY(SELECT $1::uuid
                                   UNION ALL SELECT id FROM court_session WHERE case_id = $1))
        ORDER BY trigger_on, kind`,
      [caseId, today],
    );
  }

  /** The stored due date of a case's deadline of one kind, if it has one. */
  async findDueOn(caseId: string, kind: string): Promise<string | null> {
    const [row] = await this.dataSource.query<Array<{ due_on: string | null }>>(
      'SELECT due_on::text AS due_on FROM deadline WHERE case_id = $1 AND kind = $2',
      [caseId, kind],
    );
    return row?.due_on ?? null;
  }

  /** Cases whose open deadline of `kind` passed before `today`, soonest first (the sweep). */
  async findCasesPastDue(kind: string, today: string): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ case_id: string }>>(
      `SELECT case_id FROM deadline
        WHERE status IN ('open', 'overdue') AND due_on < $1::date AND kind = $2
          AND met_on IS NULL AND case_type = 'reconsideration'
        ORDER BY due_on`,
      [today, kind],
    );
    return rows.map((row) => row.case_id);
  }

  /** Marks a batch of open deadlines past due as overdue (informational kinds left out). */
  markOverdueBatch(manager: EntityManager, today: string, informational: readonly string[]) {
    return this.markBatch(
      manager,
      `status = 'overdue'`,
      `status = 'open' AND due_on < $1::date AND kind <> ALL($2)`,
      [today, informational],
    );
  }

  /** Marks a batch of open deadlines due by `horizon` as announced due soon, once each. */
  markDueSoonBatch(
    manager: EntityManager,
    today: string,
    horizon: string,
    informational: readonly string[],
  ) {
    return this.markBatch(
      manager,
      'due_soon_notified_on = $1::date',
      `status = 'open' AND due_on >= $1::date AND due_on <= $2::date
       AND due_soon_notified_on IS NULL AND kind <> ALL($3)`,
      [today, horizon, informational],
    );
  }

  /** Closes a batch of informational periods that have simply elapsed (met on their due date). */
  closeElapsedBatch(manager: EntityManager, today: string, informational: readonly string[]) {
    return this.markBatch(
      manager,
      `status = 'met', met_on = due_on`,
      `status = 'open' AND due_on < $1::date AND kind = ANY($2)`,
      [today, informational],
    );
  }

  /** One batch of a sweep's marking: rows locked by another sweep are skipped, not waited for. */
  private async markBatch(
    manager: EntityManager,
    set: string,
    where: string,
    params: unknown[],
  ): Promise<MarkedDeadline[]> {
    const rows = await manager.query<MarkedDeadline[] | [MarkedDeadline[], number]>(
      `UPDATE deadline SET ${set}, updated_at = now()
        WHERE id IN (SELECT id FROM deadline WHERE ${where}
                      ORDER BY due_on LIMIT ${MARK_BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING case_type, case_id, agency_id, kind, due_on::text AS due_on`,
      params,
    );
    // TypeORM answers an UPDATE … RETURNING as [rows, count].
    return Array.isArray(rows[0]) ? rows[0] : (rows as MarkedDeadline[]);
  }
}
