import { compareLegalDates } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import { ABSENCE_REASONS, APPEARANCE_CLASSIFICATIONS } from './court-appearance.rule';
import type {
  AbsenceReason,
  AppearanceClassification,
  OfficialRank,
} from './court-appearance.rule';
import type { LitigationInstance } from './litigation-case.types';

/*
 * 负责人出庭应诉率 has no single national definition (DESIGN, "Appearance rate"), so the facts are
 * kept per (case, instance, defendant, session) and the variants are reported side by side, each
 * with its numerator and denominator, computed the same way in SQL by the statistics module.
 *
 * A case-instance is one litigation case row (its id and instance). Only sessions held in the
 * period count (`heldOn` within [from, to], both included); a case-instance with no session held
 * in the period is in no denominator. "Qualifying" is the classification
 * `qualifying_appearance` (负责人出庭应诉规定 第二条). Co-defendants may agree which head appears
 * (第三条), so the per-case variants count an appearance by any defendant's official.
 */

/** One defendant at one session of one case-instance (a row per defendant and session). */
export interface AppearanceFact {
  readonly caseId: string;
  readonly instance: LitigationInstance;
  readonly defendantId: string;
  /** Null: the case-instance has no session (it then counts nowhere). */
  readonly sessionId: string | null;
  /** The session's date when held; null when not held (scheduled, cancelled) or no session. */
  readonly heldOn: LegalDate | null;
  /** The case is one where the court must summon the head (第四条; `headSummonRequired`). */
  readonly headSummonRequired: boolean;
  /** The court summoned the head to this session. */
  readonly headSummoned: boolean;
  /** Null: held, but no appearance record for this defendant yet. */
  readonly classification: AppearanceClassification | null;
  /** The rank of the official who appeared (null when none appeared). */
  readonly officialRank: OfficialRank | null;
  readonly spokeOnMerits: boolean | null;
  readonly absenceReason: AbsenceReason | null;
}

export interface Rate {
  readonly name: string;
  readonly definition: string;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator, unrounded; null when the denominator is 0. */
  readonly value: number | null;
}

export interface AppearanceRates {
  readonly variants: readonly Rate[];
  readonly principalHeadRate: Rate;
  readonly spokeOnMeritsRate: Rate;
  /** Absences (a defendant at a held session, recorded without a qualifying appearance) by reason. */
  readonly absencesByReason: Readonly<Record<AbsenceReason | 'none', number>>;
  /** Every (defendant, held session) by classification; `not_recorded` when no record exists. */
  readonly byClassification: Readonly<Record<AppearanceClassification | 'not_recorded', number>>;
}

export const RATE_DEFINITIONS = {
  per_case_instance:
    'case-instances with a session held in the period at which a qualifying official (负责人, 第二条) ' +
    'of any defendant appeared ÷ case-instances with at least one session held in the period',
  per_summoned_case_instance:
    'the same over case-instances the court summoned the head for: the case requires it (第四条) ' +
    'or the head was summoned to a session held in the period',
  per_defendant_case_instance:
    '(case-instance, defendant) pairs (个次) with a session held in the period at which that ' +
    "defendant's qualifying official appeared ÷ (case-instance, defendant) pairs with a session " +
    'held in the period',
  principal_head:
    'case-instances with a session held in the period at which the principal head (正职) appeared ' +
    '÷ case-instances with at least one session held in the period (the denominator of ' +
    'per_case_instance)',
  spoke_on_merits:
    'case-instances where an official who appeared spoke on resolving the dispute in substance ' +
    '(出声, 第十一条第三款) at a session held in the period ÷ case-instances with a qualifying ' +
    'appearance in the period (the numerator of per_case_instance: the duty binds only an ' +
    'official who appears)',
} as const;

export function rate(
  name: string,
  definition: string,
  numerator: number,
  denominator: number,
): Rate {
  return {
    name,
    definition,
    numerator,
    denominator,
    value: denominator === 0 ? null : numerator / denominator,
  };
}

/**
 * What the appearance rates are made of (appearance-rates.rule.ts): counted in memory by
 * `computeAppearanceRates` or in SQL over the same facts by the litigation module.
 */
export interface AppearanceCounts {
  readonly caseInstancesHeld: number;
  readonly caseInstancesAppeared: number;
  readonly summonedHeld: number;
  readonly summonedAppeared: number;
  readonly pairsHeld: number;
  readonly pairsAppeared: number;
  readonly principal: number;
  readonly spoke: number;
  /** Only the reasons that occur; the rates list every reason. */
  readonly absencesByReason: Readonly<Partial<Record<AbsenceReason | 'none', number>>>;
  readonly byClassification: Readonly<
    Partial<Record<AppearanceClassification | 'not_recorded', number>>
  >;
}

