import type { LegalDate } from '../calendar/legal-date.value';
import type { DeadlineInput } from '../deadlines/compute-deadline.rule';
import type { DeadlineKind } from '../deadlines/deadline-definition.type';

/**
 * The deadlines a case has in its current state, from its facts alone: the service computes the
 * open ones with `computeDeadline` and stores them, marks the met ones with their date, and
 * cancels the rest. A kind in none of the lists has not arisen yet.
 */
export interface DeadlinePlan {
  /** Running (or paused, or overdue): to compute and store. */
  readonly open: readonly DeadlineInput[];
  /** Satisfied by a recorded act, on that act's legal date. */
  readonly met: readonly { readonly kind: DeadlineKind; readonly on: LegalDate }[];
  /** No longer relevant (superseded, the case ended before it was met). */
  readonly cancelled: readonly DeadlineKind[];
}
