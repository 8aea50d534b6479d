import { Client } from 'pg';
import { startAppWithTenant } from '../factories/identity.factory';
import type { TestApp } from '../setup/test-app';

async function asOwner<T>(t: TestApp, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: t.ownerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Least privilege: the application's role reads and writes rows, and nothing else. */
describe('the application’s database role', () => {
  let t: TestApp;

  beforeAll(async () => {
    ({ t } = await startAppWithTenant());
  });
  afterAll(() => t.close());

  it('is not the owner, and not a superuser', async () => {
    const [row] = await t.dataSource.query<
      Array<{ me: string; superuser: boolean; owner: string }>
    >(
      `SELECT current_user AS me, r.rolsuper AS superuser, pg_get_userbyid(c.relowner) AS owner
         FROM pg_roles r, pg_class c
        WHERE r.rolname = current_user AND c.relname = 'audit_entry'`,
    );
    expect(row.superuser).toBe(false);
    expect(row.owner).not.toBe(row.me);
  });

  it.each([
    'ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only',
    'ALTER TABLE audit_entry DISABLE TRIGGER ALL',
    'ALTER TABLE audit_entry ADD COLUMN forged text',
    'DROP TRIGGER audit_entry_append_only ON audit_entry',
    'TRUNCATE audit_entry',
    "UPDATE audit_entry SET action = 'forged'",
    'DELETE FROM audit_entry',
    'ALTER TABLE reconsideration_case ADD COLUMN forged text',
    'DROP TABLE deadline',
    'CREATE TABLE forged (id int)',
    "DELETE FROM migrations WHERE name LIKE 'Seal%'",
  ])('cannot %s', async (sql) => {
    await expect(t.dataSource.query(sql)).rejects.toThrow(
      /permission denied|must be owner|append-only/,
    );
  });

  it('reads, inserts, updates and deletes rows of the other tables', async () => {
    await t.dataSource.query(
      `INSERT INTO login_attempt (username, address, succeeded, attempted_at)
       VALUES ('probe', '192.0.2.1', false, now())`,
    );
    await t.dataSource.query(`UPDATE login_attempt SET succeeded = true WHERE username = 'probe'`);
    await t.dataSource.query(`DELETE FROM login_attempt WHERE username = 'probe'`);
    const [{ count }] = await t.dataSource.query<Array<{ count: number }>>(
      'SELECT count(*)::int AS count FROM audit_entry',
    );
    expect(count).toBeGreaterThan(0);
  });

  it('leaves the owner able to migrate, but not to rewrite the audit trail', async () => {
    await asOwner(t, async (client) => {
      await client.query('ALTER TABLE login_attempt ADD COLUMN probe text');
      await client.query('ALTER TABLE login_attempt DROP COLUMN probe');
      await expect(client.query('DELETE FROM audit_entry')).rejects.toThrow(/append-only/);
    });
  });
});
