import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isAdmin, scopeAgencyId, type Actor } from '../../common/auth/actor';
import { legalToday } from '../../common/clock/legal-today';
import { checkIfMatch } from '../../common/http/etag';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor';
import { notFoundProblem, validationProblem, type FieldError } from '../../common/problem/problem';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { yearOf, type LegalDate } from '../../domain/calendar/legal-date.value';
import { rowToEntity } from '../../database/raw-rows';
import { AuditService } from '../audit/audit.service';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { OutboxService } from '../outbox/outbox.service';
import { TimelineService } from '../timeline/timeline.service';
import type { CaseEventListDto } from '../timeline/dto/case-event.dto';
import { WorkflowService, type CommandExtras } from '../workflow/workflow.service';
import type { CaseCommand } from '../../domain/reconsideration/reconsideration-case.types';
import {
  searchTextOf,
  toCaseDto,
  toCaseSummaryDto,
  toDeadlineDto,
  type CaseSummaryRow,
} from './case.mapper';
import { nextNumber } from './case-numbers';
import type { CaseDeadlineDto, CaseDto, CaseQueryDto } from './dto/case.dto';
import type { CreateCaseDto, UpdateCaseDto } from './dto/create-case.dto';
import type { ClosureDto, ClosureQueryDto } from './dto/closure.dto';
import { ReconsiderationCaseEntity, type ApplicantRecord } from './reconsideration-case.entity';

/** Roles that handle cases see full ID numbers in a single case's view. */
const HANDLING_ROLES = ['admin', 'head', 'clerk'];

