import type { LegalDate } from '../calendar/legal-date.value';
import type { DeadlineInput } from '../deadlines/compute-deadline.rule';
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
 * 行政复议法 第三十一条第二款: 10 working days from the applicant's receipt of the notice. When the
 * service of the notice is not recorded, the notice date stands in for it (null: no notice).
 */
export function correctionReplyInput(facts: CaseFacts): DeadlineInput | null {
  const triggerOn = facts.correctionNoticeServedOn ?? facts.correctionNoticeOn;
  if (triggerOn === null) return null;
  return { kind: 'correction_reply', triggerOn, triggerEvent: 'correction_notice_received' };
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
