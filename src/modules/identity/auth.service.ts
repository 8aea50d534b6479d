import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { SecretBox } from '../../common/crypto/secret-box';
import {
  conflictProblem,
  ProblemException,
  unauthorizedProblem,
  validationProblem,
} from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import { CommandRunner } from '../commands/command-runner';
import { AgencyRepository } from './agency.repository';
import { AuthTokenService } from './auth-token.service';
import type {
  ChangePasswordDto,
  MeDto,
  MfaActivatedDto,
  MfaEnrollmentDto,
  TokenDto,
} from './dto/auth.dto';
import { hashPassword, verifyPassword } from './password-hasher';
import { PASSWORD_RULE_MESSAGES, passwordRuleBroken } from './security/password-policy';
import {
  acceptedTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  otpauthUrlOf,
} from './security/totp';
import { SessionRepository } from './session.repository';
import { UserRepository } from './user.repository';

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

/** The caller's own session and credentials: logout, password, second factor, who they are. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly agencies: AgencyRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: AuthTokenService,
    private readonly commands: CommandRunner,
    private readonly secrets: SecretBox,
  ) {}

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
    this.tokens.forgetUser(id);
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
    this.tokens.forgetUser(userId);
    if (!outcome.ok) {
      if (outcome.user === null) throw unauthorizedProblem();
      throw validationProblem([
        { field: 'currentPassword', message: 'currentPassword is not the current password' },
      ]);
    }
    return this.tokens.issueToken(outcome.user, this.tokens.restrictionOf(outcome.user));
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
    this.tokens.forgetUser(actor.id as string);
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
