import type { LegalDate } from '../calendar/legal-date.value';
import { checkFreezable } from './freeze.rule';
import { computeDrift } from './drift.rule';
import { ratio } from './ratio.value';
import {
  dayBefore,
  monthsOf,
  parseMonth,
  parseYear,
  StatisticsPeriodError,
} from './statistics-period.value';

describe('statistics periods (legal dates, China Standard Time)', () => {
  it('a month runs from its first to its last legal day', () => {
    expect(parseMonth('2024-02')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(parseMonth('2025-02')).toMatchObject({ from: '2025-02-01', to: '2025-02-28' });
    expect(parseMonth('2024-12')).toMatchObject({
      kind: 'month',
      label: '2024-12',
      to: '2024-12-31',
    });
  });

  it('a year has twelve months in order', () => {
    const months = monthsOf(parseYear('2024'));
    expect(months.map((m) => m.label)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
    );
    expect(monthsOf(parseMonth('2024-05'))).toHaveLength(1);
  });

  it.each(['2024-13', '2024-00', '2024-1', '24-01', '2024-01-01', '', '１２３４-01', '1900-01'])(
    'refuses month %p',
    (raw) => {
      expect(() => parseMonth(raw)).toThrow(StatisticsPeriodError);
    },
  );

  it.each(['24', '20245', 'abcd', '2101', '1989'])('refuses year %p', (raw) => {
    expect(() => parseYear(raw)).toThrow(StatisticsPeriodError);
  });

  it('the day before crosses months and years', () => {
    expect(dayBefore(parseMonth('2024-03').from)).toBe('2024-02-29');
    expect(dayBefore(parseMonth('2024-01').from)).toBe('2023-12-31');
  });
});

describe('rates and drift', () => {
  it('a rate is numerator ÷ denominator, null over zero', () => {
    expect(ratio(1, 4)).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(ratio(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('drift names each changed leaf, rates by name inside arrays', () => {
    const frozen = {
      reconsideration: { received: 3, correctionRate: ratio(1, 2) },
      litigation: { appearanceRates: [{ name: 'per_case_instance', ...ratio(1, 1) }] },
    };
    const now = {
      reconsideration: { received: 4, correctionRate: ratio(1, 3) },
      litigation: { appearanceRates: [{ name: 'per_case_instance', ...ratio(1, 1) }] },
    };
    expect(computeDrift(frozen, now)).toEqual([
      { path: 'reconsideration.correctionRate.denominator', frozen: 2, now: 3 },
      { path: 'reconsideration.correctionRate.value', frozen: 0.5, now: 1 / 3 },
      { path: 'reconsideration.received', frozen: 3, now: 4 },
    ]);
    expect(computeDrift(frozen, frozen)).toEqual([]);
  });
});

describe('freezing a month', () => {
  it('is possible from the day after its last day', () => {
    const may = parseMonth('2024-05');
    expect(checkFreezable(may, '2024-06-01' as LegalDate)).toBeNull();
    expect(checkFreezable(may, '2024-05-31' as LegalDate)).toMatchObject({
      rule: 'statistics_month_not_ended',
    });
  });
});
