import type { LegalDate } from '../calendar/legal-date.value';
import { STATISTICS_RULES, type StatisticsRule } from './statistics-rule-catalogue';
import type { StatisticsPeriod } from './statistics-period.value';

export interface StatisticsRefusal {
  readonly rule: StatisticsRule;
  readonly basis: string;
  readonly detail: string;
}

/** A month can be frozen (reported) from the day after its last day, China Standard Time. */
export function checkFreezable(
  month: StatisticsPeriod,
  today: LegalDate,
): StatisticsRefusal | null {
  if (month.to < today) return null;
  return {
    rule: 'statistics_month_not_ended',
    basis: STATISTICS_RULES.statistics_month_not_ended,
    detail: `${month.label} ends on ${month.to}; today is ${today}: it can be frozen from the next day on`,
  };
}
