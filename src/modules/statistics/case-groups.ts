import type { Outcome } from '../../domain/reconsideration/reconsideration-case.types';
import {
  countInBreakdowns,
  emptyReconsiderationTally,
  type BreakdownKeys,
  type MutableTally,
} from '../../domain/statistics/reconsideration-tally';
import type { StatisticsPeriod } from '../../domain/statistics/statistics-period.value';
import { shiftLegalDate, type LegalDate } from '../../domain/calendar/legal-date.value';

/*
 * The reconsideration figures of consecutive months in one pass over the cases. Each case's legal
 * dates become month numbers of the period with `width_bucket` over the months' first days — 0
 * before the period, 1 … n its months, n + 1 after it, null for a date not set — and the cases
 * are grouped by those numbers and the breakdown columns. The groups (hundreds, a few thousand at
 * most) are folded here: a flow adds a group's count to the month of its date; a stock at the end
 * of day k (k = 0 the day before the period, k = i the last day of month i) counts the groups
 * accepted by then and not concluded by then.
 */

/** The month number of a date: `$4` holds the months' first days and the day after the last. */
export const monthNumberSql = (date: string): string => `width_bucket(${date}, $4::date[])`;

/** `$4` of `monthNumberSql`. */
export function monthBoundaries(months: readonly StatisticsPeriod[]): LegalDate[] {
  const last = months[months.length - 1].to;
  return [...months.map((month) => month.from), shiftLegalDate(last, 1)];
}

/**
 * The last legal date on which a case counts in any figure: infinity while it is pending review
 * (accepted, not concluded), else the latest of its dates. A period's cases are those received
 * by its end whose last date is on or after its start; the covering index
 * `reconsideration_case_statistics_idx` is on this expression and holds every column the pass
 * reads, so a report reads the index alone.
 */
export const LAST_COUNTED_ON = `(CASE WHEN accepted_on IS NOT NULL AND concluded_on IS NULL THEN 'infinity'::date
      ELSE greatest(received_on, accepted_on, rejected_on, abandoned_on, concluded_on) END)`;

export interface CaseGroup {
  received_m: number | null;
  accepted_m: number | null;
  deemed: boolean | null;
  rejected_m: number | null;
  abandoned_m: number | null;
  concluded_m: number | null;
  /** The month number of the day after the decision deadline: overdue from that month's end. */
  overdue_m: number | null;
  outcome: Outcome | null;
  withdrawn: boolean | null;
  late: boolean;
  field: string;
  act_kind: string;
  applicant_type: string;
  procedure: string;
  n: number;
  days: number;
  max_days: number | null;
}

export interface OutcomeSets {
  readonly correctionOutcomes: readonly Outcome[];
  readonly decisionOutcomes: readonly Outcome[];
}

/** Flows by month and the stocks at the end of each day k (0 … n), before suspensions. */
export function foldCaseGroups(
  groups: readonly CaseGroup[],
  monthCount: number,
  sets: OutcomeSets,
): { tallies: MutableTally[]; pending: number[]; overdue: number[] } {
  const tallies = Array.from(
    { length: monthCount },
    () => emptyReconsiderationTally() as MutableTally,
  );
  const pending = new Array<number>(monthCount + 1).fill(0);
  const overdue = new Array<number>(monthCount + 1).fill(0);
  const inPeriod = (month: number | null): month is number =>
    month !== null && month >= 1 && month <= monthCount;
  for (const group of groups) {
    const { n } = group;
    if (inPeriod(group.received_m)) {
      tallies[group.received_m - 1].received += n;
      countInBreakdowns(tallies[group.received_m - 1], keysOf(group), { received: n });
    }
    if (inPeriod(group.accepted_m)) {
      const tally = tallies[group.accepted_m - 1];
      tally.accepted += n;
      if (group.deemed) tally.acceptedDeemed += n;
      countInBreakdowns(tally, keysOf(group), { accepted: n });
    }
    if (inPeriod(group.rejected_m)) tallies[group.rejected_m - 1].rejected += n;
    if (inPeriod(group.abandoned_m)) tallies[group.abandoned_m - 1].abandoned += n;
    if (inPeriod(group.concluded_m) && group.outcome !== null) {
      addConclusions(tallies[group.concluded_m - 1], group, sets);
    }
    if (group.accepted_m === null) continue;
    const concludedBy = Math.min(group.concluded_m ?? monthCount + 1, monthCount + 1);
    for (let day = group.accepted_m; day < concludedBy; day++) {
      pending[day] += n;
      if (group.overdue_m !== null && group.overdue_m <= day) overdue[day] += n;
    }
  }
  return { tallies, pending, overdue };
}

function addConclusions(tally: MutableTally, group: CaseGroup, sets: OutcomeSets): void {
  const outcome = group.outcome as Outcome;
  const corrected = sets.correctionOutcomes.includes(outcome) ? group.n : 0;
  tally.concludedByOutcome[outcome] += group.n;
  if (group.withdrawn) tally.terminatedByWithdrawal += group.n;
  tally.corrected += corrected;
  if (group.late) tally.concludedLate += group.n;
  tally.handlingDaysTotal += group.days;
  if (group.max_days !== null) {
    tally.handlingDaysMax = Math.max(tally.handlingDaysMax ?? group.max_days, group.max_days);
  }
  countInBreakdowns(tally, keysOf(group), {
    concluded: group.n,
    decided: sets.decisionOutcomes.includes(outcome) ? group.n : 0,
    corrected,
  });
}

const keysOf = (group: CaseGroup): BreakdownKeys => ({
  field: group.field,
  actKind: group.act_kind,
  applicantKind: group.applicant_type,
  procedure: group.procedure,
});
