import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { grantAppRole, roleOf } from './database-roles';

// Any constant shared by all instances: several API instances starting at once must not run
// the same migration twice.
const MIGRATION_LOCK_KEY = 7_316_001;

/** Applies pending migrations under a PostgreSQL advisory lock; returns their names. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url, 2));
  await dataSource.initialize();
  // The lock lives in its own session; the migrations run on the other connection.
  const lockSession = dataSource.createQueryRunner();
  try {
    await lockSession.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockSession.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await lockSession.release();
    await dataSource.destroy();
  }
}

/** Migrations as the owner; then the application's role gets row access only (issue 14). */
export async function migrateDatabase(database: { url: string; ownerUrl?: string }) {
  const owner = database.ownerUrl ?? database.url;
  const applied = await runMigrations(owner);
  if (owner !== database.url) await grantAppRole(owner, roleOf(database.url));
  return applied;
}
