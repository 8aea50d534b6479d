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
   * late, a suspension ordered on an overdue case). It is still counted; the flag lets the
   * workflow and the report show the irregularity.
   */
  readonly afterDue: boolean;
  readonly reason?: string;
  readonly ref?: string;
}

export interface SuspensionAdjustment extends AdjustmentBase {
  readonly type: 'suspension';
  readonly from: LegalDate;
  /** Null while still suspended. */
  readonly to: LegalDate | null;
  /** `to − from` calendar days; null while still suspended. */
  readonly days: number | null;
}

export interface ExtensionAdjustment extends AdjustmentBase {
  readonly type: 'extension';
  readonly approvedOn: LegalDate;
  readonly approvedBy?: string;
  readonly days: number;
}

export type DeadlineAdjustment = SuspensionAdjustment | ExtensionAdjustment;

/**
 * A deadline that explains itself (DESIGN, "Deadlines explain themselves"): rule, trigger,
 * length, the raw and final dates, every adjustment, and the calendar version used.
 *
 * dueOn = rollForward(rawDueOn + Σ closed suspensions' days + Σ extensions' days); roll-forward
 * only for `act_by` periods, only on the final date.
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
  /** Calendar days added by closed suspensions. */
  readonly suspendedDays: number;
  /** Calendar days added by extensions. */
  readonly extendedDays: number;
  /** Suspensions and extensions in date order. */
  readonly adjustments: readonly DeadlineAdjustment[];
  /** An open suspension: the clock is stopped and there is no due date. */
  readonly paused: boolean;
  readonly pausedOn: LegalDate | null;
  readonly calendarVersion: number;
}
