import { shiftLegalDate } from '../calendar/legal-date.value';
import { checkApplicationPeriod } from './application-period.rule';
import {
  acceptanceReviewInput,
  correctionNoticeInput,
  correctionReplyInput,
} from './case-deadline-inputs.rule';
import { checkDateOrder } from './case-date-order.rule';
import { articleOf, refuse, succeed } from './case-decision.factory';
import { decisionDueChange, dueOnOrNull, isAfterDue, tryDueOn } from './due-on.rule';
import type {
  CaseCommandOf,
  CaseFacts,
  Decision,
  DecisionContext,
} from './reconsideration-case.types';

/*
 * Commands before acceptance: correction (补正), acceptance (受理, decided or deemed), rejection
 * (不予受理) and deemed abandonment (视为放弃). Called only for commands the transition table
 * allows and whose dates are not in the future.
 */

const nonBlank = (text: string | undefined | null): text is string =>
  typeof text === 'string' && text.trim() !== '';

/**
 * 行政复议法 第三十一条第一款: within 5 working days of receipt, one written notice listing every
 * item to supply (补正通知应当一次性载明需要补正的事项).
 */
export function decideRequestCorrection(
  facts: CaseFacts,
  command: CaseCommandOf<'request_correction'>,
  { calendar }: DecisionContext,
): Decision {
  const basis = articleOf('第三十一条第一款');
  // 一次性载明: one notice per case, even after the corrected materials came back.
  if (facts.correctionNoticeOn !== null) {
    return refuse(
      422,
      'correction_once_only',
      basis,
      `a correction notice was already issued on ${facts.correctionNoticeOn}; the notice lists ` +
        'every item at once and cannot be repeated',
    );
  }
  const order = checkDateOrder(basis, [
    {
      what: 'the correction notice',
      on: command.noticeOn,
      earlier: 'the receipt of the application',
      notBefore: facts.reviewStartOn,
    },
  ]);
  if (order !== null) return order;
  const items = command.items.map((item) => item.trim()).filter((item) => item !== '');
  if (items.length === 0) {
    return refuse(
      422,
      'correction_items_required',
      basis,
      'the correction notice must list the items to supply',
    );
  }
  // 自收到申请之日起五日内 (working days, 第八十八条第二款).
  const noticeDue = tryDueOn(calendar, correctionNoticeInput(facts));
  const noticeDueOn = dueOnOrNull(noticeDue);
  if (isAfterDue(noticeDue, command.noticeOn)) {
    return refuse(
      422,
      'correction_notice_period_passed',
      basis,
      `a correction notice on ${command.noticeOn} is too late: the 5 working days from the ` +
        `receipt on ${facts.receivedOn} ended on ${String(noticeDueOn)}`,
    );
  }
  return succeed(
    'correction_requested',
    { correctionNoticeOn: command.noticeOn, correctionItems: items },
    {
      type: 'correction_requested',
      occurredOn: command.noticeOn,
      payload: {
        noticeOn: command.noticeOn,
        items,
        noticeDueOn,
        previousStatus: facts.status,
      },
    },
  );
}

/** 行政复议法 第三十一条第二款: the reply period counts from the applicant's receipt of the notice. */
export function decideRecordCorrectionNoticeServed(
  facts: CaseFacts,
  command: CaseCommandOf<'record_correction_notice_served'>,
  { calendar }: DecisionContext,
): Decision {
  const basis = articleOf('第三十一条第二款');
  // The reply period runs from one service; recording another would move it.
  if (facts.correctionNoticeServedOn !== null) {
    return refuse(
      422,
      'correction_notice_already_served',
      basis,
      `the service of the correction notice was already recorded on ${facts.correctionNoticeServedOn}`,
    );
  }
  const order = checkDateOrder(basis, [
    {
      what: 'the service of the correction notice',
      on: command.servedOn,
      earlier: 'the correction notice',
      notBefore: facts.correctionNoticeOn,
      required: true,
    },
  ]);
  if (order !== null) return order;
  const replyInput = correctionReplyInput({ ...facts, correctionNoticeServedOn: command.servedOn });
  const replyDueOn = replyInput === null ? null : dueOnOrNull(tryDueOn(calendar, replyInput));
  return succeed(
    facts.status,
    { correctionNoticeServedOn: command.servedOn },
    {
      type: 'correction_notice_served',
      occurredOn: command.servedOn,
      payload: { servedOn: command.servedOn, noticeOn: facts.correctionNoticeOn, replyDueOn },
    },
  );
}

