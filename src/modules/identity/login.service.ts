import { Inject, Injectable } from '@nestjs/common';
import type { Actor, SessionRestriction } from '../../common/auth/actor';
import { SecretBox } from '../../common/crypto/secret-box';
import { ProblemException, unauthorizedProblem } from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { CommandRunner, type CommandTransaction } from '../commands/command-runner';
import { AuthTokenService } from './auth-token.service';
import type { LoginDto, TokenDto } from './dto/auth.dto';
import { decoyPasswordHash, verifyPassword } from './password-hasher';
import { lockEndsAt } from './security/lockout';
import { acceptedTotpStep, normalizeRecoveryCode, RECOVERY_CODE_PATTERN } from './security/totp';
import { SessionRepository } from './session.repository';
import type { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

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

/** Logging in: the limits per address and per account, the password and the second factor. */
@Injectable()
export class LoginService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: AuthTokenService,
    private readonly commands: CommandRunner,
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
    return this.tokens.issueToken(outcome.user, outcome.restriction);
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
    const restriction = this.tokens.restrictionOf(user);
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
}
