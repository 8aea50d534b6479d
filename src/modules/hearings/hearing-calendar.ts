import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { HEARING_KIND_TERMS } from '../../domain/hearings/hearing.rules';
import type { HearingViewRow } from './hearing.repository';

const ROLE_TERMS: Record<string, string> = {
  presiding_officer: '主持人',
  panel_member: '听证员',
  recorder: '记录员',
};

/** A hearing's UID in every feed, stable across reschedules: `<hearing-id>@fuyi`. */
export function hearingUid(id: string): string {
  return `${id}@fuyi`;
}

/**
 * An RFC 5545 calendar of hearings. Times are UTC (`DTSTART:20241010T010000Z`), which every
 * client shows in its own zone; SEQUENCE follows the hearing's version so that clients replace a
 * rescheduled event; a cancelled hearing stays in the feed with `STATUS:CANCELLED` so that
 * subscribed clients remove it.
 */
export function buildHearingCalendar(agencyName: string | null, rows: HearingViewRow[]): string {
  const calendar = ical({
    prodId: { company: 'Fuyi', product: 'Hearings', language: 'ZH' },
    name: agencyName ? `${agencyName} 听证安排` : '听证安排',
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const row of rows) {
    const number = row.case_number ?? row.receipt_number;
    const panel = row.participants
      .map((participant) => `${ROLE_TERMS[participant.role]}：${participant.displayName}`)
      .join('\n');
    calendar.createEvent({
      id: hearingUid(row.id),
      sequence: Math.max(0, row.version - 1),
      start: row.starts_at,
      end: row.ends_at,
      stamp: row.updated_at,
      created: row.created_at,
      lastModified: row.updated_at,
      summary: `${HEARING_KIND_TERMS[row.kind]} ${number}`,
      location: row.location,
      description: [
        `拟听证事项：${row.matters}`,
        panel,
        `书面通知日期：${row.notice_on}`,
        row.status === 'cancelled' && row.cancel_reason ? `已取消：${row.cancel_reason}` : null,
        row.status === 'held' ? `已举行：${row.held_on ?? ''}` : null,
      ]
        .filter((line): line is string => Boolean(line))
        .join('\n'),
      status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
