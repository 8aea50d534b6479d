import type { Outcome } from './reconsideration-case.types';

/** Decision outcomes a body may count as corrections (纠错) of the act: the decisions of 第六十三条–第六十九条. */
export const DECISION_OUTCOMES: readonly Outcome[] = [
  'change',
  'revoke',
  'confirm_illegal',
  'confirm_invalid',
  'order_performance',
  'uphold',
  'dismiss_request',
];

/**
 * The correction set of the national statistics (DESIGN, "Statistics"): revoke, change, confirm
 * illegal, order performance and confirm invalid. A body may configure another set.
 */
export const DEFAULT_CORRECTION_OUTCOMES: readonly Outcome[] = [
  'revoke',
  'change',
  'confirm_illegal',
  'confirm_invalid',
  'order_performance',
];

/** Whether a conclusion corrected the act, under the body's correction set. */
export function isCorrection(
  outcome: Outcome | null,
  correctionOutcomes: readonly string[],
): boolean {
  return outcome !== null && correctionOutcomes.includes(outcome);
}
