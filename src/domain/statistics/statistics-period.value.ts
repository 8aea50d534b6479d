import { daysInMonth } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';

/*
 * Reporting periods (DESIGN, "Statistics"): a calendar month or year of legal dates in China
 * Standard Time. A period is a closed range of legal dates [from, to]; a figure counts an act by
 * its legal date (received on, accepted on, concluded on …), never by the instant it was typed.
 */

export interface StatisticsPeriod {
  readonly kind: 'month' | 'year';
  /** `YYYY-MM` or `YYYY`. */
  readonly label: string;
  readonly from: LegalDate;
  readonly to: LegalDate;
}

/** Years a report may name: the law of 2023 applies from 2024, older data is still reportable. */
export const FIRST_REPORT_YEAR = 1990;
export const LAST_REPORT_YEAR = 2100;

export class StatisticsPeriodError extends Error {
  constructor(
    readonly field: 'month' | 'year',
    message: string,
  ) {
    super(message);
  }
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

function checkYear(year: number, field: 'month' | 'year', raw: string): void {
  if (year < FIRST_REPORT_YEAR || year > LAST_REPORT_YEAR) {
    throw new StatisticsPeriodError(
      field,
      `${field} ${raw} is outside ${FIRST_REPORT_YEAR}–${LAST_REPORT_YEAR}`,
    );
  }
}

export function monthPeriod(year: number, month: number): StatisticsPeriod {
  const label = `${pad(year, 4)}-${pad(month, 2)}`;
  return {
    kind: 'month',
    label,
    from: `${label}-01` as LegalDate,
    to: `${label}-${pad(daysInMonth(year, month), 2)}` as LegalDate,
  };
}

export function yearPeriod(year: number): StatisticsPeriod {
  return {
    kind: 'year',
    label: pad(year, 4),
    from: `${pad(year, 4)}-01-01` as LegalDate,
    to: `${pad(year, 4)}-12-31` as LegalDate,
  };
}

/** `YYYY-MM` → the month; anything else is refused naming the field. */
export function parseMonth(raw: string): StatisticsPeriod {
  const match = /^(\d{4})-(\d{2})$/.exec(raw);
  if (!match) throw new StatisticsPeriodError('month', `month must be YYYY-MM (got "${raw}")`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) {
    throw new StatisticsPeriodError('month', `month must be 01–12 (got "${raw}")`);
  }
  checkYear(year, 'month', raw);
  return monthPeriod(year, month);
}

/** `YYYY` → the year. */
export function parseYear(raw: string): StatisticsPeriod {
  if (!/^\d{4}$/.test(raw)) {
    throw new StatisticsPeriodError('year', `year must be YYYY (got "${raw}")`);
  }
  const year = Number(raw);
  checkYear(year, 'year', raw);
  return yearPeriod(year);
}

/** The months of a period, in order (one for a month, twelve for a year). */
export function monthsOf(period: StatisticsPeriod): StatisticsPeriod[] {
  const year = Number(period.label.slice(0, 4));
  if (period.kind === 'month') return [period];
  return Array.from({ length: 12 }, (_, index) => monthPeriod(year, index + 1));
}

/** The month (`YYYY-MM`) a legal date falls in. */
export function monthOf(date: LegalDate | string): string {
  return date.slice(0, 7);
}

/** The day before a legal date (the opening stock is the stock at the end of that day). */
export function dayBefore(date: LegalDate): LegalDate {
  const [year, month, day] = date.split('-').map(Number);
  if (day > 1) return `${pad(year, 4)}-${pad(month, 2)}-${pad(day - 1, 2)}` as LegalDate;
  if (month > 1) {
    return `${pad(year, 4)}-${pad(month - 1, 2)}-${pad(daysInMonth(year, month - 1), 2)}` as LegalDate;
  }
  return `${pad(year - 1, 4)}-12-31` as LegalDate;
}
