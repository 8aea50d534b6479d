import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../common/tenancy/tenant-scope';
import { ScopedFilter } from '../../common/tenancy/scoped-filter';
import { TenantScopedRepository } from '../../common/tenancy/tenant-scoped.repository';
import { rowToEntity } from '../../database/raw-rows';
import type { DefendantRole, DefendantTask } from '../../domain/litigation/defendants.rule';
import { LitigationCaseEntity } from './litigation-case.entity';
import { LitigationJudgmentEntity } from './litigation-judgment.entity';

export interface LitigationListFilter {
  instance?: string;
  status?: string;
  /** Text in 案号, court or plaintiffs' names (trigram), or the keyed hash of an ID number. */
  q?: string;
  qHash?: string;
  reconsiderationCaseId?: string;
  after: string[] | null;
  limit: number;
}

/** A list row of a litigation case (ID numbers masked at rest already). */
export interface LitigationSummaryRow {
  id: string;
  agency_id: string;
  court_case_number: string;
  court_name: string;
  instance: string;
  status: string;
  plaintiffs: LitigationCaseEntity['plaintiffs'];
  co_defendant: boolean;
  cause: string;
  complaint_received_on: string;
  judgment_result: string | null;
  version: number;
}

/** A defendant as the case views show it. */
export interface DefendantView {
  id: string;
  agencyId: string;
  name: string;
  code: string;
  role: DefendantRole;
  task: DefendantTask;
}

export interface NewDefendant {
  agencyId: string;
  role: DefendantRole;
  task: DefendantTask;
}

/** An agency of the body's tenant, for defendants. */
export interface TenantAgency {
  id: string;
  code: string;
  name: string;
  kind: string;
}

/**
 * Litigation cases (tables litigation_case, litigation_defendant, litigation_judgment); every
 * read scoped to the tenant.
 */
