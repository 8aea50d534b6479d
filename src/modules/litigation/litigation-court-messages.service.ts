import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { applyFieldChanges } from '../../common/audit/apply-field-changes';
import { SecretBox } from '../../common/crypto/secret-box';
import { conflictProblem, notFoundProblem, ruleProblem } from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import type {
  LitigationCommand,
  LitigationInstance,
} from '../../domain/litigation/litigation-case.types';
import { CommandRunner, type CommandTransaction } from '../commands/command-runner';
import { canonicalCourtCaseNumber, lockCaseOfCourtMessage } from './court-message-case';
import type { LitigationCaseEntity } from './litigation-case.entity';
import { LitigationCaseRepository } from './litigation-case.repository';
import { LitigationCasesService } from './litigation-cases.service';
import { checkComplaintAfterFiling, checkLitigationDatePast } from './litigation-dates';
import {
  LitigationRegistrationService,
  namedDefendants,
  type NewLitigationCase,
} from './litigation-registration.service';
import { maskedPlaintiffs, sealPlaintiffs } from './litigation.mapper';

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

/**
 * What the court sends about its lawsuits (court liaison): the filing, which registers or updates
 * the case with that 案号, and the judgment, keyed by the court's document id. Each message is one
 * command through the command runner, with the court's API client as actor.
 */
@Injectable()
export class LitigationCourtMessagesService {
  constructor(
    private readonly commands: CommandRunner,
    private readonly cases: LitigationCaseRepository,
    private readonly registration: LitigationRegistrationService,
    private readonly workflow: LitigationCasesService,
    private readonly box: SecretBox,
  ) {}

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
        const id = await this.registration.registerIn(tx, {
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
          await this.workflow.executeIn(tx, entity.id, {
            type: 'record_service',
            servedOn: judgment.servedOn as LegalDate,
          });
        }
        return { created: false, id: entity.id };
      }
      await this.workflow.executeIn(
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
    if (filing.filedOn !== undefined) {
      checkLitigationDatePast(tx.today, 'filedOn', filing.filedOn as LegalDate);
    }
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
      checkLitigationDatePast(tx.today, 'complaintServedOn', filing.complaintServedOn as LegalDate);
      next.complaintReceivedOn = filing.complaintServedOn as LegalDate;
    }
    const changes = applyFieldChanges(entity, next);
    const plaintiffsChanged =
      JSON.stringify(maskedPlaintiffs(entity.plaintiffs)) !==
        JSON.stringify(maskedPlaintiffs(sealed.records)) ||
      entity.plaintiffIdHashes.join() !== sealed.hashes.join();
    if (plaintiffsChanged) {
      entity.plaintiffs = sealed.records;
      entity.plaintiffIdHashes = sealed.hashes;
    }
    checkComplaintAfterFiling(entity.complaintReceivedOn, entity.filedOn, 'served');
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
        namedDefendants(entity.agencyId, defendantAgencyIds),
      );
    }
    if (Object.keys(changes).length === 0 && !plaintiffsChanged && sameDefendants) return;
    await this.workflow.saveDetailsIn(tx, entity);
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
}
