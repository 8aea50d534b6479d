import request from 'supertest';
import { createCase } from '../factories/case.factory';
import { createTenant, startAppWithTenant, type Tenant } from '../factories/identity.factory';
import type { TestApp } from '../setup/test-app';
import { createCourtKey, positionOf, readFeed, type FeedItem } from './integration-helpers';

jest.setTimeout(180_000);

describe('change feed (GET /events)', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;

  beforeAll(async () => {
    ({ t, adminToken, tenant } = await startAppWithTenant());
  });
  afterAll(() => t.close());

  it('never skips or repeats an event while many writers commit out of order', async () => {
    const writersDone = { value: false };
    const seen: FeedItem[] = [];

    // One hard-polling reader, resuming from its saved cursor each time.
    const reader = (async () => {
      let cursor: string | null = null;
      for (;;) {
        const finished = writersDone.value;
        const page = await readFeed(t, { token: tenant.viewer.token }, cursor);
        seen.push(...page.items);
        cursor = page.cursor;
        if (finished) return;
      }
    })();

    // Writers through the API (each case: an event, a message, an audit entry)…
    const httpWriters = (async () => {
      for (let round = 0; round < 6; round += 1) {
        await Promise.all(Array.from({ length: 5 }, () => createCase(t, tenant.clerk.token)));
      }
    })();
    // …and slow transactions that take their message id early and commit late: the classic gap.
    const slowWriter = async (n: number) => {
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query(
          `INSERT INTO outbox_message (agency_id, topic, payload) VALUES ($1, 'test.slow_write', $2)`,
          [tenant.agency.id, JSON.stringify({ n })],
        );
        await runner.query('SELECT pg_sleep($1)', [((n * 37) % 11) / 40]);
        await runner.commitTransaction();
      } finally {
        await runner.release();
      }
    };
    const slowWriters = (async () => {
      for (let round = 0; round < 6; round += 1) {
        await Promise.all(Array.from({ length: 4 }, (_, i) => slowWriter(round * 4 + i)));
      }
    })();

    await Promise.all([httpWriters, slowWriters]);
    writersDone.value = true;
    await reader;

    // Increasing cursors, no duplicates.
    const positions = seen.map((item) => positionOf(item.cursor));
    for (let i = 1; i < positions.length; i += 1) {
      expect(positions[i]).toBeGreaterThan(positions[i - 1]);
    }
    expect(new Set(seen.map((item) => item.id)).size).toBe(seen.length);

    // The same set as a full read afterwards, and as every committed message of the body.
    const full = await readFeed(t, { token: tenant.viewer.token });
    expect(full.items.map((item) => item.id)).toEqual(seen.map((item) => item.id));
    const rows = await t.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM outbox_message WHERE agency_id = $1 ORDER BY id',
      [tenant.agency.id],
    );
    expect(new Set(seen.map((item) => item.id))).toEqual(new Set(rows.map((row) => row.id)));
    expect(seen.filter((item) => item.type === 'test.slow_write')).toHaveLength(24);
    expect(seen.filter((item) => item.type === 'reconsideration_case.received')).toHaveLength(30);
  });

  it('shows thin events of the caller’s body only, filtered by type, resumable from any cursor', async () => {
    const other = await createTenant(t, adminToken);
    const created = await createCase(t, other.clerk.token);
    const court = await createCourtKey(t, adminToken, other.agency.id);

    const page = await readFeed(t, { apiKey: court.apiKey });
    expect(page.items.length).toBeGreaterThan(0);
    const received = page.items.find(
      (item) => item.type === 'reconsideration_case.received' && item.aggregate?.id === created.id,
    );
    expect(received).toMatchObject({
      aggregate: { kind: 'reconsideration_case', id: created.id },
      occurredAt: expect.stringMatching(/\+08:00$/) as unknown,
    });
    expect(JSON.stringify(page.items)).not.toContain('360281199001011230');

    const mine = await readFeed(t, { token: tenant.clerk.token });
    expect(mine.items.some((item) => item.aggregate?.id === created.id)).toBe(false);

    const filtered = await readFeed(t, { token: other.head.token }, null, '&types=test.none');
    expect(filtered.items).toEqual([]);

    // Resuming after the first item returns the rest.
    const all = await readFeed(t, { token: other.head.token });
    const rest = await readFeed(t, { token: other.head.token }, all.items[0].cursor);
    expect(rest.items.map((item) => item.id)).toEqual(all.items.slice(1).map((item) => item.id));

    // An admin names the body; a forged cursor is a 400.
    await request(t.http).get('/api/v1/events').auth(adminToken, { type: 'bearer' }).expect(400);
    const asAdmin = await request(t.http)
      .get(`/api/v1/events?agencyId=${other.agency.id}&limit=1000`)
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    expect((asAdmin.body as { items: FeedItem[] }).items).toHaveLength(all.items.length);
    await request(t.http)
      .get('/api/v1/events?after=bm9wZQ')
      .auth(other.head.token, { type: 'bearer' })
      .expect(400);
  });

  it('shows a reminder only once it is due', async () => {
    await t.dataSource.query(
      `INSERT INTO outbox_message (agency_id, topic, payload, created_at, available_at)
       VALUES ($1, 'hearing.reminder', '{"probe": 1}', '2026-06-01T10:00:00+08:00',
               '2026-06-03T00:00:00+08:00')`,
      [tenant.agency.id],
    );
    const before = await readFeed(
      t,
      { token: tenant.clerk.token },
      null,
      '&types=hearing.reminder',
    );
    expect(before.items).toEqual([]);
    t.clock.set('2026-06-03T08:00:00+08:00');
    const after = await readFeed(t, { token: tenant.clerk.token }, null, '&types=hearing.reminder');
    expect(after.items.map((item) => item.data)).toEqual([{ probe: 1 }]);
  });
});
