import request from 'supertest';
import { ID_NUMBERS } from '../factories/case.factory';
import { createTenant, startAppWithTenant, type Tenant } from '../factories/identity.factory';
import {
  courtCaseNumber,
  defendantAgency,
  type LitigationView,
} from '../litigation/litigation-helpers';
import type { TestApp } from '../setup/test-app';
import { createCourtKey, readFeed } from './integration-helpers';

jest.setTimeout(60_000);

describe('court liaison routes (府院联动)', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;
  let apiKey: string;
  let defendantCode: string;

  const filing = (overrides: Record<string, unknown> = {}) => ({
    courtName: '乐平市人民法院',
    instance: 'first',
    plaintiffs: [{ kind: 'person', name: '张三', idNumber: ID_NUMBERS.zhang }],
    defendantAgencyCodes: [defendantCode],
    cause: '不服行政处罚决定',
    actKind: 'administrative_penalty',
    filedOn: '2026-05-20',
    complaintServedOn: '2026-05-25',
    ...overrides,
  });
  const put = (number: string, body: object, key: string, credential = apiKey) =>
    request(t.http)
      .put(`/api/v1/integrations/court/cases/${encodeURIComponent(number)}`)
      .set('X-API-Key', credential)
      .set('Idempotency-Key', key)
      .send(body);

  beforeAll(async () => {
    ({ t, adminToken, tenant } = await startAppWithTenant());
    ({ apiKey } = await createCourtKey(t, adminToken, tenant.agency.id));
    defendantCode = (await defendantAgency(t, adminToken, tenant.agency.id)).code;
  });
  afterAll(() => t.close());

  it('takes a filing then a judgment into the case the clerk sees and the feed', async () => {
    const number = courtCaseNumber();
    const created = await put(number, filing(), '"filing-1"').expect(201);
    const view = created.body as LitigationView;
    expect(view).toMatchObject({ courtCaseNumber: number, status: 'pending' });
    expect(JSON.stringify(view)).not.toContain(ID_NUMBERS.zhang);

    // A repeat with a new key is an update of the same case, never a duplicate.
    const updated = await put(
      number,
      filing({ cause: '不服行政处罚决定及赔偿' }),
      '"filing-2"',
    ).expect(200);
    expect(updated.body.id).toBe(view.id);
    expect(updated.body.cause).toBe('不服行政处罚决定及赔偿');

    // The court's session notice, then the same session id at a new time: a reschedule.
    const postSession = (key: string, startsAt: string) =>
      request(t.http)
        .post(`/api/v1/integrations/court/cases/${encodeURIComponent(number)}/sessions`)
        .set('X-API-Key', apiKey)
        .set('Idempotency-Key', key)
        .send({
          courtSessionId: 'JXLP-2026-KT-0001',
          startsAt,
          courtroom: '第三法庭',
          headSummoned: true,
          noticeServedOn: '2026-06-01',
        });
    const scheduled = await postSession('"session-1"', '2026-06-15T09:30:00+08:00').expect(201);
    expect(scheduled.body).toMatchObject({
      courtSessionId: 'JXLP-2026-KT-0001',
      status: 'scheduled',
    });
    const sessionId = (scheduled.body as { id: string }).id;
    const moved = await postSession('"session-2"', '2026-06-22T09:30:00+08:00').expect(200);
    expect(moved.body).toMatchObject({ id: sessionId, startsAt: '2026-06-22T09:30:00+08:00' });
    const clerkSessions = await request(t.http)
      .get(`/api/v1/court-sessions/${sessionId}`)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .expect(200);
    expect(clerkSessions.body.startsAt).toBe('2026-06-22T09:30:00+08:00');

    // The clerk plans the appearance; the court reads it by its own session id.
    await request(t.http)
      .put(`/api/v1/court-sessions/${sessionId}/appearance-plan`)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .send({ official: { name: '王局长', title: '局长', rank: 'principal' } })
      .expect(200);
    const plan = await request(t.http)
      .get('/api/v1/integrations/court/sessions/JXLP-2026-KT-0001/appearance')
      .set('X-API-Key', apiKey)
      .expect(200);
    expect(JSON.stringify(plan.body)).toContain('王局长');
    await request(t.http)
      .get('/api/v1/integrations/court/sessions/JXLP-2026-KT-0001/appearance')
      .auth(tenant.clerk.token, { type: 'bearer' })
      .expect(403);

    const judged = await request(t.http)
      .post(`/api/v1/integrations/court/cases/${encodeURIComponent(number)}/judgments`)
      .set('X-API-Key', apiKey)
      .set('Idempotency-Key', '"judgment-1"')
      .send({
        courtDocumentId: 'JXLP-2026-WS-0001',
        decidedOn: '2026-05-29',
        kind: 'judgment',
        disposition: 'dismissed_claims',
        servedOn: '2026-05-30',
      })
      .expect(201);
    expect(judged.body).toMatchObject({ id: view.id, status: 'judged' });
    // The same judgment again (another key): nothing changes.
    await request(t.http)
      .post(`/api/v1/integrations/court/cases/${encodeURIComponent(number)}/judgments`)
      .set('X-API-Key', apiKey)
      .set('Idempotency-Key', '"judgment-2"')
      .send({
        courtDocumentId: 'JXLP-2026-WS-0001',
        decidedOn: '2026-05-29',
        kind: 'judgment',
        disposition: 'dismissed_claims',
        servedOn: '2026-05-30',
      })
      .expect(200);

    // The clerk sees the case, with the full ID number, and its timeline names the API client.
    const seen = await request(t.http)
      .get(`/api/v1/litigation-cases/${view.id}`)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .expect(200);
    expect(seen.body).toMatchObject({ status: 'judged', judgment: { servedOn: '2026-05-30' } });
    const events = await request(t.http)
      .get(`/api/v1/litigation-cases/${view.id}/events`)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .expect(200);
    const timeline = (events.body as { items: Array<{ type: string; actor: { kind: string } }> })
      .items;
    const byCourt = timeline.filter((event) => ['created', 'judged'].includes(event.type));
    expect(byCourt).toHaveLength(2);
    expect(byCourt.every((event) => event.actor.kind === 'api_client')).toBe(true);

    const feed = await readFeed(t, { token: tenant.clerk.token });
    const mine = feed.items.filter((item) => item.aggregate?.id === view.id).map((i) => i.type);
    expect(mine).toEqual(
      expect.arrayContaining(['litigation_case.created', 'litigation_case.judged']),
    );

    const reconciliation = await request(t.http)
      .get('/api/v1/integrations/reconciliation?date=2026-06-01')
      .set('X-API-Key', apiKey)
      .expect(200);
    expect(reconciliation.body.totals.received).toBeGreaterThanOrEqual(6);
    expect(reconciliation.body.received).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          operation: 'court_case.put',
          reference: number,
          idempotencyKey: 'filing-1',
          responseStatus: 201,
        }),
        expect.objectContaining({
          operation: 'court_judgment.post',
          reference: 'JXLP-2026-WS-0001',
          responseStatus: 201,
        }),
      ]),
    );
    const otherDay = await request(t.http)
      .get('/api/v1/integrations/reconciliation?date=2026-05-31')
      .auth(tenant.head.token, { type: 'bearer' })
      .expect(200);
    expect(otherDay.body.received).toEqual([]);
  });

  it('replays a repeated filing with its key and refuses the key with another filing', async () => {
    const number = courtCaseNumber();
    const first = await put(number, filing(), '"replay-1"').expect(201);
    const again = await put(number, filing(), '"replay-1"').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    await put(number, filing({ cause: 'other' }), '"replay-1"').expect(422);
    const missing = await request(t.http)
      .put(`/api/v1/integrations/court/cases/${encodeURIComponent(number)}`)
      .set('X-API-Key', apiKey)
      .send(filing());
    expect(missing.status).toBe(400);
  });

  it('has one effect for ten concurrent identical filings with one key', async () => {
    const number = courtCaseNumber();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => put(number, filing(), '"ten-at-once"')),
    );
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const [{ count }] = await t.dataSource.query<Array<{ count: string }>>(
      `SELECT count(*) FROM case_event e JOIN litigation_case c ON c.id = e.case_id
        WHERE c.court_case_number = $1 AND e.type = 'created'`,
      [number],
    );
    expect(count).toBe('1');
  });

  it('lets only court_liaison keys of the body in', async () => {
    const number = courtCaseNumber();
    // A clerk's token is refused on court routes…
    await request(t.http)
      .put(`/api/v1/integrations/court/cases/${encodeURIComponent(number)}`)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .set('Idempotency-Key', '"clerk"')
      .send(filing())
      .expect(403);
    // …a court key on clerk routes…
    await request(t.http)
      .post('/api/v1/litigation-cases')
      .set('X-API-Key', apiKey)
      .send({})
      .expect(403);
    // …and another body's key does not reach this body's agencies or cases.
    const other = await createTenant(t, adminToken);
    const otherKey = await createCourtKey(t, adminToken, other.agency.id);
    await put(number, filing(), '"other-body"', otherKey.apiKey).expect(404);
    const mine = courtCaseNumber();
    await put(mine, filing(), '"mine"').expect(201);
    await request(t.http)
      .post(`/api/v1/integrations/court/cases/${encodeURIComponent(mine)}/judgments`)
      .set('X-API-Key', otherKey.apiKey)
      .set('Idempotency-Key', '"other-judgment"')
      .send({
        courtDocumentId: 'JXLP-2026-WS-0999',
        decidedOn: '2026-05-29',
        kind: 'judgment',
        disposition: 'dismissed_claims',
      })
      .expect(404);
  });
});
