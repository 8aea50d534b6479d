import type { CalendarData } from './calendar-data.type';
import { CalendarYearMissingError } from './calendar-year-missing.error';
import { InvalidCalendarDataError } from './invalid-calendar-data.error';
import {
  dayNumberFromParts,
  dayNumberOf,
  isLegalDate,
  legalDateFromDayNumber,
  partsFromDayNumber,
  weekdayOfDayNumber,
} from './legal-date.value';
import type { LegalDate } from './legal-date.value';

/** What a day is in the legal calendar. */
export type DayKind =
  /** Monday–Friday, not a public holiday. */
  | 'workday'
  /** A Saturday or Sunday the State Council declared a working day (调休上班). */
  | 'adjusted_workday'
  /** Saturday or Sunday. */
  | 'weekend'
  /** A public-holiday rest day (法定节假日 or 调休 rest), whatever the weekday. */
  | 'holiday';

const KIND_WORKDAY = 0;
const KIND_ADJUSTED_WORKDAY = 1;
const KIND_WEEKEND = 2;
const KIND_HOLIDAY = 3;
const DAY_KINDS: readonly DayKind[] = ['workday', 'adjusted_workday', 'weekend', 'holiday'];

/** One year's rest days and adjusted working days as day numbers. */
interface YearDays {
  readonly holidays: Set<number>;
  readonly workdays: Set<number>;
  readonly provisional: boolean;
}

/** More than enough for any real calendar; keeps the per-day indexes small. */
const MAX_YEAR_SPAN = 400;

/**
 * The legal calendar: which days are working days (工作日) and which are statutory rest days
 * (法定休假日), built from data (DESIGN, "The calendar is data"). A day is a rest day iff it is a
 * weekend day not declared an adjusted working day, or a public holiday.
 *
 * Immutable. Construction precomputes, over the span of years held, a per-day kind, a prefix count
 * of working days and the ordered list of working-day numbers, so that "the n-th working day
 * after d", "the first working day on or after d" and "working days in (a, b]" are O(1) lookups
 * plus one check per calendar year crossed. Asking about a day in a year the calendar does not
 * hold throws {@link CalendarYearMissingError}.
 */
export class LegalCalendar {
  /** Years held, ascending. */
  readonly years: readonly number[];
  /**
   * Years held provisionally, ascending: the arrangement is not published yet and the statutory
   * holidays stand in for it (DESIGN rule 6). Dates computed over them are provisional.
   */
  readonly provisionalYears: readonly number[];
  private readonly firstYear: number;
  private readonly lastYear: number;
  /** Day number of `firstYear`-01-01 and of `lastYear`-12-31. */
  private readonly startDay: number;
  private readonly endDay: number;
  /** Per year of the span (index `year − firstYear`): 1 when held. */
  private readonly yearHeld: Uint8Array;
  /** Per day of the span: index of its year in the span. */
  private readonly yearIndexOfDay: Uint16Array;
  /** Per day of the span: KIND_* code (0 and 1 are working days). */
  private readonly kindOfDay: Uint8Array;
  /** `workingBefore[i]` = working days in the span strictly before day `startDay + i`. */
  private readonly workingBefore: Int32Array;
  /** Day numbers of all working days of the span, ascending. */
  private readonly workingDays: Int32Array;
  /** Per day of the span: its `YYYY-MM-DD` text, so results need no formatting. */
  private readonly dateTexts: readonly LegalDate[];

