import type { LegalCalendar } from '../calendar/legal-calendar.model';
import { compareLegalDates } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import type { DeadlineInput } from '../deadlines/compute-deadline.rule';
import { computeOuterLimit } from '../deadlines/compute-outer-limit.rule';
import { APPLICATION_OUTER_LIMITS } from '../deadlines/deadline-catalogue';
import type { OuterLimitKind } from '../deadlines/deadline-definition.type';
import { filedOnOf } from './case-deadline-inputs.rule';
import { dueOnOrNull, isAfterDue, tryDue, tryDueOn } from './due-on.rule';
import type { CaseFacts } from './reconsideration-case.types';

export type ApplicationPeriodCheck =
  | {
      readonly ok: true;
      readonly filedOn: LegalDate;
      /** The last day of the 60-day period; null when it cannot be known (remedy rights not told). */
      readonly limitationDueOn: LegalDate | null;
    }
  | {
      readonly ok: false;
      readonly rule: 'application_late' | 'application_beyond_outer_limit';
      readonly basis: string;
      readonly detail: string;
      readonly filedOn: LegalDate;
    };

/**
 * Was the application filed in time? (行政复议法 第三十条第一款第四项: 在法定申请期限内提出.)
 *
 * - Filing date: the postmark for mail (time in the post is not counted), else receipt.
 * - Outer limits first, which no obstacle lifts: 1 year from knowing the act when the remedy
 *   rights were not told (第二十条第三款); 5 years from the act, 20 for real estate (第二十一条).
 * - Then the 60 days from `knownOn` (第二十条第一款). A recorded obstacle (第二十条第二款: 申请期限
 *   自障碍消除之日起继续计算) is counted as a suspension from `knownOn` to its end — the start of
 *   the obstacle is not recorded, so the reading most favourable to the applicant is taken.
 * - When the remedy rights were not told, the 60 days run from when the applicant learnt them
 *   (第二十条第三款), a date not recorded: only the one-year cap is checked.
 */
export function checkApplicationPeriod(
  calendar: LegalCalendar,
  facts: CaseFacts,
): ApplicationPeriodCheck {
  const filedOn = filedOnOf(facts);
  const outer: { kind: OuterLimitKind; from: LegalDate; what: string }[] = [];
  if (facts.remedyRightsNotTold) {
    outer.push({ kind: 'remedy_rights_not_told', from: facts.knownOn, what: 'knowing the act' });
  }
  if (facts.actOn !== null) {
    outer.push({
      kind: facts.realEstate ? 'act_made_real_estate' : 'act_made_general',
      from: facts.actOn,
      what: 'the act',
    });
  }
  for (const { kind, from, what } of outer) {
    // A 5- or 20-year limit usually ends in a year the calendar does not hold yet: that only
    // matters when the filing is later than its start of that year (see isAfterDue).
    const limit = tryDue(() => computeOuterLimit(calendar, kind, from).dueOn);
    if (isAfterDue(limit, filedOn)) {
      return {
        ok: false,
        rule: 'application_beyond_outer_limit',
        basis: APPLICATION_OUTER_LIMITS[kind].basis,
        detail:
          `the application was filed on ${filedOn}, after the outer limit counted from ${what} ` +
          `on ${from} ended on ${String(dueOnOrNull(limit))}; no obstacle extends it`,
        filedOn,
      };
    }
  }
  if (facts.remedyRightsNotTold) return { ok: true, filedOn, limitationDueOn: null };

  const obstacle = facts.limitationObstacle;
  const input: DeadlineInput = {
    kind: 'application_limitation',
    triggerOn: facts.knownOn,
    ledger:
      obstacle !== null && compareLegalDates(obstacle.endedOn, facts.knownOn) > 0
        ? { suspensions: [{ from: facts.knownOn, to: obstacle.endedOn, reason: obstacle.reason }] }
        : {},
  };
  const limitation = tryDueOn(calendar, input);
  const dueOn = dueOnOrNull(limitation);
  if (isAfterDue(limitation, filedOn)) {
    return {
      ok: false,
      rule: 'application_late',
      basis: obstacle === null ? '行政复议法 第二十条第一款' : '行政复议法 第二十条第一款、第二款',
      detail:
        `the application was filed on ${filedOn}, after the 60-day period counted from ${facts.knownOn} ` +
        (obstacle === null
          ? `ended on ${String(dueOn)}, and no obstacle (第二十条第二款) is recorded`
          : `and continued after the obstacle ended on ${obstacle.endedOn} ended on ${String(dueOn)}`),
      filedOn,
    };
  }
  return { ok: true, filedOn, limitationDueOn: dueOn };
}
