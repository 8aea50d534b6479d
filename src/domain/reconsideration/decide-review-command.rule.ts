import { CalendarYearMissingError } from '../calendar/calendar-year-missing.error';
import { daysBetween } from '../calendar/legal-date.value';
import { checkExtension } from '../deadlines/check-extension.rule';
import {
  copyToRespondentInput,
  decisionInput,
  respondentReplyInput,
  suspensionTerminationInput,
} from './case-deadline-inputs.rule';
import { checkDateOrder, lastResumedOn } from './case-date-order.rule';
import { articleOf, nonBlank, refuse, succeed } from './case-decision.factory';
import {
  decisionDueChange,
  dueOnOrNull,
  isAfterDue,
  isKnownAfterDue,
  tryDueOn,
} from './due-on.rule';
import type { DueOnResult } from './due-on.rule';
import { SUSPENSION_GROUNDS } from './reconsideration-case.types';
import type {
  CaseCommandOf,
  CaseFacts,
  ClosedSuspension,
  Decision,
  DecisionContext,
} from './reconsideration-case.types';

/*
 * Commands during the review (审理): copy and reply, hearing of opinions, suspension (中止),
 * extension (延长) and the procedure switch. Called only for commands the transition table allows,
 * by an allowed role, with no date in the future.
 */

/**
 * 行政复议法 第四十八条 (7 working days; simplified 3, 第五十四条): the copy of the application goes
 * to the respondent after acceptance. Sending late is recorded (`late`), not refused. A repeated
 * command re-records the copy, e.g. to add the respondent's receipt.
 */
export function decideSendCopy(
  facts: CaseFacts,
  command: CaseCommandOf<'send_copy'>,
  context: DecisionContext,
): Decision {
  const basis = articleOf(facts.procedure === 'simplified' ? '第五十四条第一款' : '第四十八条');
  const respondentReceivedOn = command.respondentReceivedOn ?? facts.respondentReceivedOn;
  const order = checkDateOrder(basis, [
    {
      what: 'the sending of the copy',
      on: command.sentOn,
      earlier: 'the acceptance',
      notBefore: facts.acceptedOn,
      required: true,
    },
    {
      what: "the respondent's receipt of the copy",
      on: respondentReceivedOn,
      earlier: 'its sending',
      notBefore: command.sentOn,
    },
    {
      what: "the respondent's reply",
      on: facts.replyReceivedOn,
      earlier: "the respondent's receipt of the copy",
      notBefore: respondentReceivedOn,
    },
  ]);
  if (order !== null) return order;
  const copyDue = tryDueOn(context.calendar, copyToRespondentInput(facts));
  const replyDueOn = dueOnOrNull(
    tryDueOn(context.calendar, respondentReplyInput({ ...facts, respondentReceivedOn })),
  );
  return succeed(
    facts.status,
    { copySentOn: command.sentOn, respondentReceivedOn },
    {
      type: 'copy_sent',
      occurredOn: command.sentOn,
      payload: {
        sentOn: command.sentOn,
        respondentReceivedOn,
        copyDueOn: dueOnOrNull(copyDue),
        late: isKnownAfterDue(copyDue, command.sentOn),
        replyDueOn,
        previousCopySentOn: facts.copySentOn,
      },
    },
  );
}

/**
 * 行政复议法 第四十八条 (10 working days; simplified 5, 第五十四条) from the respondent's receipt of
 * the copy. For a reply sent by mail the postmark is what counts (time in the post is not counted:
 * DESIGN rule 5, 民事诉讼法 第八十五条第四款 via 第八十八条第一款), so a reply posted on the last day
 * is in time. A late reply is recorded (`late`): the act is then treated as without evidence
 * (第七十条), which is for the decision, not for the machine.
 */
