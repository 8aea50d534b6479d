import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { applyFieldChanges, changedFieldsRecord } from '../../common/audit/apply-field-changes';
import { checkIfMatch } from '../../common/http/etag';
import { notFoundProblem, validationProblem } from '../../common/problem/problem';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { yearOf, type LegalDate } from '../../domain/calendar/legal-date.value';
import { maskIdNumber } from '../../domain/reconsideration/id-card-number.value';
import { checkIntakeDates } from '../../domain/reconsideration/intake-dates.rule';
import { planDeadlines } from '../../domain/reconsideration/plan-deadlines.rule';
import type { CaseStatus } from '../../domain/reconsideration/reconsideration-case.types';
import { CalendarService } from '../calendar/calendar.service';
import { CommandRunner, type CommandTransaction } from '../commands/command-runner';
import { caseRefusalProblem } from '../commands/refusal-problems';
import { DeadlinePlanService } from '../deadlines/deadline-plan.service';
import { AgencyRepository } from '../identity/agency.repository';
import { searchTextOf, toCaseFacts } from './case.mapper';
import { CaseNumberingService } from './case-numbering.service';
import { CaseQueriesService } from './case-queries.service';
import type { CaseDto } from './dto/case.dto';
import type { CreateCaseDto, UpdateCaseDto } from './dto/create-case.dto';
import type { ApplicantRecord, ReconsiderationCaseEntity } from './reconsideration-case.entity';
import { ReconsiderationCaseRepository } from './reconsideration-case.repository';

/**
 * A PATCH changes descriptive fields, and only before the conclusion: afterwards the record is
 * what was decided (rule-deciding facts change through `correct-facts`, by the head).
 */
const PATCHABLE_STATUSES: readonly CaseStatus[] = [
  'received',
  'correction_requested',
  'under_review',
  'suspended',
];

/** Masks personal ID numbers wherever they stand in an audited value. */
function maskIds(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null), (key, inner: unknown) =>
    key === 'idNumber' && typeof inner === 'string' ? maskIdNumber(inner) : inner,
  ) as unknown;
}

