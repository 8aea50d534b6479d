import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock/clock';
import { toPage, type Page } from '../../common/pagination/cursor';
import { pageWindow } from '../../common/pagination/page-window';
import { notFoundProblem } from '../../common/problem/problem';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { isCorrection } from '../../domain/reconsideration/closure.rule';
import { idNumberHash } from '../../common/crypto/pii-fields';
import { CommandRunner } from '../commands/command-runner';
import { DeadlineRepository } from '../deadlines/deadline.repository';
import type { CaseEventListDto } from '../timeline/dto/case-event.dto';
import { CaseEventRepository } from '../timeline/case-event.repository';
import { toCaseDto, toCaseSummaryDto, toDeadlineDto } from './case.mapper';
import type { CaseDeadlineDto, CaseDto, CaseQueryDto } from './dto/case.dto';
import type { ClosureDto, ClosureQueryDto } from './dto/closure.dto';
import type { ReconsiderationCaseEntity } from './reconsideration-case.entity';
import { ReconsiderationCaseRepository } from './reconsideration-case.repository';

/** Who sees full ID numbers, on a single case (API.md): the office head and the case handlers. */
const ID_NUMBER_READERS: readonly string[] = ['head', 'clerk'];

/** How many ID numbers of natural persons the case holds (applicants, agent, third parties). */
function personalIdNumbersOf(entity: ReconsiderationCaseEntity): number {
  const persons = entity.applicants.filter((a) => a.kind === 'person' && a.idNumber).length;
  const others = [entity.agent, ...entity.thirdParties].filter((p) => p?.idNumber).length;
  return persons + others;
}

const asFlag = (value: 'true' | 'false' | undefined) =>
  value === undefined ? undefined : value === 'true';

/** Reads of reconsideration cases: one case, lists, deadlines, timeline, closures. */
@Injectable()
export class CaseQueriesService {
  constructor(
    private readonly cases: ReconsiderationCaseRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly timeline: CaseEventRepository,
    private readonly clock: Clock,
    private readonly commands: CommandRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The full case. ID numbers in clear only for `head` and `clerk` (PIPL: the least needed), and
   * each such view of a case holding personal ID numbers is audited; others see them masked.
   */
  async get(actor: Actor, id: string): Promise<CaseDto> {
    const entity = await this.findInScope(actor, id);
    const deadlines = await this.deadlines.listForCase(id, this.clock.today());
    const showIdNumbers = actor.roles.some((role) => ID_NUMBER_READERS.includes(role));
    const shown = showIdNumbers ? personalIdNumbersOf(entity) : 0;
    if (shown > 0) {
      await this.commands.run(actor, (tx) => {
        tx.audit({
          action: 'reconsideration_case.id_numbers_viewed',
          targetType: 'reconsideration_case',
          targetId: id,
          agencyId: entity.agencyId,
          summary: { idNumbers: shown, address: actor.address ?? null },
        });
        return Promise.resolve();
      });
    }
    return toCaseDto(entity, deadlines, showIdNumbers);
  }

  async list(
    actor: Actor,
    query: CaseQueryDto,
  ): Promise<Page<ReturnType<typeof toCaseSummaryDto>>> {
    const rows = await this.cases.list(TenantScope.forList(actor, query.agencyId), {
      status: query.status,
      handlerId: query.handlerId,
      receivedFrom: query.receivedFrom,
      receivedTo: query.receivedTo,
      q: query.q,
      idNumberHash: query.idNumber === undefined ? undefined : idNumberHash(query.idNumber),
      overdue: asFlag(query.overdue),
      today: this.clock.today(),
      ...pageWindow(query, ['date', 'uuid']),
    });
    return toPage(rows, query.limit, (row) => [row.received_on, row.id], toCaseSummaryDto);
  }

  async deadlinesOf(actor: Actor, id: string): Promise<CaseDeadlineDto[]> {
    await this.findInScope(actor, id);
    return (await this.deadlines.listForCase(id, this.clock.today())).map(toDeadlineDto);
  }

  async events(actor: Actor, id: string): Promise<CaseEventListDto> {
    await this.findInScope(actor, id);
    return { items: await this.timeline.listForCase(id) };
  }

  async closure(actor: Actor, id: string): Promise<ClosureDto> {
    const entity = await this.findInScope(actor, id);
    return this.toClosure(entity, await this.cases.litigationWindowEndsOn(id));
  }

  async closures(actor: Actor, query: ClosureQueryDto): Promise<Page<ClosureDto>> {
    const rows = await this.cases.closures(TenantScope.forList(actor, query.agencyId), {
      concludedFrom: query.concludedFrom,
      concludedTo: query.concludedTo,
      outcome: query.outcome,
      served: asFlag(query.served),
      archived: asFlag(query.archived),
      ...pageWindow(query, ['date', 'uuid']),
    });
    return toPage(
      rows,
      query.limit,
      (row) => [row.case.concludedOn as string, row.case.id],
      (row) => this.toClosure(row.case, row.litigationWindowEndsOn),
    );
  }

  private toClosure(
    entity: ReconsiderationCaseEntity,
    litigationWindowEndsOn: string | null,
  ): ClosureDto {
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
      litigated: entity.litigated,
      archivedOn: entity.archivedOn,
      corrected: isCorrection(entity.outcome, this.config.correctionOutcomes),
    };
  }

  private async findInScope(actor: Actor, id: string): Promise<ReconsiderationCaseEntity> {
    const entity = await this.cases.findInScope(TenantScope.forRecords(actor), id);
    if (!entity) throw notFoundProblem(`Reconsideration case ${id}`);
    return entity;
  }
}
