import { legalDateOf } from '../../common/clock/legal-date-of';
import type { LegalCalendar } from '../../domain/calendar/legal-calendar.model';
import { reminderDay, type HearingKind } from '../../domain/hearings/hearing.rules';
import type { CommandTransaction } from '../commands/command-runner';
import type { ReconsiderationCaseEntity } from '../reconsideration/reconsideration-case.entity';
import { toShanghaiIso } from './hearing.mapper';

/**
 * Schedules `hearing.reminder`, available from the start (00:00, China Standard Time) of the
 * working day before the hearing date — at once when that is already past — and not at all
 * for a hearing that has begun. The payload names the hearing's version: a reschedule,
 * cancellation or record supersedes it, and a new one follows a reschedule. Returns when the
 * reminder becomes available, or null.
 */
export function remindBeforeHearing(
  tx: CommandTransaction,
  calendar: LegalCalendar,
  reviewed: ReconsiderationCaseEntity,
  hearing: {
    hearingId: string;
    version: number;
    kind: HearingKind;
    startsAt: Date;
    location: string;
    participantIds: readonly string[];
  },
): string | null {
  if (hearing.startsAt.getTime() <= tx.now.getTime()) return null;
  const remindOn = reminderDay(calendar, legalDateOf(hearing.startsAt));
  if (remindOn === null) return null;
  const dayStart = new Date(`${remindOn}T00:00:00+08:00`);
  const availableAt = dayStart.getTime() > tx.now.getTime() ? dayStart : tx.now;
  tx.notify({
    agencyId: reviewed.agencyId,
    topic: 'hearing.reminder',
    availableAt,
    aggregate: { type: 'hearing', id: hearing.hearingId },
    payload: {
      hearingId: hearing.hearingId,
      hearingVersion: hearing.version,
      caseId: reviewed.id,
      caseNumber: reviewed.caseNumber,
      receiptNumber: reviewed.receiptNumber,
      kind: hearing.kind,
      startsAt: toShanghaiIso(hearing.startsAt),
      location: hearing.location,
      participantIds: hearing.participantIds,
      remindOn,
    },
  });
  return toShanghaiIso(availableAt);
}
