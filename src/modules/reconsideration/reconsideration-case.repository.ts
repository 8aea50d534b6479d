import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { openParty } from '../../common/crypto/pii-fields';
import type { TenantScope } from '../../common/tenancy/tenant-scope';
import { ScopedFilter } from '../../common/tenancy/scoped-filter';
import { TenantScopedRepository } from '../../common/tenancy/tenant-scoped.repository';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import type { CaseSummaryRow } from './case.mapper';
import { ReconsiderationCaseEntity } from './reconsideration-case.entity';

export interface CaseListFilter {
  status?: string;
  handlerId?: string;
  receivedFrom?: string;
  receivedTo?: string;
  /** Text to find in numbers, names, the act (`search_text`, trigram index). */
  q?: string;
  /** The keyed hash of an ID number to match exactly (`id_number_hashes`, GIN index). */
  idNumberHash?: string;
  /** true: with an overdue deadline as of `today`; false: without. */
  overdue?: boolean;
  today: string;
  after: string[] | null;
  limit: number;
}

export interface ClosureFilter {
  concludedFrom?: string;
  concludedTo?: string;
  outcome?: string;
  served?: boolean;
  archived?: boolean;
  after: string[] | null;
  limit: number;
}

/** A concluded case with its stored window to sue, for closures. */
export interface ClosureRow {
  case: ReconsiderationCaseEntity;
  litigationWindowEndsOn: string | null;
}

