import { Client } from 'pg';

/** Admin connection details handed from jest's global setup to the test files. */
export const TEST_ADMIN_URL_ENV = 'FUYI_TEST_ADMIN_URL';
export const TEST_TEMPLATE_ENV = 'FUYI_TEST_TEMPLATE_DB';

/** The application's role in tests: row access only, as in production with an owner. */
export const TEST_APP_ROLE = 'fuyi_app_test';
export const TEST_APP_PASSWORD = 'fuyi-app-test-password';

/** The URL of `database` as the application's role. */
export function appUrlOf(adminUrl: string, database: string): string {
  const url = new URL(databaseUrl(adminUrl, database));
  url.username = TEST_APP_ROLE;
  url.password = TEST_APP_PASSWORD;
  return url.toString();
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(
  adminUrl: string,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, cloned from the migrated template (fast). */
export async function createTestDatabase(): Promise<{
  /** As the application's role (row access only). */
  url: string;
  /** As the owner (migrations, grants, DDL). */
  ownerUrl: string;
  drop(): Promise<void>;
}> {
  const adminUrl = process.env[TEST_ADMIN_URL_ENV];
  const template = process.env[TEST_TEMPLATE_ENV];
  if (!adminUrl || !template) throw new Error('jest global setup did not prepare the database');
  const name = `fuyi_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await withAdminClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`),
  );
  return {
    url: appUrlOf(adminUrl, name),
    ownerUrl: databaseUrl(adminUrl, name),
    drop: () =>
      withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      ).then(() => undefined),
  };
}
