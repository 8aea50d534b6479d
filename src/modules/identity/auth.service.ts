import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '../../common/auth/actor';
import type { UserRole } from '../../common/auth/role';
import { unauthorizedProblem } from '../../common/problem/problem';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { AgencyRepository } from './agency.repository';
import type { MeDto, TokenDto } from './dto/auth.dto';
import { decoyPasswordHash, verifyPassword } from './password-hasher';
import { UserRepository, type UserCredentials } from './user.repository';

/** What a token carries: user id, agency, roles and the token version that revokes it. */
export interface TokenClaims {
  sub: string;
  agency: string | null;
  roles: UserRole[];
  tv: number;
}

const ACTOR_CACHE_MS = 5_000;
const ACTOR_CACHE_SIZE = 10_000;

@Injectable()
export class AuthService {
  private readonly actorCache = new Map<string, { actor: Actor | null; until: number }>();

  constructor(
    private readonly users: UserRepository,
    private readonly agencies: AgencyRepository,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A wrong username and a wrong password fail the same way, in the same time. */
  async verifyCredentials(username: string, password: string): Promise<Actor> {
    const user = await this.users.findCredentials(username);
    const valid = await verifyPassword(
      user?.password_hash ?? (await decoyPasswordHash()),
      password,
    );
    if (!user || !valid || !user.active) throw unauthorizedProblem('Wrong username or password');
    return toActor(user);
  }

  async issueToken(actor: Actor): Promise<TokenDto> {
    const claims: TokenClaims = {
      sub: actor.id ?? '',
      agency: actor.agencyId,
      roles: actor.roles as UserRole[],
      tv: (actor.id ? await this.users.tokenVersionOf(actor.id) : null) ?? 0,
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
    const user = await this.users.findForToken(claims.sub);
    const actor = user && user.active && user.token_version === claims.tv ? toActor(user) : null;
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
    const [displayName, agencyName] = await Promise.all([
      actor.kind === 'user' && actor.id ? this.users.displayNameOf(actor.id) : null,
      actor.agencyId ? this.agencies.nameOf(actor.agencyId) : null,
    ]);
    return {
      kind: actor.kind,
      id: actor.id,
      name: actor.name,
      displayName,
      roles: [...actor.roles],
      agencyId: actor.agencyId,
      agencyName,
    };
  }
}

function toActor(user: Pick<UserCredentials, 'id' | 'username' | 'agency_id' | 'roles'>): Actor {
  return {
    kind: 'user',
    id: user.id,
    name: user.username,
    agencyId: user.agency_id,
    roles: user.roles,
  };
}
