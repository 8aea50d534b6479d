import type { Outcome } from './reconsideration-case.types';

/** Decision outcomes a body may count as corrections (纠错): the decisions on the merits. */
export { DECISION_OUTCOMES } from './decide-closure-command.rule';

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
