import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import {
  notFoundProblem,
  ProblemException,
  ruleProblem,
  validationProblem,
} from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { compareLegalDates, type LegalDate } from '../../domain/calendar/legal-date.value';
import { appearancePlanIssues } from '../../domain/litigation/appearance-plan-issues.rule';
import {
  appearanceDuty,
  classifyAppearance,
  validateAppearancePlan,
  validateAppearanceRecord,
  type AppearancePlanInput,
  type AppearanceRecordInput,
} from '../../domain/litigation/court-appearance.rule';
import { officialsArticle } from '../../domain/litigation/litigation-decision.factory';
import type { CommandTransaction } from '../commands/command-runner';
import { unwrapAppearance } from '../commands/refusal-problems';
import { OutboxRepository } from '../outbox/outbox.repository';
import type { CourtAppearanceEntity } from './court-appearance.entity';
import { CourtSessionDeadlinePlanner } from './court-session-deadline-planner';
import {
  checkSessionScheduled,
  CourtSessionCommands,
  sessionHappening,
} from './court-session-commands';
import type { CourtSessionEntity } from './court-session.entity';
import { CourtSessionRepository } from './court-session.repository';
import type { LitigationCaseEntity } from './litigation-case.entity';
import { LitigationCaseRepository, type DefendantView } from './litigation-case.repository';

const APPEARANCE_BASIS = officialsArticle('第五条、第六条');

/**
 * Who appears for each defendant at a court session (负责人出庭应诉规定): the plan before it and
 * the record of what happened, each through the command runner, with the session's deadlines
 * replanned and the event on the lawsuit's timeline.
 */
@Injectable()
export class CourtAppearancesService {
  constructor(
    private readonly sessionCommands: CourtSessionCommands,
    private readonly sessions: CourtSessionRepository,
    private readonly cases: LitigationCaseRepository,
    private readonly deadlines: CourtSessionDeadlinePlanner,
    private readonly outbox: OutboxRepository,
  ) {}

  /** The plan of who appears for one defendant (负责人出庭应诉规定 第五条–第十条). */
  async putPlan(
    actor: Actor,
    id: string,
    input: AppearancePlanInput & { defendantAgencyId?: string },
    ifMatch?: string,
  ): Promise<string> {
    return this.sessionCommands.run(actor, id, ifMatch, async (tx, { session, litigation }) => {
      checkSessionScheduled(session, 'plan the appearance at');
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
      await this.deadlines.replanIn(tx, session, null);
      const issues = appearancePlanIssues(plan, {
        headSummoned: session.headSummoned,
        headSummonRequired: litigation.headSummonRequired,
      });
      tx.record({
        ...sessionHappening(session, litigation),
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
    return this.sessionCommands.run(actor, id, ifMatch, async (tx, { session, litigation }) => {
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
      await this.deadlines.replanIn(tx, session, null);
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
        ...sessionHappening(session, litigation),
        type: 'court_session.appearance_recorded',
        occurredOn: record.heldOn,
        payload: { ...facts, official: record.official, staff: record.staff, duty },
        message: facts,
        audit: { ...facts, remindersWithdrawn: withdrawn },
      });
      return defendant.agencyId;
    });
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

  /** Bumps the session's version (its ETag) when only its appearance rows changed. */
  private async touch(tx: CommandTransaction, session: CourtSessionEntity): Promise<void> {
    session.updatedAt = tx.now;
    await this.sessions.save(tx.manager, session);
  }
}
