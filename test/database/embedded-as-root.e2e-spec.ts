import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../../src/database/embedded-database';
import { canTraverseTo, runsAsRoot } from '../../src/database/embedded-postgres-as-root';

// Issue 9: `git clone` into /root/fuyi, then `npm start` as root. PostgreSQL runs as the user
// `postgres`, who cannot traverse a private home; the data must then live where it can.
const asRoot = runsAsRoot() ? describe : describe.skip;

asRoot('the embedded database started by root from a private folder', () => {
  const home = mkdtempSync(join(tmpdir(), 'fuyi-private-home-'));
  const dataDir = join(home, 'project', '.data', 'pg');
  let relocated: string | undefined;

  beforeAll(() => {
    mkdirSync(join(home, 'project'), { recursive: true });
    chmodSync(home, 0o700);
  });
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    if (relocated) rmSync(relocated, { recursive: true, force: true });
  });

  async function tableCount(url: string, sql?: string): Promise<number> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      if (sql) await client.query(sql);
      const result = await client.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_tables WHERE tablename = 'kept_across_restarts'",
      );
      return Number(result.rows[0].n);
    } finally {
      await client.end();
    }
  }

  it('starts, keeps its data elsewhere and says where, and finds it again on restart', async () => {
    expect(canTraverseTo(dataDir, { uid: 65534, gid: 65534 })).toBe(false);

    const first = await startEmbeddedDatabase(dataDir, 'fuyi_private');
    relocated = first.relocatedDataDir;
    expect(relocated).toMatch(/^\/var\/lib\/fuyi-embedded-postgres\/data-[0-9a-f]{16}$/);
    try {
      expect(
        await tableCount(first.ownerUrl ?? first.url, 'CREATE TABLE kept_across_restarts (id int)'),
      ).toBe(1);
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedDatabase(dataDir, 'fuyi_private');
    try {
      expect(second.relocatedDataDir).toBe(relocated);
      expect(await tableCount(second.ownerUrl ?? second.url)).toBe(1);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
