import type { AppearanceRates, Rate } from '../litigation/appearance-rates.rule';
import { RATE_DEFINITIONS } from '../litigation/appearance-rates.rule';
import type { AbsenceReason } from '../litigation/court-appearance.rule';
import type { Outcome } from '../reconsideration/reconsideration-case.types';
import type { LitigationTally } from './litigation-tally';
import { ratio, type Ratio } from './ratio.value';
import {
  concludedOf,
  type BreakdownDimension,
  type BreakdownTally,
  type ReconsiderationTally,
} from './reconsideration-tally';
import type { StatisticsPeriod } from './statistics-period.value';

/*
 * The figures of a report (API.md, "Statistics") made from the tallies, and the `definitions`
 * block that names every base and outcome set used, so any published variant can be recomputed.
 */

export interface StatisticsConfig {
  /** Outcomes counted as corrections (纠错); CORRECTION_OUTCOMES. */
  readonly correctionOutcomes: readonly Outcome[];
  /** Outcomes that are decisions on the merits: the correction rate's base. */
  readonly decisionOutcomes: readonly Outcome[];
  /** Dispositions counted as lost (败诉), as the litigation module derives `judgment.result`. */
  readonly losingDispositions: readonly string[];
}

export interface BreakdownFigures {
  readonly received: number;
  readonly accepted: number;
  readonly concluded: number;
  readonly correctionRate: Ratio;
}

export interface ReconsiderationFigures {
  readonly received: number;
  readonly accepted: number;
  readonly acceptedDeemed: number;
  readonly rejected: number;
  readonly abandoned: number;
  readonly concluded: number;
  readonly concludedByOutcome: Readonly<Record<Outcome, number>>;
  readonly terminatedByWithdrawal: number;
  readonly handled: number;
  readonly pendingAtStart: number;
  readonly pendingAtEnd: number;
  readonly suspendedAtEnd: number;
  readonly extended: number;
  readonly extendedAtEnd: number;
  readonly overdueAtEnd: number;
  readonly concludedLate: number;
  readonly hearingsHeld: number;
  readonly handlingDays: {
    readonly mean: number | null;
    readonly max: number | null;
    readonly total: number;
    readonly count: number;
  };
  readonly correctionRate: Ratio;
  readonly correctionRateOfConcluded: Ratio;
  readonly mediationWithdrawalRate: Ratio;
  readonly noFurtherLitigationRate: Ratio;
  readonly byField: Readonly<Record<string, BreakdownFigures>>;
  readonly byActKind: Readonly<Record<string, BreakdownFigures>>;
  readonly byApplicantKind: Readonly<Record<string, BreakdownFigures>>;
  readonly byProcedure: Readonly<Record<string, BreakdownFigures>>;
}

export interface LitigationFigures {
  readonly newByInstance: {
    readonly first: number;
    readonly second: number;
    readonly retrial: number;
  };
  readonly concluded: number;
  readonly concludedByJudgment: number;
  readonly lost: number;
  readonly lossRate: Ratio;
  readonly lossRateOfJudgments: Ratio;
  readonly coDefendant: number;
  readonly sessionsHeld: number;
  readonly appearanceRates: readonly Rate[];
  readonly principalHeadRate: Rate;
  readonly spokeOnMeritsRate: Rate;
  readonly absencesByReason: Readonly<Record<AbsenceReason | 'none', number>>;
  readonly unexcusedAbsences: number;
  readonly judicialRecommendations: number;
}

export interface PeriodFigures {
  readonly reconsideration: ReconsiderationFigures;
  readonly litigation: LitigationFigures;
}

function breakdownFigures(
  tallies: Readonly<Record<string, BreakdownTally>>,
): Record<string, BreakdownFigures> {
  return Object.fromEntries(
    Object.keys(tallies)
      .sort()
      .map((key) => {
        const tally = tallies[key];
        return [
          key,
          {
            received: tally.received,
            accepted: tally.accepted,
            concluded: tally.concluded,
            correctionRate: ratio(tally.corrected, tally.decided),
          },
        ];
      }),
  );
}

const BREAKDOWN_FIELDS: Readonly<Record<BreakdownDimension, keyof ReconsiderationFigures>> = {
  field: 'byField',
  actKind: 'byActKind',
  applicantKind: 'byApplicantKind',
  procedure: 'byProcedure',
};

export function reconsiderationFigures(
  tally: ReconsiderationTally,
  config: StatisticsConfig,
): ReconsiderationFigures {
  const concluded = concludedOf(tally);
  const decided = config.decisionOutcomes.reduce(
    (sum, outcome) => sum + tally.concludedByOutcome[outcome],
    0,
  );
  const breakdowns = Object.fromEntries(
    (Object.keys(BREAKDOWN_FIELDS) as BreakdownDimension[]).map((dimension) => [
      BREAKDOWN_FIELDS[dimension],
      breakdownFigures(tally.breakdowns[dimension]),
    ]),
  ) as Pick<ReconsiderationFigures, 'byField' | 'byActKind' | 'byApplicantKind' | 'byProcedure'>;
  return {
    received: tally.received,
    accepted: tally.accepted,
    acceptedDeemed: tally.acceptedDeemed,
    rejected: tally.rejected,
    abandoned: tally.abandoned,
    concluded,
    concludedByOutcome: tally.concludedByOutcome,
    terminatedByWithdrawal: tally.terminatedByWithdrawal,
    handled: concluded + tally.rejected + tally.abandoned,
    pendingAtStart: tally.pendingAtStart,
    pendingAtEnd: tally.pendingAtEnd,
    suspendedAtEnd: tally.suspendedAtEnd,
    extended: tally.extended,
    extendedAtEnd: tally.extendedAtEnd,
    overdueAtEnd: tally.overdueAtEnd,
    concludedLate: tally.concludedLate,
    hearingsHeld: tally.hearingsHeld,
    handlingDays: {
      mean: concluded === 0 ? null : tally.handlingDaysTotal / concluded,
      max: tally.handlingDaysMax,
      total: tally.handlingDaysTotal,
      count: concluded,
    },
    correctionRate: ratio(tally.corrected, decided),
    correctionRateOfConcluded: ratio(tally.corrected, concluded),
    mediationWithdrawalRate: ratio(
      tally.concludedByOutcome.mediation + tally.terminatedByWithdrawal,
      concluded,
    ),
    noFurtherLitigationRate: ratio(concluded - tally.concludedLitigated, concluded),
    ...breakdowns,
  };
}

