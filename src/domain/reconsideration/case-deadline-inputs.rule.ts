import { dayNumberOf, legalDateFromDayNumber } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import type { DeadlineInput } from '../deadlines/compute-deadline.rule';
import type { TriggerEvent } from '../deadlines/deadline-definition.type';
import type { SuspensionEntry } from '../deadlines/deadline-ledger.type';
import type { CaseFacts, SuspensionGround } from './reconsideration-case.types';

/*
 * The deadline inputs a case's facts imply, shared by the state machine (to enforce them) and by
 * `planDeadlines` (to store them). Kinds and triggers are the catalogue's (deadline-catalogue.ts).
 */

/**
 * 行政复议法 第三十条第一款: 5 working days of review from receipt; 第三十一条第三款: it runs again from
 * the receipt of corrected materials (`reviewStartOn`).
 */
export function acceptanceReviewInput(facts: CaseFacts): DeadlineInput {
  return {
    kind: 'acceptance_review',
    triggerOn: facts.reviewStartOn,
    triggerEvent:
      facts.correctionReceivedOn === null ? 'application_received' : 'corrected_materials_received',
  };
}

/** 行政复议法 第三十一条第一款: the correction notice within 5 working days of receipt. */
export function correctionNoticeInput(facts: CaseFacts): DeadlineInput {
  return { kind: 'correction_notice', triggerOn: facts.receivedOn };
}

/**
 * 行政复议法 第三十一条第二款: 申请人应当自收到补正通知之日起十日内提交补正材料 — 10 working days from
 * the applicant's receipt of the notice, with the extensions granted (可以延长合理的补正期限).
 * Null until the receipt is recorded: the notice date does not stand in for it, so there is no
 * due date and no deemed abandonment before (the plan asks for the service to be recorded).
 */
export function correctionReplyInput(facts: CaseFacts): DeadlineInput | null {
  const triggerOn = facts.correctionNoticeServedOn;
  if (triggerOn === null) return null;
  return {
    kind: 'correction_reply',
    triggerOn,
    triggerEvent: 'correction_notice_received',
    ledger: {
      extensions: facts.correctionExtensions.map((extension) => ({
        days: extension.days,
        approvedOn: extension.approvedOn,
        approvedBy: extension.approvedBy ?? undefined,
        reason: extension.reason,
      })),
    },
  };
}

/**
 * 行政复议法 第四十八条: the copy of the application to the respondent within 7 working days of
 * acceptance (第五十四条, simplified procedure: 3). Null before acceptance.
 */
export function copyToRespondentInput(facts: CaseFacts): DeadlineInput | null {
  if (facts.acceptedOn === null) return null;
  return { kind: 'copy_to_respondent', procedure: facts.procedure, triggerOn: facts.acceptedOn };
}

/**
 * 行政复议法 第四十八条: the respondent's written reply within 10 working days of its receipt of
 * the copy (第五十四条, simplified procedure: 5). Null until that receipt is recorded.
 */
export function respondentReplyInput(facts: CaseFacts): DeadlineInput | null {
  if (facts.respondentReceivedOn === null) return null;
  return {
    kind: 'respondent_reply',
    procedure: facts.procedure,
    triggerOn: facts.respondentReceivedOn,
  };
}

/**
 * 行政复议法 第六十二条: 60 days (simplified: 30) from acceptance; 第三十九条: suspended days do not
 * count (an open suspension pauses it); 第六十二条第一款: the one extension. `closeOpenSuspensionOn`
 * treats the open suspension as ended on that day (e.g. a termination while suspended).
 * Null before acceptance.
 */
