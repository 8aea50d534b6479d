import { Injectable } from '@nestjs/common';
import { legalDateOf } from '../../common/clock/legal-date-of';
import type { Actor } from '../../common/auth/actor';
import { checkIfMatch } from '../../common/http/etag';
import { conflictProblem, notFoundProblem } from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import type { LegalCalendar } from '../../domain/calendar/legal-calendar.model';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import {
  caseEffectsOfHeldHearing,
  checkCaseUnderReview,
  checkNotice,
  checkRecord,
  checkScheduled,
  normaliseLocation,
  panelSeats,
} from '../../domain/hearings/hearing.rules';
import { CalendarService } from '../calendar/calendar.service';
import { CommandRunner, type CommandTransaction } from '../commands/command-runner';
import { unwrapHearing as unwrap } from '../commands/refusal-problems';
import { UserRepository } from '../identity/user.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import type { ReconsiderationCaseEntity } from '../reconsideration/reconsideration-case.entity';
import { ReconsiderationCaseRepository } from '../reconsideration/reconsideration-case.repository';
import type {
  CancelHearingDto,
  RecordHearingDto,
  RescheduleHearingDto,
} from './dto/hearing-commands.dto';
import type { ScheduleHearingDto } from './dto/schedule-hearing.dto';
import { clashProblem } from './hearing-clash';
import { toShanghaiIso } from './hearing.mapper';
import { remindBeforeHearing } from './hearing-reminder';
import { HearingRepository, type Booking, type HearingLockRow } from './hearing.repository';

/**
 * The commands on hearings (听证) and hearings of opinions (听取意见), each through the command
 * runner: lock the case (then the hearing), check the pure rules (hearing.rules.ts), write the
 * hearing and its panel's bookings, record what happened. Double booking is refused by exclusion
 * constraints in PostgreSQL, so it holds under concurrent scheduling; the clash is named after.
 */
@Injectable()
export class HearingCommandsService {
  constructor(
    private readonly commands: CommandRunner,
    private readonly hearings: HearingRepository,
    private readonly cases: ReconsiderationCaseRepository,
    private readonly users: UserRepository,
    private readonly outbox: OutboxRepository,
    private readonly calendars: CalendarService,
  ) {}

  /** Schedules a hearing on a case under review; returns its id. */
  async schedule(actor: Actor, caseId: string, input: ScheduleHearingDto): Promise<string> {
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
    return this.run(actor, booking, async (tx) => {
      const reviewed = await this.lockCase(tx, caseId);
      booking.agencyId = reviewed.agencyId;
      unwrap(checkCaseUnderReview(reviewed.status));
      const calendar = await this.calendars.currentIn(tx.manager);
      const earliestOn = this.checkNotice(tx, calendar, reviewed, noticeOn, startsAt);
      await this.assertPanelOfAgency(tx, reviewed.agencyId, booking.userIds);
      const hearingId = await this.hearings.insert(tx.manager, {
        agencyId: reviewed.agencyId,
        caseId,
        kind: input.kind,
        startsAt,
        endsAt,
        location: booking.location,
        noticeOn,
        matters: input.matters.trim(),
      });
      await this.hearings.insertParticipants(tx.manager, hearingId, seats, startsAt, endsAt);
      const facts = {
        hearingId,
        kind: input.kind,
        startsAt: toShanghaiIso(startsAt),
        endsAt: toShanghaiIso(endsAt),
        location: booking.location,
        noticeOn,
      };
      const reminderAt = remindBeforeHearing(tx, calendar, reviewed, {
        hearingId,
        version: 1,
        kind: input.kind,
        startsAt,
        location: booking.location,
        participantIds: booking.userIds,
      });
      tx.record({
        aggregate: { type: 'hearing', id: hearingId, agencyId: reviewed.agencyId },
        timeline: { caseType: 'reconsideration', caseId },
        type: 'hearing.scheduled',
        occurredOn: noticeOn,
        payload: {
          ...facts,
          earliestHearingOn: earliestOn,
          presidingOfficerId: input.presidingOfficerId,
          panelMemberIds: input.panelMemberIds ?? [],
          recorderId: input.recorderId,
        },
        message: {
          ...facts,
          caseId,
          caseNumber: reviewed.caseNumber,
          participantIds: booking.userIds,
        },
        audit: { caseId, ...facts, reminderAt },
      });
      return hearingId;
    });
  }

