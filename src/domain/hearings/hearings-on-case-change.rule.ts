/** While a case is in these states its scheduled hearings stand (审理中 or 中止). */
const IN_REVIEW: readonly string[] = ['under_review', 'suspended'];

/**
 * Whether a case's change of status cancels its scheduled hearings: leaving review (concluded,
 * terminated, rejected…) frees their rooms and people, since a hearing serves the review
 * (行政复议法 第四十九条、第五十条). Returns the reason recorded on each cancelled hearing, or null.
 */
export function hearingCancellationOnCaseChange(
  fromStatus: string,
  toStatus: string,
): string | null {
  const leavesReview = IN_REVIEW.includes(fromStatus) && !IN_REVIEW.includes(toStatus);
  return leavesReview ? `the case was ${toStatus}` : null;
}
