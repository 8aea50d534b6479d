import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { createCase, ID_NUMBERS } from '../factories/case.factory';
import {
  createTenant,
  loginAdmin,
  startAppWithTenant,
  type Tenant,
} from '../factories/identity.factory';
import { createTestApp, type TestApp } from '../setup/test-app';
import { createCourtKey } from './integration-helpers';
import { eventually, WebhookReceiver } from './webhook-receiver';

jest.setTimeout(120_000);

const WORKERS = {
  INTEGRATION_WORKERS: 'true',
  FEED_SEQUENCER_INTERVAL_MS: '50',
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_RETRY_SCHEDULE: '0,0,0',
};

interface Created {
  id: string;
  secret: string;
  enabled: boolean;
}

async function subscribe(
  t: TestApp,
  token: string,
  url: string,
  events: string[] = ['*'],
): Promise<Created> {
  const response = await request(t.http)
    .post('/api/v1/webhooks')
    .auth(token, { type: 'bearer' })
    .send({ url, events });
  if (response.status !== 201) throw new Error(`webhook: ${response.status} ${response.text}`);
  return response.body as Created;
}

describe('webhooks', () => {
  let t: TestApp;
  let tenant: Tenant;
  let adminToken: string;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    ({ t, tenant, adminToken } = await startAppWithTenant(WORKERS));
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  it('delivers every event signed per Standard Webhooks, thin and without ID numbers', async () => {
    const hook = await subscribe(t, tenant.head.token, receiver.url('/signed'));
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const [stored] = await t.dataSource.query<Array<{ secret_sealed: string }>>(
      'SELECT secret_sealed FROM webhook_subscription WHERE id = $1',
      [hook.id],
    );
    expect(stored.secret_sealed).not.toContain(hook.secret.slice(6));
    const listed = await request(t.http)
      .get('/api/v1/webhooks')
      .auth(tenant.head.token, { type: 'bearer' })
      .expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(hook.secret);

    const created = await createCase(t, tenant.clerk.token);
    const [delivered] = await eventually(() => {
      const found = receiver.on('/signed');
      expect(found.length).toBeGreaterThan(0);
      return found;
    });
    const verifier = new Webhook(hook.secret);
    const payload = verifier.verify(delivered.body, {
      'webhook-id': String(delivered.headers['webhook-id']),
      'webhook-timestamp': String(delivered.headers['webhook-timestamp']),
      'webhook-signature': String(delivered.headers['webhook-signature']),
    }) as { type: string; timestamp: string; data: Record<string, unknown> };
    expect(payload).toMatchObject({
      type: 'reconsideration_case.received',
      data: { aggregate: { kind: 'reconsideration_case', id: created.id } },
    });
    expect(delivered.headers['webhook-id']).toBe(`msg_${String(payload.data.eventId)}`);
    expect(delivered.body).not.toContain(ID_NUMBERS.zhang);
    // A tampered body fails verification.
    expect(() =>
      verifier.verify(delivered.body.replace('received', 'accepted'), {
        'webhook-id': String(delivered.headers['webhook-id']),
        'webhook-timestamp': String(delivered.headers['webhook-timestamp']),
        'webhook-signature': String(delivered.headers['webhook-signature']),
      }),
    ).toThrow();
  });

  it('retries a failure with the same webhook-id, honouring the schedule, and logs each attempt', async () => {
    receiver.script('/flaky', { status: 503 }, { status: 200 });
    const hook = await subscribe(t, tenant.head.token, receiver.url('/flaky'), [
      'reconsideration_case.received',
    ]);
    await createCase(t, tenant.clerk.token);
    const attempts = await eventually(() => {
      const found = receiver.on('/flaky');
      expect(found).toHaveLength(2);
      return found;
    });
    expect(attempts[1].headers['webhook-id']).toBe(attempts[0].headers['webhook-id']);
    const log = await eventually(async () => {
      const response = await request(t.http)
        .get(`/api/v1/webhooks/${hook.id}/deliveries`)
        .auth(tenant.head.token, { type: 'bearer' })
        .expect(200);
      const items = (response.body as { items: Array<Record<string, unknown>> }).items;
      expect(items).toHaveLength(2);
      return items;
    });
    expect(log).toEqual([
      expect.objectContaining({ attempt: 2, status: 'succeeded', responseStatus: 200 }),
      expect.objectContaining({ attempt: 1, status: 'retrying', responseStatus: 503 }),
    ]);
    expect(log[0].messageId).toBe(attempts[0].headers['webhook-id']);
  });

  it('disables an endpoint that answers 410, and a redelivery sends the same webhook-id again', async () => {
    receiver.script('/gone', { status: 410 }, { status: 204 });
    const hook = await subscribe(t, tenant.head.token, receiver.url('/gone'), [
      'reconsideration_case.received',
    ]);
    await createCase(t, tenant.clerk.token);
    await eventually(async () => {
      const response = await request(t.http)
        .get(`/api/v1/webhooks/${hook.id}`)
        .auth(tenant.head.token, { type: 'bearer' })
        .expect(200);
      expect(response.body).toMatchObject({ enabled: false, disabledReason: 'gone' });
    });
    const [first] = receiver.on('/gone');

    // Disabled: later events are not sent.
    await createCase(t, tenant.clerk.token);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.on('/gone')).toHaveLength(1);

    const messageId = String(first.headers['webhook-id']);
    const court = await createCourtKey(t, adminToken, tenant.agency.id);
    await request(t.http)
      .post(`/api/v1/webhooks/${hook.id}/deliveries/${messageId}/redeliver`)
      .set('X-API-Key', court.apiKey)
      .set('Idempotency-Key', `"redeliver-${messageId}"`)
      .expect(202);
    await eventually(() => {
      expect(receiver.on('/gone').map((r) => r.headers['webhook-id'])).toContain(messageId);
      expect(receiver.on('/gone').length).toBeGreaterThanOrEqual(2);
    });
    const after = await request(t.http)
      .get(`/api/v1/webhooks/${hook.id}`)
      .auth(tenant.head.token, { type: 'bearer' })
      .expect(200);
    expect(after.body).toMatchObject({ enabled: true, disabledReason: null });
  });

  it('disables an endpoint visibly once a message has failed through the whole schedule', async () => {
    receiver.script('/down', { status: 500 });
    const hook = await subscribe(t, tenant.head.token, receiver.url('/down'), [
      'reconsideration_case.received',
    ]);
    await createCase(t, tenant.clerk.token);
    await eventually(async () => {
      const response = await request(t.http)
        .get(`/api/v1/webhooks/${hook.id}`)
        .auth(tenant.head.token, { type: 'bearer' })
        .expect(200);
      expect(response.body).toMatchObject({ enabled: false, disabledReason: 'failing' });
    });
    // WEBHOOK_RETRY_SCHEDULE=0,0,0: the first attempt and three retries.
    expect(receiver.on('/down')).toHaveLength(4);
  });

  it('delivers hearing and court-session reminders from the outbox once they are due', async () => {
    await subscribe(t, tenant.head.token, receiver.url('/reminders'), [
      'hearing.reminder',
      'court_session.reminder',
    ]);
    await t.dataSource.query(
      `INSERT INTO outbox_message (agency_id, topic, payload, created_at, available_at, aggregate_type, aggregate_id)
       VALUES ($1, 'court_session.reminder', '{"sessionId": "s-1", "remindOn": "2026-06-03"}',
               '2026-06-01T10:00:00+08:00', '2026-06-03T00:00:00+08:00', 'court_session', 's-1'),
              ($1, 'hearing.reminder', '{"hearingId": "h-1", "remindOn": "2026-06-05"}',
               '2026-06-01T10:00:00+08:00', '2026-06-05T00:00:00+08:00', 'hearing', 'h-1')`,
      [tenant.agency.id],
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.on('/reminders')).toHaveLength(0);
    t.clock.set('2026-06-03T00:00:01+08:00');
    await eventually(() => {
      const got = receiver.on('/reminders').map((r) => JSON.parse(r.body) as { type: string });
      expect(got.map((body) => body.type)).toEqual(['court_session.reminder']);
    });
    t.clock.set('2026-06-05T08:00:00+08:00');
    await eventually(() => expect(receiver.on('/reminders')).toHaveLength(2));
    t.clock.set('2026-06-01T10:00:00+08:00');
  });

  it('sends a test event and refuses others’ webhooks (404) and viewers (403)', async () => {
    const hook = await subscribe(t, tenant.head.token, receiver.url('/test'), ['webhook.test']);
    const queued = await request(t.http)
      .post(`/api/v1/webhooks/${hook.id}/test`)
      .auth(tenant.head.token, { type: 'bearer' })
      .expect(202);
    await eventually(() => {
      const [got] = receiver.on('/test');
      expect(got.headers['webhook-id']).toBe((queued.body as { messageId: string }).messageId);
      expect(JSON.parse(got.body)).toMatchObject({ type: 'webhook.test' });
    });
    await request(t.http)
      .get(`/api/v1/webhooks/${hook.id}`)
      .auth(tenant.viewer.token, { type: 'bearer' })
      .expect(403);
    const adminLike = await loginAdmin(t);
    const otherAgency = await request(t.http)
      .post('/api/v1/agencies')
      .auth(adminLike, { type: 'bearer' })
      .send({ name: '别的复议机构', code: `OTHER${process.pid}`, kind: 'reconsideration_body' })
      .expect(201);
    const otherKey = await createCourtKey(t, adminToken, (otherAgency.body as { id: string }).id);
    await request(t.http)
      .get(`/api/v1/webhooks/${hook.id}`)
      .set('X-API-Key', otherKey.apiKey)
      .expect(404);
    await request(t.http)
      .delete(`/api/v1/webhooks/${hook.id}`)
      .auth(tenant.head.token, { type: 'bearer' })
      .expect(204);
  });
});

