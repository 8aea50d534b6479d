import { compareLegalDates } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import type { CaseStatus, Outcome } from '../reconsideration/reconsideration-case.types';
import { interpretationArticle, litigationArticle } from './litigation-decision.factory';

/*
 * Who is the defendant when the act went through reconsideration (行政诉讼法 第二十六条第二款、
 * 第三款; 行诉解释 第二十二条、第一百三十三条、第一百三十四条), derived from the reconsideration case:
 *
 * | reconsideration ended with                          | defendants                          |
 * |-----------------------------------------------------|-------------------------------------|
 * | uphold 维持, dismiss_request 驳回复议请求             | original agency + body (co-defendants) |
 * | change, revoke, confirm_invalid, order_performance  | the body alone (it changed the result) |
 * |   … but only the reasons changed, result unchanged  | co-defendants (行诉解释 第二十二条第一款) |
 * |   … or the decision upholds in part                 | co-defendants (第一百三十四条第二款)   |
 * | confirm_illegal                                     | the body alone                       |
 * |   … for a procedural defect only                    | co-defendants (第二十二条第三款)       |
 * | dismiss_application 驳回复议申请 (受理条件)            | plaintiff chooses: not 维持 (第一百三十三条 但书) |
 * | mediation, terminated                               | plaintiff chooses                    |
 * | rejected 不予受理                                     | plaintiff chooses (第五十六条第二款)    |
 * | abandoned                                           | plaintiff sues the original act      |
 * | not decided when the decision period ended          | plaintiff chooses (第二十六条第三款)    |
 * | still within the decision period                    | none: the suit cannot be filed (第五十七条) |
 *
 * When the plaintiff chooses, the module must ask for explicit defendants.
 */

/** Whose agency a defendant is: the reconsideration case's respondent, or the body itself. */
export type DefendantParty = 'original_agency' | 'reconsideration_body';

/** API.md `defendants[].role`. */
export const DEFENDANT_ROLES = ['original_act', 'reconsideration_body'] as const;
export type DefendantRole = (typeof DEFENDANT_ROLES)[number];

/** What each defendant must defend in court. */
export const DEFENDANT_TASKS = {
  // 行政诉讼法 第三十四条; 行诉解释 第一百三十五条第二款: in a co-defendant case both bear the burden
  // for the original act, either may give the evidence.
  defend_original_act:
    'defend the lawfulness of the original act (jointly with the body when co-defendants)',
  // 行诉解释 第一百三十五条第二款: 复议机关对复议决定的合法性承担举证责任 — its decision, including the
  // lawfulness of its reconsideration procedure.
  defend_reconsideration_procedure:
    'defend the lawfulness of the reconsideration decision and of its procedure',
  // The body changed the result: its decision is the act sued (第二十六条第二款).
  defend_reconsideration_decision: 'defend the reconsideration decision, the act sued',
} as const;
export type DefendantTask = keyof typeof DEFENDANT_TASKS;

export interface DerivedDefendant {
  readonly party: DefendantParty;
  readonly role: DefendantRole;
  readonly task: DefendantTask;
}

/** What the plaintiff may sue, and who is then the defendant. */
export interface DefendantChoice {
  readonly suing:
    | 'original_act'
    | 'reconsideration_decision'
    | 'reconsideration_inaction'
    | 'reconsideration_rejection';
  readonly defendants: readonly DerivedDefendant[];
}

export type UndeterminedReason =
  | 'application_dismissed'
  | 'application_rejected'
  | 'application_abandoned'
  | 'mediation'
  | 'terminated'
  | 'not_decided_in_time'
  | 'reconsideration_pending';

export type DefendantDerivation =
  | {
      readonly determined: true;
      /** 复议维持共同被告 (DESIGN, statistics). */
      readonly coDefendant: boolean;
      readonly reading: 'upheld' | 'changed';
      readonly defendants: readonly DerivedDefendant[];
      readonly basis: string;
    }
  | {
      readonly determined: false;
      readonly reason: UndeterminedReason;
      /** Empty when no suit lies yet (the reconsideration is still within its period). */
      readonly choices: readonly DefendantChoice[];
      readonly basis: string;
      readonly detail: string;
    };

/** The reconsideration case as the derivation needs it. */
export interface ReconsiderationOutcomeFacts {
  readonly status: CaseStatus;
  readonly outcome: Outcome | null;
  readonly concludedOn: LegalDate | null;
  /** The decision deadline in force (第六十二条), null before acceptance or while suspended. */
  readonly decisionDueOn: LegalDate | null;
  /** A `change` of the facts, evidence or legal basis only, the result kept (行诉解释 第二十二条第一款). */
  readonly resultUnchanged?: boolean;
  /** `confirm_illegal` for a breach of procedure only (行诉解释 第二十二条第三款). */
  readonly illegalOnProcedureOnly?: boolean;
  /** The decision upholds part of the act and changes or rejects the rest (第一百三十四条第二款). */
  readonly partlyUpheld?: boolean;
}

const ORIGINAL_AGENCY: DerivedDefendant = {
  party: 'original_agency',
  role: 'original_act',
  task: 'defend_original_act',
};
const BODY_AS_CO_DEFENDANT: DerivedDefendant = {
  party: 'reconsideration_body',
  role: 'reconsideration_body',
  task: 'defend_reconsideration_procedure',
};
const BODY_ALONE: DerivedDefendant = {
  party: 'reconsideration_body',
  role: 'reconsideration_body',
  task: 'defend_reconsideration_decision',
};

