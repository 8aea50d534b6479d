/**
 * One year of the State Council's public-holiday arrangement (国务院办公厅关于部分节假日安排的通知),
 * as an administrator uploads it or as it is seeded from the npm package `chinese-days`.
 */
export interface CalendarYearData {
  readonly year: number;
  /** Public-holiday rest days (法定节假日 and the days of 调休 rest), weekdays or weekends. */
  readonly holidays: readonly string[];
  /** Adjusted working days (调休上班日): Saturdays or Sundays declared working days. */
  readonly workdays: readonly string[];
}

/** The legal calendar as data: a version (bumped on every change) and the years it knows. */
export interface CalendarData {
  readonly version: number;
  readonly years: readonly CalendarYearData[];
}