@Injectable()
export class LitigationCaseRepository extends TenantScopedRepository<LitigationCaseEntity> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, LitigationCaseEntity);
  }

  /** The body's case with this canonical 案号, locked; null when none. */
  async lockByCourtCaseNumber(
    manager: EntityManager,
    agencyId: string,
    courtCaseNumber: string,
  ): Promise<LitigationCaseEntity | null> {
    const [row] = await manager.query<Record<string, unknown>[]>(
      'SELECT * FROM litigation_case WHERE agency_id = $1 AND court_case_number = $2 FOR UPDATE',
      [agencyId, courtCaseNumber],
    );
    return row ? rowToEntity(this.dataSource, LitigationCaseEntity, row) : null;
  }

  /** The id of the body's case with this canonical 案号 (scoped), or null. */
  async idByCourtCaseNumber(scope: TenantScope, courtCaseNumber: string): Promise<string | null> {
    const [row] = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM litigation_case
        WHERE court_case_number = $1 AND ($2::uuid IS NULL OR agency_id = $2)
        ORDER BY created_at LIMIT 1`,
      [courtCaseNumber, scope.agencyId],
    );
    return row?.id ?? null;
  }

  /** True when another case of the body carries this 案号. */
  courtCaseNumberTaken(manager: EntityManager, agencyId: string, number: string): Promise<boolean> {
    return this.takenInBody(manager, agencyId, 'court_case_number', number);
  }

  /** Agencies of the tenant among `ids` (the body itself included). */
  async agenciesOfTenant(
    manager: EntityManager,
    tenantId: string,
    ids: readonly string[],
  ): Promise<TenantAgency[]> {
    return manager.query<TenantAgency[]>(
      'SELECT id, code, name, kind FROM agency WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
      [tenantId, ids],
    );
  }

  /** Agencies of the tenant with these codes (the court liaison names defendants by code). */
  async agenciesOfTenantByCode(
    manager: EntityManager,
    tenantId: string,
    codes: readonly string[],
  ): Promise<TenantAgency[]> {
    return manager.query<TenantAgency[]>(
      'SELECT id, code, name, kind FROM agency WHERE tenant_id = $1 AND code = ANY($2::text[])',
      [tenantId, codes],
    );
  }

  /** Replaces the case's defendants (in the given order). */
  async replaceDefendants(
    manager: EntityManager,
    caseId: string,
    tenantId: string,
    defendants: readonly NewDefendant[],
  ): Promise<void> {
    const existing = await manager.query<Array<{ agency_id: string }>>(
      'SELECT agency_id FROM litigation_defendant WHERE case_id = $1',
      [caseId],
    );
    const keep = new Set(defendants.map((d) => d.agencyId));
    const gone = existing.map((row) => row.agency_id).filter((id) => !keep.has(id));
    if (gone.length > 0) {
      await manager.query(
        `DELETE FROM litigation_defendant d
          WHERE d.case_id = $1 AND d.agency_id = ANY($2::uuid[])
            AND NOT EXISTS (SELECT 1 FROM court_appearance a WHERE a.defendant_id = d.id)`,
        [caseId, gone],
      );
    }
    for (const [position, defendant] of defendants.entries()) {
      await manager.query(
        `INSERT INTO litigation_defendant (case_id, tenant_id, agency_id, role, task, position)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (case_id, agency_id) DO UPDATE
           SET role = EXCLUDED.role, task = EXCLUDED.task, position = EXCLUDED.position`,
        [caseId, tenantId, defendant.agencyId, defendant.role, defendant.task, position],
      );
    }
  }

  /** The case's defendants, in position order. */
  async defendantsOf(
    caseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DefendantView[]> {
    return manager.query<DefendantView[]>(
      `SELECT d.id, d.agency_id AS "agencyId", a.name, a.code, d.role, d.task
         FROM litigation_defendant d JOIN agency a ON a.id = d.agency_id
        WHERE d.case_id = $1 ORDER BY d.position, d.id`,
      [caseId],
    );
  }

  /** The case's judgment, if recorded. */
  async judgmentOf(
    caseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LitigationJudgmentEntity | null> {
    const [row] = await manager.query<Record<string, unknown>[]>(
      'SELECT * FROM litigation_judgment WHERE case_id = $1',
      [caseId],
    );
    return row ? rowToEntity(this.dataSource, LitigationJudgmentEntity, row) : null;
  }

  /** Writes the case's judgment (one per case). */
  async saveJudgment(
    manager: EntityManager,
    judgment: Omit<LitigationJudgmentEntity, 'id' | 'createdAt' | 'updatedAt'>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO litigation_judgment (case_id, tenant_id, court_document_id, decided_on, kind,
                                        disposition, partial, served_on, result)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (case_id) DO UPDATE
         SET court_document_id = coalesce(EXCLUDED.court_document_id,
                                          litigation_judgment.court_document_id),
             decided_on = EXCLUDED.decided_on, kind = EXCLUDED.kind,
             disposition = EXCLUDED.disposition, partial = EXCLUDED.partial,
             served_on = EXCLUDED.served_on, result = EXCLUDED.result, updated_at = now()`,
      [
        judgment.caseId,
        judgment.tenantId,
        judgment.courtDocumentId,
        judgment.decidedOn,
        judgment.kind,
        judgment.disposition,
        judgment.partial,
        judgment.servedOn,
        judgment.result,
      ],
    );
  }

  /** The case a court document id was recorded on, in the tenant. */
  async caseIdOfCourtDocument(
    manager: EntityManager,
    tenantId: string,
    courtDocumentId: string,
  ): Promise<string | null> {
    const [row] = await manager.query<Array<{ case_id: string }>>(
      'SELECT case_id FROM litigation_judgment WHERE tenant_id = $1 AND court_document_id = $2',
      [tenantId, courtDocumentId],
    );
    return row?.case_id ?? null;
  }

  /** A page of cases, latest complaint first (keyset on complaint_received_on, id). */
  async list(scope: TenantScope, filter: LitigationListFilter): Promise<LitigationSummaryRow[]> {
    const where = new ScopedFilter(scope, 'c');
    where.add((p) => `c.instance = ${p}`, filter.instance);
    where.add((p) => `c.status = ${p}`, filter.status);
    where.add((p) => `c.reconsideration_case_id = ${p}::uuid`, filter.reconsiderationCaseId);
    if (filter.q !== undefined) {
      const like = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
      if (filter.qHash !== undefined) {
        where.addAll(
          [like, [filter.qHash]],
          (text, hashes) =>
            `(c.search_text ILIKE ${text} OR c.plaintiff_id_hashes && ${hashes}::text[])`,
        );
      } else {
        where.add((p) => `c.search_text ILIKE ${p}`, like);
      }
    }
    if (filter.after) {
      where.addAll(
        filter.after,
        (on, id) => `(c.complaint_received_on, c.id) < (${on}::date, ${id}::uuid)`,
      );
    }
    const limit = where.param(filter.limit);
    return this.dataSource.query<LitigationSummaryRow[]>(
      `SELECT c.id, c.agency_id, c.court_case_number, c.court_name, c.instance, c.status,
              c.plaintiffs, c.co_defendant, c.cause,
              c.complaint_received_on::text AS complaint_received_on,
              (SELECT j.result FROM litigation_judgment j WHERE j.case_id = c.id) AS judgment_result,
              c.version
         FROM litigation_case c
        WHERE ${where.sql}
        ORDER BY c.complaint_received_on DESC, c.id DESC
        LIMIT ${limit}`,
      where.params,
    );
  }
}
