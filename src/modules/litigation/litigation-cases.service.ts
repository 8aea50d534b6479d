import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { applyFieldChanges, changedFieldsRecord } from '../../common/audit/apply-field-changes';
import { SecretBox } from '../../common/crypto/secret-box';
import { checkIfMatch } from '../../common/http/etag';
import { notFoundProblem } from '../../common/problem/problem';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import { decideLitigationCommand } from '../../domain/litigation/decide-litigation-command.rule';
import type { LitigationCommand } from '../../domain/litigation/litigation-case.types';
import { CalendarService } from '../calendar/calendar.service';
import { CommandRunner, type CommandTransaction } from '../commands/command-runner';
import { litigationRefusalProblem } from '../commands/refusal-problems';
import type { UpdateLitigationCaseDto } from './dto/create-litigation-case.dto';
import type { LitigationCaseEntity } from './litigation-case.entity';
import { LitigationCaseRepository } from './litigation-case.repository';
import { checkComplaintAfterFiling, checkLitigationDatePast } from './litigation-dates';
import { LitigationDeadlinePlanner } from './litigation-deadline-planner';
import {
  LitigationRegistrationService,
  type NewLitigationCase,
} from './litigation-registration.service';
import {
  maskedPlaintiffs,
  sealPlaintiffs,
  searchTextOf,
  toJudgmentFacts,
  toLitigationFacts,
} from './litigation.mapper';

/**
 * Registers lawsuits and runs their commands, each through the command runner: one transaction
 * that locks, decides with the pure domain (src/domain/litigation), writes, replans the deadlines
 * and records what happened (timeline event, outbox message, audit entry). The court's messages
 * come in through LitigationCourtMessagesService, which runs the same steps.
 */
@Injectable()
export class LitigationCasesService {
  constructor(
    private readonly commands: CommandRunner,
    private readonly cases: LitigationCaseRepository,
    private readonly registration: LitigationRegistrationService,
    private readonly calendars: CalendarService,
    private readonly deadlines: LitigationDeadlinePlanner,
    private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Registers a case (201); returns its id. */
  create(actor: Actor, input: NewLitigationCase): Promise<string> {
    return this.commands.run(actor, (tx) => this.registration.registerIn(tx, input));
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
        if (on !== undefined) checkLitigationDatePast(tx.today, field, on as LegalDate);
      }
      const filedOn = (input.filedOn ?? entity.filedOn) as LegalDate | null;
      checkComplaintAfterFiling(entity.complaintReceivedOn, filedOn, 'received');
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
      const changes = applyFieldChanges(entity, next, (value) =>
        Array.isArray(value) && value.every((item) => typeof item === 'string')
          ? '(hashes)'
          : Array.isArray(value)
            ? maskedPlaintiffs(value as LitigationCaseEntity['plaintiffs'])
            : value,
      );
      await this.saveDetailsIn(tx, entity);
      tx.record({
        aggregate: { type: 'litigation_case', id, agencyId: entity.agencyId },
        type: 'litigation_case.details_updated',
        occurredOn: null,
        ...changedFieldsRecord(changes),
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

  /** One workflow command inside a transaction already running (the court's judgment too). */
  async executeIn(
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
    await this.deadlines.replanIn(tx, entity, judgmentFacts);
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

  /**
   * Saves a change of the case's descriptive facts inside a transaction already running: its
   * search text recomputed, its deadlines replanned with the stored judgment.
   */
  async saveDetailsIn(tx: CommandTransaction, entity: LitigationCaseEntity): Promise<void> {
    entity.searchText = searchTextOf(entity);
    const judgment = await this.cases.judgmentOf(entity.id, tx.manager);
    await this.deadlines.replanIn(tx, entity, toJudgmentFacts(judgment));
    await this.cases.save(tx.manager, entity);
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
}
