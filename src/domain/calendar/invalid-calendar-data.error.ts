/** Calendar data that cannot be a State Council arrangement (bad date, wrong year, clash). */
export class InvalidCalendarDataError extends Error {
  readonly code = 'invalid_calendar_data';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid calendar data: ${problems.join('; ')}`);
    this.name = 'InvalidCalendarDataError';
  }
}
