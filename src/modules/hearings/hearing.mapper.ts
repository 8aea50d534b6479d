import { legalDateOf } from '../../common/clock/legal-date-of';
import type { HearingDto } from './dto/hearing.dto';
import type { HearingViewRow } from './hearing.repository';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * An instant shown in China Standard Time, e.g. `2024-10-10T09:00:00+08:00` (UTC+8 all year:
 * China has kept no daylight saving time since 1991).
 */
export function toShanghaiIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString();
  const millis = shifted.slice(19, 23);
  return `${shifted.slice(0, 19)}${millis === '.000' ? '' : millis}+08:00`;
}

export function toHearingDto(row: HearingViewRow): HearingDto {
  const seat = (role: string) => row.participants.filter((p) => p.role === role);
  const durationMinutes = Math.round((row.ends_at.getTime() - row.starts_at.getTime()) / 60_000);
  return {
    id: row.id,
    caseId: row.case_id,
    agencyId: row.agency_id,
    caseNumber: row.case_number,
    receiptNumber: row.receipt_number,
    kind: row.kind,
    status: row.status,
    startsAt: toShanghaiIso(row.starts_at),
    endsAt: toShanghaiIso(row.ends_at),
    durationMinutes,
    hearingOn: legalDateOf(row.starts_at),
    location: row.location,
    noticeOn: row.notice_on,
    presidingOfficerId: seat('presiding_officer')[0]?.userId ?? '',
    panelMemberIds: seat('panel_member').map((p) => p.userId),
    recorderId: seat('recorder')[0]?.userId ?? '',
    participants: row.participants,
    matters: row.matters,
    cancellation:
      row.status === 'cancelled' && row.cancel_reason !== null && row.cancelled_at !== null
        ? { reason: row.cancel_reason, cancelledAt: toShanghaiIso(row.cancelled_at) }
        : null,
    record:
      row.status === 'held' &&
      row.held_on !== null &&
      row.respondent_attendance !== null &&
      row.recorded_at !== null
        ? {
            heldOn: row.held_on,
            applicantAttended: row.applicant_attended === true,
            respondentAttendance: row.respondent_attendance,
            notes: row.record_notes,
            recordedAt: toShanghaiIso(row.recorded_at),
          }
        : null,
    version: row.version,
    createdAt: toShanghaiIso(row.created_at),
    updatedAt: toShanghaiIso(row.updated_at),
  };
}
