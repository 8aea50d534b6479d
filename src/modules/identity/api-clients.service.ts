import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor';
import { notFoundProblem, validationProblem } from '../../common/problem/problem';
import { AuditService } from '../audit/audit.service';
import { AgencyEntity } from './agency.entity';
import { ApiClientEntity } from './api-client.entity';
import { apiKeyMatches, issueApiKey, parseApiKey } from './api-key';
import type {
  ApiClientDto,
  ApiClientQueryDto,
  CreateApiClientDto,
  CreatedApiClientDto,
} from './dto/api-client.dto';

function toApiClientDto(client: ApiClientEntity): ApiClientDto {
  return {
    id: client.id,
    name: client.name,
    agencyId: client.agencyId,
    roles: client.roles,
    keyPrefix: client.keyPrefix,
    createdAt: client.createdAt.toISOString(),
    revokedAt: client.revokedAt?.toISOString() ?? null,
    lastUsedAt: client.lastUsedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class ApiClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateApiClientDto): Promise<CreatedApiClientDto> {
    return this.dataSource.transaction(async (manager) => {
      const agency = await manager.findOne(AgencyEntity, { where: { id: input.agencyId } });
      if (!agency) throw notFoundProblem(`Agency ${input.agencyId}`);
      if (agency.kind !== 'reconsideration_body') {
        throw validationProblem([
          { field: 'agencyId', message: 'an API client acts for a reconsideration body' },
        ]);
      }
      const key = issueApiKey();
      const client = manager.create(ApiClientEntity, {
        name: input.name,
        agencyId: input.agencyId,
        roles: input.roles,
        keyPrefix: key.prefix,
        keyHash: key.hash,
      });
      await manager.save(client);
      await this.audit.record(manager, actor, {
        action: 'api_client.created',
        targetType: 'api_client',
        targetId: client.id,
        agencyId: client.agencyId,
        summary: { name: client.name, roles: client.roles, keyPrefix: client.keyPrefix },
      });
      return { ...toApiClientDto(client), apiKey: key.apiKey };
    });
  }

  async list(query: ApiClientQueryDto): Promise<Page<ApiClientDto>> {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    // The key keeps microseconds (a JS Date would cut them, and the page's last row would repeat).
    const builder = this.dataSource
      .getRepository(ApiClientEntity)
      .createQueryBuilder('client')
      .addSelect(
        `to_char(client.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        'created_at_key',
      )
      .orderBy('client.createdAt', 'ASC')
      .addOrderBy('client.id', 'ASC')
      .limit(query.limit + 1);
    if (after) {
      builder.andWhere('(client.createdAt, client.id) > (:at::timestamptz, :id::uuid)', {
        at: after[0],
        id: after[1],
      });
    }
    const { entities, raw } = await builder.getRawAndEntities<{ created_at_key: string }>();
    return toPage(
      entities.map((client, i) => ({ client, key: raw[i].created_at_key })),
      query.limit,
      (row) => [row.key, row.client.id],
      (row) => toApiClientDto(row.client),
    );
  }

  async get(id: string): Promise<ApiClientDto> {
    const client = await this.dataSource.manager.findOne(ApiClientEntity, { where: { id } });
    if (!client) throw notFoundProblem(`API client ${id}`);
    return toApiClientDto(client);
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const client = await manager.findOne(ApiClientEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!client) throw notFoundProblem(`API client ${id}`);
      if (client.revokedAt) return;
      await manager.update(ApiClientEntity, { id }, { revokedAt: () => 'now()' });
      await this.audit.record(manager, actor, {
        action: 'api_client.revoked',
        targetType: 'api_client',
        targetId: id,
        agencyId: client.agencyId,
        summary: { name: client.name, keyPrefix: client.keyPrefix },
      });
    });
  }

  /** The actor an `X-API-Key` stands for, or null for an unknown, malformed or revoked key. */
  async authenticate(apiKey: string): Promise<Actor | null> {
    const parsed = parseApiKey(apiKey);
    if (!parsed) return null;
    const rows: Array<{
      id: string;
      name: string;
      agency_id: string;
      roles: string[];
      key_hash: string;
    }> = await this.dataSource.query(
      'SELECT id, name, agency_id, roles, key_hash FROM api_client WHERE key_prefix = $1 AND revoked_at IS NULL',
      [parsed.prefix],
    );
    const client = rows[0];
    if (!client || !apiKeyMatches(apiKey, client.key_hash)) return null;
    // Last-used time at minute resolution: no write on every request.
    await this.dataSource
      .query(
        `UPDATE api_client SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [client.id],
      )
      .catch(() => undefined);
    return {
      kind: 'api_client',
      id: client.id,
      name: client.name,
      agencyId: client.agency_id,
      roles: client.roles as Actor['roles'],
    };
  }
}
