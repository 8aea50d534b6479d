import type { CalendarPeriodResult } from './calendar-period-result.type';
import type { LegalCalendar } from './legal-calendar.model';
import { dayNumberOf } from './legal-date.value';
import type { LegalDate } from './legal-date.value';

/**
 * 民事诉讼法 第八十五条第三款 (applied to reconsideration by 行政复议法 第八十八条第一款, to
 * litigation by 行诉解释 第四十八条第三款): when the last day of a period is a statutory rest day
 * (法定休假日: a weekend day or a public holiday — but not a Saturday or Sunday the State Council
 * declared a working day), the period ends on the first day after the rest days, i.e. the next
 * working day.
 */
export function rollForward(calendar: LegalCalendar, rawDueOn: LegalDate): CalendarPeriodResult {
  const raw = dayNumberOf(rawDueOn);
  const due = calendar.firstWorkingDayOnOrAfter(raw);
  return { rawDueOn, dueOn: calendar.legalDateOf(due), rolledForward: due !== raw };
}
