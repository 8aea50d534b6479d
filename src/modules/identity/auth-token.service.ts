import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { Actor, SessionRestriction } from '../../common/auth/actor';
import type { UserRole } from '../../common/auth/role';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import type { TokenDto } from './dto/auth.dto';
import type { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

/** What a token carries (with `iss`, `aud`, `iat`, `exp` set by the signer). */
export interface TokenClaims {
  sub: string;
  agency: string | null;
  roles: UserRole[];
  /** The user's token version: a password change or deactivation revokes older tokens. */
  tv: number;
  /** The token's id: logout revokes it. */
  jti: string;
  /** A restricted session (temporary password, second factor to enrol). */
  scp?: SessionRestriction;
  exp?: number;
}

export const JWT_ISSUER = 'fuyi';
export const JWT_AUDIENCE = 'fuyi-api';

const ACTOR_CACHE_MS = 5_000;
const ACTOR_CACHE_SIZE = 10_000;

/**
 * Bearer tokens: issues them (with the session restriction a user is under) and resolves a
 * verified token to its actor, with a short cache that a change to the user drops.
 */
@Injectable()
export class AuthTokenService {
  private readonly actorCache = new Map<string, { actor: Actor | null; until: number }>();

  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The restriction a user's session is under: a password to change, a factor to enrol, none. */
  restrictionOf(user: UserEntity): SessionRestriction | undefined {
    if (user.passwordChangeRequired) return 'password_change';
    const needsFactor = user.roles.some((role) => this.config.mfaRequiredRoles.includes(role));
    return needsFactor && user.mfaEnabledAt === null ? 'mfa_enrollment' : undefined;
  }

  async issueToken(
    user: Pick<UserEntity, 'id' | 'agencyId' | 'roles' | 'tokenVersion'>,
    restriction: SessionRestriction | undefined,
  ): Promise<TokenDto> {
    const claims: TokenClaims = {
      sub: user.id,
      agency: user.agencyId,
      roles: user.roles,
      tv: user.tokenVersion,
      jti: randomUUID(),
      ...(restriction ? { scp: restriction } : {}),
    };
    const accessToken = await this.jwt.signAsync(claims);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.jwtTtlSeconds,
      ...(restriction === 'password_change' ? { passwordChangeRequired: true } : {}),
      ...(restriction === 'mfa_enrollment' ? { mfaEnrollmentRequired: true } : {}),
    };
  }

  /**
   * The user behind a verified token, if still active, the token neither revoked by version nor
   * by jti. Looked up at most every few seconds per token: a revocation takes effect at once on
   * the instance that made it (see `forgetUser`) and within ACTOR_CACHE_MS on the others.
   */
  async actorForToken(claims: TokenClaims): Promise<Actor | null> {
    const key = `${claims.sub}:${claims.tv}:${claims.jti}`;
    const cached = this.actorCache.get(key);
    if (cached && cached.until > Date.now()) return cached.actor;
    const user = await this.users.findForToken(claims.sub, claims.jti);
    const actor: Actor | null =
      user && user.active && user.token_version === claims.tv && !user.revoked
        ? {
            kind: 'user',
            id: user.id,
            name: user.username,
            agencyId: user.agency_id,
            roles: user.roles,
            restriction: claims.scp,
            tokenId: claims.jti,
            tokenExpiresAt: claims.exp,
          }
        : null;
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
}
