import { ruleProblem } from '../../common/problem/problem';
import { compareLegalDates, type LegalDate } from '../../domain/calendar/legal-date.value';
import { litigationArticle } from '../../domain/litigation/litigation-decision.factory';

/** 422 `date_in_future` when `on` is after today: a legal date records what has already happened. */
export function checkLitigationDatePast(today: LegalDate, field: string, on: LegalDate): void {
  if (compareLegalDates(on, today) > 0) {
    throw ruleProblem(
      'date_in_future',
      litigationArticle('第六十七条第一款'),
      `${field} ${on} is after today (${today}): a legal date records what has already happened`,
    );
  }
}

/**
 * 422 `dates_out_of_order` when the complaint copy reached the agency before the lawsuit was
 * filed (行政诉讼法 第六十七条第一款); `how` names how the copy came (received, served).
 */
export function checkComplaintAfterFiling(
  complaintReceivedOn: LegalDate,
  filedOn: LegalDate | null,
  how: 'received' | 'served',
): void {
  if (filedOn !== null && compareLegalDates(complaintReceivedOn, filedOn) < 0) {
    throw ruleProblem(
      'dates_out_of_order',
      litigationArticle('第六十七条第一款'),
      `the complaint copy (${how} ${complaintReceivedOn}) cannot precede the filing on ${filedOn}`,
    );
  }
}
