import type { LegalDate } from '../calendar/legal-date.value';
import type { DeadlineInput } from '../deadlines/compute-deadline.rule';
import type { DeadlineKind } from '../deadlines/deadline-definition.type';
import type { CaseCommandType } from './reconsideration-case.types';

/**
 * A deadline whose act is done: in time (`met`) or after its last day (`late`). `on` is the
 * legal date of the act as the law counts it (for mail, the postmark).
 */
export interface DoneDeadline {
  readonly kind: DeadlineKind;
  readonly on: LegalDate;
  /**
   * Only for a deadline that is never open, so the service has no stored row to close
   * (`application_limitation`): the last day it was measured against (null when it reaches a
   * year the calendar lacks), and the computation of the period for the stored explanation
   * (null when no 60-day period can be computed: remedy rights not told and the day of learning
   * them unknown, so only the one-year cap applied).
   */
  readonly dueOn?: LegalDate | null;
  readonly input?: DeadlineInput | null;
}

/** A deadline that cannot start until a fact is recorded, and the command that records it. */
export interface AwaitingDeadline {
  readonly kind: DeadlineKind;
  readonly action: CaseCommandType;
  /** Since when it waits (e.g. the date of the correction notice not yet served). */
  readonly since: LegalDate;
}

/**
 * The deadlines a case has in its current state, from its facts (and the calendar, to tell in
 * time from late): the service computes the open ones with `computeDeadline` and stores them,
 * marks the met ones with their date, the late ones as overdue with their date, cancels the
 * cancelled ones, and shows the awaiting ones on the worklist as a task (e.g. "record the
 * service of the correction notice"). A kind in none of the lists has not arisen yet.
 *
 * Shape, each kind in at most one list:
 * - `open: DeadlineInput[]` — running (or paused, or overdue): to compute and store;
 * - `met: {kind, on}[]` — done on `on`, on or before the last day;
 * - `late: {kind, on}[]` — done on `on`, after the last day (stored as overdue with that date);
 * - `cancelled: DeadlineKind[]` — no longer relevant (superseded, the case ended first);
 * - `awaiting: {kind, action}[]` — cannot start until `action` records its trigger.
 */
export interface DeadlinePlan {
  readonly open: readonly DeadlineInput[];
  readonly met: readonly DoneDeadline[];
  readonly late: readonly DoneDeadline[];
  readonly cancelled: readonly DeadlineKind[];
  readonly awaiting: readonly AwaitingDeadline[];
}
