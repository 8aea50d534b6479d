import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { isAdmin, type Actor } from '../../common/auth/actor';
import { lowerInstantBound, upperInstantBound } from '../../common/clock/legal-day-bounds';
import { legalToday } from '../../common/clock/legal-today';
import { checkIfMatch } from '../../common/http/etag';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor';
import { conflictProblem, notFoundProblem } from '../../common/problem/problem';
import type { LegalCalendar } from '../../domain/calendar/legal-calendar.model';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { OutboxService } from '../outbox/outbox.service';
import type { ReconsiderationCaseEntity } from '../reconsideration/reconsideration-case.entity';
import { TimelineService } from '../timeline/timeline.service';
import { WorkflowService } from '../workflow/workflow.service';
import type {
  CancelHearingDto,
  RecordHearingDto,
  RescheduleHearingDto,
} from './dto/hearing-commands.dto';
import type { HearingDto, HearingFeedQueryDto, HearingQueryDto } from './dto/hearing.dto';
import type { ScheduleHearingDto } from './dto/schedule-hearing.dto';
import { buildHearingCalendar } from './hearing-calendar';
import { toHearingDto, toShanghaiIso } from './hearing.mapper';
import { hearingProblem } from './hearing-problem';
import {
  caseEffectsOfHeldHearing,
  checkCaseUnderReview,
  checkNotice,
  checkRecord,
  checkScheduled,
  normaliseLocation,
  panelSeats,
  reminderDay,
  type HearingKind,
  type RuleResult,
} from '../../domain/hearings/hearing.rules';
import { HearingsRepository, type Booking, type HearingLockRow } from './hearings.repository';

const EXCLUSION_VIOLATION = '23P01';
const LOCK_NOT_AVAILABLE = '55P03';
const DEADLOCK_DETECTED = '40P01';

const CONSTRAINT_CLASH: Record<string, 'room' | 'person'> = {
  hearing_room_excl: 'room',
  hearing_participant_excl: 'person',
};

/** How many hearings the calendar feed holds at most (the most recent ones). */
export const FEED_LIMIT = 5000;

function unwrap<T>(result: RuleResult<T>): T {
  if (!result.ok) throw hearingProblem(result.refusal);
  return result.value;
}

function driverCode(error: unknown): { code?: string; constraint?: string } {
  return error instanceof QueryFailedError
    ? (error.driverError as { code?: string; constraint?: string })
    : {};
}

/**
 * Hearings (听证) and hearings of opinions (听取意见) of reconsideration cases. Each command is one
 * transaction: lock the case (then the hearing), check the rules (hearing.rules.ts, pure), write
 * the hearing and its panel's bookings, append the case event, enqueue outbox messages, record
 * the audit entry. Double booking is refused by exclusion constraints in PostgreSQL, so that it
 * holds under concurrent scheduling; the service names the clashing hearing afterwards.
 */
