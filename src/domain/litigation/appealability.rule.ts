import type { AppealedInstrument } from '../deadlines/deadline-definition.type';
import { interpretationArticle, litigationArticle } from './litigation-decision.factory';
import type {
  JudgmentFacts,
  LitigationFacts,
  LitigationInstance,
  RetrialProcedure,
} from './litigation-case.types';

type InstanceFacts = Pick<LitigationFacts, 'instance' | 'retrialProcedure'>;

/**
 * Whether the case is heard under the first-instance procedure: a first instance, or a retrial of
 * a first-instance court's effective decision not taken up by a higher court (行诉解释
 * 第一百一十九条). Null for a retrial whose procedure is not recorded.
 */
export function heardAsFirstInstance(facts: InstanceFacts): boolean | null {
  const byInstance: Record<LitigationInstance, boolean | null> = {
    first: true,
    second: false,
    retrial: retrialHeardAsFirstInstance(facts.retrialProcedure),
  };
  return byInstance[facts.instance];
}

function retrialHeardAsFirstInstance(procedure: RetrialProcedure | null): boolean | null {
  return procedure === null ? null : procedure === 'first_instance';
}

export type NotAppealableReason = 'final_instance' | 'mediation' | 'ruling_not_appealable';

export type Appealability =
  | {
      readonly appealable: 'yes';
      /** The appeal window: 15 days after a judgment, 10 after a ruling (第八十五条). */
      readonly instrument: AppealedInstrument;
      readonly basis: string;
    }
  | {
      readonly appealable: 'no';
      readonly reason: NotAppealableReason;
      readonly basis: string;
      readonly detail: string;
    }
  /** A retrial of unknown procedure, or a ruling recorded as `other`: the appeal is recorded. */
  | { readonly appealable: 'unknown'; readonly basis: string };

/**
 * Whether the agency (or the plaintiff) can appeal what the court decided:
 * - a second-instance decision is final (行政诉讼法 第八十五条 gives the appeal against first-instance
 *   judgments and rulings only; 第八十八条 终审判决), so is a retrial heard under the
 *   second-instance procedure (行诉解释 第一百一十九条);
 * - a mediation (调解书) has no appeal: 第八十五条 knows only judgments and rulings;
 * - of the rulings, only 不予立案, 驳回起诉 and 管辖异议 are appealable (行诉解释 第一百零一条第二款):
 *   dismissing the suit is, allowing withdrawal (第十项) is not; a ruling recorded as `other` is
 *   not classified;
 * - every first-instance judgment is (第八十五条: 15 days; a ruling 10 days).
 */
export function appealabilityOf(
  facts: InstanceFacts,
  judgment: Pick<JudgmentFacts, 'kind' | 'disposition'>,
): Appealability {
  const firstInstance = heardAsFirstInstance(facts);
  if (firstInstance === false) {
    return {
      appealable: 'no',
      reason: 'final_instance',
      basis:
        facts.instance === 'retrial'
          ? interpretationArticle('第一百一十九条')
          : litigationArticle('第八十五条、第八十八条'),
      detail:
        facts.instance === 'retrial'
          ? 'a retrial heard under the second-instance procedure ends in an effective decision'
          : 'a second-instance decision is final (终审)',
    };
  }
  if (judgment.kind === 'mediation') {
    return {
      appealable: 'no',
      reason: 'mediation',
      basis: litigationArticle('第八十五条'),
      detail:
        'a mediation (调解书) cannot be appealed: the appeal lies against judgments and rulings',
    };
  }
  const ruling = interpretationArticle('第一百零一条第二款');
  if (judgment.kind === 'ruling' && judgment.disposition !== 'dismissed_suit') {
    if (judgment.disposition === 'other') return { appealable: 'unknown', basis: ruling };
    return {
      appealable: 'no',
      reason: 'ruling_not_appealable',
      basis: ruling,
      detail:
        `a ruling of ${judgment.disposition} cannot be appealed: only rulings refusing to file, ` +
        'dismissing the suit or deciding jurisdiction can',
    };
  }
  if (firstInstance === null) {
    return { appealable: 'unknown', basis: interpretationArticle('第一百一十九条') };
  }
  return {
    appealable: 'yes',
    instrument: judgment.kind === 'ruling' ? 'ruling' : 'judgment',
    basis: judgment.kind === 'ruling' ? ruling : litigationArticle('第八十五条'),
  };
}
