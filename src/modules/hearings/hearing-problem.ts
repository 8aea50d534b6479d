import {
  conflictProblem,
  ProblemException,
  ruleProblem,
  validationProblem,
} from '../../common/problem/problem';
import type { HearingRefusal } from '../../domain/hearings/hearing.rules';

function assertNever(value: never): never {
  throw new Error(`unhandled hearing refusal ${JSON.stringify(value)}`);
}

/** The one place where a hearing rule's refusal becomes an HTTP problem (exhaustive). */
export function hearingProblem(refusal: HearingRefusal): ProblemException {
  switch (refusal.code) {
    case 'panel_invalid':
      return validationProblem(refusal.errors);
    case 'date_in_future':
    case 'dates_out_of_order':
    case 'held_on_not_hearing_date':
    case 'respondent_absence_unexplained':
      return ruleProblem(refusal.code, refusal.basis, refusal.detail);
    case 'hearing_notice_too_short':
      return new ProblemException({
        status: 422,
        slug: `rule/${refusal.code}`,
        title: 'Refused by a legal rule',
        detail: refusal.detail,
        rule: refusal.code,
        basis: refusal.basis,
        extensions: { earliestHearingOn: refusal.earliestOn },
      });
    case 'calendar_year_missing':
      return ruleProblem(refusal.code, refusal.basis, refusal.detail);
    case 'hearing_not_scheduled':
      return new ProblemException({
        status: 409,
        slug: 'illegal-transition',
        title: 'Illegal state transition',
        detail: `${refusal.command} is not allowed on a hearing that is ${refusal.status}; only a scheduled hearing can be rescheduled, cancelled or recorded`,
        rule: 'illegal_transition',
        extensions: { currentStatus: refusal.status, allowedCommands: [] },
      });
    case 'case_not_under_review':
      return conflictProblem(
        'case-not-under-review',
        `hearings are scheduled and held while the case is under review (审理中); it is ${refusal.caseStatus}`,
        { caseStatus: refusal.caseStatus },
      );
    default:
      return assertNever(refusal);
  }
}
