import type { CalendarPeriodResult } from './calendar-period-result.type';
import type { LegalCalendar } from './legal-calendar.model';
import { dayNumberOf } from './legal-date.value';
import type { LegalDate } from './legal-date.value';
import { assertPeriodLength } from './period-length.guard';

/**
 * The end of a period of `n` calendar days that starts on `from`.
 *
 * - 民事诉讼法 第八十五条第二款: 期间开始的时和日，不计算在期间内 — the start day is excluded, so
 *   the raw last day is `from + n` (a 5-day period from 2024-03-01 counts 03-02 as day 1 and ends
 *   on 03-06).
 * - 民事诉讼法 第八十五条第三款: when that day is a statutory rest day (weekend or holiday, not an
 *   adjusted working Saturday/Sunday), the period ends on the next working day.
 */
export function addCalendarDays(
  calendar: LegalCalendar,
  from: LegalDate,
  n: number,
): CalendarPeriodResult {
  assertPeriodLength('days', n);
  const raw = dayNumberOf(from) + n;
  const due = calendar.firstWorkingDayOnOrAfter(raw);
  return {
    rawDueOn: calendar.legalDateOf(raw),
    dueOn: calendar.legalDateOf(due),
    rolledForward: due !== raw,
  };
}
