import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { AuditRepository } from './audit.repository';
import type { AuditEntryDto } from './dto/audit-entry.dto';
import type { AuditQueryDto } from './dto/audit-query.dto';

/** Reads of the audit trail: admins any body (or the one they name), a head their own. */
@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditRepository) {}

  async list(actor: Actor, query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const after = decodeCursor(query.cursor, ['int']);
    const rows = await this.entries.list(TenantScope.forList(actor, query.agencyId), {
      targetId: query.targetId,
      actorId: query.actorId,
      from: query.from,
      to: query.to,
      before: after?.[0] ?? null,
      limit: query.limit + 1,
    });
    return toPage(
      rows,
      query.limit,
      (row) => [row.id],
      (row) => row,
    );
  }
}
