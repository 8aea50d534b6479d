import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../../common/auth/actor';
import { legalToday } from '../../common/clock/legal-today';
import { ProblemException } from '../../common/problem/problem';
import { addWorkingDays } from '../../domain/calendar/add-working-days.period';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import type { CaseCommand } from '../../domain/reconsideration/reconsideration-case.types';
import { CalendarService } from '../calendar/calendar.service';
import { DUE_SOON_WORKING_DAYS } from '../deadlines/worklist.service';
import { OutboxService } from '../outbox/outbox.service';
import type { CaseType } from '../timeline/case-event.entity';
import { TimelineService } from '../timeline/timeline.service';
import { WorkflowService } from './workflow.service';

export interface SweepResult {
  /** False when another instance was sweeping. */
  ran: boolean;
  today: string;
  deemedAccepted: string[];
  deemedAbandoned: string[];
  markedOverdue: number;
  markedDueSoon: number;
  windowsElapsed: number;
  skipped: Array<{ caseId: string; reason: string }>;
  durationMs: number;
}

interface MarkedRow {
  case_type: CaseType;
  case_id: string;
  agency_id: string;
  kind: string;
  due_on: string;
}

// One sweep at a time across all API instances.
const SWEEP_LOCK_KEY = 7_316_002;
const BATCH = 500;
/** Informational periods: when they pass nothing is late, the window has simply elapsed. */
const INFORMATIONAL_KINDS = ['litigation_window', 'first_instance_term', 'second_instance_term'];

/**
 * The deadline sweep: deemed acceptance (第三十条), deemed abandonment (第三十一条第二款),
 * overdue and due-soon marking, elapsed informational windows. Idempotent; reads only due rows
 * through the (status, due_on) index; every change is an event by the system and an outbox row.
 */
