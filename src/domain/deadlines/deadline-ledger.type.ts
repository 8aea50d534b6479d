import type { LegalDate } from '../calendar/legal-date.value';

/**
 * A stop of the clock (e.g. 中止, 行政复议法 第三十九条; an obstacle under 第二十条第二款): the days
 * from `from` up to but not including `to` are not counted, and counting goes on from `to` (a
 * suspension on S resumed on T stops T − S days). No `to`: still suspended, the deadline is
 * paused. Only a stop that begins on or before the deadline's last day has any effect: a deadline
 * that has passed is not revived (see `computeDeadline`).
 */
export interface SuspensionEntry {
  readonly from: LegalDate;
  readonly to?: LegalDate | null;
  readonly reason?: string;
  /** The event that recorded it, for the explanation. */
  readonly ref?: string;
}

/**
 * An approved extension adding `days` to the period, counted in the unit of the period's
 * extension rule (calendar days for 行政复议法 第六十二条第一款, working days for 第三十一条第二款).
 */
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
