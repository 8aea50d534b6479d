import type { LegalDate } from '../calendar/legal-date.value';

/** The dates an application is registered with (DESIGN, "Reconsideration cases"). */
export interface IntakeDates {
  readonly knownOn: LegalDate;
  readonly receivedOn: LegalDate;
  readonly mailed: boolean;
  readonly postmarkedOn?: LegalDate;
  readonly actOn?: LegalDate;
  readonly obstacle?: { readonly startedOn?: LegalDate; readonly endedOn: LegalDate };
  readonly remedyRightsLearnedOn?: LegalDate;
}

export interface IntakeDateProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Intake rules on dates, every problem at once: nothing after today (a legal date records what
 * has happened); the act before knowing it, knowing it before the application; the postmark only
 * for mail and not after receipt (民事诉讼法 第八十五条: 期间不包括在途时间); an obstacle
 * (行政复议法 第二十条第二款) and the learning of the remedy rights (第二十条第三款) between knowing
 * the act and the application.
 */
export function checkIntakeDates(dates: IntakeDates, today: LegalDate): IntakeDateProblem[] {
  const problems: IntakeDateProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const dated: Array<[string, LegalDate | undefined]> = [
    ['knownOn', dates.knownOn],
    ['receivedOn', dates.receivedOn],
    ['postmarkedOn', dates.postmarkedOn],
    ['contestedAct.actOn', dates.actOn],
    ['limitationObstacle.startedOn', dates.obstacle?.startedOn],
    ['limitationObstacle.endedOn', dates.obstacle?.endedOn],
    ['remedyRightsLearnedOn', dates.remedyRightsLearnedOn],
  ];
  for (const [field, value] of dated) {
    if (value !== undefined && value > today) problem(field, `${field} ${value} is in the future`);
  }
  if (dates.knownOn > dates.receivedOn) {
    problem('knownOn', 'knownOn must not be after receivedOn');
  }
  if (dates.postmarkedOn !== undefined && !dates.mailed) {
    problem('postmarkedOn', 'postmarkedOn is only for channel mail');
  }
  if (dates.postmarkedOn !== undefined && dates.postmarkedOn > dates.receivedOn) {
    problem('postmarkedOn', 'postmarkedOn must not be after receivedOn');
  }
  if (dates.actOn !== undefined && dates.actOn > dates.receivedOn) {
    problem('contestedAct.actOn', 'the act must precede the application');
  }
  const obstacle = dates.obstacle;
  if (obstacle && (obstacle.endedOn < dates.knownOn || obstacle.endedOn > dates.receivedOn)) {
    problem('limitationObstacle.endedOn', 'the obstacle must end between knownOn and receivedOn');
  }
  if (obstacle?.startedOn !== undefined) {
    if (obstacle.startedOn < dates.knownOn) {
      problem('limitationObstacle.startedOn', 'the obstacle must start on or after knownOn');
    } else if (obstacle.startedOn > obstacle.endedOn) {
      problem('limitationObstacle.startedOn', 'the obstacle must start before it ends');
    }
  }
  const learnedOn = dates.remedyRightsLearnedOn;
  if (learnedOn !== undefined && (learnedOn < dates.knownOn || learnedOn > dates.receivedOn)) {
    problem(
      'remedyRightsLearnedOn',
      'the remedy rights are learnt between knowing the act (knownOn) and the application',
    );
  }
  return problems;
}
