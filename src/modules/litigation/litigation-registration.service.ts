import { Injectable } from '@nestjs/common';
import { SecretBox } from '../../common/crypto/secret-box';
import {
  conflictProblem,
  notFoundProblem,
  ruleProblem,
  validationProblem,
} from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import { decideLitigationFiling } from '../../domain/litigation/decide-litigation-filing.rule';
import {
  DEFENDANT_TASKS,
  deriveDefendants,
  type DefendantDerivation,
} from '../../domain/litigation/defendants.rule';
import type {
  LitigationInstance,
  RetrialProcedure,
} from '../../domain/litigation/litigation-case.types';
import {
  interpretationArticle,
  litigationArticle,
} from '../../domain/litigation/litigation-decision.factory';
import type { Procedure } from '../../domain/deadlines/deadline-definition.type';
import type { CommandTransaction } from '../commands/command-runner';
import { litigationFilingProblem } from '../commands/refusal-problems';
import { ReconsiderationCaseRepository } from '../reconsideration/reconsideration-case.repository';
import { LitigationCaseRepository, type NewDefendant } from './litigation-case.repository';
import { LitigationDeadlinePlanner } from './litigation-deadline-planner';
import { maskedPlaintiffs, sealPlaintiffs, searchTextOf } from './litigation.mapper';

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

interface ResolvedDefendants {
  list: NewDefendant[];
  coDefendant: boolean;
  reconsiderationCaseId: string | null;
  derivation: DefendantDerivation | null;
}

const BODY_TASK_BASIS = `${litigationArticle('第二十六条第二款')}; ${interpretationArticle('第一百三十五条第二款')}`;

/**
 * Defendants as named: the body itself defends its reconsideration decision, every other agency
 * the original act.
 */
export function namedDefendants(bodyAgencyId: string, ids: readonly string[]): NewDefendant[] {
  return ids.map((id) =>
    id === bodyAgencyId
      ? { agencyId: id, role: 'reconsideration_body', task: 'defend_reconsideration_decision' }
      : { agencyId: id, role: 'original_act', task: 'defend_original_act' },
  );
}

/**
 * Registers a lawsuit inside a command's transaction, for the clerks' registration and the
 * court's filing alike: the filing decided by the pure domain, the defendants resolved, the
 * deadlines planned, the creation recorded (with the body's own task and the linked
 * reconsideration case marked litigated).
 */
@Injectable()
export class LitigationRegistrationService {
  constructor(
    private readonly cases: LitigationCaseRepository,
    private readonly reconsideration: ReconsiderationCaseRepository,
    private readonly deadlines: LitigationDeadlinePlanner,
    private readonly box: SecretBox,
  ) {}

  /** Registers the case; returns its id. */
  async registerIn(tx: CommandTransaction, input: NewLitigationCase): Promise<string> {
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
    await this.deadlines.replanIn(tx, entity, null);

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
        list: namedDefendants(agencyId, given),
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
        list: namedDefendants(agencyId, given),
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
}