/**
 * 行政复议法 第三十一条第二款: materials within 10 working days of the applicant's receipt of the
 * notice (counted from the notice date when its service is not recorded; for mail the postmark
 * counts). 第三十一条第三款: on receipt the acceptance review of 第三十条 runs again from that day.
 */
export function decideReceiveCorrection(
  facts: CaseFacts,
  command: CaseCommandOf<'receive_correction'>,
  { calendar }: DecisionContext,
): Decision {
  const basis = articleOf('第三十一条第二款');
  const postmarkedOn = command.postmarkedOn ?? null;
  const order = checkDateOrder(basis, [
    {
      what: 'the receipt of the corrected materials',
      on: command.receivedOn,
      earlier: 'the correction notice',
      notBefore: facts.correctionNoticeOn,
      required: true,
    },
    {
      what: 'the postmark of the corrected materials',
      on: postmarkedOn,
      earlier: 'the correction notice',
      notBefore: facts.correctionNoticeOn,
    },
    {
      what: 'the receipt of the corrected materials',
      on: command.receivedOn,
      earlier: 'their postmark',
      notBefore: postmarkedOn,
    },
  ]);
  if (order !== null) return order;
  const replyInput = correctionReplyInput(facts);
  const replyDue = replyInput === null ? null : tryDueOn(calendar, replyInput);
  const replyDueOn = replyDue === null ? null : dueOnOrNull(replyDue);
  const countedOn = postmarkedOn ?? command.receivedOn;
  if (replyInput !== null && replyDue !== null && isAfterDue(replyDue, countedOn)) {
    const from =
      facts.correctionNoticeServedOn === null
        ? `the notice on ${replyInput.triggerOn} (its service is not recorded)`
        : `the service of the notice on ${replyInput.triggerOn}`;
    return refuse(
      422,
      'correction_reply_period_passed',
      basis,
      `the corrected materials ${postmarkedOn === null ? 'arrived' : 'were posted'} on ` +
        `${countedOn}, after the 10 working days from ${from} ended on ${String(replyDueOn)}`,
    );
  }
  const next: CaseFacts = {
    ...facts,
    reviewStartOn: command.receivedOn,
    correctionReceivedOn: command.receivedOn,
  };
  return succeed(
    'received',
    { correctionReceivedOn: command.receivedOn, reviewStartOn: command.receivedOn },
    {
      type: 'correction_received',
      occurredOn: command.receivedOn,
      payload: {
        receivedOn: command.receivedOn,
        postmarkedOn,
        replyDueOn,
        previousReviewStartOn: facts.reviewStartOn,
        reviewDueOn: dueOnOrNull(tryDueOn(calendar, acceptanceReviewInput(next))),
        previousStatus: facts.status,
      },
    },
  );
}

/**
 * 行政复议法 第三十条: acceptance within the 5-working-day review (after it the application is
 * already deemed accepted, 第三十条第三款), of an application filed in time (第三十条第一款第四项,
 * 第二十条, 第二十一条). The procedure may be chosen now (第五十三条).
 */
