import { InvalidLegalDateError } from './invalid-legal-date.error';

/**
 * A date with legal meaning (received on, accepted on, served on, due on): a calendar day in
 * China Standard Time written `YYYY-MM-DD`. Never a `Date` shifted through UTC: all arithmetic
 * goes through an integer day number (days since 1970-01-01 in the proleptic Gregorian calendar).
 */
export type LegalDate = string & { readonly __brand: 'LegalDate' };

/** ISO weekday: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LegalDateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DIGIT_0 = 48;
const DASH = 45;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil date of a day number (H. Hinnant's civil_from_days). */
export function partsFromDayNumber(dayNumber: number): LegalDateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Parses `YYYY-MM-DD` (years 0001–9999) into a day number; returns NaN when the text is not a
 * real date (wrong shape, month 13, 02-30, 2023-02-29 …).
 */
function dayNumberOrNaN(value: string): number {
  if (value.length !== 10) return NaN;
  if (value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return NaN;
  const y0 = value.charCodeAt(0) - DIGIT_0;
  const y1 = value.charCodeAt(1) - DIGIT_0;
  const y2 = value.charCodeAt(2) - DIGIT_0;
  const y3 = value.charCodeAt(3) - DIGIT_0;
  const m0 = value.charCodeAt(5) - DIGIT_0;
  const m1 = value.charCodeAt(6) - DIGIT_0;
  const d0 = value.charCodeAt(8) - DIGIT_0;
  const d1 = value.charCodeAt(9) - DIGIT_0;
  // One unsigned comparison per digit: any non-digit becomes > 9.
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9
  ) {
    return NaN;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return NaN;
  }
  // days_from_civil with integer arithmetic: every quantity is non-negative for years ≥ 1.
  const y = month <= 2 ? year - 1 : year;
  const era = (y / 400) | 0;
  const yearOfEra = y - era * 400;
  const dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  const dayOfEra = yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function isLegalDate(value: unknown): value is LegalDate {
  return typeof value === 'string' && !Number.isNaN(dayNumberOrNaN(value));
}

/** Validates text as a legal date; throws {@link InvalidLegalDateError} otherwise. */
export function parseLegalDate(value: string): LegalDate {
  if (!isLegalDate(value)) throw new InvalidLegalDateError(value);
  return value;
}

/**
 * The day number of a legal date. Validates on the way (cheaply), so a string cast to
 * `LegalDate` without parsing still fails loudly instead of computing nonsense.
 */
export function dayNumberOf(date: LegalDate): number {
  const dayNumber = dayNumberOrNaN(date);
  if (Number.isNaN(dayNumber)) throw new InvalidLegalDateError(date);
  return dayNumber;
}

/**
 * Formats valid parts as `YYYY-MM-DD`. Built from character codes so the result is a flat string:
 * a template literal would give a cons string, which V8 re-walks on every later `charCodeAt`.
 */
function formatParts(year: number, month: number, day: number): LegalDate {
  return String.fromCharCode(
    DIGIT_0 + (Math.floor(year / 1000) % 10),
    DIGIT_0 + (Math.floor(year / 100) % 10),
    DIGIT_0 + (Math.floor(year / 10) % 10),
    DIGIT_0 + (year % 10),
    DASH,
    DIGIT_0 + Math.floor(month / 10),
    DIGIT_0 + (month % 10),
    DASH,
    DIGIT_0 + Math.floor(day / 10),
    DIGIT_0 + (day % 10),
  ) as LegalDate;
}

function isValidParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function legalDateFromParts(year: number, month: number, day: number): LegalDate {
  if (!isValidParts(year, month, day)) throw new InvalidLegalDateError({ year, month, day });
  return formatParts(year, month, day);
}

/** The legal date of a day number; throws for days outside years 0001–9999. */
export function legalDateFromDayNumber(dayNumber: number): LegalDate {
  if (!Number.isSafeInteger(dayNumber)) throw new InvalidLegalDateError(dayNumber);
  const { year, month, day } = partsFromDayNumber(dayNumber);
  if (year < 1 || year > 9999) throw new InvalidLegalDateError(dayNumber);
  return formatParts(year, month, day);
}

export function legalDateParts(date: LegalDate): LegalDateParts {
  return partsFromDayNumber(dayNumberOf(date));
}

export function yearOf(date: LegalDate): number {
  return legalDateParts(date).year;
}

/** ISO weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): IsoWeekday {
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function dayOfWeek(date: LegalDate): IsoWeekday {
  return weekdayOfDayNumber(dayNumberOf(date));
}

export function isWeekend(date: LegalDate): boolean {
  return dayOfWeek(date) >= 6;
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareLegalDates(a: LegalDate, b: LegalDate): -1 | 0 | 1 {
  const difference = dayNumberOf(a) - dayNumberOf(b);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** Plain calendar-day shift, with no legal rule applied (no roll-forward). */
export function shiftLegalDate(date: LegalDate, days: number): LegalDate {
  return legalDateFromDayNumber(dayNumberOf(date) + days);
}

/** Calendar days from `from` to `to` (`to − from`; negative when `to` is earlier). */
export function daysBetween(from: LegalDate, to: LegalDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}
