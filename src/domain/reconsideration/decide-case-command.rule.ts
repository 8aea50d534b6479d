import { CalendarYearMissingError } from '../calendar/calendar-year-missing.error';
import { InvalidLegalDateError } from '../calendar/invalid-legal-date.error';
import { compareLegalDates } from '../calendar/legal-date.value';
import { isCommandAllowed } from './allowed-commands.rule';
import { articleOf, illegalTransition, refuse, succeed } from './case-decision.factory';
import { commandDates } from './command-dates.rule';
import {
  decideArchive,
  decideConclude,
  decideReopen,
  decideServe,
} from './decide-closure-command.rule';
import {
  decideDeemAbandon,
  decideExtendCorrectionPeriod,
  decideRecordCorrectionNoticeServed,
  decideReceiveCorrection,
  decideRequestCorrection,
} from './decide-correction-command.rule';
import { decideAccept, decideDeemAccept, decideReject } from './decide-intake-command.rule';
import {
  decideExtend,
  decideRecordOpinionHeard,
  decideRecordReply,
  decideRecordWrittenReview,
  decideResume,
  decideSendCopy,
  decideSuspend,
  decideSwitchProcedure,
} from './decide-review-command.rule';
import type {
  CaseCommand,
  CaseCommandType,
  CaseFacts,
  Decision,
  DecisionContext,
} from './reconsideration-case.types';
import type { ReconsiderationRule } from './rule-catalogue';

/** The office head's role (机构负责人, API.md "Identity"). */
export const HEAD_ROLE = 'head';

/** Commands only the office head may give, with the rule and article that say so. */
const HEAD_ONLY: Partial<
  Record<CaseCommandType, { rule: ReconsiderationRule; basis: string; what: string }>
> = {
  // 行政复议法 第六十二条第一款: 经行政复议机构的负责人批准，可以适当延长.
  extend: {
    rule: 'extension_head_only',
    basis: articleOf('第六十二条第一款'),
    what: 'an extension of the decision period',
  },
  // 行政复议法 第五十五条: 经行政复议机构的负责人批准，可以转为普通程序审理.
  switch_procedure: {
    rule: 'switch_procedure_head_only',
    basis: articleOf('第五十五条'),
    what: 'a switch to the ordinary procedure',
  },
  // The statute is silent; DESIGN: the office head sends a mistaken conclusion back to review.
  reopen: {
    rule: 'reopen_head_only',
    basis: 'Fuyi lifecycle (DESIGN): reopen by the office head',
    what: 'reopening a concluded case',
  },
};

/** The act each command records, for refusals that concern the command as a whole. */
const COMMAND_BASIS: Record<CaseCommandType, string> = {
  assign: articleOf('第三十六条第一款'),
  request_correction: articleOf('第三十一条第一款'),
  record_correction_notice_served: articleOf('第三十一条第二款'),
  receive_correction: articleOf('第三十一条第二款、第三款'),
  extend_correction_period: articleOf('第三十一条第二款'),
  accept: articleOf('第三十条'),
  reject: articleOf('第三十条第二款'),
  send_copy: articleOf('第四十八条、第五十四条'),
  record_reply: articleOf('第四十八条、第五十四条'),
  record_opinion_heard: articleOf('第四十九条'),
  record_written_review: articleOf('第四十九条'),
  suspend: articleOf('第三十九条'),
  resume: articleOf('第三十九条第二款'),
  extend: articleOf('第六十二条第一款'),
  switch_procedure: articleOf('第五十五条'),
  conclude: articleOf('第六十二条'),
  serve: articleOf('第八十八条第一款'),
  archive: 'Fuyi lifecycle (DESIGN): archived after service',
  reopen: 'Fuyi lifecycle (DESIGN): reopen by the office head',
  deem_accept: articleOf('第三十条第三款'),
  deem_abandon: articleOf('第三十一条第二款'),
};

