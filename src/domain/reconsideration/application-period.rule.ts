import type { LegalCalendar } from '../calendar/legal-calendar.model';
import { compareLegalDates } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import { computeOuterLimit } from '../deadlines/compute-outer-limit.rule';
import { APPLICATION_OUTER_LIMITS } from '../deadlines/deadline-catalogue';
import type { OuterLimitKind } from '../deadlines/deadline-definition.type';
import { applicationLimitationInput, filedOnOf } from './case-deadline-inputs.rule';
import { dueOnOrNull, isAfterDue, tryDue, tryDueOn } from './due-on.rule';
import type { DueOnResult } from './due-on.rule';
import type { CaseFacts } from './reconsideration-case.types';

export type ApplicationPeriodCheck =
  | {
      readonly ok: true;
      readonly filedOn: LegalDate;
      /**
       * The last day to apply: the end of the 60 days, or the one-year cap of 第二十条第三款 when
       * that ends earlier (or when the day the applicant learnt the remedy rights is not known).
       * Null when it reaches a year the calendar does not hold yet (the filing is then earlier).
       */
      readonly limitationDueOn: LegalDate | null;
    }
  | {
      readonly ok: false;
      readonly rule: 'application_late' | 'application_beyond_outer_limit';
      readonly basis: string;
      readonly detail: string;
      readonly filedOn: LegalDate;
      /** The limit that was missed (null when it reaches a year the calendar lacks). */
      readonly limitationDueOn: LegalDate | null;
    };

/** The earlier of two last days; null only when neither is known. */
function earlier(a: LegalDate | null, b: LegalDate | null): LegalDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareLegalDates(a, b) <= 0 ? a : b;
}

/**
 * Was the application filed in time? (行政复议法 第三十条第一款第四项: 在法定申请期限内提出.)
 *
 * - Filing date: the postmark for mail (time in the post is not counted), else receipt.
 * - Outer limits first, which no obstacle lifts: 1 year from knowing the act when the remedy
 *   rights were not told (第二十条第三款: 最长不得超过一年); 5 years from the act, 20 for real
 *   estate (第二十一条).
 * - Then the 60 days (第二十条第一款) from `knownOn`, or from `remedyRightsLearnedOn` when the
 *   remedy rights were not told (第二十条第三款) — the earlier of that end and the one-year cap
 *   applies. When the day of learning is not recorded, the applicant is taken to have learnt no
 *   earlier than the filing: only the cap is checked.
 * - A recorded obstacle (第二十条第二款: 申请期限自障碍消除之日起继续计算) pauses the 60 days: days
 *   before it count, its own days do not, counting continues after it (it does not restart). One
 *   that began after the 60 days had run out revives nothing. See {@link applicationLimitationInput}.
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
  let capDueOn: LegalDate | null = null;
  for (const { kind, from, what } of outer) {
    // A 5- or 20-year limit usually ends in a year the calendar does not hold yet: that only
    // matters when the filing is later than its start of that year (see isAfterDue).
    const limit = tryDue(() => computeOuterLimit(calendar, kind, from).dueOn);
    if (kind === 'remedy_rights_not_told') capDueOn = dueOnOrNull(limit);
    if (isAfterDue(limit, filedOn)) {
      return {
        ok: false,
        rule: 'application_beyond_outer_limit',
        basis: APPLICATION_OUTER_LIMITS[kind].basis,
        detail:
          `the application was filed on ${filedOn}, after the outer limit counted from ${what} ` +
          `on ${from} ended on ${String(dueOnOrNull(limit))}; no obstacle extends it`,
        filedOn,
        limitationDueOn: dueOnOrNull(limit),
      };
    }
  }

  const input = applicationLimitationInput(facts);
  if (input === null) return { ok: true, filedOn, limitationDueOn: capDueOn };
  const limitation = tryDueOn(calendar, input);
  const dueOn = dueOnOrNull(limitation);
  if (isAfterDue(limitation, filedOn)) {
    const obstacle = facts.limitationObstacle;
    const paragraphs = facts.remedyRightsNotTold ? ['第二款', '第三款'] : ['第一款', '第二款'];
    if (obstacle === null) paragraphs.splice(facts.remedyRightsNotTold ? 0 : 1, 1);
    const from = facts.remedyRightsNotTold
      ? `learning the remedy rights on ${input.triggerOn}`
      : `knowing the act on ${input.triggerOn}`;
    return {
      ok: false,
      rule: 'application_late',
      basis: `行政复议法 第二十条${paragraphs.join('、')}`,
      detail:
        `the application was filed on ${filedOn}, after the 60-day period counted from ${from} ` +
        `ended on ${String(dueOn)}` +
        (obstacle === null
          ? ', and no obstacle (第二十条第二款) is recorded'
          : obstacleNote(calendar, facts, input.triggerOn, obstacle)),
      filedOn,
      limitationDueOn: dueOn,
    };
  }
  return { ok: true, filedOn, limitationDueOn: earlier(dueOn, capDueOn) };
}

/** Why the recorded obstacle did not save a late application, for the refusal's detail. */
function obstacleNote(
  calendar: LegalCalendar,
  facts: CaseFacts,
  triggerOn: LegalDate,
  obstacle: NonNullable<CaseFacts['limitationObstacle']>,
): string {
  const unobstructed: DueOnResult = tryDueOn(calendar, {
    kind: 'application_limitation',
    triggerOn,
    triggerEvent: facts.remedyRightsNotTold ? 'remedy_rights_known' : 'act_known',
  });
  const what = `the obstacle from ${obstacle.startedOn} to ${obstacle.endedOn}`;
  if (isAfterDue(unobstructed, obstacle.startedOn)) {
    return (
      `; ${what} began after the period had run out on ${String(dueOnOrNull(unobstructed))} ` +
      'and revives nothing'
    );
  }
  return `, even with ${what} not counted (the period continues after it, 第二十条第二款)`;
}
