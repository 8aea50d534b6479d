import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { grantAppRole, roleOf } from '../database/database-roles';
import { runMigrations } from '../database/run-migrations';
import { runCli } from './with-database';

const USAGE = 'usage: migrate run | revert | check | generate <VerbNoun>';

/** The SQL that would bring the schema in line with the entities (empty when in sync). */
async function pendingSchemaChanges(url: string) {
  const dataSource = new DataSource(dataSourceOptions(url, 1));
  await dataSource.initialize();
  try {
    return await dataSource.driver.createSchemaBuilder().log();
  } finally {
    await dataSource.destroy();
  }
}

/** Drift is checked on a fresh database, never on one that may have been changed by hand. */
async function withScratchDatabase<T>(url: string, work: (scratchUrl: string) => Promise<T>) {
  const name = `fuyi_drift_check_${process.pid}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    const scratch = new URL(url);
    scratch.pathname = `/${name}`;
    return await work(scratch.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) =>
    queries.map((query) => `    await queryRunner.query(${JSON.stringify(query)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

const [command, name] = process.argv.slice(2);

// Migrations are the owner's work (DATABASE_OWNER_URL, or the embedded database's owner).
runCli(async (appUrl, url) => {
  switch (command) {
    case 'run': {
      const applied = await runMigrations(url);
      if (url !== appUrl) await grantAppRole(url, roleOf(appUrl));
      process.stdout.write(`applied ${applied.length} migration(s) ${applied.join(', ')}\n`);
      return;
    }
    case 'revert': {
      const dataSource = new DataSource(dataSourceOptions(url, 1));
      await dataSource.initialize();
      await dataSource
        .undoLastMigration({ transaction: 'each' })
        .finally(() => dataSource.destroy());
      process.stdout.write('reverted the last migration\n');
      return;
    }
    case 'check': {
      const changes = await withScratchDatabase(url, async (scratchUrl) => {
        await runMigrations(scratchUrl);
        return pendingSchemaChanges(scratchUrl);
      });
      if (changes.upQueries.length > 0) {
        const sql = changes.upQueries.map((query) => `  ${query.query}`).join('\n');
        throw new Error(`Entities and migrations have drifted; a new migration needs:\n${sql}`);
      }
      process.stdout.write('entities and migrations agree\n');
      return;
    }
    case 'generate': {
      if (!name || !/^[A-Z][A-Za-z]+$/.test(name)) throw new Error(USAGE);
      await runMigrations(url);
      const changes = await pendingSchemaChanges(url);
      if (changes.upQueries.length === 0) throw new Error('no changes to migrate');
      const timestamp = Date.now();
      const file = join(process.cwd(), 'migrations', `${timestamp}-${name}.ts`);
      writeFileSync(
        file,
        migrationSource(
          `${name}${timestamp}`,
          changes.upQueries.map((query) => query.query),
          changes.downQueries.reverse().map((query) => query.query),
        ),
      );
      process.stdout.write(`wrote ${file}; add it to src/database/migrations.ts\n`);
      return;
    }
    default:
      throw new Error(USAGE);
  }
});
