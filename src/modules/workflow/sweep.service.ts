import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../../common/auth/actor';
import { Clock } from '../../common/clock/clock';
import { ProblemException } from '../../common/problem/problem';
import { addWorkingDays } from '../../domain/calendar/add-working-days.period';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import type { CaseCommand } from '../../domain/reconsideration/reconsideration-case.types';
import { CalendarService } from '../calendar/calendar.service';
import { CommandRunner, type CommandTransaction } from '../commands/command-runner';
import {
  deadlineAggregateType,
  DeadlineRepository,
  MARK_BATCH,
  type MarkedDeadline,
} from '../deadlines/deadline.repository';
import { DUE_SOON_WORKING_DAYS } from '../deadlines/worklist.service';
import { MetricsService } from '../metrics/metrics.service';
import { CaseWorkflowService } from '../reconsideration/case-workflow.service';
import { SweepLockRepository } from './sweep.repository';

export interface SweepResult {
  /** False when another instance was sweeping. */
  ran: boolean;
  today: string;
  deemedAccepted: string[];
  deemedAbandoned: string[];
  markedOverdue: number;
  markedDueSoon: number;
  windowsElapsed: number;
  /** Cases a rule kept as they were (e.g. the review period was met after all). */
  skipped: Array<{ caseId: string; reason: string }>;
  /** Cases whose command failed unexpectedly; logged, and the sweep went on. */
  failed: Array<{ caseId: string; command: string }>;
  durationMs: number;
}

/** Informational periods: when they pass nothing is late, the window has simply elapsed. */
const INFORMATIONAL_KINDS = ['litigation_window', 'first_instance_term', 'second_instance_term'];

type Mark = (tx: CommandTransaction) => Promise<MarkedDeadline[]>;

/**
 * The deadline sweep: deemed acceptance (第三十条), deemed abandonment (第三十一条第二款),
 * overdue and due-soon marking, elapsed informational windows. Idempotent; reads only due rows
 * through the (status, due_on) index; every change is an event by the system and an outbox
 * message. Each case's command runs in its own transaction, so one bad case stops nothing.
 */
@Injectable()
export class SweepService {
  private readonly logger = new Logger('Sweep');

  constructor(
    private readonly lock: SweepLockRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly workflow: CaseWorkflowService,
    private readonly commands: CommandRunner,
    private readonly calendars: CalendarService,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {}

  async sweep(today: LegalDate = this.clock.today()): Promise<SweepResult> {
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
      failed: [],
      durationMs: 0,
    };
    result.ran = await this.lock.whileHolding(async () => {
      const horizon = addWorkingDays(await this.calendars.current(), today, DUE_SOON_WORKING_DAYS);
      await this.runOnDue(
        'acceptance_review',
        { type: 'deem_accept' },
        today,
        result.deemedAccepted,
        result,
      );
      await this.runOnDue(
        'correction_reply',
        { type: 'deem_abandon' },
        today,
        result.deemedAbandoned,
        result,
      );
      result.windowsElapsed = await this.markAll(
        (tx) => this.deadlines.closeElapsedBatch(tx.manager, today, INFORMATIONAL_KINDS),
        (row) => `${row.kind}_elapsed`,
        'elapsed',
      );
      result.markedOverdue = await this.markAll(
        (tx) => this.deadlines.markOverdueBatch(tx.manager, today, INFORMATIONAL_KINDS),
        (row) =>
          row.kind === 'suspension_termination' ? 'suspension_termination_due' : 'deadline_overdue',
        'overdue',
      );
      result.markedDueSoon = await this.markAll(
        (tx) => this.deadlines.markDueSoonBatch(tx.manager, today, horizon, INFORMATIONAL_KINDS),
        () => 'deadline_due_soon',
        'due_soon',
      );
    });
    result.durationMs = Date.now() - started;
    const changed =
      result.deemedAccepted.length + result.deemedAbandoned.length + result.markedOverdue;
    if (changed + result.failed.length > 0) {
      this.logger.log(
        `sweep: ${result.deemedAccepted.length} deemed accepted, ${result.deemedAbandoned.length} deemed abandoned, ${result.markedOverdue} overdue, ${result.markedDueSoon} due soon, ${result.failed.length} failed`,
      );
    }
    return result;
  }

  /** Runs a system command on every case whose deadline of `kind` passed before today. */
  private async runOnDue(
    kind: string,
    command: CaseCommand,
    today: string,
    done: string[],
    result: SweepResult,
  ): Promise<void> {
    for (const caseId of await this.deadlines.findCasesPastDue(kind, today)) {
      try {
        await this.workflow.execute(SYSTEM_ACTOR, caseId, command);
        done.push(caseId);
      } catch (error) {
        if (error instanceof ProblemException) {
          result.skipped.push({ caseId, reason: error.init.detail });
          continue;
        }
        result.failed.push({ caseId, command: command.type });
        this.metrics.sweepFailures.inc({ command: command.type });
        this.logger.error(
          `sweep: ${command.type} failed on case ${caseId}: ${error instanceof Error ? error.stack : String(error)}`,
        );
      }
    }
  }

  /**
   * Applies a marking batch by batch, each batch one transaction with its events; the deadline
   * kind's case aggregate carries the event (`reconsideration_case.deadline_overdue`, …), and the
   * message goes out as `deadline.<topic>`.
   */
  private async markAll(
    mark: Mark,
    eventType: (row: MarkedDeadline) => string,
    topic: string,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.commands.run(SYSTEM_ACTOR, async (tx) => {
        const rows = await mark(tx);
        for (const row of rows) {
          const data = {
            caseType: row.case_type,
            caseId: row.case_id,
            kind: row.kind,
            dueOn: row.due_on,
          };
          tx.record({
            aggregate: {
              type: deadlineAggregateType(row.case_type),
              id: row.case_id,
              agencyId: row.agency_id,
            },
            type: `${deadlineAggregateType(row.case_type)}.${eventType(row)}`,
            occurredOn: null,
            payload: { kind: row.kind, dueOn: row.due_on },
            message: null,
            audit: null,
          });
          tx.notify({
            agencyId: row.agency_id,
            topic: `deadline.${topic}`,
            payload: data,
            aggregate: { type: `${row.case_type}_case`, id: row.case_id },
          });
        }
        return rows.length;
      });
      total += count;
      if (count < MARK_BATCH) return total;
    }
  }
}
