import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { fieldChanges } from '../../common/audit/field-changes';
import { SecretBox } from '../../common/crypto/secret-box';
import { checkIfMatch } from '../../common/http/etag';
import {
  conflictProblem,
  notFoundProblem,
  ruleProblem,
  validationProblem,
} from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { compareLegalDates, type LegalDate } from '../../domain/calendar/legal-date.value';
import { decideLitigationCommand } from '../../domain/litigation/decide-litigation-command.rule';
import { decideLitigationFiling } from '../../domain/litigation/decide-litigation-filing.rule';
import {
  DEFENDANT_TASKS,
  deriveDefendants,
  type DefendantDerivation,
} from '../../domain/litigation/defendants.rule';
import type {
  JudgmentFacts,
  LitigationCommand,
  LitigationInstance,
  RetrialProcedure,
} from '../../domain/litigation/litigation-case.types';
import {
  interpretationArticle,
  litigationArticle,
} from '../../domain/litigation/litigation-decision.factory';
import { planLitigationDeadlines } from '../../domain/litigation/plan-litigation-deadlines.rule';
import type { Procedure } from '../../domain/deadlines/deadline-definition.type';
import { CalendarService } from '../calendar/calendar.service';
import { CommandRunner, type CommandTransaction } from '../commands/command-runner';
import { litigationFilingProblem, litigationRefusalProblem } from '../commands/refusal-problems';
import { DeadlinePlanService } from '../deadlines/deadline-plan.service';
import { ReconsiderationCaseRepository } from '../reconsideration/reconsideration-case.repository';
import { canonicalCourtCaseNumber, lockCaseOfCourtMessage } from './court-message-case';
import type { UpdateLitigationCaseDto } from './dto/create-litigation-case.dto';
import type { LitigationCaseEntity } from './litigation-case.entity';
import { LitigationCaseRepository, type NewDefendant } from './litigation-case.repository';
import {
  maskedPlaintiffs,
  sealPlaintiffs,
  searchTextOf,
  toJudgmentFacts,
  toLitigationFacts,
} from './litigation.mapper';

/** A new litigation case, as the HTTP API and the court liaison give it. */
export interface NewLitigationCase {
  /** Admins only: the body the case is for. */
  agencyId?: string;
  courtCaseNumber: string;
  courtName: string;
  instance: LitigationInstance;
  procedure?: Procedure;
  retrialProcedure?: RetrialProcedure;
  plaintiffs: { kind: 'person' | 'organization'; name: string; idNumber?: string }[];
  defendantAgencyIds?: string[];
  reconsiderationCaseId?: string;
  previousInstanceId?: string;
  cause: string;
  actKind: string;
  field: string;
  stateCompensation?: boolean;
  headSummonRequired?: boolean;
  filedOn?: string;
  complaintReceivedOn: string;
}

/** The court's view of a filing (court liaison `PUT /integrations/court/cases/{courtCaseNumber}`). */
export interface CourtFiling {
  courtName: string;
  instance: LitigationInstance;
  plaintiffs: NewLitigationCase['plaintiffs'];
  /** Codes of the defendant agencies of the client's body (the body's own code included). */
  defendantAgencyCodes: string[];
  cause: string;
  actKind?: string;
  field?: string;
  filedOn?: string;
  /** When the complaint copy was served on the agency (the defence period runs from it). */
  complaintServedOn: string;
  headSummonRequired?: boolean;
  stateCompensation?: boolean;
}

/** A judgment as the court liaison sends it, keyed by the court's document id. */
export interface CourtJudgment {
  courtDocumentId: string;
  decidedOn: string;
  kind: Extract<LitigationCommand, { type: 'record_judgment' }>['kind'];
  disposition: Extract<LitigationCommand, { type: 'record_judgment' }>['disposition'];
  servedOn?: string;
}

interface ResolvedDefendants {
  list: NewDefendant[];
  coDefendant: boolean;
  reconsiderationCaseId: string | null;
  derivation: DefendantDerivation | null;
}

