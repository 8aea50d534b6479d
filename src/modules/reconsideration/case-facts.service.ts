import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { fieldChanges } from '../../common/audit/field-changes';
import { checkIfMatch } from '../../common/http/etag';
import { notFoundProblem, validationProblem } from '../../common/problem/problem';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import {
  decideFactCorrection,
  RULE_FACT_FIELDS,
  type RuleFacts,
} from '../../domain/reconsideration/correct-facts.rule';
import { CalendarService } from '../calendar/calendar.service';
import { CommandRunner } from '../commands/command-runner';
import { caseRefusalProblem } from '../commands/refusal-problems';
import { DeadlinePlanService } from '../deadlines/deadline-plan.service';
import { toCaseFacts } from './case.mapper';
import { CaseQueriesService } from './case-queries.service';
import type { CaseDto } from './dto/case.dto';
import type { CorrectFactsDto, FactChangesDto } from './dto/correct-facts.dto';
import { replanCaseDeadlines } from './case-deadlines';
import { ReconsiderationCaseRepository } from './reconsideration-case.repository';

/** Field names of the API for the rule facts (the audit and errors speak the API's names). */
const API_FIELD: Readonly<Record<keyof RuleFacts, string>> = {
  major: 'major',
  realEstate: 'contestedAct.realEstate',
  remedyRightsNotTold: 'contestedAct.remedyRightsNotTold',
  actOn: 'contestedAct.actOn',
  limitationObstacle: 'limitationObstacle',
  remedyRightsLearnedOn: 'remedyRightsLearnedOn',
  knownOn: 'knownOn',
  receivedOn: 'receivedOn',
  postmarkedOn: 'postmarkedOn',
};

function ruleFactsOf(changes: FactChangesDto): Partial<RuleFacts> {
  const obstacle = changes.limitationObstacle;
  return {
    major: changes.major,
    realEstate: changes.contestedAct?.realEstate,
    remedyRightsNotTold: changes.contestedAct?.remedyRightsNotTold,
    actOn: changes.contestedAct?.actOn as LegalDate | null | undefined,
    limitationObstacle:
      obstacle === undefined || obstacle === null
        ? obstacle
        : {
            startedOn: obstacle.startedOn as LegalDate,
            endedOn: obstacle.endedOn as LegalDate,
            reason: obstacle.reason,
          },
    remedyRightsLearnedOn: changes.remedyRightsLearnedOn as LegalDate | null | undefined,
    knownOn: changes.knownOn as LegalDate | undefined,
    receivedOn: changes.receivedOn as LegalDate | undefined,
    postmarkedOn: changes.postmarkedOn as LegalDate | null | undefined,
  };
}

/**
 * Corrections of the facts that legal rules decide on (`correct-facts`, head only): one command
 * that re-runs the rules on the corrected facts, re-plans the deadlines and records the change
 * with each field's old and new value, in one transaction.
 */
@Injectable()
export class CaseFactsService {
  constructor(
    private readonly commands: CommandRunner,
    private readonly cases: ReconsiderationCaseRepository,
    private readonly calendars: CalendarService,
    private readonly deadlinePlans: DeadlinePlanService,
    private readonly queries: CaseQueriesService,
  ) {}

  async correct(
    actor: Actor,
    id: string,
    input: CorrectFactsDto,
    ifMatch?: string,
  ): Promise<CaseDto> {
    if (input.reason.trim() === '') {
      throw validationProblem([{ field: 'reason', message: 'reason must not be blank' }]);
    }
    const requested = ruleFactsOf(input.changes);
    if (Object.values(requested).every((value) => value === undefined)) {
      throw validationProblem([
        { field: 'changes', message: 'changes must name at least one fact to correct' },
      ]);
    }
    await this.commands.run(actor, async (tx) => {
      const entity = await this.cases.lockForCommand(tx.manager, TenantScope.forRecords(actor), id);
      if (!entity) throw notFoundProblem(`Reconsideration case ${id}`);
      checkIfMatch(ifMatch, entity.version);
      const calendar = await this.calendars.currentIn(tx.manager);
      const decision = decideFactCorrection(toCaseFacts(entity), requested, {
        today: tx.today,
        calendar,
        actorRoles: actor.roles,
        actorId: actor.id,
      });
      if (!decision.ok) {
        switch (decision.kind) {
          case 'invalid':
            throw validationProblem(
              decision.problems.map(({ field, message }) => ({
                field: `changes.${field}`,
                message,
              })),
            );
          case 'closed':
            throw caseRefusalProblem(
              { kind: 'illegal_transition', status: decision.status, allowed: [] },
              'correct_facts',
            );
          case 'rule':
            throw caseRefusalProblem(
              {
                kind: 'rule',
                httpStatus: decision.httpStatus,
                rule: decision.rule,
                basis: decision.basis,
                detail: decision.detail,
              },
              'correct_facts',
            );
        }
      }
      const before = Object.fromEntries(RULE_FACT_FIELDS.map((field) => [field, entity[field]]));
      const after = Object.fromEntries(
        RULE_FACT_FIELDS.map((field) => [field, decision.facts[field]]),
      );
      const changed = Object.fromEntries(
        Object.entries(fieldChanges(before, after)).map(([field, change]) => [
          API_FIELD[field as keyof RuleFacts],
          change,
        ]),
      );
      if (Object.keys(changed).length === 0) {
        throw validationProblem([
          { field: 'changes', message: 'every fact given already has that value' },
        ]);
      }
      Object.assign(entity, after, { reviewStartOn: decision.facts.reviewStartOn });
      entity.contestedAct = { ...entity.contestedAct, actOn: entity.actOn };
      await replanCaseDeadlines(this.deadlinePlans, tx.manager, entity, calendar);
      await this.cases.save(tx.manager, entity);
      const payload = {
        changes: changed,
        reason: input.reason,
        applicationPeriod: decision.applicationPeriod,
      };
      tx.record({
        aggregate: { type: 'reconsideration_case', id, agencyId: entity.agencyId },
        type: 'reconsideration_case.facts_corrected',
        occurredOn: tx.today,
        payload,
        message: {
          caseId: id,
          receiptNumber: entity.receiptNumber,
          caseNumber: entity.caseNumber,
          fields: Object.keys(changed),
        },
        audit: payload,
      });
    });
    return this.queries.get(actor, id);
  }
}
