import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { CASE_HANDLER_ROLES } from '../../common/auth/role';
import { Clock } from '../../common/clock/clock';
import { SecretBox } from '../../common/crypto/secret-box';
import { toPage, type Page } from '../../common/pagination/cursor';
import { pageWindow } from '../../common/pagination/page-window';
import { notFoundProblem } from '../../common/problem/problem';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { isValidIdCardNumber } from '../../domain/reconsideration/id-card-number.value';
import { DeadlineRepository } from '../deadlines/deadline.repository';
import { CaseEventRepository } from '../timeline/case-event.repository';
import type { CaseEventListDto } from '../timeline/dto/case-event.dto';
import type {
  LitigationCaseDto,
  LitigationCaseQueryDto,
  LitigationCaseSummaryDto,
  LitigationDeadlineDto,
} from './dto/litigation-case.dto';
import type { LitigationCaseEntity } from './litigation-case.entity';
import { LitigationCaseRepository } from './litigation-case.repository';
import {
  toLitigationCaseDto,
  toLitigationDeadlineDto,
  toLitigationSummaryDto,
} from './litigation.mapper';

/** A whole ID number (resident ID or credit code): `q` then also finds it by its keyed hash. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Reads of litigation cases: one case, lists, deadlines, timeline. */
@Injectable()
export class LitigationQueriesService {
  constructor(
    private readonly cases: LitigationCaseRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly timeline: CaseEventRepository,
    private readonly box: SecretBox,
    private readonly clock: Clock,
  ) {}

  /** The full case; ID numbers in clear only for people who handle cases. */
  async get(actor: Actor, id: string): Promise<LitigationCaseDto> {
    const entity = await this.findInScope(actor, id);
    const [defendants, judgment, deadlines] = await Promise.all([
      this.cases.defendantsOf(id),
      this.cases.judgmentOf(id),
      this.deadlinesOfCase(id),
    ]);
    return toLitigationCaseDto(this.box, entity, {
      defendants,
      judgment,
      deadlines,
      showIdNumbers:
        actor.kind === 'user' &&
        actor.roles.some((role) => CASE_HANDLER_ROLES.includes(role as never)),
    });
  }

  /** The case with this 案号 (canonical), for the court liaison; null when none in scope. */
  async idByCourtCaseNumber(actor: Actor, courtCaseNumber: string): Promise<string | null> {
    return this.cases.idByCourtCaseNumber(TenantScope.forRecords(actor), courtCaseNumber);
  }

  async list(actor: Actor, query: LitigationCaseQueryDto): Promise<Page<LitigationCaseSummaryDto>> {
    const q = query.q?.trim() || undefined;
    const upper = q?.toUpperCase();
    const qHash =
      upper !== undefined && (isValidIdCardNumber(upper) || CREDIT_CODE.test(upper))
        ? this.box.hash(upper)
        : undefined;
    const rows = await this.cases.list(TenantScope.forList(actor, query.agencyId), {
      instance: query.instance,
      status: query.status,
      q,
      qHash,
      reconsiderationCaseId: query.reconsiderationCaseId,
      ...pageWindow(query, ['date', 'uuid']),
    });
    return toPage(
      rows,
      query.limit,
      (row) => [row.complaint_received_on, row.id],
      toLitigationSummaryDto,
    );
  }

  async deadlinesOf(actor: Actor, id: string): Promise<LitigationDeadlineDto[]> {
    await this.findInScope(actor, id);
    return this.deadlinesOfCase(id);
  }

  async events(actor: Actor, id: string): Promise<CaseEventListDto> {
    await this.findInScope(actor, id);
    return { items: await this.timeline.listForCase(id) };
  }

  private async deadlinesOfCase(id: string): Promise<LitigationDeadlineDto[]> {
    const rows = await this.deadlines.listForLitigationCase(id, this.clock.today());
    return rows.map((row) => toLitigationDeadlineDto(row, row.courtSessionId));
  }

  private async findInScope(actor: Actor, id: string): Promise<LitigationCaseEntity> {
    const entity = await this.cases.findInScope(TenantScope.forRecords(actor), id);
    if (!entity) throw notFoundProblem(`Litigation case ${id}`);
    return entity;
  }
}
