import { ABSENCE_REASONS, type AbsenceReason } from '../litigation/court-appearance.rule';
import type { AppearanceRates } from '../litigation/appearance-rates.rule';
import { computeAppearanceRates } from '../litigation/appearance-rates.rule';
import { sumCounts } from './counts';

/*
 * Litigation counts of a period (DESIGN, "Statistics" → Litigation). The additive counts sum over
 * months; the appearance rates count distinct case-instances, so a year's (or year-to-date's) are
 * computed over that whole period, never added up from months (a case-instance with sessions in two
 * months is one case-instance of the year).
 */
export interface LitigationTally {
  readonly newFirst: number;
  readonly newSecond: number;
  readonly newRetrial: number;
  /** Closed in the period, or judged in it when not yet closed (by the judgment's date). */
  readonly concluded: number;
  /** Of the concluded, those ended by a judgment (判决) rather than a ruling or mediation. */
  readonly concludedByJudgment: number;
  /** Of the concluded, those lost (败诉: the configurable losing set). */
  readonly lost: number;
  /** New cases in which the body is co-defendant with the original agency (复议维持共同被告). */
  readonly coDefendant: number;
  readonly sessionsHeld: number;
  readonly judicialRecommendations: number;
}

export function emptyLitigationTally(): LitigationTally {
  return {
    newFirst: 0,
    newSecond: 0,
    newRetrial: 0,
    concluded: 0,
    concludedByJudgment: 0,
    lost: 0,
    coDefendant: 0,
    sessionsHeld: 0,
    judicialRecommendations: 0,
  };
}

export function addLitigationTallies(a: LitigationTally, b: LitigationTally): LitigationTally {
  return sumCounts(a, b);
}

export function sumLitigationTallies(months: readonly LitigationTally[]): LitigationTally {
  return months.reduce(addLitigationTallies, emptyLitigationTally());
}

/** Appearance rates of a period with no session held: every rate 0/0 (value null). */
export function noAppearances(): AppearanceRates {
  return computeAppearanceRates([]);
}

export function zeroAbsences(): Record<AbsenceReason | 'none', number> {
  return Object.fromEntries([...ABSENCE_REASONS, 'none'].map((reason) => [reason, 0])) as Record<
    AbsenceReason | 'none',
    number
  >;
}