const SUE_ORIGINAL_ACT: DefendantChoice = { suing: 'original_act', defendants: [ORIGINAL_AGENCY] };
const sueBody = (suing: DefendantChoice['suing']): DefendantChoice => ({
  suing,
  defendants: [BODY_ALONE],
});

function upheld(basis: string): DefendantDerivation {
  return {
    determined: true,
    coDefendant: true,
    reading: 'upheld',
    defendants: [ORIGINAL_AGENCY, BODY_AS_CO_DEFENDANT],
    basis,
  };
}

function undetermined(
  reason: UndeterminedReason,
  choices: readonly DefendantChoice[],
  basis: string,
  detail: string,
): DefendantDerivation {
  return { determined: false, reason, choices, basis, detail };
}

/**
 * The defendants of a suit filed on `suedOn` against an act that went through the given
 * reconsideration case. A conclusion after the suit was filed does not count: at filing the body
 * had not decided.
 */
export function deriveDefendants(
  reconsideration: ReconsiderationOutcomeFacts,
  suedOn: LegalDate,
): DefendantDerivation {
  const { outcome, concludedOn } = reconsideration;
  const concludedBeforeSuit =
    outcome !== null && concludedOn !== null && compareLegalDates(concludedOn, suedOn) <= 0;
  if (concludedBeforeSuit) return fromOutcome(reconsideration, outcome);

  if (reconsideration.status === 'rejected') {
    return undetermined(
      'application_rejected',
      [SUE_ORIGINAL_ACT, sueBody('reconsideration_rejection')],
      interpretationArticle('第五十六条第二款'),
      'the body refused to accept the application: the plaintiff sues either the original act ' +
        '(its agency is the defendant) or the refusal (the body is)',
    );
  }
  if (reconsideration.status === 'abandoned') {
    return undetermined(
      'application_abandoned',
      [SUE_ORIGINAL_ACT],
      litigationArticle('第二十六条第一款'),
      'the application was deemed abandoned: the suit is against the original act, whose agency ' +
        'is the defendant',
    );
  }
  const due = reconsideration.decisionDueOn;
  if (due !== null && compareLegalDates(suedOn, due) > 0) {
    return undetermined(
      'not_decided_in_time',
      [SUE_ORIGINAL_ACT, sueBody('reconsideration_inaction')],
      litigationArticle('第二十六条第三款'),
      `the body had not decided by ${due}: the plaintiff sues either the original act (its agency ` +
        "is the defendant) or the body's failure to decide (the body is)",
    );
  }
  return undetermined(
    'reconsideration_pending',
    [],
    interpretationArticle('第五十七条'),
    'the reconsideration was still within its decision period when the suit was filed: the court ' +
      'should not file it',
  );
}

function fromOutcome(facts: ReconsiderationOutcomeFacts, outcome: Outcome): DefendantDerivation {
  const coDefendants = litigationArticle('第二十六条第二款');
  switch (outcome) {
    case 'uphold':
    case 'dismiss_request':
      return upheld(
        `${coDefendants}; ${interpretationArticle('第一百三十三条、第一百三十四条第一款')}`,
      );
    case 'change':
    case 'revoke':
    case 'confirm_illegal':
    case 'confirm_invalid':
    case 'order_performance':
      return changedOutcome(facts, outcome, coDefendants);
    case 'dismiss_application':
      return undetermined(
        'application_dismissed',
        [SUE_ORIGINAL_ACT, sueBody('reconsideration_rejection')],
        interpretationArticle('第一百三十三条'),
        'the application was dismissed for failing the acceptance conditions, which is not an ' +
          'upholding: the plaintiff sues either the original act or the dismissal',
      );
    case 'mediation':
      return undetermined(
        'mediation',
        [SUE_ORIGINAL_ACT, sueBody('reconsideration_decision')],
        litigationArticle('第二十六条'),
        'the reconsideration ended in mediation: name the defendants the plaintiff sued',
      );
    case 'terminated':
      return undetermined(
        'terminated',
        [SUE_ORIGINAL_ACT, sueBody('reconsideration_decision')],
        `${litigationArticle('第二十六条')}; ${interpretationArticle('第五十八条')}`,
        'the reconsideration was terminated without a decision: after a withdrawal the suit is ' +
          'against the original act (第五十八条); name the defendants the plaintiff sued',
      );
  }
}

/** 第二十六条第二款 复议机关改变原行政行为 — unless 行诉解释 第二十二条 or 第一百三十四条第二款 say 维持. */
function changedOutcome(
  facts: ReconsiderationOutcomeFacts,
  outcome: Outcome,
  coDefendants: string,
): DefendantDerivation {
  if (facts.partlyUpheld === true) {
    return upheld(`${coDefendants}; ${interpretationArticle('第一百三十四条第二款')}`);
  }
  if (outcome === 'change' && facts.resultUnchanged === true) {
    return upheld(`${coDefendants}; ${interpretationArticle('第二十二条第一款')}`);
  }
  if (outcome === 'confirm_illegal' && facts.illegalOnProcedureOnly === true) {
    return upheld(`${coDefendants}; ${interpretationArticle('第二十二条第三款')}`);
  }
  return {
    determined: true,
    coDefendant: false,
    reading: 'changed',
    defendants: [BODY_ALONE],
    basis: `${coDefendants}; ${interpretationArticle('第二十二条')}`,
  };
}