  private constructor(
    readonly version: number,
    yearData: ReadonlyMap<number, YearDays>,
  ) {
    const years = [...yearData.keys()].sort((a, b) => a - b);
    this.years = years;
    this.provisionalYears = years.filter((year) => yearData.get(year)?.provisional === true);
    this.firstYear = years[0];
    this.lastYear = years[years.length - 1];
    this.startDay = dayNumberFromParts(this.firstYear, 1, 1);
    this.endDay = dayNumberFromParts(this.lastYear, 12, 31);

    const spanYears = this.lastYear - this.firstYear + 1;
    const spanDays = this.endDay - this.startDay + 1;
    this.yearHeld = new Uint8Array(spanYears);
    this.yearIndexOfDay = new Uint16Array(spanDays);
    this.kindOfDay = new Uint8Array(spanDays);
    this.workingBefore = new Int32Array(spanDays + 1);
    const workingDays: number[] = [];
    const dateTexts: LegalDate[] = new Array<LegalDate>(spanDays);

    for (let yearIndex = 0; yearIndex < spanYears; yearIndex++) {
      const year = this.firstYear + yearIndex;
      const data = yearData.get(year);
      this.yearHeld[yearIndex] = data ? 1 : 0;
      const first = dayNumberFromParts(year, 1, 1) - this.startDay;
      const last = dayNumberFromParts(year, 12, 31) - this.startDay;
      for (let i = first; i <= last; i++) {
        const dayNumber = this.startDay + i;
        this.yearIndexOfDay[i] = yearIndex;
        dateTexts[i] = legalDateFromDayNumber(dayNumber);
        let kind: number;
        if (!data) {
          // A year not held has no working days; every lookup crossing it throws anyway.
          kind = KIND_HOLIDAY;
        } else if (data.holidays.has(dayNumber)) {
          kind = KIND_HOLIDAY;
        } else if (weekdayOfDayNumber(dayNumber) >= 6) {
          kind = data.workdays.has(dayNumber) ? KIND_ADJUSTED_WORKDAY : KIND_WEEKEND;
        } else {
          kind = KIND_WORKDAY;
        }
        this.kindOfDay[i] = kind;
        this.workingBefore[i + 1] = this.workingBefore[i] + (kind <= KIND_ADJUSTED_WORKDAY ? 1 : 0);
        if (kind <= KIND_ADJUSTED_WORKDAY) workingDays.push(dayNumber);
      }
    }
    this.workingDays = Int32Array.from(workingDays);
    this.dateTexts = dateTexts;
  }

  /**
   * Builds the calendar from data, validating it: every date real and inside its year, no day
   * both a holiday and an adjusted working day, adjusted working days only on Saturdays or
   * Sundays, each year once. Throws {@link InvalidCalendarDataError} listing every problem.
   */
  static fromData(data: CalendarData): LegalCalendar {
    const problems: string[] = [];
    if (!Number.isSafeInteger(data.version) || data.version < 0) {
      problems.push(`version must be a non-negative integer, got ${String(data.version)}`);
    }
    if (data.years.length === 0) problems.push('no years');
    const years = new Map<number, YearDays>();
    for (const entry of data.years) {
      const { year } = entry;
      if (!Number.isInteger(year) || year < 1 || year > 9999) {
        problems.push(`year ${String(year)} is not a year`);
        continue;
      }
      if (years.has(year)) {
        problems.push(`year ${year} appears twice`);
        continue;
      }
      const collect = (dates: readonly string[], list: string): Set<number> => {
        const dayNumbers = new Set<number>();
        for (const date of dates) {
          if (!isLegalDate(date)) {
            problems.push(`${year} ${list}: ${JSON.stringify(date)} is not a date`);
          } else if (partsFromDayNumber(dayNumberOf(date)).year !== year) {
            problems.push(`${year} ${list}: ${date} is not in ${year}`);
          } else {
            dayNumbers.add(dayNumberOf(date));
          }
        }
        return dayNumbers;
      };
      const holidays = collect(entry.holidays, 'holidays');
      const workdays = collect(entry.workdays, 'workdays');
      for (const dayNumber of workdays) {
        const date = legalDateFromDayNumber(dayNumber);
        if (holidays.has(dayNumber)) {
          problems.push(`${year}: ${date} is both a holiday and an adjusted working day`);
        }
        if (weekdayOfDayNumber(dayNumber) < 6) {
          problems.push(`${year}: adjusted working day ${date} is not a Saturday or Sunday`);
        }
      }
      years.set(year, { holidays, workdays, provisional: entry.provisional === true });
    }
    if (years.size > 0) {
      const held = [...years.keys()];
      const span = Math.max(...held) - Math.min(...held) + 1;
      if (span > MAX_YEAR_SPAN) problems.push(`years span ${span} > ${MAX_YEAR_SPAN} years`);
    }
    if (problems.length > 0) throw new InvalidCalendarDataError(problems);
    return new LegalCalendar(data.version, years);
  }

  /** Held, but only provisionally (see {@link provisionalYears}). */
  isProvisionalYear(year: number): boolean {
    return this.provisionalYears.includes(year);
  }

  holdsYear(year: number): boolean {
    const index = year - this.firstYear;
    return index >= 0 && index < this.yearHeld.length && this.yearHeld[index] === 1;
  }

  /** What the day is; throws {@link CalendarYearMissingError} for a year not held. */
  dayKind(date: LegalDate): DayKind {
    return DAY_KINDS[this.kindOfDayNumber(dayNumberOf(date))];
  }

  /** A working day (工作日): a Monday–Friday not a holiday, or an adjusted working day. */
  isWorkingDay(date: LegalDate): boolean {
    return this.isWorkingDayNumber(dayNumberOf(date));
  }

