import { OUTCOMES, type Outcome } from '../reconsideration/reconsideration-case.types';

/*
 * The counts a month's reconsideration figures are made of (DESIGN, "Statistics"). Flows count
 * acts by their legal date in the period; stocks are taken at the end of a day (the opening stock
 * at the end of the day before the period, the closing stock at the end of its last day). Every
 * flow is additive, so a year's tally is the sum of its months; the opening stock is the first
 * month's, the closing stocks the last month's.
 */

/** What one value of a breakdown dimension (a field, a kind of act …) counts. */
export interface BreakdownTally {
  readonly received: number;
  readonly accepted: number;
  readonly concluded: number;
  /** Concluded by a decision on the merits (the correction rate's base). */
  readonly decided: number;
  /** Concluded with an outcome of the correction set. */
  readonly corrected: number;
}

export const BREAKDOWN_DIMENSIONS = ['field', 'actKind', 'applicantKind', 'procedure'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export interface ReconsiderationTally {
  // Flows, by legal date in the period.
  readonly received: number;
  readonly accepted: number;
  readonly acceptedDeemed: number;
  readonly rejected: number;
  readonly abandoned: number;
  readonly concludedByOutcome: Readonly<Record<Outcome, number>>;
  /** Concluded by termination because the application was withdrawn (撤回, 第四十一条第一项). */
  readonly terminatedByWithdrawal: number;
  /** Concluded with an outcome of the correction set. */
  readonly corrected: number;
  readonly concludedLate: number;
  /** Calendar days from acceptance to conclusion, summed and at most, over the concluded. */
  readonly handlingDaysTotal: number;
  readonly handlingDaysMax: number | null;
  /** Hearings (听证, 第五十条) held in the period. */
  readonly hearingsHeld: number;
  /** Decision periods extended (第六十二条), by the date the head approved it. */
  readonly extended: number;
  /** Concluded in the period with a linked lawsuit, as known when computed (drift shows later ones). */
  readonly concludedLitigated: number;
  // Stocks.
  readonly pendingAtStart: number;
  readonly pendingAtEnd: number;
  readonly suspendedAtEnd: number;
  readonly extendedAtEnd: number;
  readonly overdueAtEnd: number;
  readonly breakdowns: Readonly<
    Record<BreakdownDimension, Readonly<Record<string, BreakdownTally>>>
  >;
}

export const EMPTY_BREAKDOWN: BreakdownTally = {
  received: 0,
  accepted: 0,
  concluded: 0,
  decided: 0,
  corrected: 0,
};

export function zeroByOutcome(): Record<Outcome, number> {
  return Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
}

export function emptyReconsiderationTally(): ReconsiderationTally {
  return {
    received: 0,
    accepted: 0,
    acceptedDeemed: 0,
    rejected: 0,
    abandoned: 0,
    concludedByOutcome: zeroByOutcome(),
    terminatedByWithdrawal: 0,
    corrected: 0,
    concludedLate: 0,
    handlingDaysTotal: 0,
    handlingDaysMax: null,
    hearingsHeld: 0,
    extended: 0,
    concludedLitigated: 0,
    pendingAtStart: 0,
    pendingAtEnd: 0,
    suspendedAtEnd: 0,
    extendedAtEnd: 0,
    overdueAtEnd: 0,
    breakdowns: { field: {}, actKind: {}, applicantKind: {}, procedure: {} },
  };
}

export function concludedOf(tally: ReconsiderationTally): number {
  return OUTCOMES.reduce((sum, outcome) => sum + tally.concludedByOutcome[outcome], 0);
}

function addBreakdowns(
  a: Readonly<Record<string, BreakdownTally>>,
  b: Readonly<Record<string, BreakdownTally>>,
): Record<string, BreakdownTally> {
  const result: Record<string, BreakdownTally> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const base = result[key] ?? EMPTY_BREAKDOWN;
    result[key] = {
      received: base.received + value.received,
      accepted: base.accepted + value.accepted,
      concluded: base.concluded + value.concluded,
      decided: base.decided + value.decided,
      corrected: base.corrected + value.corrected,
    };
  }
  return result;
}

const maxOf = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.max(a, b);

/**
 * The tally of two consecutive periods (`earlier` then `later`): flows add up, the opening stock
 * is the earlier's, the closing stocks the later's.
 */
export function addTallies(
  earlier: ReconsiderationTally,
  later: ReconsiderationTally,
): ReconsiderationTally {
  const byOutcome = zeroByOutcome();
  for (const outcome of OUTCOMES) {
    byOutcome[outcome] = earlier.concludedByOutcome[outcome] + later.concludedByOutcome[outcome];
  }
  return {
    received: earlier.received + later.received,
    accepted: earlier.accepted + later.accepted,
    acceptedDeemed: earlier.acceptedDeemed + later.acceptedDeemed,
    rejected: earlier.rejected + later.rejected,
    abandoned: earlier.abandoned + later.abandoned,
    concludedByOutcome: byOutcome,
    terminatedByWithdrawal: earlier.terminatedByWithdrawal + later.terminatedByWithdrawal,
    corrected: earlier.corrected + later.corrected,
    concludedLate: earlier.concludedLate + later.concludedLate,
    handlingDaysTotal: earlier.handlingDaysTotal + later.handlingDaysTotal,
    handlingDaysMax: maxOf(earlier.handlingDaysMax, later.handlingDaysMax),
    hearingsHeld: earlier.hearingsHeld + later.hearingsHeld,
    extended: earlier.extended + later.extended,
    concludedLitigated: earlier.concludedLitigated + later.concludedLitigated,
    pendingAtStart: earlier.pendingAtStart,
    pendingAtEnd: later.pendingAtEnd,
    suspendedAtEnd: later.suspendedAtEnd,
    extendedAtEnd: later.extendedAtEnd,
    overdueAtEnd: later.overdueAtEnd,
    breakdowns: {
      field: addBreakdowns(earlier.breakdowns.field, later.breakdowns.field),
      actKind: addBreakdowns(earlier.breakdowns.actKind, later.breakdowns.actKind),
      applicantKind: addBreakdowns(
        earlier.breakdowns.applicantKind,
        later.breakdowns.applicantKind,
      ),
      procedure: addBreakdowns(earlier.breakdowns.procedure, later.breakdowns.procedure),
    },
  };
}

/** The tally of consecutive months, in order (empty for none). */
export function sumTallies(months: readonly ReconsiderationTally[]): ReconsiderationTally {
  if (months.length === 0) return emptyReconsiderationTally();
  return months.slice(1).reduce(addTallies, months[0]);
}
