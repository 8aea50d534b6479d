import request from 'supertest';
import { createCase } from '../factories/case.factory';
import { startAppWithTenant, type Tenant } from '../factories/identity.factory';
import { expectProblem } from '../setup/expect-problem';
import { createTestApp, type TestApp } from '../setup/test-app';

describe('refused accesses are audited', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;

  beforeAll(async () => {
    ({ t, adminToken, tenant } = await startAppWithTenant());
  });
  afterAll(() => t.close());

  it('records a 403 with actor, address, route and rule', async () => {
    expectProblem(
      await request(t.http)
        .post('/api/v1/workflow/sweep')
        .auth(tenant.viewer.token, { type: 'bearer' })
        .set('X-Request-Id', 'forbidden-probe-1'),
      403,
    );
    const created = await createCase(t, tenant.clerk.token);
    expectProblem(
      await request(t.http)
        .post(`/api/v1/reconsideration-cases/${created.id}/correct-facts`)
        .auth(tenant.clerk.token, { type: 'bearer' })
        .send({ changes: { major: true }, reason: '试图' }),
      403,
    );
    // The audit is written after the answer: wait for it.
    let entries: Array<Record<string, unknown>> = [];
    for (let attempt = 0; attempt < 50 && entries.length < 2; attempt += 1) {
      const trail = await request(t.http)
        .get('/api/v1/audit?limit=200')
        .auth(adminToken, { type: 'bearer' })
        .expect(200);
      entries = (trail.body.items as Array<Record<string, unknown>>).filter(
        (entry) => entry.action === 'access.forbidden',
      );
      if (entries.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: expect.objectContaining({ id: tenant.viewer.id }),
          targetId: 'POST /api/v1/workflow/sweep',
          requestId: 'forbidden-probe-1',
          clientAddress: expect.any(String),
          summary: expect.objectContaining({ result: 'refused' }),
        }),
        expect.objectContaining({
          actor: expect.objectContaining({ id: tenant.clerk.id }),
          targetId: `POST /api/v1/reconsideration-cases/${created.id}/correct-facts`,
        }),
      ]),
    );
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  const token = 'metrics-token-for-tests-0123456789';

  beforeAll(async () => {
    t = await createTestApp({ METRICS_TOKEN: token });
  });
  afterAll(() => t.close());

  it('needs the token and hides the Node version', async () => {
    expectProblem(await request(t.http).get('/metrics'), 401);
    expectProblem(await request(t.http).get('/metrics').auth('wrong', { type: 'bearer' }), 401);
    const scraped = await request(t.http).get('/metrics').auth(token, { type: 'bearer' });
    expect(scraped.status).toBe(200);
    expect(scraped.text).toContain('process_cpu_seconds_total');
    expect(scraped.text).not.toContain('nodejs_version_info');
    expect(scraped.text).not.toContain(process.version);
  });
});
