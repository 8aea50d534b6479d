import { Client } from 'pg';

/** The role (user name) a PostgreSQL URL connects as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Least privilege (等保 2.0 访问控制; ASVS 4.0 V1.4.5): the application's role may read and write
 * rows, nothing more. Run by the owner after the migrations: row access on every table and
 * sequence of the schema; the audit trail and the migrations table only read and appended to
 * (no UPDATE, DELETE or TRUNCATE); no DDL, so no ALTER TABLE, DISABLE TRIGGER or TRUNCATE, which
 * need ownership.
 */
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<void> {
  const app = quoteIdent(appRole);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    if (roleOf(ownerUrl) === appRole) return;
    // Only the schema's owner may; PostgreSQL 15 and later already leave it so.
    await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC').catch(() => undefined);
    await client.query('BEGIN');
    await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`);
    await client.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    );
    await client.query(`REVOKE UPDATE, DELETE ON audit_entry FROM ${app}`);
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON migrations FROM ${app}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Creates a login role unless it exists (several starts may race: the loser keeps the first). */
export async function ensureLoginRole(
  adminUrl: string,
  role: string,
  password: string,
): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (found.rowCount === 0) {
      await client
        .query(
          `CREATE ROLE ${quoteIdent(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password.replaceAll("'", "''")}'`,
        )
        .catch((error: { code?: string }) => {
          // 42710 duplicate_object, 23505: another start created it a moment ago.
          if (error.code !== '42710' && error.code !== '23505') throw error;
        });
    } else {
      await client.query(
        `ALTER ROLE ${quoteIdent(role)} PASSWORD '${password.replaceAll("'", "''")}'`,
      );
    }
  } finally {
    await client.end();
  }
}
