import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../common/tenancy/tenant-scope';
import { rowToEntity } from '../../database/raw-rows';
import { AgencyEntity, type AgencyKind } from './agency.entity';

export interface AgencyListFilter {
  kind?: AgencyKind;
  after: string[] | null;
  limit: number;
}

export interface NumberTemplates {
  code: string;
  receiptNumberTemplate: string | null;
  caseNumberTemplate: string | null;
}

/** Agencies (table agency): bodies are their own tenant, other agencies stand under one. */
@Injectable()
export class AgencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** An agency of a tenant in scope (raw read: hot path). */
  async findInScope(
    scope: TenantScope,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<AgencyEntity | null> {
    const [row] = await manager.query<Record<string, unknown>[]>(
      `SELECT * FROM agency WHERE id = $1 AND ($2::uuid IS NULL OR tenant_id = $2)${lock ? ' FOR UPDATE' : ''}`,
      [id, scope.agencyId],
    );
    return row ? rowToEntity(this.dataSource, AgencyEntity, row) : null;
  }

  /** Agencies in code order (keyset on code, id). */
  async list(scope: TenantScope, filter: AgencyListFilter): Promise<AgencyEntity[]> {
    const builder = this.dataSource
      .getRepository(AgencyEntity)
      .createQueryBuilder('agency')
      .orderBy('agency.code', 'ASC')
      .addOrderBy('agency.id', 'ASC')
      .limit(filter.limit);
    if (scope.agencyId !== null) {
      builder.andWhere('agency.tenantId = :tenant', { tenant: scope.agencyId });
    }
    if (filter.kind) builder.andWhere('agency.kind = :kind', { kind: filter.kind });
    if (filter.after) {
      builder.andWhere('(agency.code, agency.id) > (:code, :id)', {
        code: filter.after[0],
        id: filter.after[1],
      });
    }
    return builder.getMany();
  }

  create(manager: EntityManager, fields: Partial<AgencyEntity>): AgencyEntity {
    return manager.create(AgencyEntity, fields);
  }

  async save(manager: EntityManager, agency: AgencyEntity): Promise<void> {
    await manager.save(agency);
  }

  /** The body's code and number templates, for receipt and case numbers. */
  async numberTemplates(manager: EntityManager, agencyId: string): Promise<NumberTemplates> {
    const [row] = await manager.query<
      Array<{
        code: string;
        receipt_number_template: string | null;
        case_number_template: string | null;
      }>
    >('SELECT code, receipt_number_template, case_number_template FROM agency WHERE id = $1', [
      agencyId,
    ]);
    return {
      code: row.code,
      receiptNumberTemplate: row.receipt_number_template,
      caseNumberTemplate: row.case_number_template,
    };
  }

  async nameOf(agencyId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<Array<{ name: string }>>(
      'SELECT name FROM agency WHERE id = $1',
      [agencyId],
    );
    return row?.name ?? null;
  }
}
