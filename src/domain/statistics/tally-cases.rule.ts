import type { LegalDate } from '../calendar/legal-date.value';
import { dayNumberOf } from '../calendar/legal-date.value';
import type { Outcome, TerminationReason } from '../reconsideration/reconsideration-case.types';
import {
  countInBreakdowns,
  emptyReconsiderationTally,
  type BreakdownKeys,
  type MutableTally,
  type ReconsiderationTally,
} from './reconsideration-tally';
import type { StatisticsPeriod } from './statistics-period.value';
import { dayBefore } from './statistics-period.value';

/*
 * The reference definition of every reconsideration count, over case histories held in memory.
 * The statistics repository computes the same counts in PostgreSQL (a test compares the two on
 * random histories); this one is what the property tests reason about.
 */

/** The facts of one case a report reads (its current state: dates of what happened). */
export interface CaseHistory {
  readonly receivedOn: LegalDate;
  readonly acceptedOn: LegalDate | null;
  readonly acceptedHow: 'decided' | 'deemed' | null;
  readonly rejectedOn: LegalDate | null;
  readonly abandonedOn: LegalDate | null;
  readonly concludedOn: LegalDate | null;
  readonly outcome: Outcome | null;
  readonly terminationReason: TerminationReason | null;
  readonly concludedLate: boolean;
  readonly decisionDueOn: LegalDate | null;
  /** Suspensions, closed (`resumedOn`) or open (null). */
  readonly suspensions: readonly { suspendedOn: LegalDate; resumedOn: LegalDate | null }[];
  readonly extensionApprovedOn: LegalDate | null;
  /** Dates of hearings (听证) held. */
  readonly hearingsHeldOn: readonly LegalDate[];
  /** The earliest date a linked lawsuit's complaint was received, if any (known now). */
  readonly litigatedOn: LegalDate | null;
  readonly field: string;
  readonly actKind: string;
  readonly applicantKind: string;
  readonly procedure: string;
}

const onOrBefore = (date: LegalDate | null, end: LegalDate): date is LegalDate =>
  date !== null && date <= end;
const within = (date: LegalDate | null, period: StatisticsPeriod): date is LegalDate =>
  date !== null && date >= period.from && date <= period.to;

/** Accepted by the end of `day` and not concluded by then. */
export function pendingAt(history: CaseHistory, day: LegalDate): boolean {
  return onOrBefore(history.acceptedOn, day) && !onOrBefore(history.concludedOn, day);
}

export function suspendedAt(history: CaseHistory, day: LegalDate): boolean {
  return history.suspensions.some(
    (suspension) =>
      suspension.suspendedOn <= day &&
      (suspension.resumedOn === null || suspension.resumedOn > day),
  );
}

/** The tally of one period over the histories (of one body, or of all for a roll-up). */
export function tallyCases(
  histories: readonly CaseHistory[],
  period: StatisticsPeriod,
  sets: {
    readonly correctionOutcomes: readonly Outcome[];
    readonly decisionOutcomes: readonly Outcome[];
  },
): ReconsiderationTally {
  const tally = emptyReconsiderationTally() as MutableTally;
  const opening = dayBefore(period.from);
  const end = period.to;

  for (const history of histories) {
    // A history names its breakdown values as the dimensions do.
    const keys: BreakdownKeys = history;
    if (within(history.receivedOn, period)) {
      tally.received++;
      countInBreakdowns(tally, keys, { received: 1 });
    }
    if (within(history.acceptedOn, period)) {
      tally.accepted++;
      if (history.acceptedHow === 'deemed') tally.acceptedDeemed++;
      countInBreakdowns(tally, keys, { accepted: 1 });
    }
    if (within(history.rejectedOn, period)) tally.rejected++;
    if (within(history.abandonedOn, period)) tally.abandoned++;
    if (within(history.concludedOn, period) && history.outcome !== null) {
      const outcome = history.outcome;
      tally.concludedByOutcome[outcome]++;
      const isCorrected = sets.correctionOutcomes.includes(outcome);
      if (isCorrected) tally.corrected++;
      if (outcome === 'terminated' && history.terminationReason === 'withdrawn') {
        tally.terminatedByWithdrawal++;
      }
      if (history.concludedLate) tally.concludedLate++;
      const days =
        history.acceptedOn === null
          ? 0
          : dayNumberOf(history.concludedOn) - dayNumberOf(history.acceptedOn);
      tally.handlingDaysTotal += days;
      tally.handlingDaysMax = Math.max(tally.handlingDaysMax ?? days, days);
      if (history.litigatedOn !== null) tally.concludedLitigated++;
      countInBreakdowns(tally, keys, {
        concluded: 1,
        decided: sets.decisionOutcomes.includes(outcome) ? 1 : 0,
        corrected: isCorrected ? 1 : 0,
      });
    }
    tally.hearingsHeld += history.hearingsHeldOn.filter((day) => within(day, period)).length;
    if (within(history.extensionApprovedOn, period)) tally.extended++;
    if (pendingAt(history, opening)) tally.pendingAtStart++;
    if (pendingAt(history, end)) {
      tally.pendingAtEnd++;
      const suspended = suspendedAt(history, end);
      if (suspended) tally.suspendedAtEnd++;
      if (onOrBefore(history.extensionApprovedOn, end)) tally.extendedAtEnd++;
      if (!suspended && history.decisionDueOn !== null && history.decisionDueOn < end) {
        tally.overdueAtEnd++;
      }
    }
  }
  return tally;
}
