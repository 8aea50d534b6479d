import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { legalDateOf } from '../../common/clock/legal-date-of';
import { conflictProblem, notFoundProblem, ruleProblem } from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import type { LegalCalendar } from '../../domain/calendar/legal-calendar.model';
import { compareLegalDates, type LegalDate } from '../../domain/calendar/legal-date.value';
import { reminderDay } from '../../domain/hearings/hearing.rules';
import { checkAppearanceNotice } from '../../domain/litigation/court-session-deadlines.rule';
import { officialsArticle } from '../../domain/litigation/litigation-decision.factory';
import { CalendarService } from '../calendar/calendar.service';
import { CommandRunner, type CommandTransaction } from '../commands/command-runner';
import { toShanghaiIso } from '../hearings/hearing.mapper';
import { OutboxRepository } from '../outbox/outbox.repository';
import { lockCaseOfCourtMessage } from './court-message-case';
import { CourtSessionDeadlinePlanner } from './court-session-deadline-planner';
import {
  checkSessionScheduled,
  CourtSessionCommands,
  sessionHappening,
} from './court-session-commands';
import type { CourtSessionEntity } from './court-session.entity';
import { CourtSessionRepository } from './court-session.repository';
import type { LitigationCaseEntity } from './litigation-case.entity';
import { LitigationCaseRepository } from './litigation-case.repository';

/** A session as scheduled by hand or by the court liaison. */
export interface SessionSchedule {
  startsAt: string;
  courtroom: string;
  noticeReceivedOn: string;
  headSummoned: boolean;
}

/** The court's session notice (court liaison), keyed by the court's session id. */
export interface CourtSessionNotice {
  courtSessionId: string;
  startsAt: string;
  courtroom: string;
  headSummoned: boolean;
  /** When the court's notice was served on the agency. */
  noticeServedOn: string;
}

/**
 * Schedules, reschedules and cancels the court sessions of lawsuits, by hand or from the court's
 * notice, each through the command runner: the session's deadlines (identity proof before it, the
 * court's 3-day notice flagged), a reminder the working day before in the outbox, the event on
 * the lawsuit's timeline.
 */
@Injectable()
export class CourtSessionSchedulingService {
  constructor(
    private readonly commands: CommandRunner,
    private readonly sessionCommands: CourtSessionCommands,
    private readonly sessions: CourtSessionRepository,
    private readonly cases: LitigationCaseRepository,
    private readonly calendars: CalendarService,
    private readonly deadlines: CourtSessionDeadlinePlanner,
    private readonly outbox: OutboxRepository,
  ) {}

  /** Schedules a session on a lawsuit; returns its id. */
  schedule(actor: Actor, caseId: string, input: SessionSchedule): Promise<string> {
    return this.commands.run(actor, async (tx) => {
      const litigation = await this.cases.lockForCommand(
        tx.manager,
        TenantScope.forRecords(tx.actor),
        caseId,
      );
      if (!litigation) throw notFoundProblem(`Litigation case ${caseId}`);
      return this.scheduleIn(tx, litigation, input, null);
    });
  }

  /**
   * The court's session notice: creates the session with that court id, or reschedules it when
   * its time, room, summons or notice changed (a repeat changes nothing).
   */
  upsertFromCourt(
    actor: Actor,
    courtCaseNumber: string,
    notice: CourtSessionNotice,
  ): Promise<{ created: boolean; id: string }> {
    return this.commands.run(actor, async (tx) => {
      const litigation = await lockCaseOfCourtMessage(this.cases, tx, courtCaseNumber);
      const schedule = {
        startsAt: notice.startsAt,
        courtroom: notice.courtroom,
        noticeReceivedOn: notice.noticeServedOn,
        headSummoned: notice.headSummoned,
      };
      const existing = await this.sessions.lockByCourtSessionId(
        tx.manager,
        litigation.agencyId,
        notice.courtSessionId,
      );
      if (!existing) {
        const id = await this.scheduleIn(tx, litigation, schedule, notice.courtSessionId);
        return { created: true, id };
      }
      if (existing.caseId !== litigation.id) {
        throw conflictProblem(
          ProblemType.Conflict,
          `The court session ${notice.courtSessionId} belongs to another case`,
        );
      }
      const unchanged =
        existing.startsAt.getTime() === new Date(notice.startsAt).getTime() &&
        existing.courtroom === notice.courtroom.trim() &&
        existing.headSummoned === notice.headSummoned &&
        existing.noticeReceivedOn === notice.noticeServedOn;
      if (!unchanged) await this.rescheduleIn(tx, litigation, existing, schedule);
      return { created: false, id: existing.id };
    });
  }

