import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

// Any constant shared by all instances: several API instances starting at once must not run
// the same migration twice.
const MIGRATION_LOCK_KEY = 7_316_001;

/** Applies pending migrations under a PostgreSQL advisory lock; returns their names. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url, 1));
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await dataSource.destroy();
  }
}
