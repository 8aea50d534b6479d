import { checkApplicationPeriod } from './application-period.rule';
import { acceptanceReviewInput } from './case-deadline-inputs.rule';
import { checkDateOrder } from './case-date-order.rule';
import { articleOf, nonBlank, refuse, succeed } from './case-decision.factory';
import { decisionDueChange, dueOnOrNull, isAfterDue, tryDueOn } from './due-on.rule';
import type {
  CaseCommandOf,
  CaseFacts,
  Decision,
  DecisionContext,
} from './reconsideration-case.types';

/*
 * Commands that end the acceptance review: acceptance (受理, decided or deemed) and rejection
 * (不予受理). The correction (补正) commands are in decide-correction-command.rule.ts. Called only
 * for commands the transition table allows and whose dates are not in the future.
 */

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