describe('webhooks with two API instances on one database', () => {
  let first: TestApp;
  let second: TestApp;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    // Instances of one deployment share PII_ENCRYPTION_KEY (it opens the webhook secrets).
    const env = { ...WORKERS, PII_ENCRYPTION_KEY: 'cd'.repeat(32) };
    first = await createTestApp(env);
    second = await createTestApp(env, undefined, { databaseUrl: first.databaseUrl });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
    await receiver.stop();
  });

  it('delivers each message once when the receiver answers promptly', async () => {
    const tenant = await createTenant(first, await loginAdmin(first));
    await subscribe(first, tenant.head.token, receiver.url('/twice'));
    const cases = 30;
    for (let i = 0; i < cases; i += 3) {
      await Promise.all([
        createCase(first, tenant.clerk.token),
        createCase(second, tenant.clerk.token),
        createCase(second, tenant.clerk.token),
      ]);
    }
    await eventually(() => {
      expect(receiver.on('/twice').length).toBeGreaterThanOrEqual(cases);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ids = receiver.on('/twice').map((r) => String(r.headers['webhook-id']));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(cases);
    const instances = await first.dataSource.query<Array<{ instance: string }>>(
      'SELECT DISTINCT instance FROM webhook_attempt',
    );
    expect(instances.length).toBeGreaterThanOrEqual(1);
  });
});

