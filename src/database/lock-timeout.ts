import type { EntityManager } from 'typeorm';

/**
 * How long a command waits for a row another command holds before giving up (SQLSTATE 55P03,
 * answered 409 `busy`): for the rest of the transaction only.
 */
export async function setLockTimeout(manager: EntityManager, seconds = 10): Promise<void> {
  await manager.query(`SET LOCAL lock_timeout = '${Math.trunc(seconds)}s'`);
}
