import { CalendarYearMissingError } from '../calendar/calendar-year-missing.error';
import { InvalidLegalDateError } from '../calendar/invalid-legal-date.error';
import { compareLegalDates } from '../calendar/legal-date.value';
import { dueOnOrNull, isAfterDue, tryDueOn } from '../reconsideration/due-on.rule';
import {
  decideAppeal,
  decideClose,
  decideRecordJudgment,
  decideRecordService,
} from './decide-judgment-command.rule';
import { isLitigationCommandAllowed } from './litigation-allowed-commands.rule';
import { litigationCommandDates } from './litigation-command-dates.rule';
import { defenseSubmissionInput } from './litigation-deadline-inputs.rule';
import type {
  LitigationCommand,
  LitigationCommandOf,
  LitigationCommandType,
  LitigationDecision,
  LitigationDecisionContext,
  LitigationFacts,
} from './litigation-case.types';
import {
  acceptLitigation,
  checkNotBefore,
  COMPLAINT_RECEIPT,
  illegalLitigationTransition,
  litigationArticle,
  nonBlank,
  officialsArticle,
  refuseLitigation,
} from './litigation-decision.factory';

/** The act each command records, for refusals that concern the command as a whole. */
export const LITIGATION_COMMAND_BASIS: Readonly<Record<LitigationCommandType, string>> = {
  submit_defense: litigationArticle('第六十七条第一款'),
  record_judgment: litigationArticle('第六十九条至第七十八条'),
  record_service: litigationArticle('第八十五条'),
  appeal: litigationArticle('第八十五条'),
  close: litigationArticle('第八十五条'),
  record_judicial_recommendation: officialsArticle('第十二条'),
};

/** Litigation periods follow the civil-procedure rules (行政诉讼法 第一百零一条). */
const PERIOD_RULES_BASIS = `${litigationArticle('第一百零一条')}; 民事诉讼法 第八十五条`;

/**
 * Decides one command on a litigation case: pure, no I/O, time and calendar from `context`.
 *
 * In order: the transition table (409 `illegal_transition` with what is allowed instead); no
 * date after today (422 `date_in_future`: a legal date records what has happened); then the
 * command's rules of time and law (422, each naming its article). A legal calendar lacking a
 * needed year is refused as 422 `calendar_year_missing` (a last day on a rest day rolls forward,
 * so the year must be known; never guessed as weekends-only).
 */
export function decideLitigationCommand(
  facts: LitigationFacts,
  command: LitigationCommand,
  context: LitigationDecisionContext,
): LitigationDecision {
  if (!isLitigationCommandAllowed(facts.status, command.type)) {
    return illegalLitigationTransition(facts.status);
  }
  try {
    for (const { what, on } of litigationCommandDates(command)) {
      if (compareLegalDates(on, context.today) > 0) {
        return refuseLitigation(
          'date_in_future',
          LITIGATION_COMMAND_BASIS[command.type],
          `${what} on ${on} is after today (${context.today}): a legal date records what has ` +
            'already happened',
        );
      }
    }
    return decideAllowed(facts, command, context);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) {
      return refuseLitigation(
        'calendar_year_missing',
        PERIOD_RULES_BASIS,
        `${error.message}: a period ending on a rest day cannot be placed until an ` +
          'administrator uploads it',
      );
    }
    if (error instanceof InvalidLegalDateError) {
      return refuseLitigation(
        'invalid_legal_date',
        LITIGATION_COMMAND_BASIS[command.type],
        error.message,
      );
    }
    throw error;
  }
}

function decideAllowed(
  facts: LitigationFacts,
  command: LitigationCommand,
  context: LitigationDecisionContext,
): LitigationDecision {
  switch (command.type) {
    case 'submit_defense':
      return decideSubmitDefense(facts, command, context);
    case 'record_judgment':
      return decideRecordJudgment(facts, command, context);
    case 'record_service':
      return decideRecordService(facts, command, context);
    case 'appeal':
      return decideAppeal(facts, command, context);
    case 'close':
      return decideClose(facts, command, context);
    case 'record_judicial_recommendation':
      return decideRecordJudicialRecommendation(facts, command);
  }
}

/**
 * The defence and evidence (答辩状, 证据和规范性文件), 行政诉讼法 第六十七条第一款: not before the
 * complaint copy reached the agency. Late is accepted — the court decides what follows — but
 * recorded: evidence given late without a justified cause counts as no evidence (第三十四条第二款).
 */
export function decideSubmitDefense(
  facts: LitigationFacts,
  command: LitigationCommandOf<'submit_defense'>,
  context: LitigationDecisionContext,
): LitigationDecision {
  const { submittedOn } = command;
  const order = checkNotBefore(
    LITIGATION_COMMAND_BASIS.submit_defense,
    ['the defence', submittedOn],
    [COMPLAINT_RECEIPT, facts.complaintReceivedOn],
  );
  if (order !== null) return order;
  const input = defenseSubmissionInput(facts);
  const due = input === null ? null : tryDueOn(context.calendar, input);
  const late = due !== null && isAfterDue(due, submittedOn);
  return acceptLitigation(
    'defended',
    { defenseSubmittedOn: submittedOn, defenseLate: late },
    {
      type: 'defended',
      occurredOn: submittedOn,
      payload: {
        submittedOn,
        defenseDueOn: due === null ? null : dueOnOrNull(due),
        late,
        evidenceDeemedAbsent: late,
        basis: late ? litigationArticle('第三十四条第二款') : null,
      },
    },
  );
}

/**
 * A judicial recommendation (司法建议) received, 负责人出庭应诉规定 第十二条 (also 行政诉讼法 第六十六条
 * 第二款): any time after the complaint reached the agency, with what it says.
 */
export function decideRecordJudicialRecommendation(
  facts: LitigationFacts,
  command: LitigationCommandOf<'record_judicial_recommendation'>,
): LitigationDecision {
  const basis = LITIGATION_COMMAND_BASIS.record_judicial_recommendation;
  if (!nonBlank(command.summary)) {
    return refuseLitigation(
      'recommendation_summary_required',
      basis,
      'record what the judicial recommendation says (its summary)',
    );
  }
  const order = checkNotBefore(
    basis,
    ['the judicial recommendation', command.receivedOn],
    [COMPLAINT_RECEIPT, facts.complaintReceivedOn],
  );
  if (order !== null) return order;
  const recommendation = { receivedOn: command.receivedOn, summary: command.summary.trim() };
  return acceptLitigation(
    facts.status,
    { judicialRecommendations: [...facts.judicialRecommendations, recommendation] },
    {
      type: 'judicial_recommendation_received',
      occurredOn: command.receivedOn,
      payload: { ...recommendation, count: facts.judicialRecommendations.length + 1 },
    },
  );
}
