import { Injectable } from '@nestjs/common';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import { legalDateOf } from './legal-date-of';

/**
 * The one source of time: the current instant and today's legal date in China Standard Time.
 * Everything that needs "now" or "today" asks this provider, so tests can fix it.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  today(): LegalDate {
    return legalDateOf(this.now());
  }
}

/** A clock that stands still at a chosen instant until moved: for tests and replays. */
export class FixedClock extends Clock {
  private instant: Date;

  constructor(instant: string | Date) {
    super();
    this.instant = new Date(instant);
  }

  override now(): Date {
    return new Date(this.instant);
  }

  /** Moves the clock to another instant (ISO 8601 with offset). */
  set(instant: string | Date): void {
    this.instant = new Date(instant);
  }
}
