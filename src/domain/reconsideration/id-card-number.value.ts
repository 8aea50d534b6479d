/*
 * Mainland resident identity card numbers (居民身份证号码, GB 11643-1999 公民身份号码): 6-digit
 * address code, 8-digit birth date YYYYMMDD, 3-digit sequence, and a check digit computed by
 * ISO 7064 MOD 11-2 (0–9 or X for 10).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** The ISO 7064 MOD 11-2 check character of the first 17 digits (null if they are not digits). */
export function idCardCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

function isValidBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/**
 * An 18-character resident ID number: 17 digits and a check character (0–9 or upper-case X), a
 * real birth date from 1900, and the right MOD 11-2 check character. Whitespace is not trimmed.
 */
export function isValidIdCardNumber(value: string): boolean {
  if (typeof value !== 'string' || !SHAPE.test(value)) return false;
  if (!isValidBirthDate(value.slice(6, 14))) return false;
  return idCardCheckCharacter(value.slice(0, 17)) === value[17];
}

/**
 * The number for display to those not entitled to see it: the first 4 and last 4 characters kept,
 * every other one replaced by `*` (e.g. `3602**********1234`). Strings of 8 characters or fewer
 * are masked entirely.
 */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}
