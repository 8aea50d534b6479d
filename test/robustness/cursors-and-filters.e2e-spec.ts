import request from 'supertest';
import { encodeCursor, type CursorField } from '../../src/common/pagination/cursor';
import { createCase } from '../factories/case.factory';
import {
  createAgency,
  startAppWithTenant,
  unique,
  type Tenant,
} from '../factories/identity.factory';
import { expectFieldError } from '../setup/expect-problem';
import type { TestApp } from '../setup/test-app';

const raw = (text: string) => Buffer.from(text).toString('base64url');

/** A valid value of each kind of sort key, and values a list of that kind never issues. */
const KEY_VALUES: Record<CursorField, { good: string; bad: string[] }> = {
  date: { good: '2024-01-01', bad: ['zz', '2024-02-30', '99999-01-01', '0000-01-01'] },
  uuid: { good: '0b6f2c1e-8d5a-4c8e-9f3b-2a1d4e5f6a7b', bad: ['zz', '0b6f2c1e-8d5a'] },
  instant: {
    good: '2024-10-10T01:02:03.123456Z',
    bad: ['zz', '2024-10-10T25:00:00.000000Z', '2024-10-10T01:02:03Z'],
  },
  int: { good: '1', bad: ['zz', '99999999999999999999', '1.5'] },
  text: { good: 'a', bad: ['a\u0000', 'x'.repeat(257)] },
};

/** Cursors well-formed as base64url JSON, but none that a list of these key kinds issues. */
function forgedCursors(fields: CursorField[]): Array<[string, string]> {
  const good = fields.map((field) => KEY_VALUES[field].good);
  const forged: Array<[string, string]> = [
    ['["zz","zz"]', raw('["zz","zz"]')],
    ['one value too many', encodeCursor([...good, 'x'])],
    ['one value too few', encodeCursor(good.slice(1))],
    ['numbers', raw(JSON.stringify(good.map(() => 1)))],
    ['an object', raw('{"0":"a"}')],
    ['not JSON', raw('{{')],
  ];
  fields.forEach((field, i) => {
    for (const bad of KEY_VALUES[field].bad) {
      const key = [...good];
      key[i] = bad;
      forged.push([`${field} ${JSON.stringify(bad).slice(0, 20)}`, encodeCursor(key)]);
    }
  });
  return forged;
}

/** Every keyset-paged list, who may read it, and the kinds of its sort key. */
const LISTS: Array<[string, 'admin' | 'clerk', CursorField[]]> = [
  ['/agencies', 'admin', ['text', 'uuid']],
  ['/users', 'admin', ['text']],
  ['/api-clients', 'admin', ['instant', 'uuid']],
  ['/audit', 'admin', ['int']],
  ['/deadlines', 'clerk', ['date', 'uuid']],
  ['/reconsideration-cases', 'clerk', ['date', 'uuid']],
  ['/closures', 'clerk', ['date', 'uuid']],
  ['/hearings', 'clerk', ['instant', 'uuid']],
];

