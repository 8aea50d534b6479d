import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { isAdmin, type Actor } from '../../common/auth/actor';
import { legalToday } from '../../common/clock/legal-today';
import { checkIfMatch } from '../../common/http/etag';
import { conflictProblem, notFoundProblem } from '../../common/problem/problem';
import { yearOf, type LegalDate } from '../../domain/calendar/legal-date.value';
import { decideCaseCommand } from '../../domain/reconsideration/decide-case-command.rule';
import { planDeadlines } from '../../domain/reconsideration/plan-deadlines.rule';
import type { CaseCommand } from '../../domain/reconsideration/reconsideration-case.types';
import { isUniqueViolation } from '../../database/postgres-errors';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { DeadlinesService, type CaseRef } from '../deadlines/deadlines.service';
import { HearingsRepository } from '../hearings/hearings.repository';
import { OutboxService } from '../outbox/outbox.service';
import { searchTextOf, toCaseFacts } from '../reconsideration/case.mapper';
import { nextNumber } from '../reconsideration/case-numbers';
import { ReconsiderationCaseEntity } from '../reconsideration/reconsideration-case.entity';
import { TimelineService } from '../timeline/timeline.service';
import { refusalProblem } from './refusal-problem';

/** Extra data some commands carry beyond the pure machine's facts. */
export interface CommandExtras {
  caseNumber?: string;
  rejection?: { reason: string; competentBody: string | null };
  opinionHeardHow?: ReconsiderationCaseEntity['opinionHeardHow'];
}

const LOCK_NOT_AVAILABLE = '55P03';
/** While a case is in these states its scheduled hearings stand; leaving them cancels them. */
const IN_REVIEW: readonly string[] = ['under_review', 'suspended'];

/**
 * The only writer of a reconsideration case's status. One transaction per command: lock the
 * row, decide with the pure machine, write state, append the event, recompute deadlines,
 * enqueue outbox messages, record the audit entry.
 */
