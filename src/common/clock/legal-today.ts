import type { LegalDate } from '../../domain/calendar/legal-date.value';

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's legal date in China Standard Time, whatever the host's time zone. */
export function legalToday(now: Date = new Date()): LegalDate {
  return CHINA_DATE.format(now) as LegalDate;
}