export function decideRecordReply(
  facts: CaseFacts,
  command: CaseCommandOf<'record_reply'>,
  context: DecisionContext,
): Decision {
  const basis = articleOf(facts.procedure === 'simplified' ? '第五十四条第一款' : '第四十八条');
  const postmarkedOn = command.postmarkedOn ?? null;
  const countedOn = postmarkedOn ?? command.receivedOn;
  const order = checkDateOrder(basis, [
    {
      what: "the respondent's reply",
      on: countedOn,
      earlier: 'the sending of the copy of the application',
      notBefore: facts.copySentOn,
      required: true,
    },
    {
      what: "the respondent's reply",
      on: countedOn,
      earlier: "the respondent's receipt of the copy",
      notBefore: facts.respondentReceivedOn,
    },
    {
      what: "the receipt of the respondent's reply",
      on: command.receivedOn,
      earlier: 'its postmark',
      notBefore: postmarkedOn,
    },
  ]);
  if (order !== null) return order;
  const replyDue = tryDueOn(context.calendar, respondentReplyInput(facts));
  const replyDueOn = dueOnOrNull(replyDue);
  const late = isKnownAfterDue(replyDue, countedOn);
  return succeed(
    facts.status,
    { replyReceivedOn: command.receivedOn, replyPostmarkedOn: postmarkedOn },
    {
      type: 'reply_received',
      occurredOn: command.receivedOn,
      payload: {
        receivedOn: command.receivedOn,
        postmarkedOn,
        replyDueOn,
        late,
        consequence: late ? articleOf('第七十条') : null,
        previousReplyReceivedOn: facts.replyReceivedOn,
      },
    },
  );
}

/** 行政复议法 第四十九条: 听取当事人的意见 (in person, online, by phone), recorded. */
export function decideRecordOpinionHeard(
  facts: CaseFacts,
  command: CaseCommandOf<'record_opinion_heard'>,
): Decision {
  const order = checkDateOrder(articleOf('第四十九条'), [
    {
      what: 'the hearing of opinions',
      on: command.heardOn,
      earlier: 'the acceptance',
      notBefore: facts.acceptedOn,
      required: true,
    },
  ]);
  if (order !== null) return order;
  return succeed(
    facts.status,
    { opinionHeardOn: command.heardOn },
    {
      type: 'opinion_heard',
      occurredOn: command.heardOn,
      payload: {
        heardOn: command.heardOn,
        how: command.how,
        previousOpinionHeardOn: facts.opinionHeardOn,
      },
    },
  );
}

/**
 * 行政复议法 第四十九条: 因当事人原因不能听取意见的，可以书面审理 — with the reason on record
 * (simplified procedure may always be written, 第五十四条第二款).
 */
export function decideRecordWrittenReview(
  facts: CaseFacts,
  command: CaseCommandOf<'record_written_review'>,
  { today }: DecisionContext,
): Decision {
  if (!nonBlank(command.reason)) {
    return refuse(
      422,
      'written_review_reason_required',
      articleOf('第四十九条'),
      'a written review instead of hearing the parties needs the reason the opinions could not ' +
        'be heard',
    );
  }
  const reason = command.reason.trim();
  return succeed(
    facts.status,
    { writtenReviewReason: reason },
    { type: 'written_review_recorded', occurredOn: today, payload: { reason } },
  );
}

/**
 * 行政复议法 第三十九条第一款: suspension (中止) on one of its grounds; the decision clock stops
 * (the deadline is paused) and keeps the time left. A suspension ordered after the decision
 * deadline passed is recorded (the review does stop) but revives nothing: the deadline stays
 * expired (`afterDue`). On grounds (一)(二)(四) the case may be terminated after 60 days
 * (第四十一条第五项).
 */
export function decideSuspend(
  facts: CaseFacts,
  command: CaseCommandOf<'suspend'>,
  context: DecisionContext,
): Decision {
  const basis = articleOf('第三十九条第一款');
  if (!SUSPENSION_GROUNDS.includes(command.ground)) {
    return refuse(
      422,
      'suspension_ground_invalid',
      basis,
      `${String(command.ground)} is not a ground of suspension`,
    );
  }
  const order = checkDateOrder(basis, [
    {
      what: 'the suspension',
      on: command.suspendedOn,
      earlier: 'the acceptance',
      notBefore: facts.acceptedOn,
      required: true,
    },
    {
      what: 'the suspension',
      on: command.suspendedOn,
      earlier: 'the end of the previous suspension',
      notBefore: lastResumedOn(facts),
    },
  ]);
  if (order !== null) return order;
  const currentDue = tryDueOn(context.calendar, decisionInput(facts));
  const suspended: CaseFacts = {
    ...facts,
    suspendedOn: command.suspendedOn,
    suspensionGround: command.ground,
  };
  const termination = suspensionTerminationInput(suspended);
  return succeed(
    'suspended',
    {
      suspendedOn: command.suspendedOn,
      suspensionGround: command.ground,
      ...decisionDueChange(context.calendar, suspended),
    },
    {
      type: 'suspended',
      occurredOn: command.suspendedOn,
      payload: {
        suspendedOn: command.suspendedOn,
        ground: command.ground,
        previousDecisionDueOn: dueOnOrNull(currentDue),
        afterDue: isKnownAfterDue(currentDue, command.suspendedOn),
        sixtyDaysOn:
          termination === null ? null : dueOnOrNull(tryDueOn(context.calendar, termination)),
      },
    },
  );
}

