import { CASE_STATUSES } from '../reconsideration/reconsideration-case.types';
import { hearingCancellationOnCaseChange } from './hearings-on-case-change.rule';

describe('hearingCancellationOnCaseChange', () => {
  const inReview = ['under_review', 'suspended'];

  it.each(CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to] as const)))(
    '%s → %s',
    (from, to) => {
      const reason = hearingCancellationOnCaseChange(from, to);
      if (inReview.includes(from) && !inReview.includes(to)) {
        expect(reason).toBe(`the case was ${to}`);
      } else {
        expect(reason).toBeNull();
      }
    },
  );
});