export function decideAccept(
  facts: CaseFacts,
  command: CaseCommandOf<'accept'>,
  { calendar }: DecisionContext,
): Decision {
  const order = checkDateOrder(articleOf('第三十条第一款'), [
    {
      what: 'the acceptance',
      on: command.acceptedOn,
      earlier:
        facts.correctionReceivedOn === null
          ? 'the receipt of the application'
          : 'the receipt of the corrected materials',
      notBefore: facts.reviewStartOn,
    },
  ]);
  if (order !== null) return order;
  const reviewDue = tryDueOn(calendar, acceptanceReviewInput(facts));
  const reviewDueOn = dueOnOrNull(reviewDue);
  // 第三十条第三款: 审查期限届满…未作出不予受理决定的，审查期限届满之日起视为受理.
  if (isAfterDue(reviewDue, command.acceptedOn)) {
    return refuse(
      422,
      'acceptance_review_passed',
      articleOf('第三十条第三款'),
      `the review period from ${facts.reviewStartOn} ended on ${String(reviewDueOn)}: the ` +
        `application is deemed accepted as of that day (the deadline sweep records it), so an acceptance ` +
        `on ${command.acceptedOn} comes too late`,
    );
  }
  // 第三十条第一款第四项 with 第二十条, 第二十一条: filed within the application period.
  const period = checkApplicationPeriod(calendar, facts);
  if (!period.ok) return refuse(422, period.rule, period.basis, period.detail);
  const procedure = command.procedure ?? facts.procedure;
  const due = decisionDueChange(calendar, { ...facts, procedure, acceptedOn: command.acceptedOn });
  return succeed(
    'under_review',
    { acceptedOn: command.acceptedOn, acceptedHow: 'decided', procedure, ...due },
    {
      type: 'accepted',
      occurredOn: command.acceptedOn,
      payload: {
        acceptedOn: command.acceptedOn,
        procedure,
        filedOn: period.filedOn,
        limitationDueOn: period.limitationDueOn,
        reviewDueOn,
        decisionDueOn: due.decisionDueOn ?? null,
        previousStatus: facts.status,
      },
    },
  );
}

/**
 * 行政复议法 第三十条第三款: the review period passed with no rejection → accepted as of its last
 * day (审查期限届满之日起视为受理). Not blocked by a late application: the office should have
 * rejected it in time; the event says so (`late`).
 */
export function decideDeemAccept(facts: CaseFacts, { calendar, today }: DecisionContext): Decision {
  const basis = articleOf('第三十条第三款');
  const reviewDue = tryDueOn(calendar, acceptanceReviewInput(facts));
  if (!isAfterDue(reviewDue, today) || !reviewDue.known || reviewDue.dueOn === null) {
    return refuse(
      422,
      'acceptance_review_running',
      basis,
      `the review period from ${facts.reviewStartOn} runs until ` +
        `${String(dueOnOrNull(reviewDue))}; the application ` +
        'is deemed accepted only after it has passed',
    );
  }
  const reviewDueOn = reviewDue.dueOn;
  const period = checkApplicationPeriod(calendar, facts);
  const due = decisionDueChange(calendar, { ...facts, acceptedOn: reviewDueOn });
  return succeed(
    'under_review',
    { acceptedOn: reviewDueOn, acceptedHow: 'deemed', ...due },
    {
      type: 'deemed_accepted',
      occurredOn: reviewDueOn,
      payload: {
        acceptedOn: reviewDueOn,
        reviewStartOn: facts.reviewStartOn,
        reviewDueOn,
        procedure: facts.procedure,
        decisionDueOn: due.decisionDueOn ?? null,
        filedOn: period.filedOn,
        late: !period.ok,
        lateRule: period.ok ? null : period.rule,
        lateDetail: period.ok ? null : period.detail,
        basis,
        previousStatus: facts.status,
      },
    },
  );
}

/**
 * 行政复议法 第三十条第二款: 应当在审查期限内决定不予受理并说明理由; for lack of jurisdiction the
 * decision names the competent body. While a correction is pending the review does not run (it
 * restarts on the materials, 第三十一条第三款), so a rejection then is not time-barred. After the
 * review period the application is deemed accepted: an inadmissible case is then dismissed by a
 * conclusion with `dismiss_application` (第三十三条).
 */
