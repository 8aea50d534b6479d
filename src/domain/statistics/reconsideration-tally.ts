import { OUTCOMES, type Outcome } from '../reconsideration/reconsideration-case.types';
import { sumCounts } from './counts';

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

/** A tally being counted (by the reference definition or from the statistics queries). */
export type MutableTally = {
  -readonly [K in keyof ReconsiderationTally]: ReconsiderationTally[K];
} & {
  concludedByOutcome: Record<Outcome, number>;
  breakdowns: Record<BreakdownDimension, Record<string, BreakdownTally>>;
};

/** The breakdown keys of a case: its value in each dimension. */
export type BreakdownKeys = Readonly<Record<BreakdownDimension, string>>;

/** Adds `what` to the breakdown entry of each dimension's value. */
export function countInBreakdowns(
  tally: MutableTally,
  keys: BreakdownKeys,
  what: Partial<BreakdownTally>,
): void {
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const entries = tally.breakdowns[dimension];
    entries[keys[dimension]] = sumCounts(entries[keys[dimension]] ?? EMPTY_BREAKDOWN, what);
  }
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
    result[key] = sumCounts(result[key] ?? EMPTY_BREAKDOWN, value);
  }
  return result;
}

const maxOf = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.max(a, b);

/** The counts that add up over consecutive periods (the flows). */
const FLOWS = [
  'received',
  'accepted',
  'acceptedDeemed',
  'rejected',
  'abandoned',
  'terminatedByWithdrawal',
  'corrected',
  'concludedLate',
  'handlingDaysTotal',
  'hearingsHeld',
  'extended',
  'concludedLitigated',
] as const;

/**
 * The tally of two consecutive periods (`earlier` then `later`): flows add up, the opening stock
 * is the earlier's, the closing stocks the later's.
 */
export function addTallies(
  earlier: ReconsiderationTally,
  later: ReconsiderationTally,
): ReconsiderationTally {
  const flows = Object.fromEntries(FLOWS.map((key) => [key, earlier[key] + later[key]])) as Pick<
    ReconsiderationTally,
    (typeof FLOWS)[number]
  >;
  return {
    ...flows,
    concludedByOutcome: sumCounts(earlier.concludedByOutcome, later.concludedByOutcome),
    handlingDaysMax: maxOf(earlier.handlingDaysMax, later.handlingDaysMax),
    pendingAtStart: earlier.pendingAtStart,
    pendingAtEnd: later.pendingAtEnd,
    suspendedAtEnd: later.suspendedAtEnd,
    extendedAtEnd: later.extendedAtEnd,
    overdueAtEnd: later.overdueAtEnd,
    breakdowns: Object.fromEntries(
      BREAKDOWN_DIMENSIONS.map((dimension) => [
        dimension,
        addBreakdowns(earlier.breakdowns[dimension], later.breakdowns[dimension]),
      ]),
    ) as ReconsiderationTally['breakdowns'],
  };
}

/** The tally of consecutive months, in order (empty for none). */
export function sumTallies(months: readonly ReconsiderationTally[]): ReconsiderationTally {
  if (months.length === 0) return emptyReconsiderationTally();
  return months.slice(1).reduce(addTallies, months[0]);
}
