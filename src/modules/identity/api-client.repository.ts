import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '../../common/auth/role';
import { ApiClientEntity } from './api-client.entity';

/** What authentication reads of an API client. */
export interface ApiClientCredentials {
  id: string;
  name: string;
  agency_id: string;
  roles: Role[];
  key_hash: string;
}

/** A client of a page, with its sort key. */
export interface ApiClientPageRow {
  client: ApiClientEntity;
  /** created_at as `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  createdAtKey: string;
}

/** Integration clients (table api_client), authenticated by a hashed API key. */
@Injectable()
export class ApiClientRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(manager: EntityManager, fields: Partial<ApiClientEntity>): ApiClientEntity {
    return manager.create(ApiClientEntity, fields);
  }

  async save(manager: EntityManager, client: ApiClientEntity): Promise<void> {
    await manager.save(client);
  }

  /**
   * Clients in creation order (keyset on created_at, id). The key keeps microseconds, as text:
   * through a JS Date it would lose them, and a page's last row would come again on the next.
   */
  async list(after: string[] | null, limit: number): Promise<ApiClientPageRow[]> {
    const builder = this.dataSource
      .getRepository(ApiClientEntity)
      .createQueryBuilder('client')
      .addSelect(
        `to_char(client.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        'created_at_key',
      )
      .orderBy('client.createdAt', 'ASC')
      .addOrderBy('client.id', 'ASC')
      .limit(limit);
    if (after) {
      builder.andWhere('(client.createdAt, client.id) > (:at::timestamptz, :id::uuid)', {
        at: after[0],
        id: after[1],
      });
    }
    const { entities, raw } = await builder.getRawAndEntities<{ created_at_key: string }>();
    return entities.map((client, i) => ({ client, createdAtKey: raw[i].created_at_key }));
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ApiClientEntity | null> {
    return manager.findOne(ApiClientEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async markRevoked(manager: EntityManager, id: string): Promise<void> {
    await manager.update(ApiClientEntity, { id }, { revokedAt: () => 'now()' });
  }

  async findActiveByPrefix(prefix: string): Promise<ApiClientCredentials | null> {
    const [row] = await this.dataSource.query<ApiClientCredentials[]>(
      'SELECT id, name, agency_id, roles, key_hash FROM api_client WHERE key_prefix = $1 AND revoked_at IS NULL',
      [prefix],
    );
    return row ?? null;
  }

  /** Last-used time at minute resolution: no write on every request. */
  async touchLastUsed(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_client SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
