import type { LegalDate } from '../calendar/legal-date.value';
import type { DeadlineInput } from '../deadlines/compute-deadline.rule';
import type { DeadlineKind } from '../deadlines/deadline-definition.type';
import {
  acceptanceReviewInput,
  correctionNoticeInput,
  correctionReplyInput,
  decisionInput,
  litigationWindowInput,
  suspensionTerminationInput,
  TERMINABLE_SUSPENSION_GROUNDS,
} from './case-deadline-inputs.rule';
import type { DeadlinePlan } from './deadline-plan.type';
import type { CaseFacts } from './reconsideration-case.types';

/**
 * Which deadlines the case has in its current state (DESIGN, "Deadline catalogue"), computed from
 * its facts only. Each kind appears at most once, in exactly one of `open`, `met`, `cancelled`.
 *
 * - acceptance_review (第三十条): open while `received`; met on acceptance (decided or deemed) or
 *   rejection; cancelled while a correction is pending (it restarts on the corrected materials,
 *   第三十一条第三款) and when the case is abandoned.
 * - correction_notice (第三十一条第一款): open while `received` with no correction yet; met on
 *   the notice date; cancelled once the case leaves `received` without one.
 * - correction_reply (第三十一条第二款): open while `correction_requested`; met on the receipt of
 *   the materials; cancelled on rejection or abandonment.
 * - copy_to_respondent, respondent_reply (第四十八条、第五十四条): open from acceptance / the
 *   respondent's receipt until the copy is sent / the reply received; cancelled when the case is
 *   concluded without them.
 * - decision (第六十二条): open from acceptance with its ledger (closed suspensions, the open one
 *   pausing it, the extension); met on conclusion.
 * - suspension_termination (第四十一条第五项): open while suspended on grounds (一)(二)(四);
 *   cancelled once the suspension ends.
 * - litigation_window (行政诉讼法 第四十五条): open from service (informational).
 */
export function planDeadlines(facts: CaseFacts): DeadlinePlan {
  const open: DeadlineInput[] = [];
  const met: { kind: DeadlineKind; on: LegalDate }[] = [];
  const cancelled: DeadlineKind[] = [];
  const { status } = facts;
  const accepted = facts.acceptedOn !== null;

  // Acceptance review.
  const rejectedAfterReview =
    facts.rejectedOn !== null &&
    (facts.correctionNoticeOn === null || facts.correctionReceivedOn !== null);
  if (status === 'received') open.push(acceptanceReviewInput(facts));
  else if (facts.acceptedOn !== null) met.push({ kind: 'acceptance_review', on: facts.acceptedOn });
  else if (rejectedAfterReview && facts.rejectedOn !== null)
    met.push({ kind: 'acceptance_review', on: facts.rejectedOn });
  else cancelled.push('acceptance_review');

  // Correction notice.
  if (facts.correctionNoticeOn !== null) {
    met.push({ kind: 'correction_notice', on: facts.correctionNoticeOn });
  } else if (status === 'received') {
    open.push(correctionNoticeInput(facts));
  } else {
    cancelled.push('correction_notice');
  }

  // Correction reply.
  const reply = correctionReplyInput(facts);
  if (reply !== null) {
    if (facts.correctionReceivedOn !== null) {
      met.push({ kind: 'correction_reply', on: facts.correctionReceivedOn });
    } else if (status === 'correction_requested') {
      open.push(reply);
    } else {
      cancelled.push('correction_reply');
    }
  }

  if (accepted) {
    const concluded = facts.concludedOn !== null;
    // Copy of the application to the respondent.
    if (facts.copySentOn !== null) met.push({ kind: 'copy_to_respondent', on: facts.copySentOn });
    else if (concluded) cancelled.push('copy_to_respondent');
    else
      open.push({
        kind: 'copy_to_respondent',
        procedure: facts.procedure,
        triggerOn: facts.acceptedOn,
      });

    // The respondent's written reply.
    if (facts.replyReceivedOn !== null) {
      met.push({ kind: 'respondent_reply', on: facts.replyReceivedOn });
    } else if (facts.respondentReceivedOn !== null && !concluded) {
      open.push({
        kind: 'respondent_reply',
        procedure: facts.procedure,
        triggerOn: facts.respondentReceivedOn,
      });
    } else if (concluded) {
      cancelled.push('respondent_reply');
    }

    // The decision.
    const decision = decisionInput(facts);
    if (facts.concludedOn !== null) met.push({ kind: 'decision', on: facts.concludedOn });
    else if (decision !== null) open.push(decision);

    // Sixty days of suspension on grounds (一)(二)(四).
    const termination = status === 'suspended' ? suspensionTerminationInput(facts) : null;
    if (termination !== null) open.push(termination);
    else if (
      facts.suspensions.some((suspension) =>
        TERMINABLE_SUSPENSION_GROUNDS.includes(suspension.ground),
      )
    )
      cancelled.push('suspension_termination');

    // The window to sue.
    const litigation = litigationWindowInput(facts);
    if (litigation !== null) open.push(litigation);
  }

  return { open, met, cancelled };
}
