import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface IdempotencyClaim {
  owner: string;
  key: string;
  fingerprint: string;
  method: string;
  path: string;
  now: Date;
  lockedUntil: Date;
  expiresAt: Date;
}

export interface StoredKey {
  fingerprint: string;
  state: 'in_flight' | 'completed';
  responseStatus: number | null;
  responseBody: unknown;
  lockedUntil: Date;
}

interface StoredKeyRow {
  fingerprint: string;
  state: 'in_flight' | 'completed';
  response_status: number | null;
  response_body: unknown;
  locked_until: Date;
}

/** Idempotency keys (table idempotency_key). */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims a key for a request: true when this request may run — the key is new, expired, or
   * an abandoned claim of the same request. One statement, so of ten concurrent claims one wins.
   */
  async claim(claim: IdempotencyClaim): Promise<boolean> {
    const rows = await this.dataSource.query<Array<{ owner: string }>>(
      `INSERT INTO idempotency_key
         (owner, key, fingerprint, method, path, state, created_at, locked_until, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'in_flight', $6, $7, $8)
       ON CONFLICT (owner, key) DO UPDATE
          SET fingerprint = EXCLUDED.fingerprint, method = EXCLUDED.method, path = EXCLUDED.path,
              state = 'in_flight', response_status = NULL, response_body = NULL,
              created_at = EXCLUDED.created_at, locked_until = EXCLUDED.locked_until,
              expires_at = EXCLUDED.expires_at
        WHERE idempotency_key.expires_at <= EXCLUDED.created_at
           OR (idempotency_key.state = 'in_flight'
               AND idempotency_key.locked_until <= EXCLUDED.created_at
               AND idempotency_key.fingerprint = EXCLUDED.fingerprint)
       RETURNING owner`,
      [
        claim.owner,
        claim.key,
        claim.fingerprint,
        claim.method,
        claim.path,
        claim.now.toISOString(),
        claim.lockedUntil.toISOString(),
        claim.expiresAt.toISOString(),
      ],
    );
    return rows.length === 1;
  }

  async find(owner: string, key: string): Promise<StoredKey | null> {
    const [row] = await this.dataSource.query<StoredKeyRow[]>(
      `SELECT fingerprint, state, response_status, response_body, locked_until
         FROM idempotency_key WHERE owner = $1 AND key = $2`,
      [owner, key],
    );
    if (!row) return null;
    return {
      fingerprint: row.fingerprint,
      state: row.state,
      responseStatus: row.response_status,
      responseBody: row.response_body,
      lockedUntil: new Date(row.locked_until),
    };
  }

  /** Stores the response of the request that held the key. */
  async complete(owner: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key SET state = 'completed', response_status = $3, response_body = $4
        WHERE owner = $1 AND key = $2 AND state = 'in_flight'`,
      [owner, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** Forgets a claim whose request failed: a retry with the key runs it again. */
  async release(owner: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_key WHERE owner = $1 AND key = $2 AND state = 'in_flight'`,
      [owner, key],
    );
  }

  /** Deletes keys past their retention; returns how many. */
  async purgeExpired(now: Date): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      'DELETE FROM idempotency_key WHERE expires_at <= $1',
      [now.toISOString()],
    );
    return count;
  }
}
