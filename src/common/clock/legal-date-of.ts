import type { LegalDate } from '../../domain/calendar/legal-date.value';

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The legal date (China Standard Time) of an instant, whatever the host's time zone. */
export function legalDateOf(instant: Date): LegalDate {
  return CHINA_DATE.format(instant) as LegalDate;
}