/**
 * Decides one command on a reconsideration case: pure, no I/O, time and calendar from `context`.
 *
 * In order: the transition table (409 `illegal_transition` with what users may do instead); the
 * head-only commands (403); no date after today (422 `date_in_future`: a legal date records
 * what has happened); then the command's rules of time and law (422, each naming its article).
 * A legal calendar lacking a needed year is refused as 422 `calendar_year_missing` (the
 * administrator must upload the year; never guessed as weekends-only).
 */
export function decideCaseCommand(
  facts: CaseFacts,
  command: CaseCommand,
  context: DecisionContext,
): Decision {
  if (!isCommandAllowed(facts.status, command.type)) return illegalTransition(facts.status);

  const headOnly = HEAD_ONLY[command.type];
  if (headOnly !== undefined && !context.actorRoles.includes(HEAD_ROLE)) {
    return refuse(
      403,
      headOnly.rule,
      headOnly.basis,
      `${headOnly.what} needs the approval of the office head (机构负责人)`,
    );
  }

  try {
    for (const { what, on } of commandDates(command)) {
      if (compareLegalDates(on, context.today) > 0) {
        return refuse(
          422,
          'date_in_future',
          COMMAND_BASIS[command.type],
          `${what} on ${on} is after today (${context.today}): a legal date records what has ` +
            'already happened',
        );
      }
    }
    return decideAllowed(facts, command, context);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) {
      return refuse(
        422,
        'calendar_year_missing',
        articleOf('第八十八条第二款'),
        `${error.message}: working days cannot be counted until an administrator uploads it`,
      );
    }
    if (error instanceof InvalidLegalDateError) {
      return refuse(422, 'invalid_legal_date', COMMAND_BASIS[command.type], error.message);
    }
    throw error;
  }
}

function decideAllowed(facts: CaseFacts, command: CaseCommand, context: DecisionContext): Decision {
  switch (command.type) {
    case 'assign':
      // 行政复议法 第三十六条第一款: 应当指定行政复议人员负责办理.
      if (command.handlerId.trim() === '') {
        return refuse(
          422,
          'handler_required',
          COMMAND_BASIS.assign,
          'name the handler to assign the case to',
        );
      }
      return succeed(
        facts.status,
        { handlerId: command.handlerId },
        {
          type: 'assigned',
          occurredOn: context.today,
          payload: { handlerId: command.handlerId, previousHandlerId: facts.handlerId },
        },
      );
    case 'request_correction':
      return decideRequestCorrection(facts, command, context);
    case 'record_correction_notice_served':
      return decideRecordCorrectionNoticeServed(facts, command, context);
    case 'receive_correction':
      return decideReceiveCorrection(facts, command, context);
    case 'extend_correction_period':
      return decideExtendCorrectionPeriod(facts, command, context);
    case 'accept':
      return decideAccept(facts, command, context);
    case 'deem_accept':
      return decideDeemAccept(facts, context);
    case 'reject':
      return decideReject(facts, command, context);
    case 'deem_abandon':
      return decideDeemAbandon(facts, context);
    case 'send_copy':
      return decideSendCopy(facts, command, context);
    case 'record_reply':
      return decideRecordReply(facts, command, context);
    case 'record_opinion_heard':
      return decideRecordOpinionHeard(facts, command);
    case 'record_written_review':
      return decideRecordWrittenReview(facts, command, context);
    case 'suspend':
      return decideSuspend(facts, command, context);
    case 'resume':
      return decideResume(facts, command, context);
    case 'extend':
      return decideExtend(facts, command, context);
    case 'switch_procedure':
      return decideSwitchProcedure(facts, command, context);
    case 'conclude':
      return decideConclude(facts, command, context);
    case 'serve':
      return decideServe(facts, command, context);
    case 'archive':
      return decideArchive(facts, command);
    case 'reopen':
      return decideReopen(facts, command, context);
  }
}