  async reschedule(
    actor: Actor,
    id: string,
    input: Omit<SessionSchedule, 'courtroom' | 'headSummoned'> &
      Partial<Pick<SessionSchedule, 'courtroom' | 'headSummoned'>>,
    ifMatch?: string,
  ): Promise<void> {
    await this.sessionCommands.run(actor, id, ifMatch, async (tx, { session, litigation }) => {
      checkSessionScheduled(session, 'reschedule');
      await this.rescheduleIn(tx, litigation, session, {
        startsAt: input.startsAt,
        noticeReceivedOn: input.noticeReceivedOn,
        courtroom: input.courtroom ?? session.courtroom,
        headSummoned: input.headSummoned ?? session.headSummoned,
      });
    });
  }

  async cancel(actor: Actor, id: string, reason: string, ifMatch?: string): Promise<void> {
    await this.sessionCommands.run(actor, id, ifMatch, async (tx, { session, litigation }) => {
      checkSessionScheduled(session, 'cancel');
      session.status = 'cancelled';
      session.cancelReason = reason.trim();
      await this.sessions.save(tx.manager, session);
      const withdrawn = await this.outbox.supersedeCourtSessionReminders(tx.manager, id);
      await this.deadlines.replanIn(tx, session, null);
      const facts = {
        sessionId: id,
        caseId: litigation.id,
        courtCaseNumber: litigation.courtCaseNumber,
        startsAt: toShanghaiIso(session.startsAt),
        reason: session.cancelReason,
      };
      tx.record({
        ...sessionHappening(session, litigation),
        type: 'court_session.cancelled',
        occurredOn: tx.today,
        payload: facts,
        audit: { ...facts, remindersWithdrawn: withdrawn },
      });
    });
  }

  private async scheduleIn(
    tx: CommandTransaction,
    litigation: LitigationCaseEntity,
    input: SessionSchedule,
    courtSessionId: string | null,
  ): Promise<string> {
    if (litigation.status === 'closed') {
      throw conflictProblem(
        ProblemType.Conflict,
        `the lawsuit ${litigation.courtCaseNumber} is closed: no session can be scheduled`,
      );
    }
    const calendar = await this.calendars.currentIn(tx.manager);
    const timing = this.timing(tx, calendar, input);
    const session = this.sessions.create(tx.manager, {
      agencyId: litigation.agencyId,
      caseId: litigation.id,
      courtSessionId,
      startsAt: timing.startsAt,
      sessionOn: timing.sessionOn,
      courtroom: input.courtroom.trim(),
      noticeReceivedOn: timing.noticeReceivedOn,
      shortNotice: timing.notice.shortNotice,
      headSummoned: input.headSummoned,
      status: 'scheduled',
      heldOn: null,
      cancelReason: null,
    });
    await this.sessions.save(tx.manager, session);
    await this.deadlines.replanIn(tx, session, calendar);
    const reminderAt = this.remind(tx, calendar, session, litigation);
    const facts = {
      sessionId: session.id,
      caseId: litigation.id,
      courtCaseNumber: litigation.courtCaseNumber,
      courtSessionId,
      startsAt: toShanghaiIso(session.startsAt),
      courtroom: session.courtroom,
      noticeReceivedOn: session.noticeReceivedOn,
      headSummoned: session.headSummoned,
      shortNotice: session.shortNotice,
    };
    tx.record({
      ...sessionHappening(session, litigation),
      type: 'court_session.scheduled',
      occurredOn: session.noticeReceivedOn,
      payload: {
        ...facts,
        noticeDays: timing.notice.days,
        earliestSessionOn: timing.notice.earliestSessionOn,
        basis: timing.notice.basis,
      },
      message: facts,
      audit: { ...facts, reminderAt },
    });
    return session.id;
  }

