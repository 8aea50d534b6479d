import type { LegalCalendar } from '../calendar/legal-calendar.model';
import { dueOnOrNull, isAfterDue, isKnownAfterDue, tryDueOn } from '../reconsideration/due-on.rule';
import type { DueOnResult } from '../reconsideration/due-on.rule';
import { appealabilityOf } from './appealability.rule';
import type { Appealability, NotAppealableReason } from './appealability.rule';
import {
  deriveJudgmentResult,
  DISPOSITION_INSTRUMENTS,
  PARTIAL_DISPOSITIONS,
} from './judgment-result.rule';
import { appealWindowInput } from './litigation-deadline-inputs.rule';
import { APPELLANTS, DISPOSITIONS, JUDGMENT_KINDS } from './litigation-case.types';
import type {
  JudgmentFacts,
  LitigationCommandOf,
  LitigationDecision,
  LitigationDecisionContext,
  LitigationFacts,
} from './litigation-case.types';
import {
  acceptLitigation,
  checkLitigationDateOrder,
  checkNotBefore,
  COMPLAINT_RECEIPT,
  litigationArticle,
  refuseLitigation,
} from './litigation-decision.factory';

/*
 * The judgment (裁判), its service (送达), the appeal (上诉) and closing. Called only for commands
 * the transition table allows, with no date in the future.
 */

const APPEAL_BASIS = litigationArticle('第八十五条');

/** The appeal window of these facts, or null when none runs (not served, not appealable). */
function appealWindow(calendar: LegalCalendar, facts: LitigationFacts): DueOnResult | null {
  const input = appealWindowInput(facts);
  return input === null ? null : tryDueOn(calendar, input);
}

const windowEndsOn = (window: DueOnResult | null) => (window === null ? null : dueOnOrNull(window));

/**
 * Recording what the court decided, on a pending or defended case.
 * - The instrument must fit the disposition: decisions on the merits are judgments (第六十九条–
 *   第七十八条), dismissing the suit and allowing withdrawal rulings (行诉解释 第一百零一条), a
 *   mediation a 调解书 (第六十条) — the appeal window depends on it (第八十五条).
 * - `partial` only where the court can find against the agency in part (judgment-result.rule.ts).
 * - Not before the complaint copy reached the agency or the court filed the case; service not
 *   before the decision.
 */
export function decideRecordJudgment(
  facts: LitigationFacts,
  command: LitigationCommandOf<'record_judgment'>,
  context: LitigationDecisionContext,
): LitigationDecision {
  const { decidedOn, kind, disposition } = command;
  if (!JUDGMENT_KINDS.includes(kind)) {
    return refuseLitigation(
      'judgment_kind_invalid',
      APPEAL_BASIS,
      `${String(kind)} is not judgment, ruling or mediation`,
    );
  }
  if (!DISPOSITIONS.includes(disposition)) {
    return refuseLitigation(
      'disposition_invalid',
      litigationArticle('第六十九条至第七十八条'),
      `${String(disposition)} is not a disposition`,
    );
  }
  const instruments = DISPOSITION_INSTRUMENTS[disposition];
  if (!instruments.kinds.includes(kind)) {
    return refuseLitigation(
      'disposition_kind_mismatch',
      instruments.basis,
      `${disposition} comes as ${instruments.kinds.join(' or ')}, not as ${kind}`,
    );
  }
  const partial = command.partial === true;
  if (partial && !PARTIAL_DISPOSITIONS.includes(disposition)) {
    return refuseLitigation(
      'partial_not_applicable',
      litigationArticle('第七十条、第七十九条'),
      `partial marks a judgment against the agency on part of what was sued; ${disposition} ` +
        'cannot be partial',
    );
  }
  const servedOn = command.servedOn ?? null;
  const order = checkLitigationDateOrder(litigationArticle('第六十七条第一款、第八十五条'), [
    {
      what: 'the judgment',
      on: decidedOn,
      earlier: COMPLAINT_RECEIPT,
      notBefore: facts.complaintReceivedOn,
    },
    { what: 'the judgment', on: decidedOn, earlier: 'the filing', notBefore: facts.filedOn },
    {
      what: 'the service of the judgment',
      on: servedOn,
      earlier: 'the judgment',
      notBefore: decidedOn,
    },
  ]);
  if (order !== null) return order;

  const result = deriveJudgmentResult({ disposition, partial }, context.losingDispositions);
  const judgment: JudgmentFacts = { decidedOn, kind, disposition, partial, servedOn, result };
  const judged = { ...facts, judgment };
  const appealability = appealabilityOf(facts, judgment);
  return acceptLitigation(
    'judged',
    { judgment },
    {
      type: 'judged',
      occurredOn: decidedOn,
      payload: {
        ...judgment,
        appealable: appealability.appealable,
        appealWindowEndsOn: windowEndsOn(appealWindow(context.calendar, judged)),
        previousStatus: facts.status,
      },
    },
  );
}

