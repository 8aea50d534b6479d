import type { AppearanceRates } from '../litigation/appearance-rates.rule';
import { sumLitigationTallies, type LitigationTally } from './litigation-tally';
import { sumTallies, type ReconsiderationTally } from './reconsideration-tally';
import {
  litigationFigures,
  reconsiderationFigures,
  type PeriodFigures,
  type StatisticsConfig,
} from './statistics-report';
import type { StatisticsPeriod } from './statistics-period.value';

/** What the repositories computed for one month of a report. */
export interface MonthTallies {
  readonly period: StatisticsPeriod;
  readonly reconsideration: ReconsiderationTally;
  readonly litigation: LitigationTally;
  /** Appearance rates over the month's sessions. */
  readonly appearances: AppearanceRates;
  /** Appearance rates over the sessions from the year's first day to the month's last. */
  readonly yearToDateAppearances: AppearanceRates;
}

export interface MonthFigures extends PeriodFigures {
  readonly month: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly yearToDate: PeriodFigures;
}

/**
 * A report's figures: the period's (the sum of its months; appearance rates over the period) and
 * each month's with its year-to-date beside it. `months` are consecutive and in order.
 */
export function composeFigures(
  months: readonly MonthTallies[],
  periodAppearances: AppearanceRates,
  config: StatisticsConfig,
): { figures: PeriodFigures; months: MonthFigures[] } {
  const monthFigures = months.map((month, index): MonthFigures => {
    const sofar = months.slice(0, index + 1);
    return {
      month: month.period.label,
      period: { from: month.period.from, to: month.period.to },
      reconsideration: reconsiderationFigures(month.reconsideration, config),
      litigation: litigationFigures(month.litigation, month.appearances),
      yearToDate: {
        reconsideration: reconsiderationFigures(
          sumTallies(sofar.map((m) => m.reconsideration)),
          config,
        ),
        litigation: litigationFigures(
          sumLitigationTallies(sofar.map((m) => m.litigation)),
          month.yearToDateAppearances,
        ),
      },
    };
  });
  return {
    figures: {
      reconsideration: reconsiderationFigures(
        sumTallies(months.map((m) => m.reconsideration)),
        config,
      ),
      litigation: litigationFigures(
        sumLitigationTallies(months.map((m) => m.litigation)),
        periodAppearances,
      ),
    },
    months: monthFigures,
  };
}
