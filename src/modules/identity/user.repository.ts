import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserRole } from '../../common/auth/role';
import type { TenantScope } from '../../common/tenancy/tenant-scope';
import { UserEntity } from './user.entity';

export interface UserListFilter {
  role?: UserRole;
  active?: boolean;
  after: string | null;
  limit: number;
}

/** What authentication reads of a user. */
export interface UserCredentials {
  id: string;
  username: string;
  password_hash: string;
  roles: UserRole[];
  agency_id: string | null;
  active: boolean;
  token_version: number;
}

/** People (table app_user), each of one reconsideration body (an admin may be of none). */
@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A user in scope; given a command's transaction (`lockIn`), read on it with the row locked. */
  async findInScope(
    scope: TenantScope,
    id: string,
    lockIn?: EntityManager,
  ): Promise<UserEntity | null> {
    const builder = (lockIn ?? this.dataSource.manager)
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('user.id = :id', { id });
    if (scope.agencyId !== null) builder.andWhere('user.agencyId = :agencyId', scope);
    if (lockIn) builder.setLock('pessimistic_write');
    return builder.getOne();
  }

  /** Users in username order (keyset on username). */
  async list(scope: TenantScope, filter: UserListFilter): Promise<UserEntity[]> {
    const builder = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .orderBy('user.username', 'ASC')
      .limit(filter.limit);
    if (scope.agencyId !== null) builder.andWhere('user.agencyId = :agencyId', scope);
    if (filter.role) builder.andWhere(':role = ANY(user.roles)', { role: filter.role });
    if (filter.active !== undefined) builder.andWhere('user.active = :active', filter);
    if (filter.after) builder.andWhere('user.username > :after', { after: filter.after });
    return builder.getMany();
  }

  create(manager: EntityManager, fields: Partial<UserEntity>): UserEntity {
    return manager.create(UserEntity, fields);
  }

  async save(manager: EntityManager, user: UserEntity): Promise<void> {
    await manager.save(user);
  }

  /**
   * The user of a username, locked (FOR UPDATE) for the login's transaction: the hash checked
   * and the token version read come from the same row version, so a password change committing
   * meanwhile cannot leave a token of the old password alive.
   */
  async lockByUsername(manager: EntityManager, username: string): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('user.username = :username', { username: username.toLowerCase() })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** A user by id, locked (FOR UPDATE): one's own account (password, second factor). */
  async lockById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('user.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async idOfUsername(username: string): Promise<{ id: string; agency_id: string | null } | null> {
    const [row] = await this.dataSource.query<Array<{ id: string; agency_id: string | null }>>(
      'SELECT id, agency_id FROM app_user WHERE username = $1',
      [username.toLowerCase()],
    );
    return row ?? null;
  }

  /** The identity a token stands for (no password hash), and whether its jti is revoked. */
  async findForToken(
    id: string,
    jti: string,
  ): Promise<(Omit<UserCredentials, 'password_hash'> & { revoked: boolean }) | null> {
    const [row] = await this.dataSource.query<
      Array<Omit<UserCredentials, 'password_hash'> & { revoked: boolean }>
    >(
      `SELECT id, username, roles, agency_id, active, token_version,
              EXISTS (SELECT 1 FROM revoked_token WHERE jti = $2) AS revoked
         FROM app_user WHERE id = $1`,
      [id, jti],
    );
    return row ?? null;
  }

  async mfaEnabledOf(id: string): Promise<boolean> {
    const [row] = await this.dataSource.query<Array<{ enabled: boolean }>>(
      'SELECT mfa_enabled_at IS NOT NULL AS enabled FROM app_user WHERE id = $1',
      [id],
    );
    return row?.enabled ?? false;
  }

  async displayNameOf(id: string): Promise<string | null> {
    const [row] = await this.dataSource.query<Array<{ display_name: string }>>(
      'SELECT display_name FROM app_user WHERE id = $1',
      [id],
    );
    return row?.display_name ?? null;
  }

  /** True when the user is active in the body and holds one of `roles`. */
  async isActiveWithRole(
    manager: EntityManager,
    agencyId: string,
    userId: string,
    roles: readonly UserRole[],
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM app_user WHERE id = $1 AND agency_id = $2 AND active AND roles && $3::text[]`,
      [userId, agencyId, roles],
    );
    return rows.length > 0;
  }

  /** Of the given users, those that are active users of the body. */
  async activeIdsOfAgency(
    manager: EntityManager,
    agencyId: string,
    userIds: readonly string[],
  ): Promise<Set<string>> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND agency_id = $2 AND active`,
      [userIds, agencyId],
    );
    return new Set(rows.map((row) => row.id));
  }

  async count(): Promise<number> {
    const [{ count }] = await this.dataSource.query<Array<{ count: number }>>(
      'SELECT count(*)::int AS count FROM app_user',
    );
    return count;
  }

  /** Creates the first admin, only while no user exists; false when one appeared meanwhile. */
  async insertFirstAdmin(passwordHash: string, temporary: boolean): Promise<boolean> {
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO app_user (username, display_name, password_hash, roles, agency_id, active,
                             token_version, version, password_change_required)
       SELECT 'admin', 'Administrator', $1, '{admin}', NULL, true, 0, 1, $2
        WHERE NOT EXISTS (SELECT 1 FROM app_user)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [passwordHash, temporary],
    );
    return inserted.length > 0;
  }
}
