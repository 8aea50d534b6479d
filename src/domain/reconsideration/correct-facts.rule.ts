import type { LegalDate } from '../calendar/legal-date.value';
import { CalendarYearMissingError } from '../calendar/calendar-year-missing.error';
import { checkApplicationPeriod } from './application-period.rule';
import { TERMINAL_STATUSES } from './allowed-commands.rule';
import { articleOf } from './case-decision.factory';
import { checkDateOrder } from './case-date-order.rule';
import { HEAD_ROLE } from './decide-case-command.rule';
import { checkIntakeDates, type IntakeDateProblem } from './intake-dates.rule';
import type {
  CaseFacts,
  CaseStatus,
  DecisionContext,
  LimitationObstacle,
} from './reconsideration-case.types';
import type { ReconsiderationRule } from './rule-catalogue';

/**
 * The facts that legal rules decide on, which only the office head corrects (with a reason):
 * whether the case is major (第五十条 hearing), the real-estate and remedy-rights facts of the
 * application period (第二十条、第二十一条), the obstacle, and the legal dates of intake.
 */
export interface RuleFacts {
  readonly major: boolean;
  readonly realEstate: boolean;
  readonly remedyRightsNotTold: boolean;
  readonly limitationObstacle: LimitationObstacle | null;
  readonly remedyRightsLearnedOn: LegalDate | null;
  readonly knownOn: LegalDate;
  readonly receivedOn: LegalDate;
  readonly postmarkedOn: LegalDate | null;
  readonly actOn: LegalDate | null;
}

export const RULE_FACT_FIELDS = [
  'major',
  'realEstate',
  'remedyRightsNotTold',
  'limitationObstacle',
  'remedyRightsLearnedOn',
  'knownOn',
  'receivedOn',
  'postmarkedOn',
  'actOn',
] as const satisfies readonly (keyof RuleFacts)[];

/** How the application period stands on the corrected facts (第二十条、第二十一条). */
export type ApplicationPeriodStanding =
  'in_time' | 'application_late' | 'application_beyond_outer_limit' | 'calendar_year_missing';

export type FactCorrectionDecision =
  | {
      readonly ok: true;
      /** The case's facts with the correction applied (review start follows a corrected receipt). */
      readonly facts: CaseFacts;
      readonly applicationPeriod: ApplicationPeriodStanding;
    }
  | { readonly ok: false; readonly kind: 'invalid'; readonly problems: IntakeDateProblem[] }
  | { readonly ok: false; readonly kind: 'closed'; readonly status: CaseStatus }
  | {
      readonly ok: false;
      readonly kind: 'rule';
      readonly httpStatus: 403 | 422;
      readonly rule: ReconsiderationRule;
      readonly basis: string;
      readonly detail: string;
    };

const FACT_CORRECTION_BASIS = 'Fuyi (DESIGN): facts that rules decide on are corrected by the head';

/**
 * Decides a correction of the rule-deciding facts (pure). Only the office head corrects them
 * (403 `correct_facts_head_only`), never on a closed case (archived, rejected, abandoned: 409);
 * the corrected dates obey the intake rules (400, each field named) and stay before the acts
 * that presuppose them (422 `dates_out_of_order`); a concluded case whose correction makes it
 * major without a held hearing is refused (422 `hearing_required`, 第五十条: reopen it first).
 * The application period is re-run on the corrected facts and reported, so a late application
 * shows as such (its deadline is re-planned by the caller).
 */
export function decideFactCorrection(
  facts: CaseFacts,
  changes: Partial<RuleFacts>,
  context: DecisionContext,
): FactCorrectionDecision {
  if (TERMINAL_STATUSES.includes(facts.status)) {
    return { ok: false, kind: 'closed', status: facts.status };
  }
  if (!context.actorRoles.includes(HEAD_ROLE)) {
    return {
      ok: false,
      kind: 'rule',
      httpStatus: 403,
      rule: 'correct_facts_head_only',
      basis: FACT_CORRECTION_BASIS,
      detail: 'facts that legal rules decide on are corrected by the office head (机构负责人)',
    };
  }
  const defined = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<RuleFacts>;
  const next: CaseFacts = { ...facts, ...defined };
  const problems = checkIntakeDates(
    {
      knownOn: next.knownOn,
      receivedOn: next.receivedOn,
      mailed: next.channel === 'mail',
      postmarkedOn: next.postmarkedOn ?? undefined,
      actOn: next.actOn ?? undefined,
      obstacle: next.limitationObstacle ?? undefined,
      remedyRightsLearnedOn: next.remedyRightsLearnedOn ?? undefined,
    },
    context.today,
  );
  if (problems.length > 0) return { ok: false, kind: 'invalid', problems };

  const corrected: CaseFacts =
    facts.correctionReceivedOn === null ? { ...next, reviewStartOn: next.receivedOn } : next;
  const order = checkDateOrder(articleOf('第三十条'), [
    {
      what: 'the correction notice',
      on: corrected.correctionNoticeOn,
      earlier: 'the receipt',
      notBefore: corrected.receivedOn,
    },
    {
      what: 'the acceptance',
      on: corrected.acceptedOn,
      earlier: 'the receipt',
      notBefore: corrected.receivedOn,
    },
    {
      what: 'the rejection',
      on: corrected.rejectedOn,
      earlier: 'the receipt',
      notBefore: corrected.receivedOn,
    },
  ]);
  if (order !== null && order.refusal.kind === 'rule') {
    return { ok: false, ...order.refusal };
  }
  if (
    (corrected.status === 'concluded' || corrected.status === 'served') &&
    corrected.major &&
    !corrected.hearingHeld &&
    !facts.major
  ) {
    return {
      ok: false,
      kind: 'rule',
      httpStatus: 422,
      rule: 'hearing_required',
      basis: articleOf('第五十条'),
      detail:
        'the case was concluded without a hearing (听证); a major case needs one: reopen the case ' +
        'before marking it major',
    };
  }
  return { ok: true, facts: corrected, applicationPeriod: standingOf(context, corrected) };
}

function standingOf(context: DecisionContext, facts: CaseFacts): ApplicationPeriodStanding {
  try {
    const check = checkApplicationPeriod(context.calendar, facts);
    return check.ok ? 'in_time' : check.rule;
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return 'calendar_year_missing';
    throw error;
  }
}
