import type { LegalCalendar } from './legal-calendar.model';
import { dayNumberOf } from './legal-date.value';
import type { LegalDate } from './legal-date.value';
import { assertPeriodLength } from './period-length.guard';

/**
 * The last day of a period of `n` working days that starts on `from`.
 *
 * - 民事诉讼法 第八十五条第二款 (via 行政复议法 第八十八条第一款): the start day is not counted, so
 *   day 1 is the first working day after `from`, whatever `from` is.
 * - 行政复议法 第八十八条第二款: the law's "3, 5, 7 and 10 days" are working days, not counting
 *   statutory rest days — so the result is the n-th working day after `from`, counting adjusted
 *   working Saturdays and Sundays (调休上班日) and skipping public holidays.
 * - The result is itself a working day, so no roll-forward is ever needed.
 *
 * Example: from Fri 2024-09-27, 5 working days → 09-29 (adjusted working Sunday), 09-30, then
 * 10-01…10-07 are holidays, 10-08, 10-09, 10-10 → 2024-10-10.
 */
export function addWorkingDays(calendar: LegalCalendar, from: LegalDate, n: number): LegalDate {
  assertPeriodLength('working_days', n);
  return calendar.legalDateOf(calendar.nthWorkingDayAfter(dayNumberOf(from), n));
}
