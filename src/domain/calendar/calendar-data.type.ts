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
  /**
   * True for a year whose arrangement is not published yet, stood in for by the statutory
   * holidays of 《全国年节及纪念日放假办法》 (DESIGN, "The calendar is data", rule 6): deadlines
   * that read it are provisional and are recomputed when the published year is loaded.
   */
  readonly provisional?: boolean;
}

/** The legal calendar as data: a version (bumped on every change) and the years it knows. */
export interface CalendarData {
  readonly version: number;
  readonly years: readonly CalendarYearData[];
}
