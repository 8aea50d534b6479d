import type { LegalDate } from '../calendar/legal-date.value';
import type { PeriodUnit } from '../calendar/period-unit.type';
import type {
  DeadlineFamily,
  DeadlineKind,
  DeadlineMeaning,
  PeriodVariant,
  TriggerEvent,
} from './deadline-definition.type';

interface AdjustmentBase {
  /**
   * True when the entry began after the due date then in effect had passed (an extension approved
   * late, a suspension ordered on an overdue case). Such an entry moves nothing — an expired
   * deadline is not revived — and is kept so the history shows it.
   */
  readonly afterDue: boolean;
  /**
   * Calendar days the entry actually moved the last day by (0 when `afterDue`); null while it
   * cannot be known: an open suspension, or an extension granted during one.
   */
  readonly addedDays: number | null;
  readonly reason?: string;
  readonly ref?: string;
}

export interface SuspensionAdjustment extends AdjustmentBase {
  readonly type: 'suspension';
  readonly from: LegalDate;
  /** Null while still suspended. */
  readonly to: LegalDate | null;
  /** `to − from`, the calendar days stopped; null while still suspended. */
  readonly days: number | null;
}

export interface ExtensionAdjustment extends AdjustmentBase {
  readonly type: 'extension';
  readonly approvedOn: LegalDate;
  readonly approvedBy?: string;
  /** In `unit`: calendar days, or working days for a working-day period. */
  readonly days: number;
  readonly unit: 'days' | 'working_days';
}

export type DeadlineAdjustment = SuspensionAdjustment | ExtensionAdjustment;

/**
 * A deadline that explains itself (DESIGN, "Deadlines explain themselves"): rule, trigger,
 * length, the raw and final dates, every adjustment, and the calendar version used.
 *
 * The ledger is walked in date order from `rawDueOn`. A suspension from S to T that begins on or
 * before the last day then in force keeps the time that remained at S: the last day moves to
 * max(last + (T − S), T), never before the resumption; an extension adds its days. Entries that
 * begin after the last day passed move nothing. Roll-forward only for `act_by` periods, only on
 * the final date.
 */
export interface DeadlineRecord {
  readonly kind: DeadlineKind;
  readonly family: DeadlineFamily;
  readonly meaning: DeadlineMeaning;
  readonly variant: PeriodVariant;
  /** Statute and article, e.g. `行政复议法 第六十二条第一款`. */
  readonly basis: string;
  readonly triggerEvent: TriggerEvent;
  readonly triggerOn: LegalDate;
  readonly length: number;
  readonly unit: PeriodUnit;
  /** The end by counting the statutory period alone: no adjustment, no roll-forward. */
  readonly rawDueOn: LegalDate;
  /** `rawDueOn` plus suspended and extended days, before roll-forward; null while paused. */
  readonly adjustedDueOn: LegalDate | null;
  /** The final date; null while paused (an open suspension). */
  readonly dueOn: LegalDate | null;
  /** True when `adjustedDueOn` was a rest day and `dueOn` is the next working day. */
  readonly rolledForward: boolean;
  /** Calendar days the last day moved by for closed suspensions (Σ their `addedDays`). */
  readonly suspendedDays: number;
  /** Calendar days the last day moved by for extensions (Σ their known `addedDays`). */
  readonly extendedDays: number;
  /** Suspensions and extensions in date order. */
  readonly adjustments: readonly DeadlineAdjustment[];
  /** An open suspension: the clock is stopped and there is no due date. */
  readonly paused: boolean;
  readonly pausedOn: LegalDate | null;
  readonly calendarVersion: number;
  /**
   * True when the computation read a year the calendar holds only provisionally (its arrangement
   * not yet published, DESIGN rule 6): the date is shown, flagged, and recomputed once the year
   * is loaded.
   */
  readonly provisional: boolean;
  /** The provisional years read (those of `yearsTouched` that are provisional), ascending. */
  readonly provisionalYears: readonly number[];
}
