import { CalendarYearMissingError } from '../calendar/calendar-year-missing.error';
import type { LegalCalendar } from '../calendar/legal-calendar.model';
import type { LegalDate } from '../calendar/legal-date.value';
import type { DeadlineInput } from '../deadlines/compute-deadline.rule';
import type { DeadlineKind } from '../deadlines/deadline-definition.type';
import { checkApplicationPeriod } from './application-period.rule';
import {
  acceptanceReviewInput,
  applicationLimitationInput,
  correctionNoticeInput,
  copyToRespondentInput,
  correctionReplyInput,
  decisionInput,
  litigationWindowInput,
  respondentReplyInput,
  suspensionTerminationInput,
  TERMINABLE_SUSPENSION_GROUNDS,
} from './case-deadline-inputs.rule';
import type { AwaitingDeadline, DeadlinePlan, DoneDeadline } from './deadline-plan.type';
import { isKnownAfterDue, tryDueOn } from './due-on.rule';
import type { CaseFacts } from './reconsideration-case.types';

/**
 * Which deadlines the case has in its current state (DESIGN, "Deadline catalogue"), computed from
 * its facts; the calendar only tells whether an act was done in time. Each kind appears at most
 * once, in exactly one list (see {@link DeadlinePlan}).
 *
 * - application_limitation (行政复议法 第二十条、第二十一条): from intake, done on the filing date
 *   (the postmark for mail): met when in time, late when not (see `checkApplicationPeriod`). Left
 *   out only when the calendar lacks the year of the filing itself.
 * - acceptance_review (第三十条): open while `received`; met on acceptance (decided or deemed) or
 *   rejection; cancelled while a correction is pending (it restarts on the corrected materials,
 *   第三十一条第三款) and when the case is abandoned.
 * - correction_notice (第三十一条第一款): open while `received` with no correction yet; met on
 *   the notice date; cancelled once the case leaves `received` without one.
 * - correction_reply (第三十一条第二款): awaiting `record_correction_notice_served` while the
 *   applicant's receipt of the notice is not recorded (no period runs before it); then open,
 *   with its extensions; met on the materials (their postmark for mail); cancelled on rejection
 *   or abandonment.
 * - copy_to_respondent, respondent_reply (第四十八条、第五十四条): open from acceptance / the
 *   respondent's receipt until the copy is sent / the reply received (its postmark for mail),
 *   then met or late; cancelled when the case is concluded without them.
 * - decision (第六十二条): open from acceptance with its ledger (closed suspensions, the open one
 *   pausing it, the extension); met on conclusion, late when concluded late.
 * - suspension_termination (第四十一条第五项): open while suspended on grounds (一)(二)(四);
 *   cancelled once the suspension ends.
 * - litigation_window (行政诉讼法 第四十五条): open from service (informational).
 */
export function planDeadlines(facts: CaseFacts, calendar: LegalCalendar): DeadlinePlan {
  const open: DeadlineInput[] = [];
  const met: DoneDeadline[] = [];
  const late: DoneDeadline[] = [];
  const cancelled: DeadlineKind[] = [];
  const awaiting: AwaitingDeadline[] = [];
  const { status } = facts;
  /** Done on `on`: late when after the deadline `input` computes (unknown: not late). */
  const done = (kind: DeadlineKind, on: LegalDate, input: DeadlineInput | null): void => {
    const after = input !== null && isKnownAfterDue(tryDueOn(calendar, input), on);
    (after ? late : met).push({ kind, on });
  };

  // The application period, judged once the application is filed (at intake).
  try {
    const period = checkApplicationPeriod(calendar, facts);
    (period.ok ? met : late).push({
      kind: 'application_limitation',
      on: period.filedOn,
      dueOn: period.limitationDueOn,
      input: applicationLimitationInput(facts),
    });
  } catch (error) {
    if (!(error instanceof CalendarYearMissingError)) throw error;
  }

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

  // Correction reply: from the applicant's receipt of the notice only.
  if (facts.correctionNoticeOn !== null) {
    const reply = correctionReplyInput(facts);
    if (facts.correctionReceivedOn !== null) {
      done('correction_reply', facts.correctionPostmarkedOn ?? facts.correctionReceivedOn, reply);
    } else if (status !== 'correction_requested') {
      cancelled.push('correction_reply');
    } else if (reply === null) {
      awaiting.push({
        kind: 'correction_reply',
        action: 'record_correction_notice_served',
        since: facts.correctionNoticeOn ?? facts.receivedOn,
      });
    } else {
      open.push(reply);
    }
  }

  if (facts.acceptedOn !== null) {
    const concluded = facts.concludedOn !== null;
    // Copy of the application to the respondent.
    const copy = copyToRespondentInput(facts);
    if (facts.copySentOn !== null) done('copy_to_respondent', facts.copySentOn, copy);
    else if (concluded) cancelled.push('copy_to_respondent');
    else if (copy !== null) open.push(copy);

    // The respondent's written reply (by mail: the postmark counts).
    const reply = respondentReplyInput(facts);
    if (facts.replyReceivedOn !== null) {
      done('respondent_reply', facts.replyPostmarkedOn ?? facts.replyReceivedOn, reply);
    } else if (reply !== null && !concluded) {
      open.push(reply);
    } else if (concluded) {
      cancelled.push('respondent_reply');
    }

    // The decision.
    const decision = decisionInput(facts);
    if (facts.concludedOn !== null) {
      (facts.concludedLate ? late : met).push({ kind: 'decision', on: facts.concludedOn });
    } else if (decision !== null) open.push(decision);

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

  return { open, met, late, cancelled, awaiting };
}
