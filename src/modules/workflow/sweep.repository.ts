import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

// One sweep at a time across all API instances.
const SWEEP_LOCK_KEY = 7_316_002;

/** The sweep's exclusive turn: a PostgreSQL advisory lock held on one pooled session. */
@Injectable()
export class SweepLockRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` while holding the sweep lock; false (and nothing run) when another holds it. */
  async whileHolding(work: () => Promise<void>): Promise<boolean> {
    const session = this.dataSource.createQueryRunner();
    try {
      const [{ locked }] = (await session.query('SELECT pg_try_advisory_lock($1) AS locked', [
        SWEEP_LOCK_KEY,
      ])) as Array<{ locked: boolean }>;
      if (!locked) return false;
      try {
        await work();
      } finally {
        await session.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK_KEY]);
      }
      return true;
    } finally {
      await session.release();
    }
  }
}