describe('webhook SSRF guard (WEBHOOK_ALLOWED_HOSTS)', () => {
  let t: TestApp;
  let tenant: Tenant;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    ({ t, tenant } = await startAppWithTenant({ ...WORKERS, WEBHOOK_ALLOWED_HOSTS: 'localhost' }));
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  it('refuses hosts outside the list at registration, storing nothing', async () => {
    for (const url of [
      receiver.url('/ssrf'),
      'http://10.0.0.1/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://evil.invalid/hook',
    ]) {
      const response = await request(t.http)
        .post('/api/v1/webhooks')
        .auth(tenant.head.token, { type: 'bearer' })
        .send({ url, events: ['*'] });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        type: 'urn:problem:fuyi:webhook-host-not-allowed',
      });
    }
    const [{ count }] = await t.dataSource.query<Array<{ count: string }>>(
      'SELECT count(*) FROM webhook_subscription',
    );
    expect(count).toBe('0');
  });

  it('checks the resolved address at delivery: a listed name resolving to loopback is not reached', async () => {
    const hook = await subscribe(t, tenant.head.token, receiver.url('/ssrf', 'localhost'));
    await createCase(t, tenant.clerk.token);
    const log = await eventually(async () => {
      const response = await request(t.http)
        .get(`/api/v1/webhooks/${hook.id}/deliveries`)
        .auth(tenant.head.token, { type: 'bearer' })
        .expect(200);
      const items = (response.body as { items: Array<{ error: string | null }> }).items;
      expect(items.some((item) => item.error?.includes('not allowed'))).toBe(true);
      return items;
    });
    expect(log.length).toBeGreaterThan(0);
    expect(receiver.received).toHaveLength(0);
  });
});