/**
 * 行政复议法 第三十九条第二款: 中止的原因消除后，应当及时恢复. The suspended days are added to the
 * decision deadline (`resumedOn − suspendedOn`).
 */
export function decideResume(
  facts: CaseFacts,
  command: CaseCommandOf<'resume'>,
  context: DecisionContext,
): Decision {
  const order = checkDateOrder(articleOf('第三十九条第二款'), [
    {
      what: 'the resumption',
      on: command.resumedOn,
      earlier: 'the suspension',
      notBefore: facts.suspendedOn,
      required: true,
    },
  ]);
  if (order !== null || facts.suspendedOn === null) return order ?? refuseNoSuspension();
  const closed: ClosedSuspension = {
    suspendedOn: facts.suspendedOn,
    resumedOn: command.resumedOn,
    ground: facts.suspensionGround ?? 'other',
  };
  const resumed: CaseFacts = {
    ...facts,
    suspendedOn: null,
    suspensionGround: null,
    suspensions: [...facts.suspensions, closed],
  };
  const due = decisionDueChange(context.calendar, resumed);
  return succeed(
    'under_review',
    { suspendedOn: null, suspensionGround: null, suspensions: resumed.suspensions, ...due },
    {
      type: 'resumed',
      occurredOn: command.resumedOn,
      payload: {
        resumedOn: command.resumedOn,
        suspendedOn: closed.suspendedOn,
        ground: closed.ground,
        suspendedDays: daysBetween(closed.suspendedOn, closed.resumedOn),
        decisionDueOn: due.decisionDueOn ?? null,
      },
    },
  );
}

function refuseNoSuspension(): Decision {
  return refuse(
    422,
    'dates_out_of_order',
    articleOf('第三十九条'),
    'no open suspension is recorded',
  );
}

/**
 * 行政复议法 第六十二条第一款: 情况复杂…经行政复议机构的负责人批准，可以适当延长，并书面告知当事人；
 * 但是延长期限最多不得超过三十日 — ordinary procedure only (第六十二条第二款 gives the simplified
 * procedure none; switch first, 第五十五条), once, 1–30 days, approved before the deadline passes.
 * While suspended it is judged on the deadline the period had when the suspension began: a
 * suspension that began in time pauses it (not passed), one that began after it passed leaves it
 * expired, and the extension is refused. The head-only rule is checked by the caller.
 */
