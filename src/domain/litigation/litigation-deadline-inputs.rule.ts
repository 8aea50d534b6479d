import type { DeadlineInput } from '../deadlines/compute-deadline.rule';
import { appealabilityOf, heardAsFirstInstance } from './appealability.rule';
import type { LitigationFacts } from './litigation-case.types';

/*
 * The deadline inputs a litigation case's facts imply, shared by the state machine (to flag
 * lateness) and by `planLitigationDeadlines` (to store them). All are calendar periods
 * (行政诉讼法 第一百零一条 → 民事诉讼法 第八十五条): start day not counted, a last day on a rest day
 * moves to the next working day.
 */

/**
 * 行政诉讼法 第六十七条第一款: defence and evidence within 15 days of receiving the complaint copy —
 * in a case heard under the first-instance procedure (null otherwise, or when unknown).
 * 行诉解释 第三十四条: when the court allowed later evidence, 15 days after the cause ended.
 */
export function defenseSubmissionInput(facts: LitigationFacts): DeadlineInput | null {
  if (heardAsFirstInstance(facts) !== true) return null;
  if (facts.evidenceObstacleRemovedOn !== null) {
    return {
      kind: 'defense_submission',
      triggerOn: facts.evidenceObstacleRemovedOn,
      triggerEvent: 'evidence_obstacle_removed',
    };
  }
  return { kind: 'defense_submission', triggerOn: facts.complaintReceivedOn };
}

/**
 * 行政诉讼法 第八十五条: 15 days from service of an appealable judgment, 10 of a ruling. Null before
 * service or when the decision cannot be appealed (or its appealability is not known).
 */
export function appealWindowInput(facts: LitigationFacts): DeadlineInput | null {
  const { judgment } = facts;
  if (judgment === null || judgment.servedOn === null) return null;
  const appealability = appealabilityOf(facts, judgment);
  if (appealability.appealable !== 'yes') return null;
  return {
    kind: 'appeal_window',
    triggerOn: judgment.servedOn,
    instrument: appealability.instrument,
  };
}

/**
 * The court's term, informational: 6 months from filing at first instance (simplified: 45 days),
 * 行政诉讼法 第八十一条、第八十三条; 3 months at second instance, 第八十八条, counted from the
 * filing of the appeal (行诉解释 第五十条第一款); a retrial by the procedure it follows, from its
 * filing (第五十条第二款). Null without a filing date or when a retrial's procedure is unknown.
 */
export function courtTermInput(facts: LitigationFacts): DeadlineInput | null {
  if (facts.filedOn === null) return null;
  const firstInstance = heardAsFirstInstance(facts);
  if (firstInstance === null) return null;
  if (firstInstance) {
    return { kind: 'first_instance_term', triggerOn: facts.filedOn, procedure: facts.procedure };
  }
  return { kind: 'second_instance_term', triggerOn: facts.filedOn, triggerEvent: 'case_filed' };
}
