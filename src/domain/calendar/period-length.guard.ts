import { PeriodArgumentError } from './period-argument.error';
import type { PeriodUnit } from './period-unit.type';

/**
 * The longest period any rule here needs, per unit. The longest statutory period in the
 * catalogue is 20 years (行政复议法 第二十一条, real estate) = 240 months; nothing counts more than
 * ten years in days or a few hundred working days. Anything longer is a bug or absurd input.
 */
export const MAX_PERIOD_LENGTH: Readonly<Record<PeriodUnit, number>> = {
  working_days: 2000,
  days: 3650,
  months: 240,
};

/**
 * Rejects a period length that is not an integer between 1 and the unit's maximum with a
 * {@link PeriodArgumentError}. A period of zero is not a period (its "last day" would be the
 * excluded start day, 民事诉讼法 第八十五条第二款).
 */
export function assertPeriodLength(unit: PeriodUnit, length: number): void {
  const max = MAX_PERIOD_LENGTH[unit];
  if (!Number.isInteger(length) || length < 1 || length > max) {
    throw new PeriodArgumentError(`length in ${unit}`, length, `must be an integer 1…${max}`);
  }
}
