import type { AppearancePlan } from './court-appearance.rule';
import {
  interpretationArticle,
  litigationArticle,
  officialsArticle,
} from './litigation-decision.factory';

export type AppearancePlanIssueCode =
  | 'summoned_head_not_planned'
  | 'absence_reason_missing'
  | 'absence_proof_not_sealed'
  | 'staff_missing'
  | 'identity_proof_missing';

export interface AppearancePlanIssue {
  readonly code: AppearancePlanIssueCode;
  readonly basis: string;
  readonly message: string;
}

/**
 * What a session's appearance plan still lacks, for the worklist and the court liaison (never a
 * refusal: the plan is work in progress). No plan at all counts as a plan naming nobody.
 * - The court summoned the head (负责人出庭应诉规定 第四条; 行诉解释 第一百二十九条第一款: 应当出庭) and
 *   the plan names no official.
 * - No official: the reason of 第八条, its proof sealed or signed by the principal head (第九条
 *   第一款), and the staff member sent instead (行政诉讼法 第三条第三款; 行诉解释 第一百二十八条第二款:
 *   not a lawyer alone).
 * - Someone named but no identity proof filed (第六条第一款; 行诉解释 第一百三十一条).
 */
export function appearancePlanIssues(
  plan: AppearancePlan | null,
  session: { readonly headSummoned: boolean; readonly headSummonRequired: boolean },
): AppearancePlanIssue[] {
  const issues: AppearancePlanIssue[] = [];
  const official = plan?.official ?? null;
  const staff = plan?.staff ?? null;
  if (official === null) {
    if (session.headSummoned || session.headSummonRequired) {
      issues.push({
        code: 'summoned_head_not_planned',
        basis: `${officialsArticle('第四条')}; ${interpretationArticle('第一百二十九条第一款')}`,
        message: 'the court summoned the head: name the official who will appear',
      });
    }
    const reason = plan?.absenceReason ?? null;
    if (reason === null) {
      issues.push({
        code: 'absence_reason_missing',
        basis: `${litigationArticle('第三条第三款')}; ${officialsArticle('第八条')}`,
        message: 'no official will appear: state the legal reason',
      });
    } else if (plan?.absenceProofSealed !== true) {
      issues.push({
        code: 'absence_proof_not_sealed',
        basis: officialsArticle('第九条第一款'),
        message: 'the proof of the reason must be sealed or signed by the principal head',
      });
    }
    if (staff === null) {
      issues.push({
        code: 'staff_missing',
        basis: `${litigationArticle('第三条第三款')}; ${interpretationArticle('第一百二十八条第二款')}`,
        message: 'name the staff member who appears instead (a lawyer alone is no appearance)',
      });
    }
  }
  if ((official !== null || staff !== null) && plan?.identityProofFiledOn === null) {
    issues.push({
      code: 'identity_proof_missing',
      basis: `${officialsArticle('第六条第一款')}; ${interpretationArticle('第一百三十一条')}`,
      message: 'file the identity proof of who appears before the session',
    });
  }
  return issues;
}
