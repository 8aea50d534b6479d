import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { legalDateOf } from '../../common/clock/legal-date-of';
import { checkIfMatch } from '../../common/http/etag';
import {
  conflictProblem,
  notFoundProblem,
  ProblemException,
  ruleProblem,
  validationProblem,
} from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import type { LegalCalendar } from '../../domain/calendar/legal-calendar.model';
import { compareLegalDates, type LegalDate } from '../../domain/calendar/legal-date.value';
import { reminderDay } from '../../domain/hearings/hearing.rules';
import { appearancePlanIssues } from '../../domain/litigation/appearance-plan-issues.rule';
import {
  appearanceDuty,
  classifyAppearance,
  validateAppearancePlan,
  validateAppearanceRecord,
  type AppearancePlanInput,
  type AppearanceRecordInput,
} from '../../domain/litigation/court-appearance.rule';
import {
  checkAppearanceNotice,
  planSessionDeadlines,
} from '../../domain/litigation/court-session-deadlines.rule';
import { officialsArticle } from '../../domain/litigation/litigation-decision.factory';
import { CalendarService } from '../calendar/calendar.service';
import { CommandRunner, type CommandTransaction } from '../commands/command-runner';
import { unwrapAppearance } from '../commands/refusal-problems';
import { DeadlinePlanService } from '../deadlines/deadline-plan.service';
import { toShanghaiIso } from '../hearings/hearing.mapper';
import { OutboxRepository } from '../outbox/outbox.repository';
import { lockCaseOfCourtMessage } from './court-message-case';
import type { CourtAppearanceEntity } from './court-appearance.entity';
import type { CourtSessionEntity } from './court-session.entity';
import { CourtSessionRepository } from './court-session.repository';
import type { LitigationCaseEntity } from './litigation-case.entity';
import { LitigationCaseRepository, type DefendantView } from './litigation-case.repository';

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

const APPEARANCE_BASIS = officialsArticle('第五条、第六条');

/**
 * Court sessions of lawsuits and who appears for each defendant (负责人出庭应诉规定), each command
 * through the command runner: the session's deadlines (identity proof before it, the court's
 * 3-day notice flagged), a reminder the working day before in the outbox, the event on the
 * lawsuit's timeline.
 */
@Injectable()
export class CourtSessionsService {
  constructor(
    private readonly commands: CommandRunner,
    private readonly sessions: CourtSessionRepository,
    private readonly cases: LitigationCaseRepository,
    private readonly calendars: CalendarService,
    private readonly deadlinePlans: DeadlinePlanService,
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
    await this.commands.run(actor, async (tx) => {
      const { session, litigation } = await this.lock(tx, id, ifMatch);
      this.checkScheduled(session, 'reschedule');
      await this.rescheduleIn(tx, litigation, session, {
        startsAt: input.startsAt,
        noticeReceivedOn: input.noticeReceivedOn,
        courtroom: input.courtroom ?? session.courtroom,
        headSummoned: input.headSummoned ?? session.headSummoned,
      });
    });
  }

  async cancel(actor: Actor, id: string, reason: string, ifMatch?: string): Promise<void> {
    await this.commands.run(actor, async (tx) => {
      const { session, litigation } = await this.lock(tx, id, ifMatch);
      this.checkScheduled(session, 'cancel');
      session.status = 'cancelled';
      session.cancelReason = reason.trim();
      await this.sessions.save(tx.manager, session);
      const withdrawn = await this.outbox.supersedeCourtSessionReminders(tx.manager, id);
      await this.planDeadlines(tx, session, null);
      const facts = {
        sessionId: id,
        caseId: litigation.id,
        courtCaseNumber: litigation.courtCaseNumber,
        startsAt: toShanghaiIso(session.startsAt),
        reason: session.cancelReason,
      };
      tx.record({
        aggregate: { type: 'court_session', id, agencyId: session.agencyId },
        timeline: { caseType: 'litigation', caseId: litigation.id },
        type: 'court_session.cancelled',
        occurredOn: tx.today,
        payload: facts,
        audit: { ...facts, remindersWithdrawn: withdrawn },
      });
    });
  }

