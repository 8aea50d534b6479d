import { CalendarYearMissingError } from '../calendar/calendar-year-missing.error';
import { shiftLegalDate } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import { checkExtension } from '../deadlines/check-extension.rule';
import { DEADLINE_CATALOGUE } from '../deadlines/deadline-catalogue';
import {
  acceptanceReviewInput,
  correctionNoticeInput,
  correctionReplyInput,
} from './case-deadline-inputs.rule';
import { checkDateOrder } from './case-date-order.rule';
import { articleOf, nonBlank, refuse, succeed } from './case-decision.factory';
import { dueOnOrNull, isAfterDue, tryDueOn } from './due-on.rule';
import type {
  CaseCommandOf,
  CaseFacts,
  CorrectionExtension,
  Decision,
  DecisionContext,
} from './reconsideration-case.types';

/*
 * The correction (补正) of an incomplete application, 行政复议法 第三十一条: the one notice, its
 * service, the extension of the period, the materials (by mail: the postmark counts), and deemed
 * abandonment (视为放弃) — which materials posted in time undo. Called only for commands the
 * transition table allows and whose dates are not in the future.
 */

const REPLY_BASIS = articleOf('第三十一条第二款');

/** 第三十一条第二款: the reading of 合理的补正期限 applied to each extension (deadline catalogue). */
const CORRECTION_EXTENSION = DEADLINE_CATALOGUE.correction_reply.periods.single.extension;

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
  context: DecisionContext,
): Decision {
  // The reply period runs from one service; recording another would move it.
  if (facts.correctionNoticeServedOn !== null) {
    return refuse(
      422,
      'correction_notice_already_served',
      REPLY_BASIS,
      `the service of the correction notice was already recorded on ${facts.correctionNoticeServedOn}`,
    );
  }
  const order = checkDateOrder(REPLY_BASIS, [
    {
      what: 'the service of the correction notice',
      on: command.servedOn,
      earlier: 'the correction notice',
      notBefore: facts.correctionNoticeOn,
      required: true,
    },
  ]);
  if (order !== null) return order;
  const replyDue = tryDueOn(
    context.calendar,
    correctionReplyInput({ ...facts, correctionNoticeServedOn: command.servedOn }),
  );
  return succeed(
    facts.status,
    { correctionNoticeServedOn: command.servedOn },
    {
      type: 'correction_notice_served',
      occurredOn: command.servedOn,
      payload: {
        servedOn: command.servedOn,
        noticeOn: facts.correctionNoticeOn,
        replyDueOn: dueOnOrNull(replyDue),
      },
    },
  );
}

/**
 * 行政复议法 第三十一条第二款: materials within 10 working days of the applicant's receipt of the
 * notice (plus extensions); for mail the postmark counts, not the receipt (DESIGN rule 5, 民事诉讼法
 * 第八十五条第四款 via 第八十八条第一款). Before the receipt of the notice is recorded no period
 * runs, so materials are always in time. 第三十一条第三款: on receipt the acceptance review of
 * 第三十条 runs again from that day.
 *
 * On a case deemed abandoned, materials posted (or received) on or before the last day show the
 * abandonment was wrong — the post, not the applicant, was late: the case is reinstated into the
 * acceptance review (event `reinstated_after_mail`, or `reinstated_received_in_time` without a
 * postmark). Later materials are refused: the abandonment stands.
 */
