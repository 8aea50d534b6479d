/**
 * A computation needed a year that the legal calendar does not hold. Never guess such a year as
 * weekends-only: the State Council's arrangement moves working days (DESIGN, "The calendar is
 * data"). The administrator must upload the year, then the computation can be retried.
 */
export class CalendarYearMissingError extends Error {
  readonly code = 'calendar_year_missing';

  constructor(readonly year: number) {
    super(`The legal calendar has no holiday arrangement for ${year}`);
    this.name = 'CalendarYearMissingError';
  }
}
