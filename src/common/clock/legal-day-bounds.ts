import { isLegalDate, shiftLegalDate } from '../../domain/calendar/legal-date.value';

/**
 * Bounds of a time filter given as a legal date or an instant. Legal dates are China Standard
 * Time days (UTC+8, no daylight saving), whatever the host's or the database session's zone.
 */

const LAST_LEGAL_DATE = '9999-12-31';

/** A `from` bound: a date starts at its midnight in China Standard Time; an instant is kept. */
export function lowerInstantBound(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return isLegalDate(value) ? `${value}T00:00:00+08:00` : value;
}

/**
 * A `to` bound, exclusive: a date counts whole (up to the next midnight in China Standard Time).
 * The last day legal dates can name, 9999-12-31, bounds nothing.
 */
export function upperInstantBound(value: string | undefined): string | undefined {
  if (value === undefined || value === LAST_LEGAL_DATE) return undefined;
  return isLegalDate(value) ? `${shiftLegalDate(value, 1)}T00:00:00+08:00` : value;
}