@Injectable()
export class WorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly deadlines: DeadlinesService,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly hearings: HearingsRepository,
  ) {}

  async execute(
    actor: Actor,
    caseId: string,
    command: CaseCommand,
    extras: CommandExtras = {},
    ifMatch?: string,
  ): Promise<void> {
    try {
      await this.dataSource.transaction((manager) =>
        this.executeIn(manager, actor, caseId, command, extras, ifMatch),
      );
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === LOCK_NOT_AVAILABLE
      ) {
        throw conflictProblem('case-busy', 'Another command on this case is in progress; retry');
      }
      if (isUniqueViolation(error, 'reconsideration_case_case_number_key')) {
        throw conflictProblem('case-number-taken', `The case number ${extras.caseNumber} is taken`);
      }
      throw error;
    }
  }

  /** Loads a case of the actor's agency with a row lock (the system actor sees every agency). */
  async lockCase(manager: EntityManager, actor: Actor, caseId: string) {
    const builder = manager
      .getRepository(ReconsiderationCaseEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :caseId', { caseId });
    if (actor.kind !== 'system' && !isAdmin(actor)) {
      builder.andWhere('c.agencyId = :agencyId', { agencyId: actor.agencyId });
    }
    const entity = await builder.getOne();
    if (!entity) throw notFoundProblem(`Reconsideration case ${caseId}`);
    return entity;
  }

  private async executeIn(
    manager: EntityManager,
    actor: Actor,
    caseId: string,
    command: CaseCommand,
    extras: CommandExtras,
    ifMatch: string | undefined,
  ): Promise<void> {
    await manager.query(`SET LOCAL lock_timeout = '10s'`);
    const entity = await this.lockCase(manager, actor, caseId);
    checkIfMatch(ifMatch, entity.version);
    const calendar = await this.calendars.current();
    const previousStatus = entity.status;
    const decision = decideCaseCommand(toCaseFacts(entity), command, {
      today: legalToday(),
      calendar,
      actorRoles: actor.roles,
      actorId: actor.id,
    });
    if (!decision.ok) throw refusalProblem(decision.refusal, command.type);

    Object.assign(entity, decision.changes);
    if (command.type === 'assign') await this.assertHandler(manager, entity, command.handlerId);
    if (command.type === 'accept' || command.type === 'deem_accept') {
      entity.caseNumber =
        extras.caseNumber ??
        (await nextNumber(
          manager,
          entity.agencyId,
          'case',
          yearOf(entity.acceptedOn as LegalDate),
        ));
      entity.searchText = searchTextOf(entity);
    }
    if (command.type === 'reject') entity.rejection = extras.rejection ?? null;
    if (command.type === 'record_opinion_heard')
      entity.opinionHeardHow = extras.opinionHeardHow ?? null;
    if (command.type === 'reopen')
      entity.opinionHeardHow = entity.opinionHeardOn ? entity.opinionHeardHow : null;

    const leavesReview = IN_REVIEW.includes(previousStatus) && !IN_REVIEW.includes(entity.status);
    const cancelledHearings = leavesReview
      ? await this.hearings.cancelScheduledOfCase(manager, caseId, `the case was ${entity.status}`)
      : [];

    const ref: CaseRef = { caseType: 'reconsideration', caseId, agencyId: entity.agencyId };
    const decisionDueOn = await this.applyDeadlinePlan(manager, ref, entity);
    if (decisionDueOn !== undefined) entity.decisionDueOn = decisionDueOn;
    await manager.save(entity);

    const event = decision.event;
    await this.timeline.append(manager, {
      ...ref,
      type: event.type,
      actor,
      occurredOn: event.occurredOn,
      payload: {
        ...event.payload,
        fromStatus: previousStatus,
        toStatus: entity.status,
        ...extras,
        ...(cancelledHearings.length > 0 ? { cancelledHearings } : {}),
      },
    });
    await this.outbox.enqueue(manager, entity.agencyId, `case.${event.type}`, {
      caseId,
      receiptNumber: entity.receiptNumber,
      caseNumber: entity.caseNumber,
      status: entity.status,
      occurredOn: event.occurredOn,
    });
    await this.audit.record(manager, actor, {
      action: `reconsideration_case.${event.type}`,
      targetType: 'reconsideration_case',
      targetId: caseId,
      agencyId: entity.agencyId,
      summary: { command: command.type, fromStatus: previousStatus, toStatus: entity.status },
    });
  }

  /**
   * Stores the deadlines the case has now. Returns the decision deadline in force when the plan
   * recomputed it (null while paused), undefined when the plan left it alone.
   */
  async applyDeadlinePlan(
    manager: EntityManager,
    ref: CaseRef,
    entity: ReconsiderationCaseEntity,
  ): Promise<LegalDate | null | undefined> {
    const calendar = await this.calendars.current();
    const plan = planDeadlines(toCaseFacts(entity), calendar);
    let decisionDueOn: string | null | undefined;
    for (const input of plan.open) {
      const dueOn = await this.deadlines.save(manager, ref, input, calendar);
      if (input.kind === 'decision') decisionDueOn = dueOn;
    }
    // Done late is stored as met, as before the plan told them apart.
    for (const met of [...plan.met, ...plan.late]) {
      await this.deadlines.close(manager, ref.caseId, met.kind, 'met', met.on);
    }
    for (const kind of plan.cancelled) {
      await this.deadlines.close(manager, ref.caseId, kind, 'cancelled', null);
    }
    return decisionDueOn as LegalDate | null | undefined;
  }

  private async assertHandler(
    manager: EntityManager,
    entity: ReconsiderationCaseEntity,
    handlerId: string,
  ): Promise<void> {
    const [handler] = await manager.query<unknown[]>(
      `SELECT 1 FROM app_user
        WHERE id = $1 AND agency_id = $2 AND active AND roles && ARRAY['clerk', 'head']::text[]`,
      [handlerId, entity.agencyId],
    );
    if (!handler)
      throw notFoundProblem(`Handler ${handlerId} (an active clerk or head of the agency)`);
  }
}