@Injectable()
export class ReconsiderationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workflow: WorkflowService,
    private readonly deadlines: DeadlinesService,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateCaseDto): Promise<CaseDto> {
    const agencyId = actor.agencyId;
    if (!agencyId) {
      throw validationProblem([{ field: 'agencyId', message: 'the caller belongs to no agency' }]);
    }
    this.assertIntakeDates(input);
    const id = await this.dataSource.transaction(async (manager) => {
      const respondent = await this.resolveRespondent(manager, agencyId, input.respondent);
      const applicants: ApplicantRecord[] = input.applicants.map((applicant) => ({
        kind: applicant.kind,
        name: applicant.name,
        idNumber: applicant.idNumber ?? null,
        contact: applicant.contact ?? null,
      }));
      const kinds = new Set(applicants.map((applicant) => applicant.kind));
      const entity = manager.create(ReconsiderationCaseEntity, {
        agencyId,
        receiptNumber: await nextNumber(
          manager,
          agencyId,
          'receipt',
          yearOf(input.receivedOn as LegalDate),
        ),
        caseNumber: null,
        status: 'received',
        procedure: input.procedure ?? 'ordinary',
        major: input.major ?? false,
        hearingRequested: input.hearingRequested ?? false,
        channel: input.channel,
        applicants,
        applicantType: kinds.size > 1 ? 'mixed' : [...kinds][0],
        agent: input.agent ?? null,
        thirdParties: input.thirdParties ?? [],
        respondentAgencyId: respondent.agencyId,
        respondentName: respondent.name,
        contestedAct: {
          title: input.contestedAct.title,
          documentNumber: input.contestedAct.documentNumber ?? null,
          actOn: input.contestedAct.actOn ?? null,
          field: input.contestedAct.field,
          actKind: input.contestedAct.actKind,
        },
        field: input.contestedAct.field,
        actKind: input.contestedAct.actKind,
        knownOn: input.knownOn as LegalDate,
        receivedOn: input.receivedOn as LegalDate,
        postmarkedOn: (input.postmarkedOn ?? null) as LegalDate | null,
        actOn: (input.contestedAct.actOn ?? null) as LegalDate | null,
        realEstate: input.contestedAct.realEstate ?? false,
        remedyRightsNotTold: input.contestedAct.remedyRightsNotTold ?? false,
        limitationObstacle: input.limitationObstacle
          ? {
              endedOn: input.limitationObstacle.endedOn as LegalDate,
              reason: input.limitationObstacle.reason,
            }
          : null,
        requests: input.requests,
        factsAndReasons: input.factsAndReasons ?? null,
        handlerId: null,
        reviewStartOn: input.receivedOn as LegalDate,
        correctionItems: [],
        suspensions: [],
        hearingsHeld: 0,
        concludedLate: false,
      });
      entity.searchText = searchTextOf(entity);
      await manager.save(entity);
      const ref = { caseType: 'reconsideration' as const, caseId: entity.id, agencyId };
      await this.workflow.applyDeadlinePlan(manager, ref, entity);
      await this.timeline.append(manager, {
        ...ref,
        type: 'received',
        actor,
        occurredOn: entity.receivedOn,
        payload: {
          receiptNumber: entity.receiptNumber,
          channel: entity.channel,
          postmarkedOn: entity.postmarkedOn,
        },
      });
      await this.outbox.enqueue(manager, agencyId, 'case.received', {
        caseId: entity.id,
        receiptNumber: entity.receiptNumber,
      });
      await this.audit.record(manager, actor, {
        action: 'reconsideration_case.received',
        targetType: 'reconsideration_case',
        targetId: entity.id,
        summary: { receiptNumber: entity.receiptNumber, applicants: applicants.length },
      });
      return entity.id;
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string, manager?: EntityManager): Promise<CaseDto> {
    const entity = await this.findVisible(actor, id, manager);
    const deadlines = await this.deadlines.listForCase(id, legalToday(), manager);
    return toCaseDto(
      entity,
      deadlines,
      actor.roles.some((role) => HANDLING_ROLES.includes(role)),
    );
  }

  /** Runs a workflow command, then answers the case as it now stands. */
  async runCommand(
    actor: Actor,
    id: string,
    command: CaseCommand,
    extras: CommandExtras = {},
    ifMatch?: string,
  ): Promise<CaseDto> {
    await this.workflow.execute(actor, id, command, extras, ifMatch);
    return this.get(actor, id);
  }

  async list(
    actor: Actor,
    query: CaseQueryDto,
  ): Promise<Page<ReturnType<typeof toCaseSummaryDto>>> {
    const after = decodeCursor(query.cursor, ['date', 'uuid']);
    const where: string[] = ['c.agency_id = $1'];
    const params: unknown[] = [scopeAgencyId(actor, query.agencyId)];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (query.status) add((p) => `c.status = ${p}`, query.status);
    if (query.handlerId) add((p) => `c.handler_id = ${p}`, query.handlerId);
    if (query.receivedFrom) add((p) => `c.received_on >= ${p}::date`, query.receivedFrom);
    if (query.receivedTo) add((p) => `c.received_on <= ${p}::date`, query.receivedTo);
    if (query.q) add((p) => `c.search_text ILIKE ${p}`, `%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
    if (query.overdue !== undefined) {
      add(
        (p) =>
          `${query.overdue === 'true' ? '' : 'NOT '}EXISTS (SELECT 1 FROM deadline d WHERE d.case_id = c.id
             AND (d.status = 'overdue' OR (d.status = 'open' AND d.due_on < ${p}::date)))`,
        legalToday(),
      );
    }
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(c.received_on, c.id) < ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    params.push(query.limit + 1);
    const rows = await this.dataSource.query<CaseSummaryRow[]>(
      `SELECT c.id, c.receipt_number, c.case_number, c.status, c.procedure, c.applicants,
              c.respondent_name, c.contested_act->>'title' AS act_title,
              c.received_on::text AS received_on, c.accepted_on::text AS accepted_on,
              c.decision_due_on::text AS decision_due_on, c.concluded_on::text AS concluded_on,
              c.handler_id, c.version
         FROM reconsideration_case c
        WHERE ${where.join(' AND ')}
        ORDER BY c.received_on DESC, c.id DESC
        LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, query.limit, (row) => [row.received_on, row.id], toCaseSummaryDto);
  }

  async update(actor: Actor, id: string, input: UpdateCaseDto, ifMatch?: string): Promise<CaseDto> {
    await this.dataSource.transaction(async (manager) => {
      const entity = await this.workflow.lockCase(manager, actor, id);
      checkIfMatch(ifMatch, entity.version);
      const changed = Object.keys(input);
      if (input.contestedAct) {
        entity.contestedAct = {
          title: input.contestedAct.title,
          documentNumber: input.contestedAct.documentNumber ?? null,
          actOn: input.contestedAct.actOn ?? null,
          field: input.contestedAct.field,
          actKind: input.contestedAct.actKind,
        };
        entity.field = input.contestedAct.field;
        entity.actKind = input.contestedAct.actKind;
        entity.realEstate = input.contestedAct.realEstate ?? entity.realEstate;
        entity.remedyRightsNotTold =
          input.contestedAct.remedyRightsNotTold ?? entity.remedyRightsNotTold;
      }
      if (input.requests !== undefined) entity.requests = input.requests;
      if (input.factsAndReasons !== undefined) entity.factsAndReasons = input.factsAndReasons;
      if (input.major !== undefined) entity.major = input.major;
      if (input.hearingRequested !== undefined) entity.hearingRequested = input.hearingRequested;
      if (input.thirdParties !== undefined) entity.thirdParties = input.thirdParties;
      if (input.agent !== undefined) entity.agent = input.agent;
      entity.searchText = searchTextOf(entity);
      await manager.save(entity);
      await this.timeline.append(manager, {
        caseType: 'reconsideration',
        caseId: id,
        agencyId: entity.agencyId,
        type: 'details_updated',
        actor,
        occurredOn: null,
        payload: { fields: changed },
      });
      await this.audit.record(manager, actor, {
        action: 'reconsideration_case.updated',
        targetType: 'reconsideration_case',
        targetId: id,
        agencyId: entity.agencyId,
        summary: { fields: changed },
      });
    });
    return this.get(actor, id);
  }

  async deadlinesOf(actor: Actor, id: string): Promise<CaseDeadlineDto[]> {
    await this.findVisible(actor, id);
    return (await this.deadlines.listForCase(id, legalToday())).map(toDeadlineDto);
  }

  async events(actor: Actor, id: string): Promise<CaseEventListDto> {
    await this.findVisible(actor, id);
    return { items: await this.timeline.list(id) };
  }

  async closure(actor: Actor, id: string): Promise<ClosureDto> {
    return this.toClosure(await this.findVisible(actor, id));
  }

  async closures(actor: Actor, query: ClosureQueryDto): Promise<Page<ClosureDto>> {
    const after = decodeCursor(query.cursor, ['date', 'uuid']);
    const builder = this.dataSource
      .getRepository(ReconsiderationCaseEntity)
      .createQueryBuilder('c')
      .where('c.agencyId = :agencyId', { agencyId: actor.agencyId })
      .andWhere('c.concludedOn IS NOT NULL')
      .orderBy('c.concludedOn', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(query.limit + 1);
    if (query.concludedFrom)
      builder.andWhere('c.concludedOn >= :from', { from: query.concludedFrom });
    if (query.concludedTo) builder.andWhere('c.concludedOn <= :to', { to: query.concludedTo });
    if (query.outcome) builder.andWhere('c.outcome = :outcome', { outcome: query.outcome });
    if (query.served)
      builder.andWhere(`c.servedOn IS ${query.served === 'true' ? 'NOT ' : ''}NULL`);
    if (query.archived) {
      builder.andWhere(`c.archivedOn IS ${query.archived === 'true' ? 'NOT ' : ''}NULL`);
    }
    if (after) {
      builder.andWhere('(c.concludedOn, c.id) < (:at::date, :id::uuid)', {
        at: after[0],
        id: after[1],
      });
    }
    const rows = await builder.getMany();
    return toPage(
      rows,
      query.limit,
      (row) => [row.concludedOn as string, row.id],
      (row) => this.toClosure(row),
    );
  }

  private toClosure(entity: ReconsiderationCaseEntity): ClosureDto {
    // 行政诉讼法 第四十五条: 15 days from receipt of the decision to sue (informational here).
    let litigationWindowEndsOn: string | null = null;
    if (entity.servedOn) {
      const end = new Date(`${entity.servedOn}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 15);
      litigationWindowEndsOn = end.toISOString().slice(0, 10);
    }
    return {
      caseId: entity.id,
      receiptNumber: entity.receiptNumber,
      caseNumber: entity.caseNumber,
      status: entity.status,
      outcome: entity.outcome,
      terminationReason: entity.terminationReason,
      concludedOn: entity.concludedOn,
      concludedLate: entity.concludedLate,
      decisionNumber: entity.decisionNumber,
      servedOn: entity.servedOn,
      litigationWindowEndsOn,
      litigated: false,
      archivedOn: entity.archivedOn,
      corrected: entity.outcome !== null && this.config.correctionOutcomes.includes(entity.outcome),
    };
  }

  private async findVisible(actor: Actor, id: string, manager?: EntityManager) {
    const everyAgency = isAdmin(actor) && !actor.agencyId;
    const rows = await (manager ?? this.dataSource.manager).query<Record<string, unknown>[]>(
      everyAgency
        ? 'SELECT * FROM reconsideration_case WHERE id = $1'
        : 'SELECT * FROM reconsideration_case WHERE id = $1 AND agency_id = $2',
      everyAgency ? [id] : [id, actor.agencyId],
    );
    if (!rows[0]) throw notFoundProblem(`Reconsideration case ${id}`);
    return rowToEntity(this.dataSource, ReconsiderationCaseEntity, rows[0]);
  }

  private async resolveRespondent(
    manager: EntityManager,
    agencyId: string,
    respondent: CreateCaseDto['respondent'],
  ): Promise<{ agencyId: string | null; name: string }> {
    if (!respondent.agencyId) return { agencyId: null, name: respondent.name as string };
    const [agency] = await manager.query<Array<{ name: string }>>(
      'SELECT name FROM agency WHERE id = $1 AND tenant_id = $2',
      [respondent.agencyId, agencyId],
    );
    if (!agency) throw notFoundProblem(`Agency ${respondent.agencyId}`);
    return { agencyId: respondent.agencyId, name: respondent.name ?? agency.name };
  }

  /** Intake rules on dates: nothing in the future, knowing before receipt, postmark for mail. */
  private assertIntakeDates(input: CreateCaseDto): void {
    const today = legalToday();
    const errors: FieldError[] = [];
    const dated: Array<[string, string | undefined]> = [
      ['knownOn', input.knownOn],
      ['receivedOn', input.receivedOn],
      ['postmarkedOn', input.postmarkedOn],
      ['contestedAct.actOn', input.contestedAct.actOn],
      ['limitationObstacle.endedOn', input.limitationObstacle?.endedOn],
    ];
    for (const [field, value] of dated) {
      if (value && value > today)
        errors.push({ field, message: `${field} ${value} is in the future` });
    }
    if (input.knownOn > input.receivedOn) {
      errors.push({ field: 'knownOn', message: 'knownOn must not be after receivedOn' });
    }
    if (input.postmarkedOn !== undefined && input.channel !== 'mail') {
      errors.push({ field: 'postmarkedOn', message: 'postmarkedOn is only for channel mail' });
    }
    if (input.postmarkedOn && input.postmarkedOn > input.receivedOn) {
      errors.push({ field: 'postmarkedOn', message: 'postmarkedOn must not be after receivedOn' });
    }
    if (input.contestedAct.actOn && input.contestedAct.actOn > input.receivedOn) {
      errors.push({ field: 'contestedAct.actOn', message: 'the act must precede the application' });
    }
    const obstacle = input.limitationObstacle;
    if (obstacle && (obstacle.endedOn < input.knownOn || obstacle.endedOn > input.receivedOn)) {
      errors.push({
        field: 'limitationObstacle.endedOn',
        message: 'the obstacle must end between knownOn and receivedOn',
      });
    }
    if (errors.length > 0) throw validationProblem(errors);
  }
}
