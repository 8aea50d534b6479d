import type { LegalDate } from './legal-date.value';

/** The end of a calendar period, explained. */
export interface CalendarPeriodResult {
  /** The last day by counting alone. */
  readonly rawDueOn: LegalDate;
  /** The last day after rolling forward over statutory rest days. */
  readonly dueOn: LegalDate;
  /** True when `rawDueOn` was a rest day and `dueOn` is the next working day. */
  readonly rolledForward: boolean;
}
