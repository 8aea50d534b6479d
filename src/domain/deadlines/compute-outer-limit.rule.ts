import { addMonths } from '../calendar/add-months.period';
import type { CalendarPeriodResult } from '../calendar/calendar-period-result.type';
import type { LegalCalendar } from '../calendar/legal-calendar.model';
import type { LegalDate } from '../calendar/legal-date.value';
import { APPLICATION_OUTER_LIMITS } from './deadline-catalogue';
import type { OuterLimitKind, TriggerEvent } from './deadline-definition.type';

export interface OuterLimitResult extends CalendarPeriodResult {
  readonly kind: OuterLimitKind;
  readonly basis: string;
  readonly triggerEvent: TriggerEvent;
  readonly triggerOn: LegalDate;
  readonly calendarVersion: number;
}

/**
 * The last day on which an application can still be accepted under an outer limit of the
 * application period: 1 year from knowing the act's content when the remedy rights were not told
 * (行政复议法 第二十条第三款), 5 years from the act, 20 for real estate (第二十一条). Counted as a
 * month period (民法典 第二百零二条) rolled forward over rest days (民事诉讼法 第八十五条第三款).
 */
export function computeOuterLimit(
  calendar: LegalCalendar,
  kind: OuterLimitKind,
  triggerOn: LegalDate,
): OuterLimitResult {
  const limit = APPLICATION_OUTER_LIMITS[kind];
  return {
    kind,
    basis: limit.basis,
    triggerEvent: limit.trigger.event,
    triggerOn,
    calendarVersion: calendar.version,
    ...addMonths(calendar, triggerOn, limit.length),
  };
}