  /** A statutory rest day (法定休假日): a weekend day not adjusted to working, or a holiday. */
  isRestDay(date: LegalDate): boolean {
    return !this.isWorkingDayNumber(dayNumberOf(date));
  }

  isWorkingDayNumber(dayNumber: number): boolean {
    return this.kindOfDayNumber(dayNumber) <= KIND_ADJUSTED_WORKDAY;
  }

  /** The year of a day number (cheap inside the span). */
  yearOfDayNumber(dayNumber: number): number {
    const offset = dayNumber - this.startDay;
    if (offset >= 0 && dayNumber <= this.endDay) {
      return this.firstYear + this.yearIndexOfDay[offset];
    }
    return partsFromDayNumber(dayNumber).year;
  }

  /** The text of a day number (cached inside the span). */
  legalDateOf(dayNumber: number): LegalDate {
    const offset = dayNumber - this.startDay;
    if (offset >= 0 && dayNumber <= this.endDay) return this.dateTexts[offset];
    return legalDateFromDayNumber(dayNumber);
  }

  /**
   * The n-th working day strictly after `dayNumber` (n ≥ 1). Needs every year from the day after
   * `dayNumber` to the result.
   */
  nthWorkingDayAfter(dayNumber: number, n: number): number {
    const first = dayNumber + 1;
    this.assertDayHeld(first);
    const index = this.workingBefore[first - this.startDay] + n - 1;
    if (index >= this.workingDays.length) {
      this.assertDaysHeld(first, Number.MAX_SAFE_INTEGER);
    }
    const result = this.workingDays[index];
    this.assertYearsHeld(first, result);
    return result;
  }

  /** The first working day on or after `dayNumber`. */
  firstWorkingDayOnOrAfter(dayNumber: number): number {
    this.assertDayHeld(dayNumber);
    const offset = dayNumber - this.startDay;
    if (this.kindOfDay[offset] <= KIND_ADJUSTED_WORKDAY) return dayNumber;
    const index = this.workingBefore[offset];
    if (index >= this.workingDays.length) {
      this.assertDaysHeld(dayNumber, Number.MAX_SAFE_INTEGER);
    }
    const result = this.workingDays[index];
    this.assertYearsHeld(dayNumber, result);
    return result;
  }

  /**
   * Working days in the half-open interval (from, to] — the start day excluded, as in every
   * period. Negative (minus the count in (to, from]) when `to` is before `from`.
   */
  countWorkingDaysBetween(fromDayNumber: number, toDayNumber: number): number {
    if (toDayNumber < fromDayNumber) {
      return 0 - this.countWorkingDaysBetween(toDayNumber, fromDayNumber); // never -0
    }
    if (toDayNumber === fromDayNumber) return 0;
    this.assertDaysHeld(fromDayNumber + 1, toDayNumber);
    return (
      this.workingBefore[toDayNumber + 1 - this.startDay] -
      this.workingBefore[fromDayNumber + 1 - this.startDay]
    );
  }

  /** Throws {@link CalendarYearMissingError} for the first year in [first, last] not held. */
  assertDaysHeld(firstDayNumber: number, lastDayNumber: number): void {
    this.assertDayHeld(firstDayNumber);
    if (lastDayNumber > this.endDay) {
      this.assertYearsHeld(firstDayNumber, this.endDay);
      throw new CalendarYearMissingError(this.lastYear + 1);
    }
    this.assertYearsHeld(firstDayNumber, lastDayNumber);
  }

  private kindOfDayNumber(dayNumber: number): number {
    this.assertDayHeld(dayNumber);
    return this.kindOfDay[dayNumber - this.startDay];
  }

  private assertDayHeld(dayNumber: number): void {
    const offset = dayNumber - this.startDay;
    if (offset < 0 || dayNumber > this.endDay || this.yearHeld[this.yearIndexOfDay[offset]] === 0) {
      throw new CalendarYearMissingError(this.yearOfDayNumber(dayNumber));
    }
  }

  /** Both days inside the span; checks every year between them. */
  private assertYearsHeld(firstDayNumber: number, lastDayNumber: number): void {
    const firstIndex = this.yearIndexOfDay[firstDayNumber - this.startDay];
    const lastIndex = this.yearIndexOfDay[lastDayNumber - this.startDay];
    for (let index = firstIndex; index <= lastIndex; index++) {
      if (this.yearHeld[index] === 0) throw new CalendarYearMissingError(this.firstYear + index);
    }
  }
}
