import type { LegalDate } from '../calendar/legal-date.value';
import { dayNumberOf } from '../calendar/legal-date.value';
import type { Outcome, TerminationReason } from '../reconsideration/reconsideration-case.types';
import {
  EMPTY_BREAKDOWN,
  zeroByOutcome,
  type BreakdownDimension,
  type BreakdownTally,
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

type MutableBreakdowns = Record<BreakdownDimension, Record<string, BreakdownTally>>;

function bump(
  breakdowns: MutableBreakdowns,
  history: CaseHistory,
  what: Partial<BreakdownTally>,
): void {
  const keys: Record<BreakdownDimension, string> = {
    field: history.field,
    actKind: history.actKind,
    applicantKind: history.applicantKind,
    procedure: history.procedure,
  };
  for (const dimension of Object.keys(keys) as BreakdownDimension[]) {
    const base = breakdowns[dimension][keys[dimension]] ?? EMPTY_BREAKDOWN;
    breakdowns[dimension][keys[dimension]] = {
      received: base.received + (what.received ?? 0),
      accepted: base.accepted + (what.accepted ?? 0),
      concluded: base.concluded + (what.concluded ?? 0),
      decided: base.decided + (what.decided ?? 0),
      corrected: base.corrected + (what.corrected ?? 0),
    };
  }
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
  const byOutcome = zeroByOutcome();
  const breakdowns: MutableBreakdowns = {
    field: {},
    actKind: {},
    applicantKind: {},
    procedure: {},
  };
  const opening = dayBefore(period.from);
  const end = period.to;
  let received = 0;
  let accepted = 0;
  let acceptedDeemed = 0;
  let rejected = 0;
  let abandoned = 0;
  let terminatedByWithdrawal = 0;
  let corrected = 0;
  let concludedLate = 0;
  let handlingDaysTotal = 0;
  let handlingDaysMax: number | null = null;
  let hearingsHeld = 0;
  let extended = 0;
  let concludedLitigated = 0;
  let pendingAtStart = 0;
  let pendingAtEnd = 0;
  let suspendedAtEnd = 0;
  let extendedAtEnd = 0;
  let overdueAtEnd = 0;

  for (const history of histories) {
    if (within(history.receivedOn, period)) {
      received++;
      bump(breakdowns, history, { received: 1 });
    }
    if (within(history.acceptedOn, period)) {
      accepted++;
      if (history.acceptedHow === 'deemed') acceptedDeemed++;
      bump(breakdowns, history, { accepted: 1 });
    }
    if (within(history.rejectedOn, period)) rejected++;
    if (within(history.abandonedOn, period)) abandoned++;
    if (within(history.concludedOn, period) && history.outcome !== null) {
      const outcome = history.outcome;
      byOutcome[outcome]++;
      const isCorrected = sets.correctionOutcomes.includes(outcome);
      if (isCorrected) corrected++;
      if (outcome === 'terminated' && history.terminationReason === 'withdrawn') {
        terminatedByWithdrawal++;
      }
      if (history.concludedLate) concludedLate++;
      const days =
        history.acceptedOn === null
          ? 0
          : dayNumberOf(history.concludedOn) - dayNumberOf(history.acceptedOn);
      handlingDaysTotal += days;
      handlingDaysMax = handlingDaysMax === null ? days : Math.max(handlingDaysMax, days);
      if (history.litigatedOn !== null) concludedLitigated++;
      bump(breakdowns, history, {
        concluded: 1,
        decided: sets.decisionOutcomes.includes(outcome) ? 1 : 0,
        corrected: isCorrected ? 1 : 0,
      });
    }
    hearingsHeld += history.hearingsHeldOn.filter((day) => within(day, period)).length;
    if (within(history.extensionApprovedOn, period)) extended++;
    if (pendingAt(history, opening)) pendingAtStart++;
    if (pendingAt(history, end)) {
      pendingAtEnd++;
      const suspended = suspendedAt(history, end);
      if (suspended) suspendedAtEnd++;
      if (onOrBefore(history.extensionApprovedOn, end)) extendedAtEnd++;
      if (!suspended && history.decisionDueOn !== null && history.decisionDueOn < end) {
        overdueAtEnd++;
      }
    }
  }
  return {
    received,
    accepted,
    acceptedDeemed,
    rejected,
    abandoned,
    concludedByOutcome: byOutcome,
    terminatedByWithdrawal,
    corrected,
    concludedLate,
    handlingDaysTotal,
    handlingDaysMax,
    hearingsHeld,
    extended,
    concludedLitigated,
    pendingAtStart,
    pendingAtEnd,
    suspendedAtEnd,
    extendedAtEnd,
    overdueAtEnd,
    breakdowns,
  };
}