/** Reconsideration cases (table reconsideration_case); every read scoped to the tenant. */
@Injectable()
export class ReconsiderationCaseRepository extends TenantScopedRepository<ReconsiderationCaseEntity> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, ReconsiderationCaseEntity);
  }

  /** True when another case of the body already carries this case number. */
  caseNumberTaken(manager: EntityManager, agencyId: string, number: string): Promise<boolean> {
    return this.takenInBody(manager, agencyId, 'case_number', number);
  }

  /**
   * A held hearing on the case: counts a 听证 (`hearings_held`, read by 第五十条's gate) and sets
   * the opinions heard in person (第四十九条) when given. Bumps the case's version (its ETag).
   */
  async recordHeldHearing(
    manager: EntityManager,
    caseId: string,
    effects: { hearingsHeldIncrement: number; opinionHeardOn: LegalDate | null },
  ): Promise<{ hearingsHeld: number }> {
    const [row] = await manager.query<Array<{ hearings_held: number }>>(
      `UPDATE reconsideration_case
          SET hearings_held = hearings_held + $2,
              opinion_heard_how = CASE WHEN $3::date IS NOT NULL AND opinion_heard_on IS NULL
                                       THEN 'in_person' ELSE opinion_heard_how END,
              opinion_heard_on = COALESCE(opinion_heard_on, $3::date),
              version = version + 1, updated_at = now()
        WHERE id = $1
        RETURNING hearings_held`,
      [caseId, effects.hearingsHeldIncrement, effects.opinionHeardOn],
    );
    return { hearingsHeld: row.hearings_held };
  }

  /**
   * A lawsuit was linked to the case (its closure shows `litigated: true`); bumps the version.
   * Returns false when it was already marked.
   */
  async markLitigated(manager: EntityManager, caseId: string): Promise<boolean> {
    const result = await manager.query<[unknown[], number] | unknown[]>(
      `UPDATE reconsideration_case SET litigated = true, version = version + 1, updated_at = now()
        WHERE id = $1 AND NOT litigated RETURNING id`,
      [caseId],
    );
    // TypeORM answers an UPDATE … RETURNING as [rows, count].
    const rows = Array.isArray(result[0]) ? result[0] : result;
    return rows.length > 0;
  }

  /** A page of cases, newest receipt first (keyset on received_on, id). */
  async list(scope: TenantScope, filter: CaseListFilter): Promise<CaseSummaryRow[]> {
    const where = new ScopedFilter(scope, 'c');
    where.add((p) => `c.status = ${p}`, filter.status);
    where.add((p) => `c.handler_id = ${p}`, filter.handlerId);
    where.add((p) => `c.received_on >= ${p}::date`, filter.receivedFrom);
    where.add((p) => `c.received_on <= ${p}::date`, filter.receivedTo);
    if (filter.q !== undefined) {
      where.add((p) => `c.search_text ILIKE ${p}`, `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`);
    }
    where.add((p) => `c.id_number_hashes @> ARRAY[${p}::text]`, filter.idNumberHash);
    if (filter.overdue !== undefined) {
      where.add(
        (p) =>
          `${filter.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM deadline d WHERE d.case_id = c.id
             AND (d.status = 'overdue' OR (d.status = 'open' AND d.due_on < ${p}::date)))`,
        filter.today,
      );
    }
    if (filter.after) {
      where.addAll(filter.after, (on, id) => `(c.received_on, c.id) < (${on}::date, ${id}::uuid)`);
    }
    const limit = where.param(filter.limit);
    const rows = await this.dataSource.query<CaseSummaryRow[]>(
      `SELECT c.id, c.receipt_number, c.case_number, c.status, c.procedure, c.applicants,
              c.respondent_name, c.contested_act->>'title' AS act_title,
              c.received_on::text AS received_on, c.accepted_on::text AS accepted_on,
              c.decision_due_on::text AS decision_due_on, c.concluded_on::text AS concluded_on,
              c.handler_id, c.version
         FROM reconsideration_case c
        WHERE ${where.sql}
        ORDER BY c.received_on DESC, c.id DESC
        LIMIT ${limit}`,
      where.params,
    );
    // A raw read: the sealed ID numbers are opened here (the list masks them).
    return rows.map((row) => ({ ...row, applicants: row.applicants.map((a) => openParty(a)) }));
  }

  /** The stored end of the window to sue (litigation_window deadline) of one case. */
  async litigationWindowEndsOn(caseId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<Array<{ due_on: string | null }>>(
      `SELECT due_on::text AS due_on FROM deadline WHERE case_id = $1 AND kind = 'litigation_window'`,
      [caseId],
    );
    return row?.due_on ?? null;
  }

  /** Concluded cases, latest conclusion first (keyset on concluded_on, id). */
  async closures(scope: TenantScope, filter: ClosureFilter): Promise<ClosureRow[]> {
    const builder = this.dataSource
      .getRepository(ReconsiderationCaseEntity)
      .createQueryBuilder('c')
      .leftJoin('deadline', 'w', `w.case_id = c.id AND w.kind = 'litigation_window'`)
      .addSelect('w.due_on::text', 'litigation_window_ends_on')
      .where('c.concludedOn IS NOT NULL')
      .orderBy('c.concludedOn', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(filter.limit);
    if (scope.agencyId !== null) builder.andWhere('c.agencyId = :agencyId', scope);
    if (filter.concludedFrom)
      builder.andWhere('c.concludedOn >= :from', { from: filter.concludedFrom });
    if (filter.concludedTo) builder.andWhere('c.concludedOn <= :to', { to: filter.concludedTo });
    if (filter.outcome) builder.andWhere('c.outcome = :outcome', { outcome: filter.outcome });
    if (filter.served !== undefined) {
      builder.andWhere(`c.servedOn IS ${filter.served ? 'NOT ' : ''}NULL`);
    }
    if (filter.archived !== undefined) {
      builder.andWhere(`c.archivedOn IS ${filter.archived ? 'NOT ' : ''}NULL`);
    }
    if (filter.after) {
      builder.andWhere('(c.concludedOn, c.id) < (:at::date, :id::uuid)', {
        at: filter.after[0],
        id: filter.after[1],
      });
    }
    const { entities, raw } = await builder.getRawAndEntities<{
      litigation_window_ends_on: string | null;
    }>();
    return entities.map((entity, index) => ({
      case: entity,
      litigationWindowEndsOn: raw[index]?.litigation_window_ends_on ?? null,
    }));
  }
}
