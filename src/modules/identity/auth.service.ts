import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { Actor, SessionRestriction } from '../../common/auth/actor';
import type { UserRole } from '../../common/auth/role';
import { Clock } from '../../common/clock/clock';
import { SecretBox } from '../../common/crypto/secret-box';
import {
  conflictProblem,
  ProblemException,
  unauthorizedProblem,
  validationProblem,
} from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { CommandRunner, type CommandTransaction } from '../commands/command-runner';
import { AgencyRepository } from './agency.repository';
import type {
  ChangePasswordDto,
  LoginDto,
  MeDto,
  MfaActivatedDto,
  MfaEnrollmentDto,
  TokenDto,
} from './dto/auth.dto';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hasher';
import { lockEndsAt } from './security/lockout';
import { PASSWORD_RULE_MESSAGES, passwordRuleBroken } from './security/password-policy';
import {
  acceptedTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  otpauthUrlOf,
  RECOVERY_CODE_PATTERN,
} from './security/totp';
import { SessionRepository } from './session.repository';
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
/** Failed logins of an address counted for its limit (spraying across usernames). */
const ADDRESS_WINDOW_MS = 15 * 60_000;
/** Failures of a username older than this no longer count towards its lock. */
const ACCOUNT_WINDOW_MS = 24 * 3_600_000;

type LoginOutcome =
  | { kind: 'ok'; user: UserEntity; restriction: SessionRestriction | undefined }
  | { kind: 'refused'; problem: ProblemException };

function tooMany(detail: string, retryAfterSeconds: number): ProblemException {
  return new ProblemException({
    type: ProblemType.RateLimited,
    detail,
    headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  });
}

function passwordProblem(field: string, password: string, username: string) {
  const rule = passwordRuleBroken(password, username);
  if (rule === null) return null;
  return new ProblemException({
    type: ProblemType.ValidationFailed,
    detail: `${field} ${PASSWORD_RULE_MESSAGES[rule]}`,
    errors: [{ field, message: `${field} ${PASSWORD_RULE_MESSAGES[rule]} (${rule})` }],
    rule,
  });
}

/** Throws the 400 of the first password rule `password` breaks (API.md, "Passwords"). */
export function assertPasswordRules(field: string, password: string, username: string): void {
  const problem = passwordProblem(field, password, username);
  if (problem) throw problem;
}

@Injectable()
export class AuthService {
  private readonly actorCache = new Map<string, { actor: Actor | null; until: number }>();