  async reschedule(
    actor: Actor,
    id: string,
    input: RescheduleHearingDto,
    ifMatch: string | undefined,
  ): Promise<void> {
    const caseId = await this.caseIdOf(actor, id);
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
    await this.run(actor, booking, async (tx) => {
      const reviewed = await this.lockCase(tx, caseId);
      const hearing = await this.lockHearing(tx, id, ifMatch);
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
        userIds: await this.hearings.participantIdsOf(tx.manager, id),
      });
      const calendar = await this.calendars.currentIn(tx.manager);
      const earliestOn = this.checkNotice(tx, calendar, reviewed, noticeOn, startsAt);
      await this.hearings.move(tx.manager, id, {
        startsAt,
        endsAt: booking.endsAt,
        location: booking.location,
        noticeOn,
      });
      const withdrawn = await this.outbox.supersedeHearingReminders(tx.manager, id);
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
      const reminderAt = remindBeforeHearing(tx, calendar, reviewed, {
        hearingId: id,
        version: hearing.version + 1,
        kind: hearing.kind,
        startsAt,
        location: booking.location,
        participantIds: booking.userIds,
      });
      tx.record({
        aggregate: { type: 'hearing', id, agencyId: hearing.agency_id },
        timeline: { caseType: 'reconsideration', caseId },
        type: 'hearing.rescheduled',
        occurredOn: noticeOn,
        payload: { hearingId: id, kind: hearing.kind, from, to, earliestHearingOn: earliestOn },
        message: {
          hearingId: id,
          caseId,
          caseNumber: reviewed.caseNumber,
          kind: hearing.kind,
          from,
          to,
          participantIds: booking.userIds,
        },
        audit: { caseId, from, to, remindersWithdrawn: withdrawn, reminderAt },
      });
    });
  }

  async cancel(
    actor: Actor,
    id: string,
    input: CancelHearingDto,
    ifMatch: string | undefined,
  ): Promise<void> {
    const caseId = await this.caseIdOf(actor, id);
    await this.run(actor, null, async (tx) => {
      const hearing = await this.lockHearing(tx, id, ifMatch);
      unwrap(checkScheduled(hearing.status, 'cancel'));
      const reason = input.reason.trim();
      await this.hearings.cancel(tx.manager, id, reason);
      const withdrawn = await this.outbox.supersedeHearingReminders(tx.manager, id);
      const facts = {
        hearingId: id,
        kind: hearing.kind,
        startsAt: toShanghaiIso(hearing.starts_at),
        location: hearing.location,
        reason,
      };
      tx.record({
        aggregate: { type: 'hearing', id, agencyId: hearing.agency_id },
        timeline: { caseType: 'reconsideration', caseId },
        type: 'hearing.cancelled',
        occurredOn: tx.today,
        payload: facts,
        message: {
          ...facts,
          caseId,
          participantIds: await this.hearings.participantIdsOf(tx.manager, id),
        },
        audit: { caseId, ...facts, remindersWithdrawn: withdrawn },
      });
    });
  }

  async record(
    actor: Actor,
    id: string,
    input: RecordHearingDto,
    ifMatch: string | undefined,
  ): Promise<void> {
    const caseId = await this.caseIdOf(actor, id);
    await this.run(actor, null, async (tx) => {
      const reviewed = await this.lockCase(tx, caseId);
      const hearing = await this.lockHearing(tx, id, ifMatch);
      unwrap(checkScheduled(hearing.status, 'record'));
      unwrap(checkCaseUnderReview(reviewed.status));
      const heldOn = input.heldOn as LegalDate;
      const attendance = input.respondentAttendance;
      const respondentAttendance = unwrap(
        checkRecord({
          heldOn,
          hearingOn: legalDateOf(hearing.starts_at),
          today: tx.today,
          respondentAttendance: {
            attended: attendance.attended,
            personName: attendance.personName,
            title: attendance.title,
            delegateName: attendance.delegateName ?? null,
            reason: attendance.reason ?? null,
          },
        }),
      );
      await this.hearings.recordHeld(tx.manager, id, {
        heldOn,
        applicantAttended: input.applicantAttended,
        respondentAttendance,
        notes: input.notes?.trim() ? input.notes.trim() : null,
      });
      const effects = caseEffectsOfHeldHearing({
        kind: hearing.kind,
        heldOn,
        applicantAttended: input.applicantAttended,
        opinionHeardOn: reviewed.opinionHeardOn,
      });
      const onCase =
        effects.hearingsHeldIncrement > 0 || effects.opinionHeardOn !== null
          ? await this.cases.recordHeldHearing(tx.manager, caseId, effects)
          : null;
      const withdrawn = await this.outbox.supersedeHearingReminders(tx.manager, id);
      const facts = {
        hearingId: id,
        kind: hearing.kind,
        heldOn,
        location: hearing.location,
        applicantAttended: input.applicantAttended,
        respondentAttendance,
        opinionHeardRecorded: effects.opinionHeardOn !== null,
        hearingsHeld: onCase?.hearingsHeld ?? reviewed.hearingsHeld,
      };
      tx.record({
        aggregate: { type: 'hearing', id, agencyId: hearing.agency_id },
        timeline: { caseType: 'reconsideration', caseId },
        type: 'hearing.held',
        occurredOn: heldOn,
        payload: facts,
        message: { ...facts, caseId, caseNumber: reviewed.caseNumber },
        audit: { caseId, ...facts, remindersWithdrawn: withdrawn },
      });
    });
  }

  /** A command on a booking: an exclusion violation becomes 409 naming the clashing hearing. */
  private run<T>(
    actor: Actor,
    booking: Booking | null,
    work: (tx: CommandTransaction) => Promise<T>,
  ): Promise<T> {
    return this.commands.run(actor, work, {
      onExclusion: async (constraint) =>
        booking === null
          ? conflictProblem(ProblemType.HearingClash, 'The booking clashes with another hearing')
          : clashProblem(this.hearings, booking, constraint),
    });
  }

  /** 第五十一条: the written notice at least 5 working days before; returns the earliest day. */
  private checkNotice(
    tx: CommandTransaction,
    calendar: LegalCalendar,
    reviewed: ReconsiderationCaseEntity,
    noticeOn: LegalDate,
    startsAt: Date,
  ): LegalDate {
    return unwrap(
      checkNotice(calendar, {
        noticeOn,
        hearingOn: legalDateOf(startsAt),
        acceptedOn: reviewed.acceptedOn,
        today: tx.today,
      }),
    );
  }

  private async caseIdOf(actor: Actor, id: string): Promise<string> {
    const caseId = await this.hearings.findCaseIdInScope(TenantScope.forRecords(actor), id);
    if (!caseId) throw notFoundProblem(`Hearing ${id}`);
    return caseId;
  }

  /** Locks the case row (FOR UPDATE) so that its status cannot change under the command. */
  private async lockCase(tx: CommandTransaction, caseId: string) {
    const scope = TenantScope.forRecords(tx.actor);
    const locked = await this.cases.lockForCommand(tx.manager, scope, caseId);
    if (!locked) throw notFoundProblem(`Reconsideration case ${caseId}`);
    return locked;
  }

  private async lockHearing(
    tx: CommandTransaction,
    id: string,
    ifMatch: string | undefined,
  ): Promise<HearingLockRow> {
    const hearing = await this.hearings.lockById(tx.manager, id);
    if (!hearing) throw notFoundProblem(`Hearing ${id}`);
    checkIfMatch(ifMatch, hearing.version);
    return hearing;
  }

  /** Everyone on the panel is an active user of the case's agency (404 naming who is not). */
  private async assertPanelOfAgency(
    tx: CommandTransaction,
    agencyId: string,
    userIds: readonly string[],
  ): Promise<void> {
    const found = await this.users.activeIdsOfAgency(tx.manager, agencyId, userIds);
    const missing = userIds.filter((userId) => !found.has(userId));
    if (missing.length > 0) {
      throw notFoundProblem(`User ${missing.join(', ')} (an active user of the agency)`);
    }
  }
}
