import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { isAdmin, type Actor } from '../../common/auth/actor';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor';
import { AuditEntryEntity } from './audit-entry.entity';
import type { AuditQueryDto } from './dto/audit-query.dto';
import type { AuditEntryDto } from './dto/audit-entry.dto';

export interface AuditRecord {
  action: string;
  targetType: string;
  targetId: string | null;
  /** The reconsideration body the change belongs to; defaults to the actor's. */
  agencyId?: string | null;
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

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends an entry inside the caller's transaction, so the change and its record commit together. */
  async record(manager: EntityManager, actor: Actor, record: AuditRecord): Promise<void> {
    await manager.query(
      `INSERT INTO audit_entry
         (actor_kind, actor_id, actor_name, agency_id, action, target_type, target_id, request_id, summary)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        actor.kind,
        actor.id,
        actor.name,
        record.agencyId === undefined ? actor.agencyId : record.agencyId,
        record.action,
        record.targetType,
        record.targetId,
        actor.requestId ?? null,
        JSON.stringify(withoutSecrets(record.summary)),
      ],
    );
  }

  /** Newest first; a head sees their own agency's entries only. */
  async list(actor: Actor, query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const after = decodeCursor(query.cursor, ['int']);
    const builder = this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('entry')
      .orderBy('entry.id', 'DESC')
      .limit(query.limit + 1);
    if (!isAdmin(actor))
      builder.andWhere('entry.agencyId = :agencyId', { agencyId: actor.agencyId });
    else if (query.agencyId)
      builder.andWhere('entry.agencyId = :agencyId', { agencyId: query.agencyId });
    if (query.targetId)
      builder.andWhere('entry.targetId = :targetId', { targetId: query.targetId });
    if (query.actorId) builder.andWhere('entry.actorId = :actorId', { actorId: query.actorId });
    if (query.from) builder.andWhere('entry.occurredAt >= :from', { from: query.from });
    if (query.to) builder.andWhere('entry.occurredAt < :to', { to: query.to });
    if (after) {
      builder.andWhere(
        new Brackets((where) => where.where('entry.id < :after', { after: after[0] })),
      );
    }
    const rows = await builder.getMany();
    return toPage(
      rows,
      query.limit,
      (row) => [row.id],
      (row) => ({
        id: row.id,
        occurredAt: row.occurredAt.toISOString(),
        actor: { kind: row.actorKind, id: row.actorId, name: row.actorName },
        agencyId: row.agencyId,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        requestId: row.requestId,
        summary: row.summary,
      }),
    );
  }
}
