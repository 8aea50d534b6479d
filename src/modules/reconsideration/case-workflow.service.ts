import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { ASSIGNABLE_ROLES } from '../../common/auth/role';
import { checkIfMatch } from '../../common/http/etag';
import { conflictProblem, notFoundProblem } from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { yearOf, type LegalDate } from '../../domain/calendar/legal-date.value';
import { hearingCancellationOnCaseChange } from '../../domain/hearings/hearings-on-case-change.rule';
import { decideCaseCommand } from '../../domain/reconsideration/decide-case-command.rule';
import type { CaseCommand } from '../../domain/reconsideration/reconsideration-case.types';
import { CalendarService } from '../calendar/calendar.service';
import { CommandRunner, type CommandTransaction } from '../commands/command-runner';
import { caseRefusalProblem } from '../commands/refusal-problems';
import { DeadlinePlanService } from '../deadlines/deadline-plan.service';
import { HearingRepository } from '../hearings/hearing.repository';
import { UserRepository } from '../identity/user.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import { searchTextOf, toCaseFacts } from './case.mapper';
import { CaseNumberingService } from './case-numbering.service';
import type { ReconsiderationCaseEntity } from './reconsideration-case.entity';
import { replanCaseDeadlines } from './case-deadlines';
import { ReconsiderationCaseRepository } from './reconsideration-case.repository';

/** Extra data some commands carry beyond the pure machine's facts. */
export interface CommandExtras {
  caseNumber?: string;
  rejection?: { reason: string; competentBody: string | null };
  opinionHeardHow?: ReconsiderationCaseEntity['opinionHeardHow'];
}

/**
 * The only writer of a reconsideration case's status. Each command goes through the command
 * runner: lock the case, decide with the pure machine, write the state and its consequences
 * (case number, freed hearings, deadlines), record what happened.
 */
@Injectable()
export class CaseWorkflowService {
  constructor(
    private readonly commands: CommandRunner,
    private readonly cases: ReconsiderationCaseRepository,
    private readonly numbering: CaseNumberingService,
    private readonly calendars: CalendarService,
    private readonly deadlinePlans: DeadlinePlanService,
    private readonly users: UserRepository,
    private readonly hearings: HearingRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async execute(
    actor: Actor,
    caseId: string,
    command: CaseCommand,
    extras: CommandExtras = {},
    ifMatch?: string,
  ): Promise<void> {
    await this.commands.run(actor, (tx) =>
      this.decideAndApply(tx, caseId, command, extras, ifMatch),
    );
  }

  private async decideAndApply(
    tx: CommandTransaction,
    caseId: string,
    command: CaseCommand,
    extras: CommandExtras,
    ifMatch: string | undefined,
  ): Promise<void> {
    const entity = await this.cases.lockForCommand(
      tx.manager,
      TenantScope.forRecords(tx.actor),
      caseId,
    );
    if (!entity) throw notFoundProblem(`Reconsideration case ${caseId}`);
    checkIfMatch(ifMatch, entity.version);
    const calendar = await this.calendars.currentIn(tx.manager);
    const fromStatus = entity.status;
    const decision = decideCaseCommand(toCaseFacts(entity), command, {
      today: tx.today,
      calendar,
      actorRoles: tx.actor.roles,
      actorId: tx.actor.id,
    });
    if (!decision.ok) throw caseRefusalProblem(decision.refusal, command.type);

    Object.assign(entity, decision.changes);
    if (command.type === 'assign') await this.assertHandler(tx, entity, command.handlerId);
    if (command.type === 'accept' || command.type === 'deem_accept') {
      entity.caseNumber = await this.caseNumberOf(tx, entity, extras.caseNumber);
      entity.searchText = searchTextOf(entity);
    }
    if (command.type === 'reject') entity.rejection = extras.rejection ?? null;
    if (command.type === 'record_opinion_heard') {
      entity.opinionHeardHow = extras.opinionHeardHow ?? null;
    }
    if (command.type === 'reopen' && !entity.opinionHeardOn) entity.opinionHeardHow = null;

    const cancelledHearings = await this.cancelHearings(tx, entity, fromStatus);
    await replanCaseDeadlines(this.deadlinePlans, tx.manager, entity, calendar);
    await this.cases.save(tx.manager, entity);

    const { event } = decision;
    tx.record({
      aggregate: { type: 'reconsideration_case', id: caseId, agencyId: entity.agencyId },
      type: `reconsideration_case.${event.type}`,
      occurredOn: event.occurredOn,
      payload: {
        ...event.payload,
        fromStatus,
        toStatus: entity.status,
        ...extras,
        ...(cancelledHearings.length > 0 ? { cancelledHearings } : {}),
      },
      message: {
        caseId,
        receiptNumber: entity.receiptNumber,
        caseNumber: entity.caseNumber,
        status: entity.status,
        occurredOn: event.occurredOn,
      },
      audit: { command: command.type, fromStatus, toStatus: entity.status },
    });
  }

  /** A number given by hand must be free; otherwise the next free one of the year. */
  private async caseNumberOf(
    tx: CommandTransaction,
    entity: ReconsiderationCaseEntity,
    given: string | undefined,
  ): Promise<string> {
    if (given === undefined) {
      const year = yearOf(entity.acceptedOn as LegalDate);
      return this.numbering.next(tx.manager, entity.agencyId, 'case', year);
    }
    if (await this.cases.caseNumberTaken(tx.manager, entity.agencyId, given)) {
      throw conflictProblem(
        ProblemType.NumberTaken,
        `The case number ${given} is taken by another case of the body`,
        { caseNumber: given },
      );
    }
    return given;
  }

  /** A case leaving review frees its scheduled hearings (rooms, people, reminders). */
  private async cancelHearings(
    tx: CommandTransaction,
    entity: ReconsiderationCaseEntity,
    fromStatus: string,
  ): Promise<string[]> {
    const reason = hearingCancellationOnCaseChange(fromStatus, entity.status);
    if (reason === null) return [];
    const cancelled = await this.hearings.cancelScheduledOfCase(tx.manager, entity.id, reason);
    for (const hearingId of cancelled) {
      await this.outbox.supersedeHearingReminders(tx.manager, hearingId);
    }
    return cancelled;
  }

  private async assertHandler(
    tx: CommandTransaction,
    entity: ReconsiderationCaseEntity,
    handlerId: string,
  ): Promise<void> {
    if (
      !(await this.users.isActiveWithRole(tx.manager, entity.agencyId, handlerId, ASSIGNABLE_ROLES))
    ) {
      throw notFoundProblem(`Handler ${handlerId} (an active clerk or head of the agency)`);
    }
  }
}
