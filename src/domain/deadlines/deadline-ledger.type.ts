import type { LegalDate } from '../calendar/legal-date.value';

/**
 * A suspension of the period (e.g. 中止, 行政复议法 第三十九条; an obstacle under 第二十条第二款).
 * Days from `from` (suspendedOn) to `to` (resumedOn) push the due date back by `to − from`
 * calendar days. No `to`: still suspended, the deadline is paused.
 */
export interface SuspensionEntry {
  readonly from: LegalDate;
  readonly to?: LegalDate | null;
  readonly reason?: string;
  /** The event that recorded it, for the explanation. */
  readonly ref?: string;
}

/** An approved extension adding `days` calendar days (e.g. 行政复议法 第六十二条第一款). */
export interface ExtensionEntry {
  readonly days: number;
  readonly approvedOn: LegalDate;
  readonly approvedBy?: string;
  readonly reason?: string;
  readonly ref?: string;
}

/** Suspensions and extensions recorded against one deadline, in any order. */
export interface DeadlineLedger {
  readonly suspensions?: readonly SuspensionEntry[];
  readonly extensions?: readonly ExtensionEntry[];
}