export function decideExtend(
  facts: CaseFacts,
  command: CaseCommandOf<'extend'>,
  context: DecisionContext,
): Decision {
  const basis = articleOf('第六十二条第一款');
  const order = checkDateOrder(basis, [
    {
      what: 'the approval of the extension',
      on: command.approvedOn,
      earlier: 'the acceptance',
      notBefore: facts.acceptedOn,
      required: true,
    },
  ]);
  if (order !== null) return order;
  if (facts.procedure !== 'ordinary') {
    return refuse(
      422,
      'extension_ordinary_only',
      articleOf('第六十二条第二款、第五十五条'),
      'the simplified procedure has no extension of its 30 days: switch the case to the ordinary ' +
        'procedure first',
    );
  }
  if (facts.extension !== null) {
    return refuse(
      422,
      'extension_once_only',
      basis,
      `the decision period was already extended by ${facts.extension.days} days on ` +
        `${facts.extension.approvedOn}; it can be extended only once`,
    );
  }
  if (!Number.isInteger(command.days) || command.days < 1) {
    return refuse(
      422,
      'extension_days_invalid',
      basis,
      `an extension adds 1 to 30 days, not ${String(command.days)}`,
    );
  }
  if (command.days > 30) {
    return refuse(
      422,
      'extension_too_long',
      basis,
      `an extension of ${command.days} days exceeds the 30 days the law allows`,
    );
  }
  if (!nonBlank(command.reason)) {
    return refuse(
      422,
      'extension_reason_required',
      basis,
      'an extension needs its reason (情况复杂), which is told to the parties in writing',
    );
  }
  const input = decisionInput(facts);
  if (input === null) return refuseNoSuspension();
  const reason = command.reason.trim();
  const approvedBy = context.actorId;
  // Approved before the deadline passes (a paused deadline has not passed).
  const current = tryDueOn(context.calendar, input);
  const previousDueOn = dueOnOrNull(current);
  if (isAfterDue(current, command.approvedOn)) {
    return refuse(
      422,
      'extension_after_deadline',
      basis,
      `the decision deadline passed on ${String(previousDueOn)}; an extension approved on ` +
        `${command.approvedOn} comes too late` +
        (facts.suspendedOn === null
          ? ''
          : ` (the suspension from ${facts.suspendedOn} began after it and did not stop it)`),
    );
  }
  let next: DueOnResult;
  try {
    const check = checkExtension(context.calendar, input, {
      days: command.days,
      approvedOn: command.approvedOn,
      approvedBy: approvedBy ?? undefined,
      reason,
    });
    if (!check.ok) {
      switch (check.rule) {
        case 'extension_after_due':
          return refuse(422, 'extension_after_deadline', basis, check.detail);
        case 'extension_before_trigger':
          return refuse(422, 'dates_out_of_order', basis, check.detail);
        case 'extension_not_allowed':
          return refuse(422, 'extension_ordinary_only', check.basis ?? basis, check.detail);
        case 'extension_once_only':
        case 'extension_limit_reached':
          return refuse(422, 'extension_once_only', check.basis ?? basis, check.detail);
        case 'extension_too_long':
        case 'extension_days_invalid':
          return refuse(422, check.rule, check.basis ?? basis, check.detail);
      }
    }
    next = { known: true, dueOn: check.next.dueOn };
  } catch (error) {
    // The extended deadline reaches a year the calendar does not hold yet: the extension stands,
    // the deadline store reports the date once the year is uploaded.
    if (!(error instanceof CalendarYearMissingError)) throw error;
    next = { known: false, missingYear: error.year };
  }
  const decisionDueOn = dueOnOrNull(next);
  return succeed(
    facts.status,
    {
      extension: { approvedOn: command.approvedOn, days: command.days, reason, approvedBy },
      ...(next.known ? { decisionDueOn } : {}),
    },
    {
      type: 'extended',
      occurredOn: command.approvedOn,
      payload: {
        approvedOn: command.approvedOn,
        days: command.days,
        reason,
        approvedBy,
        previousDueOn,
        decisionDueOn,
      },
    },
  );
}

/**
 * 行政复议法 第五十五条: 认为不宜适用简易程序的，经行政复议机构的负责人批准，可以转为普通程序审理.
 * Only simplified → ordinary; the decision period becomes 60 days from acceptance (第六十二条第一款).
 * The head-only rule is checked by the caller.
 */
export function decideSwitchProcedure(
  facts: CaseFacts,
  command: CaseCommandOf<'switch_procedure'>,
  context: DecisionContext,
): Decision {
  const basis = articleOf('第五十五条');
  if (facts.procedure === 'ordinary') {
    return refuse(
      422,
      'procedure_already_ordinary',
      basis,
      'the case is already in the ordinary procedure; only simplified → ordinary is possible',
    );
  }
  const order = checkDateOrder(basis, [
    {
      what: 'the approval of the procedure switch',
      on: command.approvedOn,
      earlier: 'the acceptance',
      notBefore: facts.acceptedOn,
      required: true,
    },
  ]);
  if (order !== null) return order;
  const previousDue = tryDueOn(context.calendar, decisionInput(facts));
  const due = decisionDueChange(context.calendar, { ...facts, procedure: 'ordinary' });
  return succeed(
    facts.status,
    { procedure: 'ordinary', ...due },
    {
      type: 'procedure_switched',
      occurredOn: command.approvedOn,
      payload: {
        from: facts.procedure,
        to: 'ordinary',
        approvedOn: command.approvedOn,
        approvedBy: context.actorId,
        previousDueOn: dueOnOrNull(previousDue),
        decisionDueOn: due.decisionDueOn ?? null,
        afterDue: isKnownAfterDue(previousDue, command.approvedOn),
      },
    },
  );
}
