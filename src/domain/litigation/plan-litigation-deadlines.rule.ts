import type { LegalDate } from '../calendar/legal-date.value';
import type { DeadlineInput } from '../deadlines/compute-deadline.rule';
import type { DeadlineKind } from '../deadlines/deadline-definition.type';
import type { DeadlinePlan } from '../reconsideration/deadline-plan.type';
import {
  appealWindowInput,
  courtTermInput,
  defenseSubmissionInput,
} from './litigation-deadline-inputs.rule';
import type { LitigationFacts } from './litigation-case.types';
import { litigationArticle } from './litigation-decision.factory';

/** What missing a litigation deadline means in law, for the worklist to escalate. */
export type DeadlineConsequence =
  /** 行政诉讼法 第三十四条第二款: evidence given late without a justified cause counts as none. */
  | 'evidence_deemed_absent'
  /** 负责人出庭应诉规定 第六条第二款: no valid identity proof in time — the head counts as absent. */
  | 'head_deemed_absent';

export interface DeadlineNote {
  readonly kind: DeadlineKind;
  /** `if_missed`: an open deadline and what passing it means; `missed`: it was met late. */
  readonly state: 'if_missed' | 'missed';
  readonly consequence: DeadlineConsequence;
  readonly basis: string;
}

/** A met deadline, with the input that computes it (to store it when it was never stored open). */
export interface PlannedMetDeadline {
  readonly kind: DeadlineKind;
  readonly on: LegalDate;
  readonly input: DeadlineInput;
}

/**
 * The deadlines of a litigation case or court session, like the reconsideration plan: compute the
 * open ones with `computeDeadline` and store them, mark the met ones (storing first any that
 * was never open), cancel the rest; plus the notes on what a miss means.
 */
export interface LitigationDeadlinePlan extends DeadlinePlan {
  readonly met: readonly PlannedMetDeadline[];
  readonly notes: readonly DeadlineNote[];
}

const EVIDENCE_NOTE = {
  kind: 'defense_submission',
  consequence: 'evidence_deemed_absent',
  basis: litigationArticle('第三十四条第二款'),
} as const;

/**
 * Which deadlines the case has in its current state, from its facts only, all in calendar days
 * (行政诉讼法 第一百零一条). Each kind at most once, in one of `open`, `met`, `cancelled`.
 *
 * - defense_submission (第六十七条第一款; heard as a first instance): open while pending; met on
 *   the defence, with a `missed` note when late; cancelled when the case was judged without one.
 *   While open, an `if_missed` note: late evidence counts as none (第三十四条第二款).
 * - first_instance_term / second_instance_term (第八十一条、第八十三条、第八十八条; 行诉解释 第五十条,
 *   informational): open from filing; met on the decision (for a mediation, on service of the
 *   调解书, 第五十条第一款); cancelled if the case closes otherwise.
 * - appeal_window (第八十五条): open from service of an appealable decision; met by the agency's
 *   appeal (alone or with the plaintiff); cancelled by the plaintiff's appeal alone (the appeal
 *   court reviews the whole judgment, 第八十七条) or by closing.
 */
export function planLitigationDeadlines(facts: LitigationFacts): LitigationDeadlinePlan {
  const open: DeadlineInput[] = [];
  const met: PlannedMetDeadline[] = [];
  const late: PlannedMetDeadline[] = [];
  const cancelled: DeadlineKind[] = [];
  const notes: DeadlineNote[] = [];
  const { status, judgment } = facts;

  const defense = defenseSubmissionInput(facts);
  if (defense !== null) {
    if (facts.defenseSubmittedOn !== null) {
      const done = { kind: defense.kind, on: facts.defenseSubmittedOn, input: defense };
      (facts.defenseLate ? late : met).push(done);
      if (facts.defenseLate) notes.push({ ...EVIDENCE_NOTE, state: 'missed' });
    } else if (status === 'pending') {
      open.push(defense);
      notes.push({ ...EVIDENCE_NOTE, state: 'if_missed' });
    } else {
      cancelled.push(defense.kind);
    }
  }

  const term = courtTermInput(facts);
  if (term !== null) {
    const endedOn =
      judgment === null
        ? null
        : judgment.kind === 'mediation'
          ? judgment.servedOn
          : judgment.decidedOn;
    if (endedOn !== null) met.push({ kind: term.kind, on: endedOn, input: term });
    else if (status === 'closed') cancelled.push(term.kind);
    else open.push(term);
  }

  const appeal = appealWindowInput(facts);
  if (appeal !== null) {
    if (facts.appeal !== null && facts.appeal.by !== 'plaintiff') {
      met.push({ kind: appeal.kind, on: facts.appeal.appealedOn, input: appeal });
    } else if (facts.appeal !== null || status === 'closed') {
      cancelled.push(appeal.kind);
    } else {
      open.push(appeal);
    }
  }

  return { open, met, late, cancelled, awaiting: [], notes };
}