describe('cursors and filters', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;

  beforeAll(async () => {
    ({ t, adminToken, tenant } = await startAppWithTenant());
    await createCase(t, tenant.clerk.token);
    await createCase(t, tenant.clerk.token, { receivedOn: '2024-09-26' });
    await createAgency(t, adminToken);
  });
  afterAll(() => t.close());

  const tokenOf = (who: 'admin' | 'clerk') => (who === 'admin' ? adminToken : tenant.clerk.token);
  const get = (path: string, who: 'admin' | 'clerk') =>
    request(t.http).get(`/api/v1${path}`).auth(tokenOf(who), { type: 'bearer' });

  /** Walks a list one item a page; every item once, in the order of one big page. */
  async function walk(path: string, who: 'admin' | 'clerk', query = ''): Promise<string[]> {
    const all = await get(`${path}?limit=200${query}`, who).expect(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page <= all.body.items.length; page++) {
      const after: string = cursor === null ? '' : `&cursor=${cursor}`;
      const response = await get(`${path}?limit=1${query}${after}`, who).expect(200);
      seen.push(...response.body.items.map((item: { id: string }) => item.id));
      cursor = response.body.nextCursor;
      if (cursor === null) break;
    }
    expect(cursor).toBeNull();
    expect(seen).toEqual(all.body.items.map((item: { id: string }) => item.id));
    return seen;
  }

  describe.each(LISTS)('GET %s', (path, who, fields) => {
    it.each(forgedCursors(fields))('refuses a forged cursor (%s) with 400', async (_, cursor) => {
      expectFieldError(await get(`${path}?cursor=${cursor}`, who), 'cursor');
    });
  });

  it.each<[string, 'admin' | 'clerk']>([
    ['/agencies', 'admin'],
    ['/users', 'admin'],
    ['/reconsideration-cases', 'clerk'],
    ['/deadlines', 'clerk'],
    ['/audit', 'admin'],
  ])('walks %s one item a page, each item once', async (path, who) => {
    expect((await walk(path, who)).length).toBeGreaterThan(1);
  });

  it('walks the API clients with limit=1, each client exactly once (microsecond keys)', async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await request(t.http)
        .post('/api/v1/api-clients')
        .auth(adminToken, { type: 'bearer' })
        .send({ name: unique('client'), agencyId: tenant.agency.id, roles: ['court_liaison'] })
        .expect(201);
      created.push(response.body.id);
    }
    const [{ fraction }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE extract(microseconds FROM created_at)::bigint % 1000 <> 0)
              AS fraction FROM api_client`,
    );
    expect(Number(fraction)).toBeGreaterThan(0); // keys below the millisecond exist
    const seen = await walk('/api-clients', 'admin');
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(created));
  });

  describe('audit date filters in China Standard Time', () => {
    const target = unique('audit-target-');
    const at = async (instant: string) =>
      t.dataSource.query(
        `INSERT INTO audit_entry (occurred_at, actor_kind, actor_name, action, target_type, target_id, summary)
         VALUES ($1, 'system', 'test', 'test.recorded', 'test', $2, '{}')`,
        [instant, target],
      );

    beforeAll(async () => {
      await at('2024-10-09T15:59:59.999999Z'); // 10-09 23:59:59.999999 in Beijing
      await at('2024-10-09T16:00:00Z'); // 10-10 00:00 in Beijing
      await at('2024-10-10T15:59:59.999999Z'); // 10-10 23:59:59.999999 in Beijing
      await at('2024-10-10T16:00:00Z'); // 10-11 00:00 in Beijing
    });

    const occurred = async (query: string) => {
      const response = await get(`/audit?targetId=${target}&${query}`, 'admin').expect(200);
      return (response.body.items as Array<{ occurredAt: string }>)
        .map((item) => item.occurredAt)
        .sort();
    };

    it('reads from=YYYY-MM-DD as that day’s 00:00+08:00 and to as through that day', async () => {
      expect(await occurred('from=2024-10-10&to=2024-10-10')).toEqual([
        '2024-10-09T16:00:00.000Z',
        '2024-10-10T15:59:59.999Z',
      ]);
      expect(await occurred('from=2024-10-11')).toEqual(['2024-10-10T16:00:00.000Z']);
      expect(await occurred('to=2024-10-09')).toEqual(['2024-10-09T15:59:59.999Z']);
    });

    it('takes instants with an offset as they are (from inclusive, to exclusive)', async () => {
      expect(
        await occurred('from=2024-10-10T00:00:00%2B08:00&to=2024-10-11T00:00:00%2B08:00'),
      ).toEqual(['2024-10-09T16:00:00.000Z', '2024-10-10T15:59:59.999Z']);
    });

    it.each([
      ['from', '2024-02-30'],
      ['from', '99999-01-01'],
      ['to', '2024-10-10T09:00:00'],
      ['to', '2024-10-10T09:00:00%2B16:00'],
      ['from', '0000-01-01T00:00:00Z'],
      ['from', 'yesterday'],
    ])('refuses %s=%s with 400', async (field, value) => {
      expectFieldError(await get(`/audit?${field}=${value}`, 'admin'), field);
    });
  });

  it('refuses hearing filters with offsets PostgreSQL cannot store', async () => {
    expectFieldError(await get('/hearings?from=2024-10-10T09:00:00%2B23:59', 'clerk'), 'from');
  });
});