export function decideReject(
  facts: CaseFacts,
  command: CaseCommandOf<'reject'>,
  { calendar }: DecisionContext,
): Decision {
  const basis = articleOf('第三十条第二款');
  if (!nonBlank(command.reason)) {
    return refuse(
      422,
      'rejection_reason_required',
      basis,
      'a rejection (不予受理) must state its reason',
    );
  }
  const order = checkDateOrder(basis, [
    {
      what: 'the rejection',
      on: command.rejectedOn,
      earlier:
        facts.correctionReceivedOn === null
          ? 'the receipt of the application'
          : 'the receipt of the corrected materials',
      notBefore: facts.reviewStartOn,
    },
    {
      what: 'the rejection',
      on: command.rejectedOn,
      earlier: 'the correction notice',
      notBefore: facts.status === 'correction_requested' ? facts.correctionNoticeOn : null,
    },
  ]);
  if (order !== null) return order;
  let reviewDueOn = null;
  if (facts.status === 'received') {
    const reviewDue = tryDueOn(calendar, acceptanceReviewInput(facts));
    reviewDueOn = dueOnOrNull(reviewDue);
    if (isAfterDue(reviewDue, command.rejectedOn)) {
      return refuse(
        422,
        'acceptance_review_passed',
        articleOf('第三十条第二款、第三款'),
        `a rejection on ${command.rejectedOn} is too late: the review period from ` +
          `${facts.reviewStartOn} ended on ${String(reviewDueOn)} and the application is deemed accepted ` +
          'as of that day; an inadmissible case is now dismissed (dismiss_application, 第三十三条)',
      );
    }
  }
  return succeed(
    'rejected',
    { rejectedOn: command.rejectedOn },
    {
      type: 'rejected',
      occurredOn: command.rejectedOn,
      payload: {
        rejectedOn: command.rejectedOn,
        reason: command.reason.trim(),
        competentBody: nonBlank(command.competentBody) ? command.competentBody.trim() : null,
        reviewDueOn,
        previousStatus: facts.status,
      },
    },
  );
}

/**
 * 行政复议法 第三十一条第二款: 无正当理由逾期不补正的，视为申请人放弃行政复议申请，并记录在案. The
 * applicant is late from the day after the period's last day, which is the day of abandonment.
 */
export function decideDeemAbandon(
  facts: CaseFacts,
  { calendar, today }: DecisionContext,
): Decision {
  const basis = articleOf('第三十一条第二款');
  const replyInput = correctionReplyInput(facts);
  if (replyInput === null) {
    return refuse(
      422,
      'dates_out_of_order',
      basis,
      'no correction notice is recorded, so no correction period can have passed',
    );
  }
  const replyDue = tryDueOn(calendar, replyInput);
  if (!isAfterDue(replyDue, today) || !replyDue.known || replyDue.dueOn === null) {
    return refuse(
      422,
      'correction_reply_running',
      basis,
      `the correction period from ${replyInput.triggerOn} runs until ` +
        `${String(dueOnOrNull(replyDue))}; the ` +
        'application is deemed abandoned only after it has passed',
    );
  }
  const replyDueOn = replyDue.dueOn;
  const abandonedOn = shiftLegalDate(replyDueOn, 1);
  return succeed(
    'abandoned',
    { abandonedOn },
    {
      type: 'deemed_abandoned',
      occurredOn: abandonedOn,
      payload: {
        abandonedOn,
        replyDueOn,
        noticeOn: facts.correctionNoticeOn,
        noticeServedOn: facts.correctionNoticeServedOn,
        countedFrom: facts.correctionNoticeServedOn === null ? 'notice' : 'notice_served',
        basis,
        previousStatus: facts.status,
      },
    },
  );
}
