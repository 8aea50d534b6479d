import type { LegalCalendar } from './legal-calendar.model';
import { dayNumberOf } from './legal-date.value';
import type { LegalDate } from './legal-date.value';

/**
 * Working days in (from, to]: the start day excluded and the end day included, as a period is
 * counted (民事诉讼法 第八十五条第二款; 行政复议法 第八十八条第二款). So
 * `countWorkingDays(c, d, addWorkingDays(c, d, n)) === n`. Negative when `to` is before `from`
 * (minus the working days in (to, from]). Used for "due soon" (≤ 3 working days left) and
 * "how late".
 */
export function countWorkingDays(calendar: LegalCalendar, from: LegalDate, to: LegalDate): number {
  return calendar.countWorkingDaysBetween(dayNumberOf(from), dayNumberOf(to));
}
