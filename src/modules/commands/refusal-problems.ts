import { assertNever } from '../../common/assert-never';
import {
  conflictProblem,
  ProblemException,
  ruleProblem,
  validationProblem,
} from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import type { HearingRefusal, RuleResult } from '../../domain/hearings/hearing.rules';
import type { Refusal } from '../../domain/reconsideration/reconsideration-case.types';
import type { StatisticsRefusal } from '../../domain/statistics/freeze.rule';
import type { LitigationRefusal } from '../../domain/litigation/litigation-case.types';
import type { LitigationFilingRefusal } from '../../domain/litigation/decide-litigation-filing.rule';
import type { AppearanceValidation } from '../../domain/litigation/court-appearance.rule';

/*
 * The one place where the pure domain's refusals become HTTP problems; each mapping is an
 * exhaustive switch, so a new kind of refusal cannot go unanswered.
 */

function illegalTransition(
  command: string,
  status: string,
  allowed: readonly string[],
  detail?: string,
): ProblemException {
  const names = allowed.map((type) => type.replaceAll('_', '-'));
  return new ProblemException({
    type: ProblemType.IllegalTransition,
    detail:
      detail ??
      `${command.replaceAll('_', '-')} is not allowed while the case is ${status}; allowed: ${names.join(', ') || 'none'}`,
    rule: 'illegal_transition',
    extensions: { currentStatus: status, allowedCommands: names },
  });
}

/**
 * A case command's refusal (reconsideration or litigation, which refuse alike): 409 listing what
 * is allowed, or 403/422 naming the rule.
 */
export function caseRefusalProblem(
  refusal: Refusal | LitigationRefusal,
  command: string,
): ProblemException {
  switch (refusal.kind) {
    case 'illegal_transition':
      return illegalTransition(command, refusal.status, refusal.allowed);
    case 'rule':
      return ruleProblem(refusal.rule, refusal.basis, refusal.detail, refusal.httpStatus);
    default:
      return assertNever(refusal);
  }
}

/** A hearing rule's refusal. */
export function hearingRefusalProblem(refusal: HearingRefusal): ProblemException {
  switch (refusal.code) {
    case 'panel_invalid':
      return validationProblem(refusal.errors);
    case 'date_in_future':
    case 'dates_out_of_order':
    case 'held_on_not_hearing_date':
    case 'respondent_absence_unexplained':
    case 'calendar_year_missing':
      return ruleProblem(refusal.code, refusal.basis, refusal.detail);
    case 'hearing_notice_too_short':
      return ruleProblem(refusal.code, refusal.basis, refusal.detail, 422, {
        earliestHearingOn: refusal.earliestOn,
      });
    case 'hearing_not_scheduled':
      return illegalTransition(
        refusal.command,
        refusal.status,
        [],
        `${refusal.command} is not allowed on a hearing that is ${refusal.status}; only a scheduled hearing can be rescheduled, cancelled or recorded`,
      );
    case 'case_not_under_review':
      return conflictProblem(
        ProblemType.CaseNotUnderReview,
        `hearings are scheduled and held while the case is under review (审理中); it is ${refusal.caseStatus}`,
        { caseStatus: refusal.caseStatus },
      );
    default:
      return assertNever(refusal);
  }
}

/** A result of a pure rule, or the problem its refusal stands for. */
export function unwrapHearing<T>(result: RuleResult<T>): T {
  if (!result.ok) throw hearingRefusalProblem(result.refusal);
  return result.value;
}

/** A statistics command's refusal (freezing a month that has not ended): 422. */
export function statisticsRefusalProblem(refusal: StatisticsRefusal): ProblemException {
  switch (refusal.rule) {
    case 'statistics_month_not_ended':
      return ruleProblem(refusal.rule, refusal.basis, refusal.detail, 422);
    default:
      return assertNever(refusal.rule);
  }
}

/** A litigation case command's refusal: the same mapping as a reconsideration case's. */
export const litigationRefusalProblem = caseRefusalProblem;

/** A new litigation case's refusal: 400 with field errors, or 422 naming the rule. */
export function litigationFilingProblem(refusal: LitigationFilingRefusal): ProblemException {
  switch (refusal.kind) {
    case 'invalid':
      return validationProblem([...refusal.errors]);
    case 'rule':
      return ruleProblem(refusal.rule, refusal.basis, refusal.detail, refusal.httpStatus);
    default:
      return assertNever(refusal);
  }
}

/** An appearance plan or record: the value, or 400 (malformed) / 422 (a date after today). */
export function unwrapAppearance<T>(result: AppearanceValidation<T>): T {
  if (result.ok) return result.value;
  const { refusal } = result;
  switch (refusal.kind) {
    case 'invalid':
      throw validationProblem([...refusal.errors]);
    case 'rule':
      throw ruleProblem(refusal.rule, refusal.basis, refusal.detail, refusal.httpStatus);
    default:
      return assertNever(refusal);
  }
}
