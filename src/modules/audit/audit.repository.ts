import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOfColumns, type Actor, type ActorColumns } from '../../common/auth/actor';
import { orderedRecordset } from '../../common/persistence/ordered-recordset';
import type { TenantScope } from '../../common/tenancy/tenant-scope';
import type { AuditEntryDto } from './dto/audit-entry.dto';

export interface AuditRecord {
  action: string;
  targetType: string;
  targetId: string | null;
  /** The reconsideration body the change belongs to; defaults to the actor's. */
  agencyId?: string | null;
  summary: Record<string, unknown>;
}

export interface AuditFilter {
  targetId?: string;
  actorId?: string;
  /** Instants (ISO 8601): from inclusive, to exclusive. */
  from?: string;
  to?: string;
  /** The id of the last entry of the previous page. */
  before: string | null;
  limit: number;
}

interface AuditRow extends ActorColumns {
  id: string;
  occurred_at: string;
  agency_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  request_id: string | null;
  client_address: string | null;
  summary: Record<string, unknown>;
}

const SECRET_KEYS = /password|apiKey|secret|token|hash/i;

function withoutSecrets(summary: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(summary).map(([key, value]) => [
      key,
      SECRET_KEYS.test(key) ? '[redacted]' : value,
    ]),
  );
}

/** The append-only audit trail (table audit_entry; a trigger refuses UPDATE and DELETE). */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends entries inside the change's transaction, so the change and its record commit together. */
  async appendMany(
    manager: EntityManager,
    actor: Actor,
    records: readonly AuditRecord[],
  ): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `INSERT INTO audit_entry
         (actor_kind, actor_id, actor_name, agency_id, action, target_type, target_id, request_id,
          client_address, summary)
       SELECT $1, $2, $3, r.agency_id, r.action, r.target_type, r.target_id, $4, $6, r.summary
         FROM jsonb_to_recordset($5::jsonb) AS r(agency_id uuid, action text, target_type text,
              target_id text, summary jsonb, ord int)
        ORDER BY r.ord`,
      [
        actor.kind,
        actor.id,
        actor.name,
        actor.requestId ?? null,
        orderedRecordset(
          records.map((record) => ({
            agency_id: record.agencyId === undefined ? actor.agencyId : record.agencyId,
            action: record.action,
            target_type: record.targetType,
            target_id: record.targetId,
            summary: withoutSecrets(record.summary),
          })),
        ),
        actor.address ?? null,
      ],
    );
  }

  /** Newest first, keyset-paged by id. */
  async list(scope: TenantScope, filter: AuditFilter): Promise<AuditEntryDto[]> {
    const params: unknown[] = [scope.agencyId, filter.limit];
    const where = ['($1::uuid IS NULL OR agency_id = $1)'];
    const add = (clause: (p: string) => string, value: unknown) => {
      if (value === undefined || value === null) return;
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    add((p) => `target_id = ${p}`, filter.targetId);
    add((p) => `actor_id = ${p}::uuid`, filter.actorId);
    add((p) => `occurred_at >= ${p}::timestamptz`, filter.from);
    add((p) => `occurred_at < ${p}::timestamptz`, filter.to);
    add((p) => `id < ${p}::bigint`, filter.before);
    const rows = await this.dataSource.query<AuditRow[]>(
      `SELECT id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
              actor_kind, actor_id, actor_name, agency_id, action, target_type, target_id,
              request_id, client_address, summary
         FROM audit_entry
        WHERE ${where.join(' AND ')}
        ORDER BY id DESC
        LIMIT $2`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurred_at,
      actor: actorOfColumns(row),
      agencyId: row.agency_id,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      requestId: row.request_id,
      clientAddress: row.client_address,
      summary: row.summary,
    }));
  }
}
