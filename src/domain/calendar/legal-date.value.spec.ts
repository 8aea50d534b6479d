import fc from 'fast-check';
import { InvalidLegalDateError } from './invalid-legal-date.error';
import {
  compareLegalDates,
  dayNumberFromParts,
  dayNumberOf,
  dayOfWeek,
  daysBetween,
  isLegalDate,
  legalDateFromDayNumber,
  legalDateParts,
  parseLegalDate,
  partsFromDayNumber,
  shiftLegalDate,
} from './legal-date.value';
import type { LegalDate } from './legal-date.value';

const d = (text: string): LegalDate => parseLegalDate(text);

describe('LegalDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['0000-01-01', false],
    ['2024-1-01', false],
    ['2024/01/01', false],
    ['2024-01-01T00:00:00Z', false],
    [' 2024-01-01', false],
    ['２０２４-01-01', false],
    ['', false],
  ])('isLegalDate(%j) is %s', (text, expected) => {
    expect(isLegalDate(text)).toBe(expected);
  });

  it.each([[20240101], [null], [undefined], [new Date(0)]])('isLegalDate(%p) is false', (value) => {
    expect(isLegalDate(value)).toBe(false);
  });

  it('parseLegalDate throws InvalidLegalDateError for an impossible day', () => {
    expect(() => parseLegalDate('2024-02-30')).toThrow(InvalidLegalDateError);
  });

  it('dayNumberOf refuses a string cast to LegalDate without parsing', () => {
    expect(() => dayNumberOf('2024-02-30' as LegalDate)).toThrow(InvalidLegalDateError);
  });

  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2024-09-27', 19993],
  ])('day number of %s is %i', (text, dayNumber) => {
    expect(dayNumberOf(d(text))).toBe(dayNumber);
    expect(legalDateFromDayNumber(dayNumber)).toBe(text);
  });

  it.each([
    ['2024-09-27', 5], // Friday
    ['2024-09-29', 7], // Sunday
    ['2024-02-04', 7], // Sunday
    ['2025-10-11', 6], // Saturday
    ['2026-01-01', 4], // Thursday
    ['1970-01-01', 4], // Thursday
  ])('%s is ISO weekday %i', (text, weekday) => {
    expect(dayOfWeek(d(text))).toBe(weekday);
  });

  it('compares, shifts and measures', () => {
    expect(compareLegalDates(d('2024-02-29'), d('2024-03-01'))).toBe(-1);
    expect(compareLegalDates(d('2024-03-01'), d('2024-03-01'))).toBe(0);
    expect(compareLegalDates(d('2025-01-01'), d('2024-12-31'))).toBe(1);
    expect(shiftLegalDate(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(shiftLegalDate(d('2025-02-28'), 1)).toBe('2025-03-01');
    expect(shiftLegalDate(d('2024-01-01'), -1)).toBe('2023-12-31');
    expect(daysBetween(d('2024-03-20'), d('2024-04-10'))).toBe(21);
    expect(legalDateParts(d('2024-02-29'))).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('agrees with Date.UTC on days sampled from 1600 to 2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 157_000 }), (dayNumber) => {
        const parts = partsFromDayNumber(dayNumber);
        expect(Date.UTC(parts.year, parts.month - 1, parts.day) / 86_400_000).toBe(dayNumber);
        expect(dayNumberFromParts(parts.year, parts.month, parts.day)).toBe(dayNumber);
        const text = legalDateFromDayNumber(dayNumber);
        expect(isLegalDate(text)).toBe(true);
        expect(dayNumberOf(text)).toBe(dayNumber);
        expect(new Date(`${text}T00:00:00Z`).getUTCDay() || 7).toBe(dayOfWeek(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('orders dates as their text orders', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 0, max: 30_000 }),
        (a, b) => {
          const textA = legalDateFromDayNumber(a);
          const textB = legalDateFromDayNumber(b);
          expect(compareLegalDates(textA, textB)).toBe(Math.sign(a - b));
          expect(Math.sign(textA.localeCompare(textB))).toBe(Math.sign(a - b));
        },
      ),
    );
  });
});
