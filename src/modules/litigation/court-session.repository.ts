import { Injectable } from '@nestjs/common';
import type { AppearanceCounts } from '../../domain/litigation/appearance-rates.rule';
import { appearanceCountsByPeriod, HELD_FACTS } from './appearance-counts.query';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../common/tenancy/tenant-scope';
import { ScopedFilter } from '../../common/tenancy/scoped-filter';
import { TenantScopedRepository } from '../../common/tenancy/tenant-scoped.repository';
import { rowToEntity } from '../../database/raw-rows';
import type { AppearanceFact } from '../../domain/litigation/appearance-rates.rule';
import { CourtAppearanceEntity } from './court-appearance.entity';
import { CourtSessionEntity } from './court-session.entity';

/** A session with its case's numbers, for views and the calendar feed. */
export interface CourtSessionViewRow {
  id: string;
  agency_id: string;
  case_id: string;
  court_case_number: string;
  court_name: string;
  court_session_id: string | null;
  starts_at: Date;
  starts_at_key: string;
  session_on: string;
  courtroom: string;
  notice_received_on: string;
  short_notice: boolean;
  head_summoned: boolean;
  head_summon_required: boolean;
  status: string;
  held_on: string | null;
  cancel_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface CourtSessionListFilter {
  scope: TenantScope;
  /** Inclusive lower bound of `starts_at` (an instant). */
  from?: string;
  /** Exclusive upper bound of `starts_at`. */
  to?: string;
  caseId?: string;
  status?: string;
  after: string[] | null;
  limit: number;
  newestFirst?: boolean;
}

/** Held sessions of a period with their appearance rows (GET /court-appearances). */
export interface HeldSessionFilter {
  scope: TenantScope;
  from?: string;
  to?: string;
  after: string[] | null;
  limit: number;
}

const VIEW_COLUMNS = `s.id, s.agency_id, s.case_id, c.court_case_number, c.court_name, s.court_session_id,
  s.starts_at, to_char(s.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS starts_at_key,
  s.session_on::text AS session_on, s.courtroom, s.notice_received_on::text AS notice_received_on,
  s.short_notice, s.head_summoned, c.head_summon_required, s.status, s.held_on::text AS held_on,
  s.cancel_reason, s.version, s.created_at, s.updated_at`;

/** Court sessions and appearances (tables court_session, court_appearance), tenant-scoped. */
@Injectable()
export class CourtSessionRepository extends TenantScopedRepository<CourtSessionEntity> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, CourtSessionEntity);
  }

  /** The body's session with the court's own id, locked; null when none. */
  async lockByCourtSessionId(
    manager: EntityManager,
    agencyId: string,
    courtSessionId: string,
  ): Promise<CourtSessionEntity | null> {
    const [row] = await manager.query<Record<string, unknown>[]>(
      'SELECT * FROM court_session WHERE agency_id = $1 AND court_session_id = $2 FOR UPDATE',
      [agencyId, courtSessionId],
    );
    return row ? rowToEntity(this.dataSource, CourtSessionEntity, row) : null;
  }

  /** The id of the session with the court's own id (scoped), or null. */
  async idByCourtSessionId(scope: TenantScope, courtSessionId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM court_session
        WHERE court_session_id = $1 AND ($2::uuid IS NULL OR agency_id = $2)
        ORDER BY created_at LIMIT 1`,
      [courtSessionId, scope.agencyId],
    );
    return row?.id ?? null;
  }

  /** The case of a session in scope, or null. */
  async caseIdInScope(scope: TenantScope, id: string): Promise<string | null> {
    const [row] = await this.dataSource.query<Array<{ case_id: string }>>(
      'SELECT case_id FROM court_session WHERE id = $1 AND ($2::uuid IS NULL OR agency_id = $2)',
      [id, scope.agencyId],
    );
    return row?.case_id ?? null;
  }

  async findView(scope: TenantScope, id: string): Promise<CourtSessionViewRow | null> {
    const [row] = await this.dataSource.query<CourtSessionViewRow[]>(
      `SELECT ${VIEW_COLUMNS}
         FROM court_session s JOIN litigation_case c ON c.id = s.case_id
        WHERE s.id = $1 AND ($2::uuid IS NULL OR s.agency_id = $2)`,
      [id, scope.agencyId],
    );
    return row ?? null;
  }

  /** Sessions in start order (keyset on start and id), or newest first for the feed. */
  async list(filter: CourtSessionListFilter): Promise<CourtSessionViewRow[]> {
    const where = new ScopedFilter(filter.scope, 's');
    where.add((p) => `s.starts_at >= ${p}::timestamptz`, filter.from);
    where.add((p) => `s.starts_at < ${p}::timestamptz`, filter.to);
    where.add((p) => `s.case_id = ${p}::uuid`, filter.caseId);
    where.add((p) => `s.status = ${p}`, filter.status);
    if (filter.after) {
      where.addAll(
        filter.after,
        (at, id) => `(s.starts_at, s.id) > (${at}::timestamptz, ${id}::uuid)`,
      );
    }
    const limit = where.param(filter.limit);
    const order = filter.newestFirst ? 'DESC' : 'ASC';
    return this.dataSource.query<CourtSessionViewRow[]>(
      `SELECT ${VIEW_COLUMNS}
         FROM court_session s JOIN litigation_case c ON c.id = s.case_id
        WHERE ${where.sql}
        ORDER BY s.starts_at ${order}, s.id ${order}
        LIMIT ${limit}`,
      where.params,
    );
  }

  /** The appearance rows of sessions (plan and record per defendant). */
  async appearancesOf(
    sessionIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CourtAppearanceEntity[]> {
    if (sessionIds.length === 0) return [];
    const rows = await manager.query<Record<string, unknown>[]>(
      'SELECT * FROM court_appearance WHERE session_id = ANY($1::uuid[]) ORDER BY created_at, id',
      [sessionIds],
    );
    return rows.map((row) => rowToEntity(this.dataSource, CourtAppearanceEntity, row));
  }

  /** The appearance row of one defendant at one session, locked; null when none yet. */
  async lockAppearance(
    manager: EntityManager,
    sessionId: string,
    defendantId: string,
  ): Promise<CourtAppearanceEntity | null> {
    const [row] = await manager.query<Record<string, unknown>[]>(
      'SELECT * FROM court_appearance WHERE session_id = $1 AND defendant_id = $2 FOR UPDATE',
      [sessionId, defendantId],
    );
    return row ? rowToEntity(this.dataSource, CourtAppearanceEntity, row) : null;
  }

  createAppearance(
    manager: EntityManager,
    fields: Partial<CourtAppearanceEntity>,
  ): CourtAppearanceEntity {
    return manager.create(CourtAppearanceEntity, fields);
  }

  async saveAppearance(manager: EntityManager, entity: CourtAppearanceEntity): Promise<void> {
    await manager.save(entity);
  }

  /** Held sessions of a period, latest first (keyset on held_on, id). */
  async heldSessions(filter: HeldSessionFilter): Promise<CourtSessionViewRow[]> {
    const params: unknown[] = [filter.scope.agencyId, filter.from ?? null, filter.to ?? null];
    const where = [
      "s.status = 'held'",
      '($1::uuid IS NULL OR s.agency_id = $1)',
      '($2::date IS NULL OR s.held_on >= $2::date)',
      '($3::date IS NULL OR s.held_on <= $3::date)',
    ];
    if (filter.after) {
      params.push(filter.after[0], filter.after[1]);
      where.push(`(s.held_on, s.id) < ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    params.push(filter.limit);
    return this.dataSource.query<CourtSessionViewRow[]>(
      `SELECT ${VIEW_COLUMNS}
         FROM court_session s JOIN litigation_case c ON c.id = s.case_id
        WHERE ${where.join(' AND ')}
        ORDER BY s.held_on DESC, s.id DESC
        LIMIT $${params.length}`,
      params,
    );
  }

  /** The per-(case, defendant, held session) facts of a period, for the pure rule. */
  async appearanceFacts(
    scope: TenantScope,
    from: string | undefined,
    to: string | undefined,
  ): Promise<AppearanceFact[]> {
    const rows = await this.dataSource.query<
      Array<{
        case_id: string;
        instance: AppearanceFact['instance'];
        defendant_id: string;
        session_id: string;
        held_on: string;
        head_summon_required: boolean;
        head_summoned: boolean;
        classification: AppearanceFact['classification'];
        official_rank: AppearanceFact['officialRank'];
        spoke_on_merits: boolean | null;
        absence_reason: AppearanceFact['absenceReason'];
      }>
    >(HELD_FACTS, [scope.agencyId, from ?? null, to ?? null]);
    return rows.map((row) => ({
      caseId: row.case_id,
      instance: row.instance,
      defendantId: row.defendant_id,
      sessionId: row.session_id,
      heldOn: row.held_on as AppearanceFact['heldOn'],
      headSummonRequired: row.head_summon_required,
      headSummoned: row.head_summoned,
      classification: row.classification,
      officialRank: row.official_rank,
      spokeOnMerits: row.spoke_on_merits,
      absenceReason: row.absence_reason,
    }));
  }

  /** The counts behind the appearance rates of the sessions held in [from, to]. */
  async appearanceCounts(
    scope: TenantScope,
    from: string | undefined,
    to: string | undefined,
  ): Promise<AppearanceCounts> {
    const [counts] = await appearanceCountsByPeriod(this.dataSource.manager, scope.agencyId, [
      { from: from ?? null, to: to ?? null },
    ]);
    return counts;
  }
}
