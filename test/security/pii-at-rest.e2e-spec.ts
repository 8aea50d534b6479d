import request from 'supertest';
import { ID_NUMBERS, createCase, run } from '../factories/case.factory';
import { startAppWithTenant, type Tenant } from '../factories/identity.factory';
import { sealStoredIdNumbers } from '../../migrations/1796000001000-SealIdNumbers';
import type { TestApp } from '../setup/test-app';

const ALL_NUMBERS = [...Object.values(ID_NUMBERS), '11010519491231002x'];

interface TextColumn {
  table_name: string;
  column_name: string;
}

/** Every text, character, JSON and array column of every table of the public schema. */
async function textColumns(t: TestApp): Promise<TextColumn[]> {
  return t.dataSource.query<TextColumn[]>(
    `SELECT c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables tb
         ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
      WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY'))
      ORDER BY 1, 2`,
  );
}

/** Where a plain ID number stands in the database: `table.column` per hit. */
async function plainIdNumbers(t: TestApp): Promise<string[]> {
  const hits: string[] = [];
  const pattern = `(${ALL_NUMBERS.join('|')})`;
  for (const { table_name: table, column_name: column } of await textColumns(t)) {
    const [{ count }] = await t.dataSource.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM "${table}" WHERE "${column}"::text ~* $1`,
      [pattern],
    );
    if (count > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

function withIdNumbers(value: unknown, idNumber: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withIdNumbers(item, idNumber));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === 'idNumber' ? idNumber : withIdNumbers(inner, idNumber),
    ]),
  );
}

/**
 * Personal ID numbers are sealed at rest (PII_ENCRYPTION_KEY) with a keyed hash for exact search:
 * after a full case life no column of any table — cases, events, outbox, audit, and whatever
 * tables other modules add — holds one in plain text.
 */
describe('personal ID numbers at rest', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;
  let caseId: string;

  beforeAll(async () => {
    ({ t, adminToken, tenant } = await startAppWithTenant());
    const clerk = tenant.clerk.token;
    const created = await createCase(t, clerk, {
      applicants: [
        { kind: 'person', name: '张三', idNumber: ID_NUMBERS.zhang, contact: '13800000000' },
        { kind: 'person', name: '李四', idNumber: ID_NUMBERS.li },
      ],
      agent: { name: '王律师', idNumber: ID_NUMBERS.wang, contact: '13900000000' },
    });
    caseId = created.id;
    await request(t.http)
      .patch(`/api/v1/reconsideration-cases/${caseId}`)
      .auth(clerk, { type: 'bearer' })
      .send({ thirdParties: [{ name: '赵六', idNumber: ID_NUMBERS.wang }] })
      .expect(200);
    await run(t, clerk, caseId, 'accept', { acceptedOn: '2024-10-08' });
    await run(t, clerk, caseId, 'send-copy', { sentOn: '2024-10-09' });
    await run(t, clerk, caseId, 'record-written-review', { reason: '书面审查' });
    await run(t, clerk, caseId, 'conclude', { concludedOn: '2024-11-20', outcome: 'uphold' });
    await run(t, clerk, caseId, 'serve', { servedOn: '2024-11-22' });
    await run(t, clerk, caseId, 'archive', { archivedOn: '2024-11-25' });
    await request(t.http)
      .get(`/api/v1/reconsideration-cases?idNumber=${ID_NUMBERS.li}`)
      .auth(clerk, { type: 'bearer' })
      .expect(200);

    // Other modules' records of persons (litigation plaintiffs) once they exist in the document.
    const document = (await request(t.http).get('/openapi.json').expect(200)).body as {
      paths: Record<string, { post?: { requestBody?: { content: Record<string, unknown> } } }>;
    };
    const litigation = document.paths['/api/v1/litigation-cases']?.post?.requestBody?.content[
      'application/json'
    ] as { example?: Record<string, unknown> } | undefined;
    if (litigation?.example) {
      const respondent = await request(t.http)
        .post('/api/v1/agencies')
        .auth(adminToken, { type: 'bearer' })
        .send({
          name: '乐平市公安局',
          code: `PSB${process.pid}`,
          kind: 'administrative_agency',
          parentId: tenant.agency.id,
        });
      const body = withIdNumbers(
        { ...litigation.example, defendantAgencyIds: [respondent.body.id] },
        ID_NUMBERS.zhang,
      );
      await request(t.http)
        .post('/api/v1/litigation-cases')
        .auth(clerk, { type: 'bearer' })
        .send(body as object);
    }
  });
  afterAll(() => t.close());

  it('holds no plain ID number in any text or JSON column of any table', async () => {
    const columns = await textColumns(t);
    expect(columns.length).toBeGreaterThan(20);
    expect(await plainIdNumbers(t)).toEqual([]);
    // The numbers are there, sealed (AES-256-GCM, `v1.` envelope) with their search hashes.
    const [row] = await t.dataSource.query<
      Array<{ applicants: Array<{ idNumber: string }>; id_number_hashes: string[] }>
    >('SELECT applicants, id_number_hashes FROM reconsideration_case WHERE id = $1', [caseId]);
    expect(row.applicants[0].idNumber).toMatch(/^v1\./);
    expect(row.id_number_hashes).toHaveLength(3);
  });

  it('finds a case by exact ID number (keyed hash) and masks the numbers in lists', async () => {
    const found = await request(t.http)
      .get(`/api/v1/reconsideration-cases?idNumber=${ID_NUMBERS.li.toLowerCase()}`)
      .auth(tenant.viewer.token, { type: 'bearer' })
      .expect(200);
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([caseId]);
    expect(found.body.items[0].applicants[1].idNumber).toBe('1101**********002X');
    const none = await request(t.http)
      .get('/api/v1/reconsideration-cases?idNumber=360281199001011231')
      .auth(tenant.viewer.token, { type: 'bearer' })
      .expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('shows full numbers to head and clerk on a single case, auditing the view; masked to others', async () => {
    const path = `/api/v1/reconsideration-cases/${caseId}`;
    const asClerk = await request(t.http)
      .get(path)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .expect(200);
    expect(asClerk.headers['cache-control']).toMatch(/no-store/);
    expect(asClerk.body.applicants[0].idNumber).toBe(ID_NUMBERS.zhang);
    expect(asClerk.body.agent.idNumber).toBe(ID_NUMBERS.wang);
    for (const token of [tenant.viewer.token, adminToken]) {
      const masked = await request(t.http).get(path).auth(token, { type: 'bearer' }).expect(200);
      expect(masked.body.applicants[0].idNumber).toBe('3602**********1230');
      expect(JSON.stringify(masked.body)).not.toMatch(new RegExp(ALL_NUMBERS.join('|'), 'i'));
    }
    const trail = await request(t.http)
      .get(`/api/v1/audit?targetId=${caseId}&limit=200`)
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    const views = (
      trail.body.items as Array<{ action: string; actor: { id: string }; summary: object }>
    ).filter((entry) => entry.action === 'reconsideration_case.id_numbers_viewed');
    expect(views[0]).toMatchObject({
      actor: { id: tenant.clerk.id },
      clientAddress: expect.any(String),
      summary: { idNumbers: 4 },
    });
    // The audit of the PATCH names the third party's number masked.
    const patched = (trail.body.items as Array<{ action: string; summary: object }>).find(
      (entry) => entry.action === 'reconsideration_case.details_updated',
    );
    expect(JSON.stringify(patched?.summary)).toContain('4403**********4516');
  });

  it('keeps ID numbers out of the timeline, the change feed and the audit trail', async () => {
    const events = await request(t.http)
      .get(`/api/v1/reconsideration-cases/${caseId}/events`)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .expect(200);
    const audit = await request(t.http)
      .get(`/api/v1/audit?limit=200`)
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    const text = JSON.stringify([events.body, audit.body]);
    expect(text).not.toMatch(new RegExp(ALL_NUMBERS.join('|'), 'i'));
  });
});

describe('the migration that seals stored ID numbers', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    ({ t, tenant } = await startAppWithTenant());
  });
  afterAll(() => t.close());

  it('seals plain numbers of existing rows and adds their search hashes, once', async () => {
    const created = await createCase(t, tenant.clerk.token);
    // A row as the schema before sealing left it: the number in plain text, no hashes.
    await t.dataSource.query(
      `UPDATE reconsideration_case
          SET applicants = jsonb_set(applicants, '{0,idNumber}', to_jsonb($2::text)),
              id_number_hashes = '{}'
        WHERE id = $1`,
      [created.id, ID_NUMBERS.zhang],
    );
    expect(await plainIdNumbers(t)).toEqual(['reconsideration_case.applicants']);

    expect(await sealStoredIdNumbers(t.dataSource.manager)).toBe(1);
    expect(await sealStoredIdNumbers(t.dataSource.manager)).toBe(0);
    expect(await plainIdNumbers(t)).toEqual([]);
    const found = await request(t.http)
      .get(`/api/v1/reconsideration-cases?idNumber=${ID_NUMBERS.zhang}`)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .expect(200);
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([created.id]);
    const single = await request(t.http)
      .get(`/api/v1/reconsideration-cases/${created.id}`)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .expect(200);
    expect(single.body.applicants[0].idNumber).toBe(ID_NUMBERS.zhang);
  });
});
