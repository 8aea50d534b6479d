import fc from 'fast-check';
import {
  dayNumberOf,
  legalDateFromDayNumber,
  parseLegalDate,
  type LegalDate,
} from '../calendar/legal-date.value';

/** For property tests of the case machines: any legal date from `first` to `last`, both included. */
export function legalDatesBetween(first: string, last: string): fc.Arbitrary<LegalDate> {
  return fc
    .integer({ min: dayNumberOf(parseLegalDate(first)), max: dayNumberOf(parseLegalDate(last)) })
    .map(legalDateFromDayNumber);
}