  /** The plan of who appears for one defendant (负责人出庭应诉规定 第五条–第十条). */
  async putPlan(
    actor: Actor,
    id: string,
    input: AppearancePlanInput & { defendantAgencyId?: string },
    ifMatch?: string,
  ): Promise<string> {
    return this.commands.run(actor, async (tx) => {
      const { session, litigation } = await this.lock(tx, id, ifMatch);
      this.checkScheduled(session, 'plan the appearance at');
      const defendant = await this.defendantOf(tx, litigation, input.defendantAgencyId);
      const plan = unwrapAppearance(validateAppearancePlan(input, tx.today));
      const row = await this.appearanceRow(tx, session, defendant);
      Object.assign(row, {
        planned: true,
        planOfficial: plan.official,
        identityProofFiledOn: plan.identityProofFiledOn,
        planAbsenceReason: plan.absenceReason,
        planAbsenceProofSealed: plan.absenceProofSealed,
        planStaff: plan.staff,
      });
      await this.sessions.saveAppearance(tx.manager, row);
      await this.touch(tx, session);
      await this.planDeadlines(tx, session, null);
      const issues = appearancePlanIssues(plan, {
        headSummoned: session.headSummoned,
        headSummonRequired: litigation.headSummonRequired,
      });
      tx.record({
        aggregate: { type: 'court_session', id, agencyId: session.agencyId },
        timeline: { caseType: 'litigation', caseId: litigation.id },
        type: 'court_session.appearance_planned',
        occurredOn: plan.identityProofFiledOn,
        payload: {
          sessionId: id,
          defendantAgencyId: defendant.agencyId,
          official: plan.official,
          identityProofFiledOn: plan.identityProofFiledOn,
          absenceReason: plan.absenceReason,
          absenceProofSealed: plan.absenceProofSealed,
          staff: plan.staff,
          issues: issues.map((issue) => issue.code),
        },
      });
      return defendant.agencyId;
    });
  }