export function litigationFigures(
  tally: LitigationTally,
  appearances: AppearanceRates,
): LitigationFigures {
  return {
    newByInstance: { first: tally.newFirst, second: tally.newSecond, retrial: tally.newRetrial },
    concluded: tally.concluded,
    concludedByJudgment: tally.concludedByJudgment,
    lost: tally.lost,
    lossRate: ratio(tally.lost, tally.concluded),
    lossRateOfJudgments: ratio(tally.lost, tally.concludedByJudgment),
    coDefendant: tally.coDefendant,
    sessionsHeld: tally.sessionsHeld,
    appearanceRates: appearances.variants,
    principalHeadRate: appearances.principalHeadRate,
    spokeOnMeritsRate: appearances.spokeOnMeritsRate,
    absencesByReason: appearances.absencesByReason,
    unexcusedAbsences: appearances.byClassification.unexcused_absence,
    judicialRecommendations: tally.judicialRecommendations,
  };
}

/** The `definitions` block: every base and set the report's figures were computed with. */
export function statisticsDefinitions(config: StatisticsConfig, period: StatisticsPeriod) {
  return {
    calendar:
      'legal dates in China Standard Time (Asia/Shanghai); a period is [from, to], both days included',
    period: { kind: period.kind, label: period.label, from: period.from, to: period.to },
    flows: {
      received:
        'cases by receipt date (新收), including those later rejected, abandoned or withdrawn',
      accepted:
        'cases by acceptance date (受理), decided and deemed (acceptedDeemed: deemed only, 第三十条第三款)',
      rejected: 'cases by rejection date (不予受理)',
      abandoned: 'cases by the date they were deemed abandoned (视为放弃补正)',
      concluded:
        'accepted cases by conclusion date (审结), by outcome; a reopened case counts once it is concluded again',
      handled: '办结 = concluded + rejected + abandoned',
      extended:
        'decision periods extended (第六十二条) by the date the head approved the extension',
      concludedLate: 'concluded in the period after the decision deadline (第六十二条)',
      hearingsHeld: 'hearings (听证, 第五十条; not hearings of opinions) held in the period',
      handlingDays:
        'calendar days from acceptance to conclusion of the cases concluded in the period (mean = total ÷ count)',
    },
    stocks: {
      pendingAtStart: 'accepted on or before the day before the period and not concluded by then',
      pendingAtEnd:
        'accepted on or before the period’s last day and not concluded by then; pendingAtStart + accepted − concluded = pendingAtEnd',
      suspendedAtEnd: 'pending at the end and suspended (中止, 第三十九条) on the last day',
      extendedAtEnd:
        'pending at the end whose decision period was extended on or before the last day',
      overdueAtEnd:
        'pending at the end, not suspended, whose decision deadline in force was before the last day',
    },
    correctionRate: {
      numerator: 'concluded with an outcome of the correction set',
      correctionOutcomes: config.correctionOutcomes,
      denominator:
        'concluded by a decision on the merits (mediation, termination and dismissal of the application excluded)',
      decisionOutcomes: config.decisionOutcomes,
      variant: 'correctionRateOfConcluded: the same numerator over all concluded',
    },
    mediationWithdrawalRate:
      '(mediation + termination because the application was withdrawn) ÷ concluded',
    noFurtherLitigationRate:
      'concluded in the period with no linked lawsuit known when the report is computed ÷ concluded (a lawsuit filed later shows as drift of a frozen month)',
    breakdowns:
      'byField, byActKind, byApplicantKind (person, organization, mixed), byProcedure (the current procedure): received, accepted, concluded and the correction rate within each',
    litigation: {
      newByInstance:
        'litigation cases by the date the complaint (or appeal) reached the agency, by instance',
      concluded: 'litigation cases by the judgment’s date (判决, 裁定 or 调解)',
      lost: 'concluded with a result counted as lost (败诉: lose or partial)',
      losingDispositions: config.losingDispositions,
      lossRate: 'lost ÷ concluded',
      lossRateOfJudgments: 'lost ÷ concluded by a judgment (判决)',
      coDefendant:
        'new cases in which the body is co-defendant with the original agency (行政诉讼法 第二十六条第二款)',
      sessionsHeld: 'court sessions held in the period',
      appearanceRates: RATE_DEFINITIONS,
      yearly:
        'appearance rates of a year or year-to-date count distinct case-instances over that whole period; every count sums over months',
    },
    rates:
      '{numerator, denominator, value}: value = numerator ÷ denominator from 0 to 1, unrounded, null when the denominator is 0',
  };
}

export type StatisticsDefinitions = ReturnType<typeof statisticsDefinitions>;
