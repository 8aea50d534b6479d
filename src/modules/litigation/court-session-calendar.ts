import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CourtSessionViewRow } from './court-session.repository';

/** A court session's UID in every feed, stable across reschedules: `<session-id>@fuyi`. */
export function courtSessionUid(id: string): string {
  return `court-session-${id}@fuyi`;
}

/** A session's assumed length in the feed (the court gives only the start). */
const SESSION_MINUTES = 120;

/**
 * An RFC 5545 calendar of court sessions: UTC times, SEQUENCE from the version so clients replace
 * a rescheduled session, a cancelled one kept with STATUS:CANCELLED.
 */
export function buildCourtSessionCalendar(
  agencyName: string | null,
  rows: CourtSessionViewRow[],
): string {
  const calendar = ical({
    prodId: { company: 'Fuyi', product: 'Court sessions', language: 'ZH' },
    name: agencyName ? `${agencyName} 开庭安排` : '开庭安排',
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const row of rows) {
    calendar.createEvent({
      id: courtSessionUid(row.id),
      sequence: Math.max(0, row.version - 1),
      start: row.starts_at,
      end: new Date(row.starts_at.getTime() + SESSION_MINUTES * 60_000),
      stamp: row.updated_at,
      created: row.created_at,
      lastModified: row.updated_at,
      summary: `开庭 ${row.court_case_number}`,
      location: `${row.court_name} ${row.courtroom}`,
      description: [
        `出庭通知送达：${row.notice_received_on}${row.short_notice ? '（不足三日）' : ''}`,
        row.head_summoned ? '法院通知负责人出庭' : null,
        row.status === 'cancelled' && row.cancel_reason ? `已取消：${row.cancel_reason}` : null,
        row.status === 'held' ? `已开庭：${row.held_on ?? ''}` : null,
      ]
        .filter((line): line is string => Boolean(line))
        .join('\n'),
      status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
