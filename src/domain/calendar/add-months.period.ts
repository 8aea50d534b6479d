import type { CalendarPeriodResult } from './calendar-period-result.type';
import type { LegalCalendar } from './legal-calendar.model';
import {
  dayNumberFromParts,
  daysInMonth,
  dayNumberOf,
  partsFromDayNumber,
} from './legal-date.value';
import type { LegalDate } from './legal-date.value';
import { assertPeriodLength } from './period-length.guard';

/**
 * The raw last day of a period of `n` months from the day `dayNumber`: the same day-of-month `n`
 * months later, or that month's last day when the day does not exist there (01-31 + 1 month →
 * 02-29 in 2024, 02-28 in 2025). No roll-forward.
 *
 * 民法典 第二百零二条: 按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为
 * 期间的最后一日 (DESIGN §3). The start day is excluded (民事诉讼法 第八十五条第二款), which for
 * months is exactly "the corresponding day".
 */
export function monthsLaterDayNumber(dayNumber: number, n: number): number {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  const monthIndex = year * 12 + (month - 1) + n;
  const dueYear = Math.floor(monthIndex / 12);
  const dueMonth = (monthIndex % 12) + 1;
  return dayNumberFromParts(dueYear, dueMonth, Math.min(day, daysInMonth(dueYear, dueMonth)));
}

/**
 * The end of a period of `n` months that starts on `from`: the corresponding day (clamped to the
 * month's end, see {@link monthsLaterDayNumber}), rolled forward to the next working day when it
 * is a statutory rest day (民事诉讼法 第八十五条第三款).
 */
export function addMonths(
  calendar: LegalCalendar,
  from: LegalDate,
  n: number,
): CalendarPeriodResult {
  assertPeriodLength('months', n);
  const raw = monthsLaterDayNumber(dayNumberOf(from), n);
  const due = calendar.firstWorkingDayOnOrAfter(raw);
  return {
    rawDueOn: calendar.legalDateOf(raw),
    dueOn: calendar.legalDateOf(due),
    rolledForward: due !== raw,
  };
}