export function decideReceiveCorrection(
  facts: CaseFacts,
  command: CaseCommandOf<'receive_correction'>,
  context: DecisionContext,
): Decision {
  const postmarkedOn = command.postmarkedOn ?? null;
  const order = checkDateOrder(REPLY_BASIS, [
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
  // No due date before the service of the notice is recorded: materials are then in time.
  const replyDue = tryDueOn(context.calendar, correctionReplyInput(facts));
  const replyDueOn = dueOnOrNull(replyDue);
  const countedOn = postmarkedOn ?? command.receivedOn;
  const abandoned = facts.status === 'abandoned';
  if (isAfterDue(replyDue, countedOn)) {
    return refuse(
      422,
      'correction_reply_period_passed',
      REPLY_BASIS,
      `the corrected materials ${postmarkedOn === null ? 'arrived' : 'were posted'} on ` +
        `${countedOn}, after the correction period from the service of the notice on ` +
        `${String(facts.correctionNoticeServedOn)} ended on ${String(replyDueOn)}` +
        (abandoned
          ? `: the application stays deemed abandoned (视为放弃) as of ${String(facts.abandonedOn)}`
          : ''),
    );
  }
  const next: CaseFacts = {
    ...facts,
    reviewStartOn: command.receivedOn,
    correctionReceivedOn: command.receivedOn,
  };
  const payload = {
    receivedOn: command.receivedOn,
    postmarkedOn,
    replyDueOn,
    previousReviewStartOn: facts.reviewStartOn,
    reviewDueOn: dueOnOrNull(tryDueOn(context.calendar, acceptanceReviewInput(next))),
    previousStatus: facts.status,
  };
  const changes = {
    correctionReceivedOn: command.receivedOn,
    correctionPostmarkedOn: postmarkedOn,
    reviewStartOn: command.receivedOn,
  };
  if (!abandoned) {
    return succeed('received', changes, {
      type: 'correction_received',
      occurredOn: command.receivedOn,
      payload,
    });
  }
  return succeed(
    'received',
    { ...changes, abandonedOn: null },
    {
      type: postmarkedOn === null ? 'reinstated_received_in_time' : 'reinstated_after_mail',
      occurredOn: command.receivedOn,
      payload: {
        ...payload,
        previousAbandonedOn: facts.abandonedOn,
        basis: articleOf('第三十一条第二款、第三款'),
      },
    },
  );
}

/**
 * 行政复议法 第三十一条第二款: 有正当理由不能按期补正的，行政复议机关可以延长合理的补正期限. Once the
 * period runs (its notice served), before it has passed, for a stated reason, by 1 to 30 working
 * days (the catalogue's reading of 合理: the law sets no maximum); repeatable. Each extension
 * continues the period from its current last day, in working days like the period itself.
 */
export function decideExtendCorrectionPeriod(
  facts: CaseFacts,
  command: CaseCommandOf<'extend_correction_period'>,
  context: DecisionContext,
): Decision {
  if (!nonBlank(command.reason)) {
    return refuse(
      422,
      'correction_extension_reason_required',
      REPLY_BASIS,
      'an extension of the correction period needs the justified reason (正当理由) the applicant ' +
        'could not supply the materials in time',
    );
  }
  const maxDays = CORRECTION_EXTENSION.maxDays;
  if (!Number.isInteger(command.days) || command.days < 1) {
    return refuse(
      422,
      'extension_days_invalid',
      REPLY_BASIS,
      `an extension adds 1 to ${maxDays} working days, not ${String(command.days)}`,
    );
  }
  if (command.days > maxDays) {
    return refuse(
      422,
      'extension_too_long',
      REPLY_BASIS,
      `an extension of ${command.days} working days is more than a reasonable extension: ` +
        CORRECTION_EXTENSION.maxDaysReading,
    );
  }
  const input = correctionReplyInput(facts);
  if (input === null) {
    return refuse(
      422,
      'correction_notice_not_served',
      REPLY_BASIS,
      "the applicant's receipt of the correction notice is not recorded: the correction period " +
        'has not begun, so there is nothing to extend yet',
    );
  }
  const order = checkDateOrder(REPLY_BASIS, [
    {
      what: 'the approval of the extension',
      on: command.approvedOn,
      earlier: 'the service of the correction notice',
      notBefore: facts.correctionNoticeServedOn,
    },
  ]);
  if (order !== null) return order;
  const current = tryDueOn(context.calendar, input);
  const previousDueOn = dueOnOrNull(current);
  if (isAfterDue(current, command.approvedOn)) {
    return refuse(
      422,
      'correction_extension_after_deadline',
      REPLY_BASIS,
      `the correction period ended on ${String(previousDueOn)}; an extension approved on ` +
        `${command.approvedOn} comes too late (an expired period cannot be extended)`,
    );
  }
  const reason = command.reason.trim();
  const extension: CorrectionExtension = {
    approvedOn: command.approvedOn,
    days: command.days,
    reason,
    approvedBy: context.actorId,
  };
  let replyDueOn: LegalDate | null = null;
  try {
    const check = checkExtension(context.calendar, input, {
      days: command.days,
      approvedOn: command.approvedOn,
      approvedBy: context.actorId ?? undefined,
      reason,
    });
    // Count, length and timing are checked above; anything else is an input the rules let through.
    if (!check.ok) return refuse(422, check.rule, check.basis ?? REPLY_BASIS, check.detail);
    replyDueOn = check.next.dueOn;
  } catch (error) {
    // The extended period reaches a year the calendar does not hold yet: the extension stands,
    // the deadline store reports the date once the year is there.
    if (!(error instanceof CalendarYearMissingError)) throw error;
  }
  return succeed(
    facts.status,
    { correctionExtensions: [...facts.correctionExtensions, extension] },
    {
      type: 'correction_period_extended',
      occurredOn: command.approvedOn,
      payload: {
        ...extension,
        unit: 'working_days',
        extensionNumber: facts.correctionExtensions.length + 1,
        previousDueOn,
        replyDueOn,
        basis: REPLY_BASIS,
      },
    },
  );
}

/**
 * 行政复议法 第三十一条第二款: 无正当理由逾期不补正的，视为申请人放弃行政复议申请，并记录在案. The
 * applicant is late from the day after the period's last day (extensions included), which is the
 * day of abandonment. No period runs before the applicant's receipt of the notice is recorded, so
 * nothing can be deemed abandoned before.
 */
export function decideDeemAbandon(facts: CaseFacts, context: DecisionContext): Decision {
  const replyInput = correctionReplyInput(facts);
  if (replyInput === null) {
    return refuse(
      422,
      'correction_notice_not_served',
      REPLY_BASIS,
      "the applicant's receipt of the correction notice is not recorded: the 10 working days " +
        'have not begun, so the application cannot be deemed abandoned',
    );
  }
  const replyDue = tryDueOn(context.calendar, replyInput);
  if (!isAfterDue(replyDue, context.today) || !replyDue.known || replyDue.dueOn === null) {
    return refuse(
      422,
      'correction_reply_running',
      REPLY_BASIS,
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
        countedFrom: 'notice_served',
        extensions: facts.correctionExtensions.length,
        basis: REPLY_BASIS,
        previousStatus: facts.status,
      },
    },
  );
}