const BODY_TASK_BASIS = `${litigationArticle('第二十六条第二款')}; ${interpretationArticle('第一百三十五条第二款')}`;

/**
 * Registers lawsuits and runs their commands, each through the command runner: one transaction
 * that locks, decides with the pure domain (src/domain/litigation), writes, replans the deadlines
 * and records what happened (timeline event, outbox message, audit entry). Callable by people
 * and by the court liaison's API client (its actor is scoped to its body).
 */
@Injectable()
export class LitigationCasesService {
  constructor(
    private readonly commands: CommandRunner,
    private readonly cases: LitigationCaseRepository,
    private readonly reconsideration: ReconsiderationCaseRepository,
    private readonly calendars: CalendarService,
    private readonly deadlinePlans: DeadlinePlanService,
    private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Registers a case (201); returns its id. */
  create(actor: Actor, input: NewLitigationCase): Promise<string> {
    return this.commands.run(actor, (tx) => this.createIn(tx, input));
  }

  /**
   * The court's filing: creates the case with that 案号, or updates the same case (a repeat is an
   * update, never a duplicate). Defendants are named by agency code.
   */
  async upsertFromCourtFiling(
    actor: Actor,
    courtCaseNumber: string,
    filing: CourtFiling,
  ): Promise<{ created: boolean; id: string }> {
    return this.commands.run(actor, async (tx) => {
      const agencyId = TenantScope.agencyForNew(tx.actor);
      const canonical = canonicalCourtCaseNumber(courtCaseNumber, tx.today);
      const codes = [...new Set(filing.defendantAgencyCodes)];
      const agencies = await this.cases.agenciesOfTenantByCode(tx.manager, agencyId, codes);
      const missing = codes.filter((code) => !agencies.some((agency) => agency.code === code));
      if (missing.length > 0) throw notFoundProblem(`Agency with code ${missing.join(', ')}`);
      const defendantAgencyIds = codes.map(
        (code) => (agencies.find((agency) => agency.code === code) as { id: string }).id,
      );
      const existing = await this.cases.lockByCourtCaseNumber(tx.manager, agencyId, canonical);
      if (existing === null) {
        const id = await this.createIn(tx, {
          courtCaseNumber,
          courtName: filing.courtName,
          instance: filing.instance,
          plaintiffs: filing.plaintiffs,
          defendantAgencyIds,
          cause: filing.cause,
          actKind: filing.actKind ?? 'other',
          field: filing.field ?? 'other',
          filedOn: filing.filedOn,
          complaintReceivedOn: filing.complaintServedOn,
          headSummonRequired: filing.headSummonRequired,
          stateCompensation: filing.stateCompensation,
        });
        return { created: true, id };
      }
      await this.updateFromFiling(tx, existing, filing, defendantAgencyIds);
      return { created: false, id: existing.id };
    });
  }

  /** Descriptive fields (If-Match); deadlines replanned; the audit masks ID numbers. */
  async update(
    actor: Actor,
    id: string,
    input: UpdateLitigationCaseDto,
    ifMatch?: string,
  ): Promise<void> {
    await this.commands.run(actor, async (tx) => {
      const entity = await this.lock(tx, id);
      checkIfMatch(ifMatch, entity.version);
      for (const [field, on] of [
        ['filedOn', input.filedOn],
        ['evidenceObstacleRemovedOn', input.evidenceObstacleRemovedOn],
      ] as const) {
        if (on !== undefined) this.checkPast(tx, field, on as LegalDate);
      }
      const filedOn = (input.filedOn ?? entity.filedOn) as LegalDate | null;
      if (filedOn !== null && compareLegalDates(entity.complaintReceivedOn, filedOn) < 0) {
        throw ruleProblem(
          'dates_out_of_order',
          litigationArticle('第六十七条第一款'),
          `the complaint copy (received ${entity.complaintReceivedOn}) cannot precede the filing on ${filedOn}`,
        );
      }
      const next: Partial<LitigationCaseEntity> = {
        courtName: input.courtName?.trim(),
        cause: input.cause?.trim(),
        actKind: input.actKind,
        field: input.field,
        stateCompensation: input.stateCompensation,
        headSummonRequired: input.headSummonRequired,
        filedOn: input.filedOn as LegalDate | undefined,
        evidenceObstacleRemovedOn: input.evidenceObstacleRemovedOn as LegalDate | undefined,
      };
      if (input.plaintiffs) {
        const sealed = sealPlaintiffs(this.box, input.plaintiffs);
        next.plaintiffs = sealed.records;
        next.plaintiffIdHashes = sealed.hashes;
      }
      const changes = fieldChanges(entity, next, (value) =>
        Array.isArray(value) && value.every((item) => typeof item === 'string')
          ? '(hashes)'
          : Array.isArray(value)
            ? maskedPlaintiffs(value as LitigationCaseEntity['plaintiffs'])
            : value,
      );
      Object.assign(
        entity,
        Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined)),
      );
      entity.searchText = searchTextOf(entity);
      await this.planDeadlines(
        tx,
        entity,
        toJudgmentFacts(await this.cases.judgmentOf(id, tx.manager)),
      );
      await this.cases.save(tx.manager, entity);
      tx.record({
        aggregate: { type: 'litigation_case', id, agencyId: entity.agencyId },
        type: 'litigation_case.details_updated',
        occurredOn: null,
        payload: { fields: Object.keys(changes) },
        audit: changes,
      });
    });
  }

  /** One workflow command (submit-defense, record-judgment, …), decided by the pure machine. */
  async execute(
    actor: Actor,
    id: string,
    command: LitigationCommand,
    ifMatch?: string,
    extras: { courtDocumentId?: string } = {},
  ): Promise<void> {
    await this.commands.run(actor, (tx) => this.executeIn(tx, id, command, ifMatch, extras));
  }

  /**
   * The court's judgment keyed by its document id: recorded once; a repeat with the same facts
   * changes nothing; a repeat adding the service date records the service; another judgment under
   * the same document id, or a second judgment on the case, is 409.
   */
  async recordCourtJudgment(
    actor: Actor,
    courtCaseNumber: string,
    judgment: CourtJudgment,
  ): Promise<{ created: boolean; id: string }> {
    return this.commands.run(actor, async (tx) => {
      const entity = await lockCaseOfCourtMessage(this.cases, tx, courtCaseNumber);
      const agencyId = entity.agencyId;
      const ownerId = await this.cases.caseIdOfCourtDocument(
        tx.manager,
        agencyId,
        judgment.courtDocumentId,
      );
      if (ownerId !== null && ownerId !== entity.id) {
        throw conflictProblem(
          ProblemType.Conflict,
          `The court document ${judgment.courtDocumentId} was recorded on another case`,
        );
      }
      const stored = await this.cases.judgmentOf(entity.id, tx.manager);
      if (stored !== null) {
        const same =
          stored.decidedOn === judgment.decidedOn &&
          stored.kind === judgment.kind &&
          stored.disposition === judgment.disposition;
        if (
          !same ||
          (stored.courtDocumentId ?? judgment.courtDocumentId) !== judgment.courtDocumentId
        ) {
          throw conflictProblem(
            ProblemType.Conflict,
            `The case already has a judgment (${stored.disposition} of ${stored.decidedOn}); a decision of another instance is recorded on that instance's case`,
          );
        }
        if (stored.servedOn === null && judgment.servedOn !== undefined) {
          await this.executeIn(tx, entity.id, {
            type: 'record_service',
            servedOn: judgment.servedOn as LegalDate,
          });
        }
        return { created: false, id: entity.id };
      }
      await this.executeIn(
        tx,
        entity.id,
        {
          type: 'record_judgment',
          decidedOn: judgment.decidedOn as LegalDate,
          kind: judgment.kind,
          disposition: judgment.disposition,
          servedOn: judgment.servedOn as LegalDate | undefined,
        },
        undefined,
        { courtDocumentId: judgment.courtDocumentId },
      );
      return { created: true, id: entity.id };
    });
  }

  private async executeIn(
    tx: CommandTransaction,
    id: string,
    command: LitigationCommand,
    ifMatch?: string,
    extras: { courtDocumentId?: string } = {},
  ): Promise<void> {
    const entity = await this.lock(tx, id);
    checkIfMatch(ifMatch, entity.version);
    const stored = await this.cases.judgmentOf(id, tx.manager);
    const calendar = await this.calendars.currentIn(tx.manager);
    const fromStatus = entity.status;
    const decision = decideLitigationCommand(toLitigationFacts(entity, stored), command, {
      today: tx.today,
      calendar,
      losingDispositions: this.config.losingDispositions,
    });
    if (!decision.ok) throw litigationRefusalProblem(decision.refusal, command.type);
    const { judgment, judicialRecommendations, ...changes } = decision.changes;
    Object.assign(entity, changes);
    if (judicialRecommendations) entity.judicialRecommendations = [...judicialRecommendations];
    const judgmentFacts = judgment === undefined ? toJudgmentFacts(stored) : judgment;
    if (judgment) {
      await this.cases.saveJudgment(tx.manager, {
        caseId: id,
        tenantId: entity.agencyId,
        courtDocumentId: extras.courtDocumentId ?? stored?.courtDocumentId ?? null,
        ...judgment,
      });
    }
    await this.planDeadlines(tx, entity, judgmentFacts);
    await this.cases.save(tx.manager, entity);
    const { event } = decision;
    tx.record({
      aggregate: { type: 'litigation_case', id, agencyId: entity.agencyId },
      type: `litigation_case.${event.type}`,
      occurredOn: event.occurredOn,
      payload: {
        ...event.payload,
        fromStatus,
        toStatus: entity.status,
        ...(extras.courtDocumentId ? { courtDocumentId: extras.courtDocumentId } : {}),
      },
      message: {
        caseId: id,
        courtCaseNumber: entity.courtCaseNumber,
        status: entity.status,
        occurredOn: event.occurredOn,
        ...(judgment ? { disposition: judgment.disposition, result: judgment.result } : {}),
      },
      audit: { command: command.type, fromStatus, toStatus: entity.status },
    });
  }

  private async createIn(tx: CommandTransaction, input: NewLitigationCase): Promise<string> {
    const agencyId = TenantScope.agencyForNew(tx.actor, input.agencyId);
    const filing = decideLitigationFiling(
      {
        courtCaseNumber: input.courtCaseNumber,
        instance: input.instance,
        procedure: input.procedure,
        retrialProcedure: input.retrialProcedure,
        filedOn: input.filedOn as LegalDate | undefined,
        complaintReceivedOn: input.complaintReceivedOn as LegalDate,
      },
      tx.today,
    );
    if (!filing.ok) throw litigationFilingProblem(filing.refusal);
    const number = filing.courtCaseNumber;
    if (await this.cases.courtCaseNumberTaken(tx.manager, agencyId, number.canonical)) {
      throw conflictProblem(
        ProblemType.NumberTaken,
        `The court case number ${number.canonical} is already registered for the body`,
        { courtCaseNumber: number.canonical },
      );
    }
    if (input.previousInstanceId !== undefined) {
      const previous = await this.cases.findInScope(
        TenantScope.of(agencyId),
        input.previousInstanceId,
        tx.manager,
      );
      if (!previous) throw notFoundProblem(`Litigation case ${input.previousInstanceId}`);
    }
    const defendants = await this.resolveDefendants(tx, agencyId, input);
    const { records, hashes } = sealPlaintiffs(this.box, input.plaintiffs);
    const entity = this.cases.create(tx.manager, {
      agencyId,
      courtCaseNumber: number.canonical,
      courtCaseYear: number.year,
      courtCode: number.courtCode,
      courtCaseType: number.typeCode,
      courtName: input.courtName.trim(),
      ...filing.facts,
      judicialRecommendations: [...filing.facts.judicialRecommendations],
      plaintiffs: records,
      plaintiffIdHashes: hashes,
      reconsiderationCaseId: defendants.reconsiderationCaseId,
      previousInstanceId: input.previousInstanceId ?? null,
      coDefendant: defendants.coDefendant,
      cause: input.cause.trim(),
      actKind: input.actKind,
      field: input.field,
      stateCompensation: input.stateCompensation ?? false,
      headSummonRequired: input.headSummonRequired ?? false,
    });
    entity.searchText = searchTextOf(entity);
    await this.cases.save(tx.manager, entity);
    await this.cases.replaceDefendants(tx.manager, entity.id, agencyId, defendants.list);
    await this.planDeadlines(tx, entity, null);

    const aggregate = { type: 'litigation_case', id: entity.id, agencyId };
    const defendantFacts = defendants.list.map((d) => ({ agencyId: d.agencyId, role: d.role }));
    tx.record({
      aggregate,
      type: 'litigation_case.created',
      occurredOn: filing.event.occurredOn,
      payload: {
        ...filing.event.payload,
        courtName: entity.courtName,
        plaintiffs: maskedPlaintiffs(records),
        defendants: defendantFacts,
        coDefendant: entity.coDefendant,
        reconsiderationCaseId: entity.reconsiderationCaseId,
        previousInstanceId: entity.previousInstanceId,
        defendantsBasis: defendants.derivation?.basis ?? null,
      },
      message: {
        caseId: entity.id,
        courtCaseNumber: entity.courtCaseNumber,
        instance: entity.instance,
        coDefendant: entity.coDefendant,
        defendants: defendantFacts,
      },
      audit: {
        courtCaseNumber: entity.courtCaseNumber,
        plaintiffs: records.length,
        defendants: defendantFacts,
      },
    });
    const bodyTask = defendants.list.find(
      (d) => d.agencyId === agencyId && d.task === 'defend_reconsideration_procedure',
    );
    if (bodyTask) {
      // 第二十六条第二款: as co-defendant the body defends its own decision and procedure.
      tx.record({
        aggregate,
        type: 'litigation_case.body_task_created',
        occurredOn: filing.event.occurredOn,
        payload: {
          agencyId,
          task: bodyTask.task,
          description: DEFENDANT_TASKS[bodyTask.task],
          reconsiderationCaseId: entity.reconsiderationCaseId,
          basis: BODY_TASK_BASIS,
        },
      });
    }
    if (defendants.reconsiderationCaseId !== null) {
      await this.reconsideration.markLitigated(tx.manager, defendants.reconsiderationCaseId);
      tx.record({
        aggregate: {
          type: 'reconsideration_case',
          id: defendants.reconsiderationCaseId,
          agencyId,
        },
        type: 'reconsideration_case.litigated',
        occurredOn: filing.event.occurredOn,
        payload: {
          litigationCaseId: entity.id,
          courtCaseNumber: entity.courtCaseNumber,
          coDefendant: entity.coDefendant,
        },
      });
    }
    return entity.id;
  }

  /**
   * The defendants and their roles: derived from a linked reconsideration case's outcome where
   * the law determines them (行政诉讼法 第二十六条第二款; defendants.rule.ts), else as named.
   */
  private async resolveDefendants(
    tx: CommandTransaction,
    agencyId: string,
    input: NewLitigationCase,
  ): Promise<ResolvedDefendants> {
    const given =
      input.defendantAgencyIds === undefined ? undefined : [...new Set(input.defendantAgencyIds)];
    const named = (ids: readonly string[]): NewDefendant[] =>
      ids.map((id) =>
        id === agencyId
          ? { agencyId: id, role: 'reconsideration_body', task: 'defend_reconsideration_decision' }
          : { agencyId: id, role: 'original_act', task: 'defend_original_act' },
      );
    if (input.reconsiderationCaseId === undefined) {
      if (given === undefined) {
        throw validationProblem([
          {
            field: 'defendantAgencyIds',
            message:
              'name the defendant agencies, or link the reconsideration case they follow from',
          },
        ]);
      }
      await this.checkAgencies(tx, agencyId, given);
      return {
        list: named(given),
        coDefendant: false,
        reconsiderationCaseId: null,
        derivation: null,
      };
    }
    const reconsidered = await this.reconsideration.lockForCommand(
      tx.manager,
      TenantScope.of(agencyId),
      input.reconsiderationCaseId,
    );
    if (!reconsidered) throw notFoundProblem(`Reconsideration case ${input.reconsiderationCaseId}`);
    const suedOn = (input.filedOn ?? input.complaintReceivedOn) as LegalDate;
    const derivation = deriveDefendants(
      {
        status: reconsidered.status,
        outcome: reconsidered.outcome,
        concludedOn: reconsidered.concludedOn,
        decisionDueOn: reconsidered.decisionDueOn,
      },
      suedOn,
    );
    if (!derivation.determined) {
      if (given === undefined) {
        throw ruleProblem(
          'defendants_required',
          derivation.basis,
          `${derivation.detail}: name the defendants in defendantAgencyIds`,
        );
      }
      await this.checkAgencies(tx, agencyId, given);
      return {
        list: named(given),
        coDefendant: false,
        reconsiderationCaseId: reconsidered.id,
        derivation,
      };
    }
    const original =
      reconsidered.respondentAgencyId ?? given?.find((id) => id !== agencyId) ?? null;
    const list: NewDefendant[] = [];
    for (const defendant of derivation.defendants) {
      if (defendant.party === 'reconsideration_body') {
        list.push({ agencyId, role: defendant.role, task: defendant.task });
      } else if (original === null) {
        throw ruleProblem(
          'original_agency_unknown',
          derivation.basis,
          'the reconsideration upheld the act, so its agency is a co-defendant, but the ' +
            'respondent is no registered agency: name it in defendantAgencyIds',
        );
      } else {
        list.push({ agencyId: original, role: defendant.role, task: defendant.task });
      }
    }
    const derived = new Set(list.map((d) => d.agencyId));
    if (
      given !== undefined &&
      (given.length !== derived.size || !given.every((id) => derived.has(id)))
    ) {
      throw ruleProblem(
        'defendants_follow_reconsideration',
        derivation.basis,
        `the reconsideration ${derivation.reading === 'upheld' ? 'upheld the act: the original agency and the body are co-defendants' : 'changed the outcome: the body alone is the defendant'}; the defendants named differ`,
        422,
        { derivedDefendantAgencyIds: [...derived] },
      );
    }
    await this.checkAgencies(tx, agencyId, [...derived]);
    return {
      list,
      coDefendant: derivation.coDefendant,
      reconsiderationCaseId: reconsidered.id,
      derivation,
    };
  }

  /** Every defendant is an agency of the body's government (404 naming the others). */
  private async checkAgencies(
    tx: CommandTransaction,
    agencyId: string,
    ids: readonly string[],
  ): Promise<void> {
    const found = await this.cases.agenciesOfTenant(tx.manager, agencyId, ids);
    const missing = ids.filter((id) => !found.some((agency) => agency.id === id));
    if (missing.length > 0) throw notFoundProblem(`Agency ${missing.join(', ')}`);
  }

  private async updateFromFiling(
    tx: CommandTransaction,
    entity: LitigationCaseEntity,
    filing: CourtFiling,
    defendantAgencyIds: string[],
  ): Promise<void> {
    if (filing.instance !== entity.instance) {
      throw ruleProblem(
        'instance_mismatch',
        'Fuyi (DESIGN, "Numbers"): the type code of the court case number gives the instance',
        `${entity.courtCaseNumber} is registered as a ${entity.instance} instance`,
      );
    }
    if (filing.filedOn !== undefined) this.checkPast(tx, 'filedOn', filing.filedOn as LegalDate);
    const sealed = sealPlaintiffs(this.box, filing.plaintiffs);
    const next: Partial<LitigationCaseEntity> = {
      courtName: filing.courtName.trim(),
      cause: filing.cause.trim(),
      actKind: filing.actKind,
      field: filing.field,
      filedOn: filing.filedOn as LegalDate | undefined,
      headSummonRequired: filing.headSummonRequired,
      stateCompensation: filing.stateCompensation,
    };
    if (entity.status === 'pending') {
      this.checkPast(tx, 'complaintServedOn', filing.complaintServedOn as LegalDate);
      next.complaintReceivedOn = filing.complaintServedOn as LegalDate;
    }
    const changes = fieldChanges(entity, next);
    const plaintiffsChanged =
      JSON.stringify(maskedPlaintiffs(entity.plaintiffs)) !==
        JSON.stringify(maskedPlaintiffs(sealed.records)) ||
      entity.plaintiffIdHashes.join() !== sealed.hashes.join();
    Object.assign(
      entity,
      Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined)),
    );
    if (plaintiffsChanged) {
      entity.plaintiffs = sealed.records;
      entity.plaintiffIdHashes = sealed.hashes;
    }
    const filedOn = entity.filedOn;
    if (filedOn !== null && compareLegalDates(entity.complaintReceivedOn, filedOn) < 0) {
      throw ruleProblem(
        'dates_out_of_order',
        litigationArticle('第六十七条第一款'),
        `the complaint copy (served ${entity.complaintReceivedOn}) cannot precede the filing on ${filedOn}`,
      );
    }
    // Defendants named by the court stand unless the law derived them from the reconsideration.
    const current = await this.cases.defendantsOf(entity.id, tx.manager);
    const sameDefendants =
      current.length === defendantAgencyIds.length &&
      current.every((d) => defendantAgencyIds.includes(d.agencyId));
    if (!sameDefendants && entity.reconsiderationCaseId === null) {
      await this.cases.replaceDefendants(
        tx.manager,
        entity.id,
        entity.agencyId,
        defendantAgencyIds.map((id) =>
          id === entity.agencyId
            ? {
                agencyId: id,
                role: 'reconsideration_body',
                task: 'defend_reconsideration_decision',
              }
            : { agencyId: id, role: 'original_act', task: 'defend_original_act' },
        ),
      );
    }
    if (Object.keys(changes).length === 0 && !plaintiffsChanged && sameDefendants) return;
    entity.searchText = searchTextOf(entity);
    await this.planDeadlines(
      tx,
      entity,
      toJudgmentFacts(await this.cases.judgmentOf(entity.id, tx.manager)),
    );
    await this.cases.save(tx.manager, entity);
    const fields = [
      ...Object.keys(changes),
      ...(plaintiffsChanged ? ['plaintiffs'] : []),
      ...(sameDefendants ? [] : ['defendants']),
    ];
    tx.record({
      aggregate: { type: 'litigation_case', id: entity.id, agencyId: entity.agencyId },
      type: 'litigation_case.filing_updated',
      occurredOn: null,
      payload: { fields },
      audit: { ...changes, fields },
    });
  }

  private checkPast(tx: CommandTransaction, field: string, on: LegalDate): void {
    if (compareLegalDates(on, tx.today) > 0) {
      throw ruleProblem(
        'date_in_future',
        litigationArticle('第六十七条第一款'),
        `${field} ${on} is after today (${tx.today}): a legal date records what has already happened`,
      );
    }
  }

  private async lock(tx: CommandTransaction, id: string): Promise<LitigationCaseEntity> {
    const entity = await this.cases.lockForCommand(
      tx.manager,
      TenantScope.forRecords(tx.actor),
      id,
    );
    if (!entity) throw notFoundProblem(`Litigation case ${id}`);
    return entity;
  }

  /** Stores the deadlines the case's facts imply (calendar days, 行政诉讼法 第一百零一条). */
  private async planDeadlines(
    tx: CommandTransaction,
    entity: LitigationCaseEntity,
    judgment: JudgmentFacts | null,
  ): Promise<void> {
    const calendar = await this.calendars.currentIn(tx.manager);
    const facts = { ...toLitigationFacts(entity, null), judgment };
    await this.deadlinePlans.apply(
      tx.manager,
      { caseType: 'litigation', caseId: entity.id, agencyId: entity.agencyId },
      planLitigationDeadlines(facts),
      calendar,
    );
  }
}
