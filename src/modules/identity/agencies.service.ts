import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { isAdmin, type Actor } from '../../common/auth/actor';
import { checkIfMatch } from '../../common/http/etag';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor';
import {
  conflictProblem,
  notFoundProblem,
  ProblemException,
  validationProblem,
} from '../../common/problem/problem';
import { isUniqueViolation } from '../../database/postgres-errors';
import { rowToEntity } from '../../database/raw-rows';
import { AuditService } from '../audit/audit.service';
import { AgencyEntity } from './agency.entity';
import { toAgencyDto } from './agency.mapper';
import type { AgencyDto, AgencyQueryDto, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';

function forbidden(detail: string) {
  return new ProblemException({ status: 403, slug: 'forbidden', title: 'Forbidden', detail });
}

@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** An agency visible to the actor: any for an admin, their own tenant's otherwise. */
  async findVisible(actor: Actor, id: string, manager?: EntityManager): Promise<AgencyEntity> {
    const admin = isAdmin(actor);
    if (!admin && !actor.agencyId) throw notFoundProblem(`Agency ${id}`);
    const rows = await (manager ?? this.dataSource.manager).query<Record<string, unknown>[]>(
      admin
        ? 'SELECT * FROM agency WHERE id = $1'
        : 'SELECT * FROM agency WHERE id = $1 AND tenant_id = $2',
      admin ? [id] : [id, actor.agencyId],
    );
    if (!rows[0]) throw notFoundProblem(`Agency ${id}`);
    return rowToEntity(this.dataSource, AgencyEntity, rows[0]);
  }

  async get(actor: Actor, id: string): Promise<AgencyDto> {
    return toAgencyDto(await this.findVisible(actor, id));
  }

  async list(actor: Actor, query: AgencyQueryDto): Promise<Page<AgencyDto>> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const builder = this.dataSource
      .getRepository(AgencyEntity)
      .createQueryBuilder('agency')
      .orderBy('agency.code', 'ASC')
      .addOrderBy('agency.id', 'ASC')
      .limit(query.limit + 1);
    if (!isAdmin(actor)) builder.andWhere('agency.tenantId = :tenant', { tenant: actor.agencyId });
    if (query.kind) builder.andWhere('agency.kind = :kind', { kind: query.kind });
    if (after) {
      builder.andWhere('(agency.code, agency.id) > (:code, :id)', { code: after[0], id: after[1] });
    }
    const rows = await builder.getMany();
    return toPage(rows, query.limit, (row) => [row.code, row.id], toAgencyDto);
  }

  async create(actor: Actor, input: CreateAgencyDto): Promise<AgencyDto> {
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      let tenantId: string;
      let parentId = input.parentId ?? null;
      if (input.kind === 'reconsideration_body') {
        if (!isAdmin(actor)) throw forbidden('Only an admin creates reconsideration bodies');
        if (parentId) await this.findVisible(actor, parentId, manager);
        tenantId = id;
      } else {
        parentId ??= isAdmin(actor) ? null : actor.agencyId;
        if (!parentId) {
          throw validationProblem([
            {
              field: 'parentId',
              message: 'an administrative agency needs the agency it stands under',
            },
          ]);
        }
        tenantId = (await this.findVisible(actor, parentId, manager)).tenantId;
      }
      const agency = manager.create(AgencyEntity, {
        id,
        name: input.name,
        code: input.code,
        kind: input.kind,
        parentId,
        tenantId,
        receiptNumberTemplate: input.receiptNumberTemplate ?? null,
        caseNumberTemplate: input.caseNumberTemplate ?? null,
      });
      await this.saveUnique(manager, agency);
      await this.audit.record(manager, actor, {
        action: 'agency.created',
        targetType: 'agency',
        targetId: id,
        agencyId: tenantId,
        summary: { name: input.name, code: input.code, kind: input.kind, parentId },
      });
      return toAgencyDto(agency);
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateAgencyDto,
    ifMatch: string | undefined,
  ): Promise<AgencyDto> {
    return this.dataSource.transaction(async (manager) => {
      const agency = await this.findVisible(actor, id, manager);
      await manager.query('SELECT 1 FROM agency WHERE id = $1 FOR UPDATE', [id]);
      checkIfMatch(ifMatch, agency.version);
      const before = { ...agency };
      Object.assign(agency, input);
      await this.saveUnique(manager, agency);
      const changed = Object.fromEntries(
        Object.keys(input).map((key) => [
          key,
          { from: before[key as keyof AgencyEntity], to: input[key as keyof UpdateAgencyDto] },
        ]),
      );
      await this.audit.record(manager, actor, {
        action: 'agency.updated',
        targetType: 'agency',
        targetId: id,
        agencyId: agency.tenantId,
        summary: changed,
      });
      return toAgencyDto(agency);
    });
  }

  private async saveUnique(manager: EntityManager, agency: AgencyEntity): Promise<void> {
    try {
      await manager.save(agency);
    } catch (error) {
      if (isUniqueViolation(error, 'agency_code_key')) {
        throw conflictProblem('agency-code-taken', `An agency with code ${agency.code} exists`);
      }
      throw error;
    }
  }
}