@Injectable()
export class HearingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hearings: HearingsRepository,
    private readonly workflow: WorkflowService,
    private readonly calendars: CalendarService,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async schedule(actor: Actor, caseId: string, input: ScheduleHearingDto): Promise<HearingDto> {
    const scope = this.scopeOf(actor, `Reconsideration case ${caseId}`);
    const seats = unwrap(
      panelSeats({
        kind: input.kind,
        presidingOfficerId: input.presidingOfficerId,
        panelMemberIds: input.panelMemberIds ?? [],
        recorderId: input.recorderId,
      }),
    );
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
    const noticeOn = input.noticeOn as LegalDate;
    const booking: Booking = {
      agencyId: '',
      location: normaliseLocation(input.location),
      startsAt,
      endsAt,
      userIds: seats.map((seat) => seat.userId),
      hearingId: null,
    };
    const id = await this.inTransaction(booking, async (manager) => {
      const reviewed = await this.lockCase(manager, actor, scope, caseId);
      booking.agencyId = reviewed.agencyId;
      unwrap(checkCaseUnderReview(reviewed.status));
      const calendar = await this.calendars.current();
      const earliestOn = unwrap(
        checkNotice(calendar, {
          noticeOn,
          hearingOn: legalToday(startsAt),
          acceptedOn: reviewed.acceptedOn,
          today: legalToday(),
        }),
      );
      await this.assertPanelOfAgency(manager, reviewed.agencyId, booking.userIds);
      const hearingId = await this.hearings.insert(manager, {
        agencyId: reviewed.agencyId,
        caseId,
        kind: input.kind,
        startsAt,
        endsAt,
        location: booking.location,
        noticeOn,
        matters: input.matters.trim(),
      });
      await this.hearings.insertParticipants(manager, hearingId, seats, startsAt, endsAt);
      const facts = {
        hearingId,
        kind: input.kind,
        startsAt: toShanghaiIso(startsAt),
        endsAt: toShanghaiIso(endsAt),
        location: booking.location,
        noticeOn,
      };
      await this.timeline.append(manager, {
        caseType: 'reconsideration',
        caseId,
        agencyId: reviewed.agencyId,
        type: 'hearing_scheduled',
        actor,
        occurredOn: noticeOn,
        payload: {
          ...facts,
          earliestHearingOn: earliestOn,
          presidingOfficerId: input.presidingOfficerId,
          panelMemberIds: input.panelMemberIds ?? [],
          recorderId: input.recorderId,
        },
      });
      await this.outbox.enqueue(manager, reviewed.agencyId, 'hearing.scheduled', {
        ...facts,
        caseId,
        caseNumber: reviewed.caseNumber,
        participantIds: booking.userIds,
      });
      const reminder = await this.enqueueReminder(manager, calendar, reviewed, {
        hearingId,
        version: 1,
        kind: input.kind,
        startsAt,
        location: booking.location,
        participantIds: booking.userIds,
      });
      await this.audit.record(manager, actor, {
        action: 'hearing.scheduled',
        targetType: 'hearing',
        targetId: hearingId,
        agencyId: reviewed.agencyId,
        summary: { caseId, ...facts, reminderAt: reminder },
      });
      return hearingId;
    });
    return this.get(actor, id);
  }

  async reschedule(
    actor: Actor,
    id: string,
    input: RescheduleHearingDto,
    ifMatch: string | undefined,
  ): Promise<HearingDto> {
    const scope = this.scopeOf(actor, `Hearing ${id}`);
    const caseId = await this.caseIdOf(id, scope);
    const startsAt = new Date(input.startsAt);
    const noticeOn = input.noticeOn as LegalDate;
    const booking: Booking = {
      agencyId: '',
      location: '',
      startsAt,
      endsAt: startsAt,
      userIds: [],
      hearingId: id,
    };
    await this.inTransaction(booking, async (manager) => {
      const reviewed = await this.lockCase(manager, actor, scope, caseId);
      const hearing = await this.lockHearing(manager, id);
      checkIfMatch(ifMatch, hearing.version);
      unwrap(checkScheduled(hearing.status, 'reschedule'));
      unwrap(checkCaseUnderReview(reviewed.status));
      const minutes =
        input.durationMinutes ??
        Math.round((hearing.ends_at.getTime() - hearing.starts_at.getTime()) / 60_000);
      Object.assign(booking, {
        agencyId: hearing.agency_id,
        location:
          input.location !== undefined ? normaliseLocation(input.location) : hearing.location,
        endsAt: new Date(startsAt.getTime() + minutes * 60_000),
        userIds: await this.hearings.participantIdsOf(manager, id),
      });
      const calendar = await this.calendars.current();
      const earliestOn = unwrap(
        checkNotice(calendar, {
          noticeOn,
          hearingOn: legalToday(startsAt),
          acceptedOn: reviewed.acceptedOn,
          today: legalToday(),
        }),
      );
      await this.hearings.move(manager, id, {
        startsAt,
        endsAt: booking.endsAt,
        location: booking.location,
        noticeOn,
      });
      const withdrawn = await this.hearings.supersedeReminders(manager, id);
      const from = {
        startsAt: toShanghaiIso(hearing.starts_at),
        endsAt: toShanghaiIso(hearing.ends_at),
        location: hearing.location,
        noticeOn: hearing.notice_on,
      };
      const to = {
        startsAt: toShanghaiIso(startsAt),
        endsAt: toShanghaiIso(booking.endsAt),
        location: booking.location,
        noticeOn,
      };
      await this.timeline.append(manager, {
        caseType: 'reconsideration',
        caseId,
        agencyId: hearing.agency_id,
        type: 'hearing_rescheduled',
        actor,
        occurredOn: noticeOn,
        payload: { hearingId: id, kind: hearing.kind, from, to, earliestHearingOn: earliestOn },
      });
      await this.outbox.enqueue(manager, hearing.agency_id, 'hearing.rescheduled', {
        hearingId: id,
        caseId,
        caseNumber: reviewed.caseNumber,
        kind: hearing.kind,
        from,
        to,
        participantIds: booking.userIds,
      });
      const reminder = await this.enqueueReminder(manager, calendar, reviewed, {
        hearingId: id,
        version: hearing.version + 1,
        kind: hearing.kind,
        startsAt,
        location: booking.location,
        participantIds: booking.userIds,
      });
      await this.audit.record(manager, actor, {
        action: 'hearing.rescheduled',
        targetType: 'hearing',
        targetId: id,
        agencyId: hearing.agency_id,
        summary: { caseId, from, to, remindersWithdrawn: withdrawn, reminderAt: reminder },
      });
    });
    return this.get(actor, id);
  }

  async cancel(
    actor: Actor,
    id: string,
    input: CancelHearingDto,
    ifMatch: string | undefined,
  ): Promise<HearingDto> {
    const scope = this.scopeOf(actor, `Hearing ${id}`);
    const caseId = await this.caseIdOf(id, scope);
    await this.inTransaction(null, async (manager) => {
      const hearing = await this.lockHearing(manager, id);
      checkIfMatch(ifMatch, hearing.version);
      unwrap(checkScheduled(hearing.status, 'cancel'));
      const reason = input.reason.trim();
      await this.hearings.cancel(manager, id, reason);
      const withdrawn = await this.hearings.supersedeReminders(manager, id);
      const facts = {
        hearingId: id,
        kind: hearing.kind,
        startsAt: toShanghaiIso(hearing.starts_at),
        location: hearing.location,
        reason,
      };
      await this.timeline.append(manager, {
        caseType: 'reconsideration',
        caseId,
        agencyId: hearing.agency_id,
        type: 'hearing_cancelled',
        actor,
        occurredOn: legalToday(),
        payload: facts,
      });
      await this.outbox.enqueue(manager, hearing.agency_id, 'hearing.cancelled', {
        ...facts,
        caseId,
        participantIds: await this.hearings.participantIdsOf(manager, id),
      });
      await this.audit.record(manager, actor, {
        action: 'hearing.cancelled',
        targetType: 'hearing',
        targetId: id,
        agencyId: hearing.agency_id,
        summary: { caseId, ...facts, remindersWithdrawn: withdrawn },
      });
    });
    return this.get(actor, id);
  }

  async record(
    actor: Actor,
    id: string,
    input: RecordHearingDto,
    ifMatch: string | undefined,
  ): Promise<HearingDto> {
    const scope = this.scopeOf(actor, `Hearing ${id}`);
    const caseId = await this.caseIdOf(id, scope);
    await this.inTransaction(null, async (manager) => {
      const reviewed = await this.lockCase(manager, actor, scope, caseId);
      const hearing = await this.lockHearing(manager, id);
      checkIfMatch(ifMatch, hearing.version);
      unwrap(checkScheduled(hearing.status, 'record'));
      unwrap(checkCaseUnderReview(reviewed.status));
      const heldOn = input.heldOn as LegalDate;
      const respondentAttendance = unwrap(
        checkRecord({
          heldOn,
          hearingOn: legalToday(hearing.starts_at),
          today: legalToday(),
          respondentAttendance: {
            attended: input.respondentAttendance.attended,
            personName: input.respondentAttendance.personName,
            title: input.respondentAttendance.title,
            delegateName: input.respondentAttendance.delegateName ?? null,
            reason: input.respondentAttendance.reason ?? null,
          },
        }),
      );
      const notes = input.notes?.trim() ? input.notes.trim() : null;
      await this.hearings.recordHeld(manager, id, {
        heldOn,
        applicantAttended: input.applicantAttended,
        respondentAttendance,
        notes,
      });
      const effects = caseEffectsOfHeldHearing({
        kind: hearing.kind,
        heldOn,
        applicantAttended: input.applicantAttended,
        opinionHeardOn: reviewed.opinionHeardOn,
      });
      const onCase =
        effects.hearingsHeldIncrement > 0 || effects.opinionHeardOn !== null
          ? await this.hearings.applyHeldHearingToCase(manager, caseId, effects)
          : null;
      const withdrawn = await this.hearings.supersedeReminders(manager, id);
      const facts = {
        hearingId: id,
        kind: hearing.kind,
        heldOn,
        location: hearing.location,
        applicantAttended: input.applicantAttended,
        respondentAttendance,
        opinionHeardRecorded: effects.opinionHeardOn !== null,
        hearingsHeld: onCase?.hearings_held ?? reviewed.hearingsHeld,
      };
      await this.timeline.append(manager, {
        caseType: 'reconsideration',
        caseId,
        agencyId: hearing.agency_id,
        type: 'hearing_held',
        actor,
        occurredOn: heldOn,
        payload: facts,
      });
      await this.outbox.enqueue(manager, hearing.agency_id, 'hearing.held', {
        ...facts,
        caseId,
        caseNumber: reviewed.caseNumber,
      });
      await this.audit.record(manager, actor, {
        action: 'hearing.held',
        targetType: 'hearing',
        targetId: id,
        agencyId: hearing.agency_id,
        summary: { caseId, ...facts, remindersWithdrawn: withdrawn },
      });
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<HearingDto> {
    const row = await this.hearings.findView(id, this.scopeOf(actor, `Hearing ${id}`));
    if (!row) throw notFoundProblem(`Hearing ${id}`);
    return toHearingDto(row);
  }

  /** The caller's agency's hearings in start order (keyset pagination by start and id). */
  async list(actor: Actor, query: HearingQueryDto): Promise<Page<HearingDto>> {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const rows = await this.hearings.list({
      agencyId: actor.agencyId,
      from: lowerInstantBound(query.from),
      to: upperInstantBound(query.to),
      location: query.location !== undefined ? normaliseLocation(query.location) : undefined,
      officerId: query.officerId,
      caseId: query.caseId,
      status: query.status,
      after: after ? [after[0], after[1]] : null,
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, (row) => [row.starts_at_key, row.id], toHearingDto);
  }

  /** The caller's agency's hearings as an RFC 5545 calendar (the latest FEED_LIMIT). */
  async feed(actor: Actor, query: HearingFeedQueryDto): Promise<string> {
    const rows = actor.agencyId
      ? await this.hearings.list({
          agencyId: actor.agencyId,
          from: lowerInstantBound(query.from),
          to: upperInstantBound(query.to),
          limit: FEED_LIMIT,
          newestFirst: true,
        })
      : [];
    const agencyName = actor.agencyId ? await this.hearings.agencyName(actor.agencyId) : null;
    return buildHearingCalendar(agencyName, rows.reverse());
  }

  /**
   * One transaction with a lock timeout. A refusal by an exclusion constraint (SQLSTATE 23P01:
   * the room or a person is booked at an overlapping time, possibly by a transaction that
   * committed a moment ago) becomes 409 naming the clashing hearing, looked up once this
   * transaction has rolled back.
   */
  private async inTransaction<T>(
    booking: Booking | null,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL lock_timeout = '10s'`);
        return work(manager);
      });
    } catch (error) {
      const { code, constraint } = driverCode(error);
      if (code === EXCLUSION_VIOLATION && booking !== null) {
        throw await this.clashProblem(booking, CONSTRAINT_CLASH[constraint ?? ''] ?? null);
      }
      if (code === LOCK_NOT_AVAILABLE || code === DEADLOCK_DETECTED) {
        throw conflictProblem(
          'hearing-busy',
          'Another command on this case or hearing is in progress; retry',
        );
      }
      throw error;
    }
  }

  private async clashProblem(booking: Booking, prefer: 'room' | 'person' | null) {
    const clash = await this.hearings.findClash(booking, prefer);
    if (!clash) {
      return conflictProblem(
        'hearing-clash',
        'The room or a person on the panel was booked at an overlapping time; retry',
      );
    }
    const clashingHearing = {
      id: clash.id,
      startsAt: toShanghaiIso(clash.starts_at),
      endsAt: toShanghaiIso(clash.ends_at),
      location: clash.location,
    };
    const detail =
      clash.clash === 'room'
        ? `${clash.location} is booked from ${clashingHearing.startsAt} to ${clashingHearing.endsAt} for hearing ${clash.id}`
        : `user ${clash.user_id} sits on hearing ${clash.id} from ${clashingHearing.startsAt} to ${clashingHearing.endsAt}`;
    return conflictProblem('hearing-clash', detail, {
      clash: clash.clash,
      ...(clash.user_id ? { userId: clash.user_id } : {}),
      clashingHearing,
    });
  }

  /** The agency whose hearings the actor sees: their own; all for an admin of no agency. */
  private scopeOf(actor: Actor, what: string): string | null {
    if (actor.agencyId) return actor.agencyId;
    if (isAdmin(actor)) return null;
    throw notFoundProblem(what);
  }

  private async caseIdOf(id: string, scope: string | null): Promise<string> {
    const caseId = await this.hearings.findCaseIdOfVisible(id, scope);
    if (!caseId) throw notFoundProblem(`Hearing ${id}`);
    return caseId;
  }

  /** Locks the case row (FOR UPDATE) so that its status cannot change under the command. */
  private async lockCase(
    manager: EntityManager,
    actor: Actor,
    scope: string | null,
    caseId: string,
  ): Promise<ReconsiderationCaseEntity> {
    const locked = await this.workflow.lockCase(manager, actor, caseId);
    if (scope !== null && locked.agencyId !== scope) {
      throw notFoundProblem(`Reconsideration case ${caseId}`);
    }
    return locked;
  }

  private async lockHearing(manager: EntityManager, id: string): Promise<HearingLockRow> {
    const hearing = await this.hearings.lockById(manager, id);
    if (!hearing) throw notFoundProblem(`Hearing ${id}`);
    return hearing;
  }

  /** Everyone on the panel is an active user of the case's agency (404 naming who is not). */
  private async assertPanelOfAgency(
    manager: EntityManager,
    agencyId: string,
    userIds: readonly string[],
  ): Promise<void> {
    const found = await this.hearings.findActiveUserIdsOfAgency(manager, agencyId, userIds);
    const missing = userIds.filter((userId) => !found.has(userId));
    if (missing.length > 0) {
      throw notFoundProblem(`User ${missing.join(', ')} (an active user of the agency)`);
    }
  }

  /**
   * Enqueues `hearing.reminder`, available from the start (00:00, China Standard Time) of the
   * working day before the hearing date — at once when that is already past — and not at all
   * for a hearing that has begun. The payload names the hearing's version: a reschedule,
   * cancellation or record marks the pending reminder superseded (`superseded_at`), and a new
   * one follows a reschedule. Returns when the reminder becomes available, or null.
   */
  private async enqueueReminder(
    manager: EntityManager,
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
  ): Promise<string | null> {
    const now = new Date();
    if (hearing.startsAt.getTime() <= now.getTime()) return null;
    const remindOn = reminderDay(calendar, legalToday(hearing.startsAt));
    if (remindOn === null) return null;
    const dayStart = new Date(`${remindOn}T00:00:00+08:00`);
    const availableAt = dayStart.getTime() > now.getTime() ? dayStart : now;
    await this.hearings.enqueueAt(manager, reviewed.agencyId, 'hearing.reminder', availableAt, {
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
    });
    return toShanghaiIso(availableAt);
  }
}
