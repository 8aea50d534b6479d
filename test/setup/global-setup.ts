import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../../src/database/embedded-database';
import { ensureLoginRole, grantAppRole } from '../../src/database/database-roles';
import { runMigrations } from '../../src/database/run-migrations';
import {
  databaseUrl,
  TEST_APP_PASSWORD,
  TEST_APP_ROLE,
  TEST_ADMIN_URL_ENV,
  TEST_TEMPLATE_ENV,
  withAdminClient,
} from './test-database';

declare global {
  var fuyiEmbeddedStop: (() => Promise<void>) | undefined;
}

/**
 * One PostgreSQL per test run: TEST_DATABASE_URL / DATABASE_URL when set, otherwise an embedded
 * server in a temporary folder. A template database is migrated once; each test file clones it.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'fuyi-test-pg-'));
    const embedded = await startEmbeddedDatabase(dataDir, 'fuyi_admin');
    adminUrl = embedded.ownerUrl ?? embedded.url;
    globalThis.fuyiEmbeddedStop = embedded.stop;
  }
  const template = `fuyi_template_${process.pid}`;
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${template}"`);
  });
  await runMigrations(databaseUrl(adminUrl, template));
  // The apps under test connect as a role with row access only; clones keep the grants.
  await ensureLoginRole(adminUrl, TEST_APP_ROLE, TEST_APP_PASSWORD);
  await grantAppRole(databaseUrl(adminUrl, template), TEST_APP_ROLE);
  process.env[TEST_ADMIN_URL_ENV] = adminUrl;
  process.env[TEST_TEMPLATE_ENV] = template;
}
