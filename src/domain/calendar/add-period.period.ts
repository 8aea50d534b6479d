import { addCalendarDays } from './add-calendar-days.period';
import { addMonths } from './add-months.period';
import { addWorkingDays } from './add-working-days.period';
import type { CalendarPeriodResult } from './calendar-period-result.type';
import type { LegalCalendar } from './legal-calendar.model';
import type { LegalDate } from './legal-date.value';
import type { PeriodUnit } from './period-unit.type';

/**
 * The end of a period of `length` `unit`s starting on `from`, by the rule of its unit (see
 * {@link addWorkingDays}, {@link addCalendarDays}, {@link addMonths}). A working-day period ends
 * on a working day and never rolls forward.
 */
export function addPeriod(
  calendar: LegalCalendar,
  from: LegalDate,
  length: number,
  unit: PeriodUnit,
): CalendarPeriodResult {
  switch (unit) {
    case 'working_days': {
      const dueOn = addWorkingDays(calendar, from, length);
      return { rawDueOn: dueOn, dueOn, rolledForward: false };
    }
    case 'days':
      return addCalendarDays(calendar, from, length);
    case 'months':
      return addMonths(calendar, from, length);
  }
}