export function decisionInput(
  facts: CaseFacts,
  closeOpenSuspensionOn: LegalDate | null = null,
): DeadlineInput | null {
  if (facts.acceptedOn === null) return null;
  const suspensions: SuspensionEntry[] = facts.suspensions.map((suspension) => ({
    from: suspension.suspendedOn,
    to: suspension.resumedOn,
    reason: suspension.ground,
  }));
  if (facts.suspendedOn !== null) {
    suspensions.push({
      from: facts.suspendedOn,
      to: closeOpenSuspensionOn,
      reason: facts.suspensionGround ?? undefined,
    });
  }
  const extensions =
    facts.extension === null
      ? []
      : [
          {
            days: facts.extension.days,
            approvedOn: facts.extension.approvedOn,
            approvedBy: facts.extension.approvedBy ?? undefined,
            reason: facts.extension.reason,
          },
        ];
  return {
    kind: 'decision',
    procedure: facts.procedure,
    triggerOn: facts.acceptedOn,
    ledger: { suspensions, extensions },
  };
}

/** 行政复议法 第三十九条第一款 grounds (一)(二)(四): after 60 days the case ends (第四十一条第五项). */
export const TERMINABLE_SUSPENSION_GROUNDS: readonly SuspensionGround[] = [
  'applicant_died',
  'applicant_incapacitated',
  'organization_terminated',
];

/** 行政复议法 第四十一条第五项: 60 days from a suspension on grounds (一)(二)(四); null otherwise. */
export function suspensionTerminationInput(facts: CaseFacts): DeadlineInput | null {
  if (facts.suspendedOn === null || facts.suspensionGround === null) return null;
  if (!TERMINABLE_SUSPENSION_GROUNDS.includes(facts.suspensionGround)) return null;
  return { kind: 'suspension_termination', triggerOn: facts.suspendedOn };
}

/** 行政诉讼法 第四十五条: 15 days from the service of the decision. */
export function litigationWindowInput(facts: CaseFacts): DeadlineInput | null {
  if (facts.servedOn === null) return null;
  return { kind: 'litigation_window', triggerOn: facts.servedOn };
}

/** The filing date: for mail the postmark (time in the post is not counted), else receipt. */
export function filedOnOf(facts: CaseFacts): LegalDate {
  return facts.channel === 'mail' && facts.postmarkedOn !== null
    ? facts.postmarkedOn
    : facts.receivedOn;
}

/**
 * The 60 days of 行政复议法 第二十条第一款 (a longer period of another law is not recorded yet):
 * - from `knownOn`, or — when the remedy rights were not told — from `remedyRightsLearnedOn`
 *   (第二十条第三款; null when that day is not known: only the one-year cap then applies);
 * - paused by the obstacle of 第二十条第二款 (申请期限自障碍消除之日起继续计算): days before it
 *   count, its days `startedOn`…`endedOn` do not, counting goes on the day after `endedOn`. An
 *   obstacle before the period began only delays its start; one that begins after the period ran
 *   out revives nothing (`computeDeadline` ignores a stop after the last day).
 */
export function applicationLimitationInput(facts: CaseFacts): DeadlineInput | null {
  let triggerOn = facts.knownOn;
  let triggerEvent: TriggerEvent = 'act_known';
  if (facts.remedyRightsNotTold) {
    if (facts.remedyRightsLearnedOn === null) return null;
    triggerOn = facts.remedyRightsLearnedOn;
    triggerEvent = 'remedy_rights_known';
  }
  const suspensions: SuspensionEntry[] = [];
  const obstacle = facts.limitationObstacle;
  if (obstacle !== null) {
    // The first day not counted (day 1 of the period at the earliest) and the first counted again.
    const from = Math.max(dayNumberOf(obstacle.startedOn), dayNumberOf(triggerOn) + 1);
    const to = dayNumberOf(obstacle.endedOn) + 1;
    if (to > from) {
      suspensions.push({
        from: legalDateFromDayNumber(from),
        to: legalDateFromDayNumber(to),
        reason: obstacle.reason,
      });
    }
  }
  return { kind: 'application_limitation', triggerOn, triggerEvent, ledger: { suspensions } };
}
