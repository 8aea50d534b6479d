import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import type { UserRole } from '../../common/auth/role';
import { ProblemException } from '../../common/problem/problem';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import type { MeDto, TokenDto } from './dto/auth.dto';
import { decoyPasswordHash, verifyPassword } from './password-hasher';

/** What a token carries: user id, agency, roles and the token version that revokes it. */
export interface TokenClaims {
  sub: string;
  agency: string | null;
  roles: UserRole[];
  tv: number;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: UserRole[];
  agency_id: string | null;
  active: boolean;
  token_version: number;
}

export function unauthorized(detail = 'Missing or invalid credentials'): ProblemException {
  return new ProblemException({
    status: 401,
    slug: 'unauthorized',
    title: 'Unauthorized',
    detail,
    headers: { 'WWW-Authenticate': 'Bearer' },
  });
}

const ACTOR_CACHE_MS = 5_000;
const ACTOR_CACHE_SIZE = 10_000;

@Injectable()
export class AuthService {
  private readonly actorCache = new Map<string, { actor: Actor | null; until: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A wrong username and a wrong password fail the same way, in the same time. */
  async verifyCredentials(username: string, password: string): Promise<Actor> {
    const rows: UserRow[] = await this.dataSource.query(
      'SELECT * FROM app_user WHERE username = $1',
      [username.toLowerCase()],
    );
    const user = rows[0];
    const valid = await verifyPassword(
      user?.password_hash ?? (await decoyPasswordHash()),
      password,
    );
    if (!user || !valid || !user.active) throw unauthorized('Wrong username or password');
    return this.toActor(user);
  }

  async issueToken(actor: Actor): Promise<TokenDto> {
    const rows: Array<{ token_version: number }> = await this.dataSource.query(
      'SELECT token_version FROM app_user WHERE id = $1',
      [actor.id],
    );
    const claims: TokenClaims = {
      sub: actor.id ?? '',
      agency: actor.agencyId,
      roles: actor.roles as UserRole[],
      tv: rows[0]?.token_version ?? 0,
    };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwtTtlSeconds };
  }

  /**
   * The user behind a verified token, if still active and the token not revoked. Looked up at
   * most every few seconds per user and token version: a revocation takes effect at once on the
   * instance that made it (see `forgetUser`) and within ACTOR_CACHE_MS on the others.
   */
  async actorForToken(claims: TokenClaims): Promise<Actor | null> {
    const key = `${claims.sub}:${claims.tv}`;
    const cached = this.actorCache.get(key);
    if (cached && cached.until > Date.now()) return cached.actor;
    const rows: UserRow[] = await this.dataSource.query(
      'SELECT id, username, display_name, roles, agency_id, active, token_version FROM app_user WHERE id = $1',
      [claims.sub],
    );
    const user = rows[0];
    const actor =
      user && user.active && user.token_version === claims.tv ? this.toActor(user) : null;
    if (this.actorCache.size >= ACTOR_CACHE_SIZE) this.actorCache.clear();
    this.actorCache.set(key, { actor, until: Date.now() + ACTOR_CACHE_MS });
    return actor;
  }

  /** Drops a user's cached identity after a change to their roles, agency, password or status. */
  forgetUser(userId: string): void {
    for (const key of this.actorCache.keys()) {
      if (key.startsWith(`${userId}:`)) this.actorCache.delete(key);
    }
  }

  async me(actor: Actor): Promise<MeDto> {
    const rows: Array<{ display_name: string | null; agency_name: string | null }> =
      await this.dataSource.query(
        `SELECT (SELECT display_name FROM app_user WHERE id = $1) AS display_name,
                (SELECT name FROM agency WHERE id = $2) AS agency_name`,
        [actor.kind === 'user' ? actor.id : null, actor.agencyId],
      );
    return {
      kind: actor.kind,
      id: actor.id,
      name: actor.name,
      displayName: rows[0]?.display_name ?? null,
      roles: [...actor.roles],
      agencyId: actor.agencyId,
      agencyName: rows[0]?.agency_name ?? null,
    };
  }

  private toActor(user: UserRow): Actor {
    return {
      kind: 'user',
      id: user.id,
      name: user.username,
      agencyId: user.agency_id,
      roles: user.roles,
    };
  }
}