  constructor(
    private readonly users: UserRepository,
    private readonly agencies: AgencyRepository,
    private readonly sessions: SessionRepository,
    private readonly jwt: JwtService,
    private readonly commands: CommandRunner,
    private readonly clock: Clock,
    private readonly secrets: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Logs in: the limits per address and per username (shared by all instances), the password
   * (a wrong username and a wrong password fail alike, in the same time), the second factor,
   * then a token whose version is read in the transaction that verified the hash. Every
   * success, failure and lock is recorded and audited with the address.
   */
  async login(input: LoginDto, address: string, requestId?: string): Promise<TokenDto> {
    const username = input.username.toLowerCase();
    const known = await this.users.idOfUsername(username);
    const actor: Actor = {
      kind: 'user',
      id: known?.id ?? null,
      name: username,
      agencyId: known?.agency_id ?? null,
      roles: [],
      requestId,
      address,
    };
    const outcome = await this.commands.run(actor, (tx) =>
      this.decideLogin(tx, username, input, address),
    );
    if (outcome.kind === 'refused') throw outcome.problem;
    return this.issueToken(outcome.user, outcome.restriction);
  }

  private async decideLogin(
    tx: CommandTransaction,
    username: string,
    input: LoginDto,
    address: string,
  ): Promise<LoginOutcome> {
    const { manager, now } = tx;
    await this.sessions.lockUsername(manager, username);
    const fromAddress = await this.sessions.failuresFromAddress(
      manager,
      address,
      new Date(now.getTime() - ADDRESS_WINDOW_MS),
    );
    if (fromAddress >= this.config.throttleLoginLimit) {
      return {
        kind: 'refused',
        problem: tooMany('Too many failed logins from this address; retry later', 60),
      };
    }
    const failures = await this.sessions.consecutiveFailures(
      manager,
      username,
      new Date(now.getTime() - ACCOUNT_WINDOW_MS),
    );
    const lockedUntil = lockEndsAt(failures.count, failures.lastAt, this.config.loginLockThreshold);
    if (lockedUntil !== null && lockedUntil > now) {
      return {
        kind: 'refused',
        problem: tooMany(
          'Too many failed logins for this account; it is locked for a while',
          (lockedUntil.getTime() - now.getTime()) / 1000,
        ),
      };
    }

    const user = await this.users.lockByUsername(manager, username);
    const valid = await verifyPassword(
      user?.passwordHash ?? (await decoyPasswordHash()),
      input.password,
    );
    if (!user || !valid || !user.active) {
      return this.failed(tx, username, address, user, failures.count, 'password', () =>
        unauthorizedProblem('Wrong username or password'),
      );
    }
    if (user.mfaEnabledAt !== null) {
      if (input.otp === undefined || input.otp === '') {
        return {
          kind: 'refused',
          problem: new ProblemException({
            type: ProblemType.MfaRequired,
            detail: 'This account has a second factor: send the one-time code as otp',
            headers: { 'WWW-Authenticate': 'Bearer' },
          }),
        };
      }
      if (!(await this.secondFactorAccepted(tx, user, input.otp))) {
        return this.failed(
          tx,
          username,
          address,
          user,
          failures.count,
          'otp',
          () =>
            new ProblemException({
              type: ProblemType.MfaInvalid,
              detail: 'The one-time code is wrong or was used already',
              headers: { 'WWW-Authenticate': 'Bearer' },
            }),
        );
      }
    }
    await this.sessions.recordAttempt(manager, { username, address, succeeded: true, at: now });
    const restriction = this.restrictionOf(user);
    tx.audit({
      action: 'auth.login_succeeded',
      targetType: 'user',
      targetId: user.id,
      agencyId: user.agencyId,
      summary: {
        username,
        address,
        result: 'succeeded',
        secondFactor: user.mfaEnabledAt !== null,
        restriction: restriction ?? null,
      },
    });
    return { kind: 'ok', user, restriction };
  }

  /** Records a failure (and the lock it starts); the transaction commits, then the 401. */
  private async failed(
    tx: CommandTransaction,
    username: string,
    address: string,
    user: UserEntity | null,
    earlierFailures: number,
    reason: 'password' | 'otp',
    problem: () => ProblemException,
  ): Promise<LoginOutcome> {
    {
      await this.sessions.recordAttempt(tx.manager, {
        username,
        address,
        succeeded: false,
        at: tx.now,
      });
      const failures = earlierFailures + 1;
      tx.audit({
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: user?.id ?? null,
        agencyId: user?.agencyId ?? null,
        summary: { username, address, result: 'failed', reason, failures },
      });
      const lockedUntil = lockEndsAt(failures, tx.now, this.config.loginLockThreshold);
      if (lockedUntil !== null) {
        tx.audit({
          action: 'auth.account_locked',
          targetType: 'user',
          targetId: user?.id ?? null,
          agencyId: user?.agencyId ?? null,
          summary: { username, address, failures, lockedUntil: lockedUntil.toISOString() },
        });
      }
      return { kind: 'refused', problem: problem() };
    }
  }

  /** A TOTP code of a step not used before, or an unused recovery code (then used up). */
  private async secondFactorAccepted(
    tx: CommandTransaction,
    user: UserEntity,
    otp: string,
  ): Promise<boolean> {
    if (RECOVERY_CODE_PATTERN.test(otp)) {
      const used = await this.sessions.consumeRecoveryCode(
        tx.manager,
        user.id,
        this.secrets.hash(normalizeRecoveryCode(otp)),
        tx.now,
      );
      if (used) {
        tx.audit({
          action: 'auth.recovery_code_used',
          targetType: 'user',
          targetId: user.id,
          agencyId: user.agencyId,
          summary: {
            remaining: await this.sessions.unusedRecoveryCodes(tx.manager, user.id),
          },
        });
      }
      return used;
    }
    const step = acceptedTotpStep(
      this.secrets.open(user.mfaSecret as string),
      otp,
      tx.now,
      user.mfaLastStep === null ? null : Number(user.mfaLastStep),
    );
    if (step === null) return false;
    user.mfaLastStep = String(step);
    await this.users.save(tx.manager, user);
    return true;
  }

  private restrictionOf(user: UserEntity): SessionRestriction | undefined {
    if (user.passwordChangeRequired) return 'password_change';
    const needsFactor = user.roles.some((role) => this.config.mfaRequiredRoles.includes(role));
    return needsFactor && user.mfaEnabledAt === null ? 'mfa_enrollment' : undefined;
  }

  private async issueToken(
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

  /** Logout: the caller's token (its jti) is refused from now on, on every instance. */
  async logout(actor: Actor): Promise<void> {
    const { id, tokenId, tokenExpiresAt } = actor;
    if (!id || !tokenId) return;
    await this.commands.run(actor, async (tx) => {
      const expiresAt = new Date((tokenExpiresAt ?? tx.now.getTime() / 1000 + 3600) * 1000);
      await this.sessions.revokeToken(tx.manager, tokenId, id, expiresAt);
      tx.audit({
        action: 'auth.logged_out',
        targetType: 'user',
        targetId: id,
        summary: { jti: tokenId, address: actor.address ?? null },
      });
    });
    this.forgetUser(id);
  }

  /**
   * One's own password: the current one verified and the new one stored in one transaction on
   * the locked row, the token version bumped (every earlier token revoked); answers a new token.
   */
  async changePassword(actor: Actor, input: ChangePasswordDto): Promise<TokenDto> {
    const userId = actor.id as string;
    assertPasswordRules('newPassword', input.newPassword, actor.name);
    if (input.newPassword === input.currentPassword) {
      throw validationProblem([
        { field: 'newPassword', message: 'newPassword must differ from the current password' },
      ]);
    }
    const newHash = await hashPassword(input.newPassword);
    const outcome = await this.commands.run(actor, async (tx) => {
      const user = await this.users.lockById(tx.manager, userId);
      if (!user || !user.active) return { ok: false as const, user: null };
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        await this.sessions.recordAttempt(tx.manager, {
          username: user.username,
          address: actor.address ?? 'unknown',
          succeeded: false,
          at: tx.now,
        });
        tx.audit({
          action: 'auth.password_change_failed',
          targetType: 'user',
          targetId: user.id,
          agencyId: user.agencyId,
          summary: { result: 'failed', reason: 'current password wrong' },
        });
        return { ok: false as const, user };
      }
      const temporary = user.passwordChangeRequired;
      user.passwordHash = newHash;
      user.passwordChangeRequired = false;
      user.tokenVersion += 1;
      await this.users.save(tx.manager, user);
      tx.audit({
        action: 'user.credential_changed',
        targetType: 'user',
        targetId: user.id,
        agencyId: user.agencyId,
        summary: { by: 'self', wasTemporary: temporary, earlierSessionsRevoked: true },
      });
      return { ok: true as const, user };
    });
    this.forgetUser(userId);
    if (!outcome.ok) {
      if (outcome.user === null) throw unauthorizedProblem();
      throw validationProblem([
        { field: 'currentPassword', message: 'currentPassword is not the current password' },
      ]);
    }
    return this.issueToken(outcome.user, this.restrictionOf(outcome.user));
  }

  /** Starts (or restarts) enrolment of a TOTP second factor: a new secret, pending activation. */
  async enrollMfa(actor: Actor): Promise<MfaEnrollmentDto> {
    const secret = newTotpSecret();
    await this.commands.run(actor, async (tx) => {
      const user = await this.users.lockById(tx.manager, actor.id as string);
      if (!user) throw unauthorizedProblem();
      if (user.mfaEnabledAt !== null) {
        throw conflictProblem(ProblemType.Conflict, 'A second factor is already active');
      }
      user.mfaSecret = this.secrets.seal(secret);
      user.mfaLastStep = null;
      await this.users.save(tx.manager, user);
      tx.audit({
        action: 'auth.mfa_enrollment_started',
        targetType: 'user',
        targetId: user.id,
        agencyId: user.agencyId,
        summary: { method: 'totp' },
      });
    });
    return { secret, otpauthUrl: otpauthUrlOf(secret, actor.name) };
  }

  /**
   * Activates the enrolled factor with a current code; answers ten recovery codes (stored
   * hashed) once. Earlier tokens are revoked: log in again with the code.
   */
  async activateMfa(actor: Actor, code: string): Promise<MfaActivatedDto> {
    const recoveryCodes = newRecoveryCodes();
    const activated = await this.commands.run(actor, async (tx) => {
      const user = await this.users.lockById(tx.manager, actor.id as string);
      if (!user) throw unauthorizedProblem();
      if (user.mfaEnabledAt !== null) {
        throw conflictProblem(ProblemType.Conflict, 'A second factor is already active');
      }
      if (user.mfaSecret === null) {
        throw conflictProblem(
          ProblemType.Conflict,
          'No enrolment is pending: POST /api/v1/auth/mfa/enroll first',
        );
      }
      const step = acceptedTotpStep(this.secrets.open(user.mfaSecret), code, tx.now, null);
      if (step === null) {
        tx.audit({
          action: 'auth.mfa_activation_failed',
          targetType: 'user',
          targetId: user.id,
          agencyId: user.agencyId,
          summary: { result: 'failed' },
        });
        return false;
      }
      user.mfaEnabledAt = tx.now;
      user.mfaLastStep = String(step);
      user.tokenVersion += 1;
      await this.users.save(tx.manager, user);
      await this.sessions.replaceRecoveryCodes(
        tx.manager,
        user.id,
        recoveryCodes.map((recovery) => this.secrets.hash(normalizeRecoveryCode(recovery))),
      );
      tx.audit({
        action: 'auth.mfa_activated',
        targetType: 'user',
        targetId: user.id,
        agencyId: user.agencyId,
        summary: { method: 'totp', recoveryCodes: recoveryCodes.length },
      });
      return true;
    });
    this.forgetUser(actor.id as string);
    if (!activated) {
      throw new ProblemException({
        type: ProblemType.MfaInvalid,
        status: 400,
        detail: 'The code does not match the enrolled secret at this time',
        errors: [{ field: 'code', message: 'code does not match' }],
      });
    }
    return { recoveryCodes };
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

  async me(actor: Actor): Promise<MeDto> {
    const isUser = actor.kind === 'user' && actor.id !== null;
    const [displayName, agencyName, mfaEnabled] = await Promise.all([
      isUser ? this.users.displayNameOf(actor.id as string) : null,
      actor.agencyId ? this.agencies.nameOf(actor.agencyId) : null,
      isUser ? this.users.mfaEnabledOf(actor.id as string) : false,
    ]);
    return {
      kind: actor.kind,
      id: actor.id,
      name: actor.name,
      displayName,
      roles: [...actor.roles],
      agencyId: actor.agencyId,
      agencyName,
      restriction: actor.restriction ?? null,
      mfaEnabled,
    };
  }
}
