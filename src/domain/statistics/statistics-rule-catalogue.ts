/** Rules that can refuse a statistics command, with their source. */
export const STATISTICS_RULES = {
  statistics_month_not_ended:
    'Fuyi (DESIGN, "Frozen months"): a month is reported, and frozen, once it has ended',
} as const;

export type StatisticsRule = keyof typeof STATISTICS_RULES;
