import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface LoginAttempt {
  username: string;
  address: string;
  succeeded: boolean;
  at: Date;
}

/**
 * The records of sessions, shared by every instance through PostgreSQL: login attempts (the
 * lockout per username and the limit per address), revoked tokens (logout by jti) and the
 * second factor's recovery codes (hashed).
 */
@Injectable()
export class SessionRepository {
  /** Serialises the logins of one username across instances, for the transaction. */
  async lockUsername(manager: EntityManager, username: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('fuyi:login:' || $1))`, [username]);
  }

  async recordAttempt(manager: EntityManager, attempt: LoginAttempt): Promise<void> {
    await manager.query(
      `INSERT INTO login_attempt (username, address, succeeded, attempted_at) VALUES ($1, $2, $3, $4)`,
      [attempt.username, attempt.address, attempt.succeeded, attempt.at],
    );
  }

  /** Failed logins from one address since `since`, whatever the usernames. */
  async failuresFromAddress(manager: EntityManager, address: string, since: Date): Promise<number> {
    const [{ count }] = await manager.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM login_attempt
        WHERE address = $1 AND NOT succeeded AND attempted_at >= $2`,
      [address, since],
    );
    return count;
  }

  /** The failures of a username since its last success (or since `since`), and the latest. */
  async consecutiveFailures(
    manager: EntityManager,
    username: string,
    since: Date,
  ): Promise<{ count: number; lastAt: Date | null }> {
    const [row] = await manager.query<Array<{ count: number; last_at: Date | null }>>(
      `SELECT count(*)::int AS count, max(attempted_at) AS last_at
         FROM login_attempt
        WHERE username = $1 AND NOT succeeded AND attempted_at >= $2
          AND id > coalesce(
                (SELECT max(id) FROM login_attempt WHERE username = $1 AND succeeded), 0)`,
      [username, since],
    );
    return { count: row.count, lastAt: row.last_at ? new Date(row.last_at) : null };
  }

  /** Attempts older than `before` (they no longer count for any limit). */
  async pruneAttempts(manager: EntityManager, before: Date): Promise<void> {
    await manager.query('DELETE FROM login_attempt WHERE attempted_at < $1', [before]);
  }

  async revokeToken(
    manager: EntityManager,
    jti: string,
    userId: string,
    expiresAt: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO revoked_token (jti, user_id, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (jti) DO NOTHING`,
      [jti, userId, expiresAt],
    );
  }

  async replaceRecoveryCodes(
    manager: EntityManager,
    userId: string,
    codeHashes: readonly string[],
  ): Promise<void> {
    await manager.query('DELETE FROM mfa_recovery_code WHERE user_id = $1', [userId]);
    await manager.query(
      `INSERT INTO mfa_recovery_code (user_id, code_hash) SELECT $1, unnest($2::text[])`,
      [userId, codeHashes],
    );
  }

  /** Uses a recovery code once; false when it is unknown or already used. */
  async consumeRecoveryCode(
    manager: EntityManager,
    userId: string,
    codeHash: string,
    at: Date,
  ): Promise<boolean> {
    // An UPDATE … RETURNING answers [rows, affected] through TypeORM's PostgreSQL driver.
    const [, affected] = await manager.query<[unknown[], number]>(
      `UPDATE mfa_recovery_code SET used_at = $3
        WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, codeHash, at],
    );
    return affected > 0;
  }

  async unusedRecoveryCodes(manager: EntityManager, userId: string): Promise<number> {
    const [{ count }] = await manager.query<Array<{ count: number }>>(
      'SELECT count(*)::int AS count FROM mfa_recovery_code WHERE user_id = $1 AND used_at IS NULL',
      [userId],
    );
    return count;
  }
}