/** The variants side by side, each with its numerator and denominator. */
export function appearanceRatesOf(counts: AppearanceCounts): AppearanceRates {
  return {
    variants: [
      rate(
        'per_case_instance',
        RATE_DEFINITIONS.per_case_instance,
        counts.caseInstancesAppeared,
        counts.caseInstancesHeld,
      ),
      rate(
        'per_summoned_case_instance',
        RATE_DEFINITIONS.per_summoned_case_instance,
        counts.summonedAppeared,
        counts.summonedHeld,
      ),
      rate(
        'per_defendant_case_instance',
        RATE_DEFINITIONS.per_defendant_case_instance,
        counts.pairsAppeared,
        counts.pairsHeld,
      ),
    ],
    principalHeadRate: rate(
      'principal_head',
      RATE_DEFINITIONS.principal_head,
      counts.principal,
      counts.caseInstancesHeld,
    ),
    spokeOnMeritsRate: rate(
      'spoke_on_merits',
      RATE_DEFINITIONS.spoke_on_merits,
      counts.spoke,
      counts.caseInstancesAppeared,
    ),
    absencesByReason: Object.fromEntries(
      [...ABSENCE_REASONS, 'none' as const].map((reason) => [
        reason,
        counts.absencesByReason[reason] ?? 0,
      ]),
    ) as AppearanceRates['absencesByReason'],
    byClassification: Object.fromEntries(
      [...APPEARANCE_CLASSIFICATIONS, 'not_recorded' as const].map((code) => [
        code,
        counts.byClassification[code] ?? 0,
      ]),
    ) as AppearanceRates['byClassification'],
  };
}

const within = (date: LegalDate, period: { from?: LegalDate; to?: LegalDate }): boolean =>
  (period.from === undefined || compareLegalDates(date, period.from) >= 0) &&
  (period.to === undefined || compareLegalDates(date, period.to) <= 0);

/** Sets of keys, counted once each. */
class Tally {
  readonly held = new Set<string>();
  readonly appeared = new Set<string>();
  add(key: string, appeared: boolean): void {
    this.held.add(key);
    if (appeared) this.appeared.add(key);
  }
}

/** The appearance rates over the given facts, restricted to sessions held in `period`. */
export function computeAppearanceRates(
  facts: readonly AppearanceFact[],
  period: { readonly from?: LegalDate; readonly to?: LegalDate } = {},
): AppearanceRates {
  const caseInstances = new Tally();
  const defendants = new Tally();
  const summoned = new Set<string>();
  const principal = new Set<string>();
  const spoke = new Set<string>();
  const absencesByReason: Partial<Record<AbsenceReason | 'none', number>> = {};
  const byClassification: Partial<Record<AppearanceClassification | 'not_recorded', number>> = {};
  const bump = <K extends string>(counts: Partial<Record<K, number>>, key: K) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };

  for (const fact of facts) {
    if (fact.sessionId === null || fact.heldOn === null || !within(fact.heldOn, period)) continue;
    const caseKey = JSON.stringify([fact.caseId, fact.instance]);
    const qualifying = fact.classification === 'qualifying_appearance';
    caseInstances.add(caseKey, qualifying);
    defendants.add(JSON.stringify([fact.caseId, fact.instance, fact.defendantId]), qualifying);
    if (fact.headSummonRequired || fact.headSummoned) summoned.add(caseKey);
    if (qualifying && fact.officialRank === 'principal') principal.add(caseKey);
    if (qualifying && fact.spokeOnMerits === true) spoke.add(caseKey);
    bump(byClassification, fact.classification ?? 'not_recorded');
    if (fact.classification !== null && !qualifying) {
      bump(absencesByReason, fact.absenceReason ?? 'none');
    }
  }

  return appearanceRatesOf({
    caseInstancesHeld: caseInstances.held.size,
    caseInstancesAppeared: caseInstances.appeared.size,
    summonedHeld: summoned.size,
    summonedAppeared: [...summoned].filter((key) => caseInstances.appeared.has(key)).length,
    pairsHeld: defendants.held.size,
    pairsAppeared: defendants.appeared.size,
    principal: principal.size,
    spoke: spoke.size,
    absencesByReason,
    byClassification,
  });
}
