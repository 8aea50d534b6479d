import type { DeadlineConsequence } from './plan-litigation-deadlines.rule';
import { litigationArticle, officialsArticle } from './litigation-decision.factory';

/**
 * What missing a litigation deadline means in law, by kind: the worklist shows it beside the
 * deadline and escalates it once the deadline is overdue.
 * - defense_submission: evidence given late without a justified cause counts as none
 *   (行政诉讼法 第三十四条第二款).
 * - identity_proof: a proof missing or not put right before the session counts as the head not
 *   having appeared (负责人出庭应诉规定 第六条第二款).
 */
export const DEADLINE_CONSEQUENCES: Readonly<
  Record<string, { readonly consequence: DeadlineConsequence; readonly basis: string }>
> = {
  defense_submission: {
    consequence: 'evidence_deemed_absent',
    basis: litigationArticle('第三十四条第二款'),
  },
  identity_proof: { consequence: 'head_deemed_absent', basis: officialsArticle('第六条第二款') },
};