/** Registering applications (收件登记) and changing a case's descriptive fields. */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly cases: ReconsiderationCaseRepository,
    private readonly agencies: AgencyRepository,
    private readonly numbering: CaseNumberingService,
    private readonly calendars: CalendarService,
    private readonly deadlinePlans: DeadlinePlanService,
    private readonly commands: CommandRunner,
    private readonly queries: CaseQueriesService,
  ) {}

  async create(actor: Actor, input: CreateCaseDto): Promise<CaseDto> {
    const agencyId = TenantScope.agencyForNew(actor);
    const id = await this.commands.run(actor, async (tx) => {
      const problems = checkIntakeDates(
        {
          knownOn: input.knownOn as LegalDate,
          receivedOn: input.receivedOn as LegalDate,
          mailed: input.channel === 'mail',
          postmarkedOn: input.postmarkedOn as LegalDate | undefined,
          actOn: input.contestedAct.actOn as LegalDate | undefined,
          obstacle: input.limitationObstacle as
            { startedOn: LegalDate; endedOn: LegalDate } | undefined,
          remedyRightsLearnedOn: input.remedyRightsLearnedOn as LegalDate | undefined,
        },
        tx.today,
      );
      if (problems.length > 0) throw validationProblem([...problems]);
      const respondent = await this.resolveRespondent(tx.manager, agencyId, input.respondent);
      const applicants: ApplicantRecord[] = input.applicants.map((applicant) => ({
        kind: applicant.kind,
        name: applicant.name,
        idNumber: applicant.idNumber ?? null,
        contact: applicant.contact ?? null,
      }));
      const kinds = new Set(applicants.map((applicant) => applicant.kind));
      const receivedOn = input.receivedOn as LegalDate;
      const entity = this.cases.create(tx.manager, {
        agencyId,
        receiptNumber: await this.numbering.next(
          tx.manager,
          agencyId,
          'receipt',
          yearOf(receivedOn),
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
        receivedOn,
        postmarkedOn: (input.postmarkedOn ?? null) as LegalDate | null,
        actOn: (input.contestedAct.actOn ?? null) as LegalDate | null,
        realEstate: input.contestedAct.realEstate ?? false,
        remedyRightsNotTold: input.contestedAct.remedyRightsNotTold ?? false,
        limitationObstacle: input.limitationObstacle
          ? {
              startedOn: input.limitationObstacle.startedOn as LegalDate,
              endedOn: input.limitationObstacle.endedOn as LegalDate,
              reason: input.limitationObstacle.reason,
            }
          : null,
        remedyRightsLearnedOn: (input.remedyRightsLearnedOn ?? null) as LegalDate | null,
        correctionExtensions: [],
        requests: input.requests,
        factsAndReasons: input.factsAndReasons ?? null,
        handlerId: null,
        reviewStartOn: receivedOn,
        correctionItems: [],
        suspensions: [],
        hearingsHeld: 0,
        concludedLate: false,
      });
      entity.searchText = searchTextOf(entity);
      await this.cases.save(tx.manager, entity);
      await this.planDeadlines(tx, entity);
      tx.record({
        aggregate: { type: 'reconsideration_case', id: entity.id, agencyId },
        type: 'reconsideration_case.received',
        occurredOn: entity.receivedOn,
        payload: {
          receiptNumber: entity.receiptNumber,
          channel: entity.channel,
          postmarkedOn: entity.postmarkedOn,
        },
        message: { caseId: entity.id, receiptNumber: entity.receiptNumber },
        audit: { receiptNumber: entity.receiptNumber, applicants: applicants.length },
      });
      return entity.id;
    });
    return this.queries.get(actor, id);
  }

  /** Descriptive fields (If-Match); the audit entry records each change, ID numbers masked. */
  async update(actor: Actor, id: string, input: UpdateCaseDto, ifMatch?: string): Promise<CaseDto> {
    await this.commands.run(actor, async (tx) => {
      const entity = await this.cases.lockForCommand(tx.manager, TenantScope.forRecords(actor), id);
      if (!entity) throw notFoundProblem(`Reconsideration case ${id}`);
      checkIfMatch(ifMatch, entity.version);
      if (!PATCHABLE_STATUSES.includes(entity.status)) {
        throw caseRefusalProblem(
          { kind: 'illegal_transition', status: entity.status, allowed: [] },
          'patch',
        );
      }
      const next: Partial<ReconsiderationCaseEntity> = {
        requests: input.requests,
        factsAndReasons: input.factsAndReasons,
        hearingRequested: input.hearingRequested,
        thirdParties: input.thirdParties,
        agent: input.agent,
      };
      if (input.contestedAct) {
        next.contestedAct = {
          title: input.contestedAct.title,
          documentNumber: input.contestedAct.documentNumber ?? null,
          actOn: entity.contestedAct.actOn,
          field: input.contestedAct.field,
          actKind: input.contestedAct.actKind,
        };
        next.field = input.contestedAct.field;
        next.actKind = input.contestedAct.actKind;
      }
      const changes = applyFieldChanges(entity, next, maskIds);
      entity.searchText = searchTextOf(entity);
      await this.cases.save(tx.manager, entity);
      tx.record({
        aggregate: { type: 'reconsideration_case', id, agencyId: entity.agencyId },
        type: 'reconsideration_case.details_updated',
        occurredOn: null,
        ...changedFieldsRecord(changes),
      });
    });
    return this.queries.get(actor, id);
  }

  private async planDeadlines(tx: CommandTransaction, entity: ReconsiderationCaseEntity) {
    const calendar = await this.calendars.currentIn(tx.manager);
    const ref = {
      caseType: 'reconsideration' as const,
      caseId: entity.id,
      agencyId: entity.agencyId,
    };
    const plan = planDeadlines(toCaseFacts(entity), calendar);
    await this.deadlinePlans.apply(tx.manager, ref, plan, calendar);
  }

  private async resolveRespondent(
    manager: EntityManager,
    agencyId: string,
    respondent: CreateCaseDto['respondent'],
  ): Promise<{ agencyId: string | null; name: string }> {
    if (!respondent.agencyId) return { agencyId: null, name: respondent.name as string };
    const agency = await this.agencies.findInScope(
      TenantScope.of(agencyId),
      respondent.agencyId,
      manager,
    );
    if (!agency) throw notFoundProblem(`Agency ${respondent.agencyId}`);
    return { agencyId: respondent.agencyId, name: respondent.name ?? agency.name };
  }
}