  private async rescheduleIn(
    tx: CommandTransaction,
    litigation: LitigationCaseEntity,
    session: CourtSessionEntity,
    input: SessionSchedule,
  ): Promise<void> {
    checkSessionScheduled(session, 'reschedule');
    const calendar = await this.calendars.currentIn(tx.manager);
    const timing = this.timing(tx, calendar, input);
    const from = {
      startsAt: toShanghaiIso(session.startsAt),
      courtroom: session.courtroom,
      noticeReceivedOn: session.noticeReceivedOn,
      headSummoned: session.headSummoned,
    };
    Object.assign(session, {
      startsAt: timing.startsAt,
      sessionOn: timing.sessionOn,
      noticeReceivedOn: timing.noticeReceivedOn,
      shortNotice: timing.notice.shortNotice,
      courtroom: input.courtroom.trim(),
      headSummoned: input.headSummoned,
    });
    await this.sessions.save(tx.manager, session);
    const withdrawn = await this.outbox.supersedeCourtSessionReminders(tx.manager, session.id);
    await this.deadlines.replanIn(tx, session, calendar);
    const reminderAt = this.remind(tx, calendar, session, litigation);
    const to = {
      startsAt: toShanghaiIso(session.startsAt),
      courtroom: session.courtroom,
      noticeReceivedOn: session.noticeReceivedOn,
      headSummoned: session.headSummoned,
    };
    const facts = {
      sessionId: session.id,
      caseId: litigation.id,
      courtCaseNumber: litigation.courtCaseNumber,
      from,
      to,
      shortNotice: session.shortNotice,
    };
    tx.record({
      ...sessionHappening(session, litigation),
      type: 'court_session.rescheduled',
      occurredOn: session.noticeReceivedOn,
      payload: { ...facts, earliestSessionOn: timing.notice.earliestSessionOn },
      message: facts,
      audit: { ...facts, remindersWithdrawn: withdrawn, reminderAt },
    });
  }

  /** The session's date and the notice check (short notice is flagged, never refused). */
  private timing(tx: CommandTransaction, calendar: LegalCalendar, input: SessionSchedule) {
    const startsAt = new Date(input.startsAt);
    const sessionOn = legalDateOf(startsAt);
    const noticeReceivedOn = input.noticeReceivedOn as LegalDate;
    if (compareLegalDates(noticeReceivedOn, tx.today) > 0) {
      throw ruleProblem(
        'date_in_future',
        officialsArticle('第五条第二款'),
        `the notice received on ${noticeReceivedOn} is after today (${tx.today}): a legal date records what has already happened`,
      );
    }
    const notice = checkAppearanceNotice(calendar, { noticeReceivedOn, sessionOn });
    return { startsAt, sessionOn, noticeReceivedOn, notice };
  }

  /** `court_session.reminder`, available from 00:00 of the working day before the session. */
  private remind(
    tx: CommandTransaction,
    calendar: LegalCalendar,
    session: CourtSessionEntity,
    litigation: LitigationCaseEntity,
  ): string | null {
    if (session.startsAt.getTime() <= tx.now.getTime()) return null;
    const remindOn = reminderDay(calendar, session.sessionOn);
    if (remindOn === null) return null;
    const dayStart = new Date(`${remindOn}T00:00:00+08:00`);
    const availableAt = dayStart.getTime() > tx.now.getTime() ? dayStart : tx.now;
    tx.notify({
      agencyId: session.agencyId,
      topic: 'court_session.reminder',
      availableAt,
      aggregate: { type: 'court_session', id: session.id },
      payload: {
        sessionId: session.id,
        sessionVersion: session.version,
        caseId: litigation.id,
        courtCaseNumber: litigation.courtCaseNumber,
        startsAt: toShanghaiIso(session.startsAt),
        courtroom: session.courtroom,
        headSummoned: session.headSummoned,
        remindOn,
      },
    });
    return toShanghaiIso(availableAt);
  }
}