  /**
   * The record of what happened for one defendant: always accepted when well formed (it is a
   * fact) and classified; the session becomes held.
   */
  async putRecord(
    actor: Actor,
    id: string,
    input: AppearanceRecordInput & { defendantAgencyId?: string },
    ifMatch?: string,
  ): Promise<string> {
    return this.commands.run(actor, async (tx) => {
      const { session, litigation } = await this.lock(tx, id, ifMatch);
      if (session.status === 'cancelled') {
        throw new ProblemException({
          type: ProblemType.IllegalTransition,
          detail: 'the session was cancelled: no appearance can be recorded at it',
          rule: 'illegal_transition',
          extensions: { currentStatus: session.status, allowedCommands: [] },
        });
      }
      const defendant = await this.defendantOf(tx, litigation, input.defendantAgencyId);
      const record = unwrapAppearance(validateAppearanceRecord(input, tx.today));
      if (compareLegalDates(record.heldOn, session.noticeReceivedOn) < 0) {
        throw ruleProblem(
          'dates_out_of_order',
          APPEARANCE_BASIS,
          `the session held on ${record.heldOn} cannot precede the court's notice received on ${session.noticeReceivedOn}`,
        );
      }
      const classification = classifyAppearance(record);
      const row = await this.appearanceRow(tx, session, defendant);
      Object.assign(row, {
        heldOn: record.heldOn,
        appeared: record.appeared,
        official: record.official,
        officialRank: record.official?.rank ?? null,
        absenceReason: record.absenceReason,
        absenceExplanation: record.absenceExplanation,
        absenceProofSealed: record.absenceProofSealed,
        staff: record.staff,
        lawyerOnly: record.lawyerOnly,
        spokeOnMerits: record.spokeOnMerits,
        classification,
        recordedAt: tx.now,
      });
      await this.sessions.saveAppearance(tx.manager, row);
      session.status = 'held';
      session.heldOn = record.heldOn;
      await this.sessions.save(tx.manager, session);
      const withdrawn = await this.outbox.supersedeCourtSessionReminders(tx.manager, id);
      await this.planDeadlines(tx, session, null);
      const duty = await this.dutyOf(tx, litigation, defendant);
      const facts = {
        sessionId: id,
        caseId: litigation.id,
        courtCaseNumber: litigation.courtCaseNumber,
        defendantAgencyId: defendant.agencyId,
        heldOn: record.heldOn,
        classification,
        officialRank: record.official?.rank ?? null,
        absenceReason: record.absenceReason,
        spokeOnMerits: record.spokeOnMerits,
      };
      tx.record({
        aggregate: { type: 'court_session', id, agencyId: session.agencyId },
        timeline: { caseType: 'litigation', caseId: litigation.id },
        type: 'court_session.appearance_recorded',
        occurredOn: record.heldOn,
        payload: { ...facts, official: record.official, staff: record.staff, duty },
        message: facts,
        audit: { ...facts, remindersWithdrawn: withdrawn },
      });
      return defendant.agencyId;
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
    await this.planDeadlines(tx, session, calendar);
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
      aggregate: { type: 'court_session', id: session.id, agencyId: session.agencyId },
      timeline: { caseType: 'litigation', caseId: litigation.id },
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
    this.checkScheduled(session, 'reschedule');
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
    await this.planDeadlines(tx, session, calendar);
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
      aggregate: { type: 'court_session', id: session.id, agencyId: session.agencyId },
      timeline: { caseType: 'litigation', caseId: litigation.id },
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

  /**
   * The session's deadlines: identity_proof (第六条; met when every defendant's plan naming who
   * appears records the proof filed), appearance_notice (第五条, judged at once: met, or
   * overdue for a short notice — the court's act, flagged).
   */
  private async planDeadlines(
    tx: CommandTransaction,
    session: CourtSessionEntity,
    known: LegalCalendar | null,
  ): Promise<void> {
    const calendar = known ?? (await this.calendars.currentIn(tx.manager));
    const rows = await this.sessions.appearancesOf([session.id], tx.manager);
    const named = rows.filter((row) => row.planned && (row.planOfficial || row.planStaff));
    const filed = named.map((row) => row.identityProofFiledOn);
    const identityProofFiledOn =
      named.length > 0 && filed.every((on) => on !== null)
        ? ([...filed].sort().at(-1) as LegalDate)
        : null;
    const ref = {
      caseType: 'court_session' as const,
      caseId: session.id,
      agencyId: session.agencyId,
    };
    await this.deadlinePlans.apply(
      tx.manager,
      ref,
      planSessionDeadlines({
        status: session.status,
        sessionOn: session.sessionOn,
        identityProofFiledOn,
      }),
      calendar,
    );
    const notice = checkAppearanceNotice(calendar, {
      noticeReceivedOn: session.noticeReceivedOn,
      sessionOn: session.sessionOn,
    });
    const done = [{ kind: notice.input.kind, on: session.sessionOn, input: notice.input }];
    await this.deadlinePlans.apply(
      tx.manager,
      ref,
      {
        open: [],
        met: notice.shortNotice ? [] : done,
        late: notice.shortNotice ? done : [],
        cancelled: [],
        awaiting: [],
      },
      calendar,
    );
  }

  /** 第七条: the duty of this defendant in this instance, over its held sessions. */
  private async dutyOf(
    tx: CommandTransaction,
    litigation: LitigationCaseEntity,
    defendant: DefendantView,
  ) {
    const sessions = await this.sessions.list({
      scope: TenantScope.of(litigation.agencyId),
      caseId: litigation.id,
      status: 'held',
      after: null,
      limit: 500,
    });
    const rows = await this.sessions.appearancesOf(
      sessions.map((s) => s.id),
      tx.manager,
    );
    return appearanceDuty(
      rows
        .filter((row) => row.defendantId === defendant.id && row.classification && row.heldOn)
        .map((row) => ({
          heldOn: row.heldOn as LegalDate,
          headSummoned: sessions.find((s) => s.id === row.sessionId)?.head_summoned ?? false,
          classification: row.classification as NonNullable<
            CourtAppearanceEntity['classification']
          >,
        })),
    );
  }

  private async appearanceRow(
    tx: CommandTransaction,
    session: CourtSessionEntity,
    defendant: DefendantView,
  ): Promise<CourtAppearanceEntity> {
    return (
      (await this.sessions.lockAppearance(tx.manager, session.id, defendant.id)) ??
      this.sessions.createAppearance(tx.manager, {
        tenantId: session.agencyId,
        sessionId: session.id,
        caseId: session.caseId,
        defendantId: defendant.id,
        defendantAgencyId: defendant.agencyId,
        planned: false,
        planAbsenceProofSealed: false,
      })
    );
  }

  /** The defendant named, or the case's only one (400 when it has several and none is named). */
  private async defendantOf(
    tx: CommandTransaction,
    litigation: LitigationCaseEntity,
    agencyId: string | undefined,
  ): Promise<DefendantView> {
    const defendants = await this.cases.defendantsOf(litigation.id, tx.manager);
    if (agencyId === undefined) {
      if (defendants.length === 1) return defendants[0];
      throw validationProblem([
        {
          field: 'defendantAgencyId',
          message: `the case has ${defendants.length} defendants: name whose appearance this is`,
        },
      ]);
    }
    const found = defendants.find((defendant) => defendant.agencyId === agencyId);
    if (!found) throw notFoundProblem(`Defendant agency ${agencyId} of the case`);
    return found;
  }

  private checkScheduled(session: CourtSessionEntity, what: string): void {
    if (session.status !== 'scheduled') {
      throw new ProblemException({
        type: ProblemType.IllegalTransition,
        detail: `cannot ${what} a session that is ${session.status}; only a scheduled session`,
        rule: 'illegal_transition',
        extensions: { currentStatus: session.status, allowedCommands: [] },
      });
    }
  }

  /** Bumps the session's version (its ETag) when only its appearance rows changed. */
  private async touch(tx: CommandTransaction, session: CourtSessionEntity): Promise<void> {
    session.updatedAt = tx.now;
    await this.sessions.save(tx.manager, session);
  }

  private async lock(tx: CommandTransaction, id: string, ifMatch: string | undefined) {
    const scope = TenantScope.forRecords(tx.actor);
    const caseId = await this.sessions.caseIdInScope(scope, id);
    if (!caseId) throw notFoundProblem(`Court session ${id}`);
    // The lawsuit first, then the session: the order every command on the case takes.
    const litigation = await this.cases.lockForCommand(tx.manager, scope, caseId);
    const session = await this.sessions.lockForCommand(tx.manager, scope, id);
    if (!litigation || !session) throw notFoundProblem(`Court session ${id}`);
    checkIfMatch(ifMatch, session.version);
    return { session, litigation };
  }
}
