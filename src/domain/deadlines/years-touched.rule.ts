import { dayNumberOf, partsFromDayNumber } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import type { DeadlineRecord } from './deadline-record.type';

/**
 * The calendar years a deadline computation depended on: every year from the trigger date (or
 * the earlier due date of an `act_before` kind) to the latest date in the record (the final due date, or for a paused deadline the latest of its raw
 * date and adjustments). When an administrator changes a year of the calendar, the open deadlines
 * whose `yearsTouched` include it are recomputed (DESIGN, "Deadlines explain themselves").
 */
export function yearsTouched(
  record: Pick<
    DeadlineRecord,
    'triggerOn' | 'rawDueOn' | 'dueOn' | 'adjustedDueOn' | 'pausedOn' | 'adjustments'
  >,
): number[] {
  let last = dayNumberOf(record.rawDueOn);
  const consider = (date: LegalDate | null | undefined): void => {
    if (date) last = Math.max(last, dayNumberOf(date));
  };
  consider(record.dueOn);
  consider(record.adjustedDueOn);
  consider(record.pausedOn);
  for (const adjustment of record.adjustments) {
    if (adjustment.type === 'suspension') {
      consider(adjustment.from);
      consider(adjustment.to);
    } else {
      consider(adjustment.approvedOn);
    }
  }
  // An `act_before` deadline lies before its trigger.
  const first = Math.min(dayNumberOf(record.triggerOn), dayNumberOf(record.rawDueOn));
  const firstYear = partsFromDayNumber(first).year;
  const lastYear = partsFromDayNumber(last).year;
  const years: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) years.push(year);
  return years;
}
