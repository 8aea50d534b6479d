import { CalendarYearMissingError } from '../../domain/calendar/calendar-year-missing.error';
import type { LegalCalendar } from '../../domain/calendar/legal-calendar.model';
import { yearOf } from '../../domain/calendar/legal-date.value';
import { computeDeadline, type DeadlineInput } from '../../domain/deadlines/compute-deadline.rule';
import type { DeadlineRecord } from '../../domain/deadlines/deadline-record.type';
import { yearsTouched } from '../../domain/deadlines/years-touched.rule';

export interface DeadlineComputation {
  record: DeadlineRecord | null;
  dueOn: string | null;
  paused: boolean;
  firstYear: number;
  lastYear: number;
  /**
   * The first year whose arrangement is awaited: one the calendar holds only provisionally (the
   * due date is provisional), or lacks altogether (no due date yet).
   */
  pendingYear: number | null;
}

/**
 * Computes a deadline; when the calendar lacks a year, the deadline is kept without a due date
 * and marked pending that year, so work goes on and the gap shows (never a weekends-only guess).
 */
export function computeStoredDeadline(
  calendar: LegalCalendar,
  input: DeadlineInput,
): DeadlineComputation {
  try {
    const record = computeDeadline(calendar, input);
    const years = yearsTouched(record);
    return {
      record,
      dueOn: record.dueOn,
      paused: record.paused,
      firstYear: Math.min(...years),
      lastYear: Math.max(...years),
      pendingYear: record.provisionalYears[0] ?? null,
    };
  } catch (error) {
    if (!(error instanceof CalendarYearMissingError)) throw error;
    return {
      record: null,
      dueOn: null,
      paused: false,
      firstYear: yearOf(input.triggerOn),
      lastYear: error.year,
      pendingYear: error.year,
    };
  }
}
