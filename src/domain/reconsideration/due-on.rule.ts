import { CalendarYearMissingError } from '../calendar/calendar-year-missing.error';
import type { LegalCalendar } from '../calendar/legal-calendar.model';
import { compareLegalDates, yearOf } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import { computeDeadline } from '../deadlines/compute-deadline.rule';
import type { DeadlineInput } from '../deadlines/compute-deadline.rule';
import { decisionInput } from './case-deadline-inputs.rule';
import type { CaseFacts } from './reconsideration-case.types';

/**
 * A deadline's last day, or the fact that it reaches a year the legal calendar does not hold yet
 * (the State Council publishes next year's arrangement each autumn). Counting only moves forward,
 * so such a deadline ends in `missingYear` or later.
 */
export type DueOnResult =
  | { readonly known: true; readonly dueOn: LegalDate | null }
  | { readonly known: false; readonly missingYear: number };

/** Runs a deadline computation, turning a missing calendar year into `known: false`. */
export function tryDue(compute: () => LegalDate | null): DueOnResult {
  try {
    return { known: true, dueOn: compute() };
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return { known: false, missingYear: error.year };
    throw error;
  }
}

/**
 * The last day of a catalogue deadline (null while paused, or when there is no deadline: a null
 * input), or that it is not computable yet.
 */
export function tryDueOn(calendar: LegalCalendar, input: DeadlineInput | null): DueOnResult {
  if (input === null) return { known: true, dueOn: null };
  return tryDue(() => computeDeadline(calendar, input).dueOn);
}

/**
 * Is `date` after the deadline? A paused deadline (null) has not passed. A deadline reaching a
 * year the calendar lacks ends in that year or later, so a date in an earlier year is not after
 * it; for a later date the answer needs the missing year: `CalendarYearMissingError` is thrown
 * (never guess a year as weekends-only).
 */
export function isAfterDue(due: DueOnResult, date: LegalDate): boolean {
  if (due.known) return due.dueOn !== null && compareLegalDates(date, due.dueOn) > 0;
  if (due.missingYear > yearOf(date)) return false;
  throw new CalendarYearMissingError(due.missingYear);
}

/** The last day for messages and payloads: null when paused or not computable yet. */
export function dueOnOrNull(due: DueOnResult): LegalDate | null {
  return due.known ? due.dueOn : null;
}

/**
 * The `decisionDueOn` to write for these facts (第六十二条): the computed deadline (null while
 * paused), or nothing when it reaches a year the calendar does not hold yet — the service's
 * deadline store then reports it.
 */
export function decisionDueChange(
  calendar: LegalCalendar,
  facts: CaseFacts,
  closeOpenSuspensionOn: LegalDate | null = null,
): { decisionDueOn?: LegalDate | null } {
  const input = decisionInput(facts, closeOpenSuspensionOn);
  if (input === null) return { decisionDueOn: null };
  const due = tryDueOn(calendar, input);
  return due.known ? { decisionDueOn: due.dueOn } : {};
}

/** For payload flags only: after a deadline that is known; false when it is paused or unknown. */
export function isKnownAfterDue(due: DueOnResult, date: LegalDate): boolean {
  return due.known && isAfterDue(due, date);
}