/** Service of the judgment on the agency (送达): once, not before the decision; starts the window. */
export function decideRecordService(
  facts: LitigationFacts,
  command: LitigationCommandOf<'record_service'>,
  context: LitigationDecisionContext,
): LitigationDecision {
  const judgment = facts.judgment as JudgmentFacts;
  if (judgment.servedOn !== null) {
    return refuseLitigation(
      'judgment_already_served',
      APPEAL_BASIS,
      `the judgment was served on ${judgment.servedOn}; the appeal window runs from that service`,
    );
  }
  const order = checkNotBefore(
    APPEAL_BASIS,
    ['the service of the judgment', command.servedOn],
    ['the judgment', judgment.decidedOn],
  );
  if (order !== null) return order;
  const served: JudgmentFacts = { ...judgment, servedOn: command.servedOn };
  return acceptLitigation(
    facts.status,
    { judgment: served },
    {
      type: 'judgment_served',
      occurredOn: command.servedOn,
      payload: {
        servedOn: command.servedOn,
        appealWindowEndsOn: windowEndsOn(
          appealWindow(context.calendar, { ...facts, judgment: served }),
        ),
      },
    },
  );
}

const NOT_APPEALABLE_RULES: Record<NotAppealableReason, string> = {
  final_instance: 'final_decision_not_appealable',
  mediation: 'mediation_not_appealable',
  ruling_not_appealable: 'ruling_not_appealable',
};

function refuseNotAppealable(
  appealability: Extract<Appealability, { appealable: 'no' }>,
): LitigationDecision {
  return refuseLitigation(
    NOT_APPEALABLE_RULES[appealability.reason],
    appealability.basis,
    appealability.detail,
  );
}

/**
 * An appeal (上诉) by the agency, the plaintiff or both, when the decision can be appealed
 * (appealability.rule.ts), not before the decision. An appeal after the agency's window is
 * recorded with `lateForAgency` (the court decides on it, 民事诉讼法 第八十六条 via 第一百零一条): it
 * is a fact, not the agency's to refuse. The plaintiff's own window runs from their service,
 * which Fuyi does not know.
 */
export function decideAppeal(
  facts: LitigationFacts,
  command: LitigationCommandOf<'appeal'>,
  context: LitigationDecisionContext,
): LitigationDecision {
  const judgment = facts.judgment as JudgmentFacts;
  if (!APPELLANTS.includes(command.by)) {
    return refuseLitigation(
      'appellant_invalid',
      APPEAL_BASIS,
      `${String(command.by)} is not agency, plaintiff or both`,
    );
  }
  const appealability = appealabilityOf(facts, judgment);
  if (appealability.appealable === 'no') return refuseNotAppealable(appealability);
  const order = checkNotBefore(
    APPEAL_BASIS,
    ['the appeal', command.appealedOn],
    ['the judgment', judgment.decidedOn],
  );
  if (order !== null) return order;
  const window = appealWindow(context.calendar, facts);
  const lateForAgency =
    command.by !== 'plaintiff' && window !== null && isKnownAfterDue(window, command.appealedOn);
  return acceptLitigation(
    'appealed',
    { appeal: { appealedOn: command.appealedOn, by: command.by } },
    {
      type: 'appealed',
      occurredOn: command.appealedOn,
      payload: {
        appealedOn: command.appealedOn,
        by: command.by,
        appealWindowEndsOn: windowEndsOn(window),
        lateForAgency,
      },
    },
  );
}

/**
 * Closing the instance. After an appeal: not before it (the appeal court's decision is recorded
 * on the second-instance case). Without one: an appealable decision takes effect only when the
 * appeal window has passed (第八十五条 逾期不提起上诉的…发生法律效力), so it must have been served
 * and the window must be over; a final or unappealable decision closes from its date.
 */
export function decideClose(
  facts: LitigationFacts,
  command: LitigationCommandOf<'close'>,
  context: LitigationDecisionContext,
): LitigationDecision {
  const judgment = facts.judgment as JudgmentFacts;
  const { closedOn } = command;
  const order = checkLitigationDateOrder(APPEAL_BASIS, [
    { what: 'the closing', on: closedOn, earlier: 'the judgment', notBefore: judgment.decidedOn },
    {
      what: 'the closing',
      on: closedOn,
      earlier: 'the service of the judgment',
      notBefore: judgment.servedOn,
    },
    {
      what: 'the closing',
      on: closedOn,
      earlier: 'the appeal',
      notBefore: facts.appeal?.appealedOn ?? null,
    },
  ]);
  if (order !== null) return order;
  if (facts.status === 'judged' && appealabilityOf(facts, judgment).appealable === 'yes') {
    const window = appealWindow(context.calendar, facts);
    if (window === null) {
      return refuseLitigation(
        'judgment_not_served',
        APPEAL_BASIS,
        'the decision can be appealed within its window from service: record the service first',
      );
    }
    if (!isAfterDue(window, closedOn)) {
      return refuseLitigation(
        'appeal_window_running',
        APPEAL_BASIS,
        `the appeal window runs to ${String(dueOnOrNull(window))}: the decision takes effect ` +
          `only after it, so the case cannot close on ${closedOn}`,
      );
    }
  }
  return acceptLitigation(
    'closed',
    { closedOn },
    {
      type: 'closed',
      occurredOn: closedOn,
      payload: { closedOn, result: judgment.result, previousStatus: facts.status },
    },
  );
}