@Injectable()
export class SweepService {
  private readonly logger = new Logger('Sweep');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: WorkflowService,
    private readonly calendars: CalendarService,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
  ) {}

  async sweep(today: LegalDate = legalToday()): Promise<SweepResult> {
    const started = Date.now();
    const result: SweepResult = {
      ran: false,
      today,
      deemedAccepted: [],
      deemedAbandoned: [],
      markedOverdue: 0,
      markedDueSoon: 0,
      windowsElapsed: 0,
      skipped: [],
      durationMs: 0,
    };
    const lock = this.dataSource.createQueryRunner();
    try {
      const [{ locked }] = (await lock.query('SELECT pg_try_advisory_lock($1) AS locked', [
        SWEEP_LOCK_KEY,
      ])) as Array<{ locked: boolean }>;
      if (!locked) return { ...result, durationMs: Date.now() - started };
      try {
        result.ran = true;
        await this.runCommands(
          'acceptance_review',
          { type: 'deem_accept' },
          today,
          result.deemedAccepted,
          result,
        );
        await this.runCommands(
          'correction_reply',
          { type: 'deem_abandon' },
          today,
          result.deemedAbandoned,
          result,
        );
        result.windowsElapsed = await this.closeElapsedWindows(today);
        result.markedOverdue = await this.markOverdue(today);
        result.markedDueSoon = await this.markDueSoon(today);
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK_KEY]);
      }
    } finally {
      await lock.release();
    }
    result.durationMs = Date.now() - started;
    if (result.deemedAccepted.length + result.deemedAbandoned.length + result.markedOverdue > 0) {
      this.logger.log(
        `sweep: ${result.deemedAccepted.length} deemed accepted, ${result.deemedAbandoned.length} deemed abandoned, ${result.markedOverdue} overdue, ${result.markedDueSoon} due soon`,
      );
    }
    return result;
  }

  /** Runs a system command on every case whose deadline of `kind` passed before today. */
  private async runCommands(
    kind: string,
    command: CaseCommand,
    today: string,
    done: string[],
    result: SweepResult,
  ): Promise<void> {
    const rows = await this.dataSource.query<Array<{ case_id: string }>>(
      `SELECT case_id FROM deadline
        WHERE status IN ('open', 'overdue') AND due_on < $1::date AND kind = $2
          AND case_type = 'reconsideration'
        ORDER BY due_on`,
      [today, kind],
    );
    for (const { case_id: caseId } of rows) {
      try {
        await this.workflow.execute(SYSTEM_ACTOR, caseId, command);
        done.push(caseId);
      } catch (error) {
        if (!(error instanceof ProblemException)) throw error;
        result.skipped.push({ caseId, reason: error.init.detail });
      }
    }
  }

  private async markOverdue(today: string): Promise<number> {
    return this.markInBatches(
      `UPDATE deadline SET status = 'overdue', updated_at = now()
        WHERE id IN (SELECT id FROM deadline
                      WHERE status = 'open' AND due_on < $1::date AND kind <> ALL($2)
                      ORDER BY due_on LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING case_type, case_id, agency_id, kind, due_on::text AS due_on`,
      [today, INFORMATIONAL_KINDS],
      (row) =>
        row.kind === 'suspension_termination' ? 'suspension_termination_due' : 'deadline_overdue',
      'deadline.overdue',
    );
  }

  private async markDueSoon(today: LegalDate): Promise<number> {
    const calendar = await this.calendars.current();
    const horizon = addWorkingDays(calendar, today, DUE_SOON_WORKING_DAYS);
    return this.markInBatches(
      `UPDATE deadline SET due_soon_notified_on = $1::date, updated_at = now()
        WHERE id IN (SELECT id FROM deadline
                      WHERE status = 'open' AND due_on >= $1::date AND due_on <= $2::date
                        AND due_soon_notified_on IS NULL AND kind <> ALL($3)
                      ORDER BY due_on LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING case_type, case_id, agency_id, kind, due_on::text AS due_on`,
      [today, horizon, INFORMATIONAL_KINDS],
      () => 'deadline_due_soon',
      'deadline.due_soon',
    );
  }

  private async closeElapsedWindows(today: string): Promise<number> {
    return this.markInBatches(
      `UPDATE deadline SET status = 'met', met_on = due_on, updated_at = now()
        WHERE id IN (SELECT id FROM deadline
                      WHERE status = 'open' AND due_on < $1::date AND kind = ANY($2)
                      ORDER BY due_on LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING case_type, case_id, agency_id, kind, due_on::text AS due_on`,
      [today, INFORMATIONAL_KINDS],
      (row) => `${row.kind}_elapsed`,
      'deadline.elapsed',
    );
  }

  /** Applies a marking statement batch by batch, each batch one transaction with its events. */
  private async markInBatches(
    sql: string,
    params: unknown[],
    eventType: (row: MarkedRow) => string,
    topic: string,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const rows = await manager.query<MarkedRow[]>(sql, params);
        const marked = Array.isArray(rows[0]) ? (rows[0] as MarkedRow[]) : rows;
        await this.recordMarked(manager, marked, eventType, topic);
        return marked.length;
      });
      total += count;
      if (count < BATCH) return total;
    }
  }

  private async recordMarked(
    manager: EntityManager,
    rows: MarkedRow[],
    eventType: (row: MarkedRow) => string,
    topic: string,
  ): Promise<void> {
    await this.timeline.appendMany(
      manager,
      rows.map((row) => ({
        caseType: row.case_type,
        caseId: row.case_id,
        agencyId: row.agency_id,
        type: eventType(row),
        actor: SYSTEM_ACTOR,
        occurredOn: null,
        payload: { kind: row.kind, dueOn: row.due_on },
      })),
    );
    await this.outbox.enqueueMany(
      manager,
      rows.map((row) => ({
        agencyId: row.agency_id,
        topic,
        payload: {
          caseType: row.case_type,
          caseId: row.case_id,
          kind: row.kind,
          dueOn: row.due_on,
        },
      })),
    );
  }
}
