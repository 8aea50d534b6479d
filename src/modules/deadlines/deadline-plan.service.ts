import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LegalCalendar } from '../../domain/calendar/legal-calendar.model';
import type { DeadlinePlan } from '../../domain/reconsideration/deadline-plan.type';
import { computeStoredDeadline } from './deadline-computation';
import { DeadlineRepository, type CaseRef } from './deadline.repository';

/** A deadline whose due date a calendar change moved, for the case's timeline. */
export interface DeadlineChange extends CaseRef {
  kind: string;
  fromDueOn: string | null;
  toDueOn: string | null;
  pendingYear: number | null;
  /** Whether the new date still rests on a provisional year. */
  provisional: boolean;
}

/** Stores the deadlines a case's pure plan says it has, and recomputes them on calendar changes. */
@Injectable()
export class DeadlinePlanService {
  constructor(private readonly deadlines: DeadlineRepository) {}

  /**
   * Applies a plan inside the command's transaction. Returns the due date of each deadline it
   * opened (null while paused or waiting for a calendar year).
   */
  async apply(
    manager: EntityManager,
    ref: CaseRef,
    plan: DeadlinePlan,
    calendar: LegalCalendar,
  ): Promise<Map<string, string | null>> {
    const dueDates = new Map<string, string | null>();
    for (const input of plan.open) {
      const computed = computeStoredDeadline(calendar, input);
      await this.deadlines.upsert(manager, ref, input, computed, calendar.version);
      dueDates.set(input.kind, computed.dueOn);
    }
    const done = [
      ...plan.met.map((deadline) => ({ ...deadline, status: 'met' as const })),
      ...plan.late.map((deadline) => ({ ...deadline, status: 'overdue' as const })),
    ];
    for (const { kind, on, input, status } of done) {
      // A deadline judged as it arises (the application period) has no running row to close.
      if (input) {
        const computed = computeStoredDeadline(calendar, input);
        await this.deadlines.upsert(manager, ref, input, computed, calendar.version, {
          status,
          on,
        });
      } else {
        await this.deadlines.close(manager, ref.caseId, kind, status, on);
      }
    }
    for (const kind of plan.cancelled) {
      await this.deadlines.close(manager, ref.caseId, kind, 'cancelled', null);
    }
    for (const awaiting of plan.awaiting) {
      await this.deadlines.upsertAwaiting(manager, ref, awaiting, calendar.version);
    }
    return dueDates;
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
    const rows = await this.deadlines.lockOpenReadingYears(
      manager,
      Math.min(...years),
      Math.max(...years),
    );
    const changes: DeadlineChange[] = [];
    for (const row of rows) {
      const computed = computeStoredDeadline(calendar, row.input);
      await this.deadlines.updateComputation(manager, row.id, computed, calendar.version);
      // A provisional date confirmed by the published year is a change too (the flag goes).
      if (computed.dueOn !== row.dueOn || computed.pendingYear !== row.pendingYear) {
        changes.push({
          caseType: row.caseType,
          caseId: row.caseId,
          agencyId: row.agencyId,
          kind: row.kind,
          fromDueOn: row.dueOn,
          toDueOn: computed.dueOn,
          pendingYear: computed.pendingYear,
          provisional: computed.record?.provisional ?? false,
        });
      }
    }
    return changes;
  }
}
