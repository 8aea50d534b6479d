import request from 'supertest';
import { requestFingerprint } from '../../src/common/http/idempotency-key';
import { IdempotencyPurger } from '../../src/modules/idempotency/idempotency-purger';
import { startAppWithTenant, type Tenant } from '../factories/identity.factory';
import type { TestApp } from '../setup/test-app';
import { createCourtKey } from './integration-helpers';

jest.setTimeout(60_000);

/** Idempotency-Key on integration writes, seen through POST /webhooks with a court key. */
describe('Idempotency-Key', () => {
  let t: TestApp;
  let tenant: Tenant;
  let apiKey: string;
  let clientId: string;
  const body = { url: 'https://hooks.court.example/fuyi', events: ['litigation_case.created'] };

  const post = (key: string | null, payload: object = body) => {
    const call = request(t.http).post('/api/v1/webhooks').set('X-API-Key', apiKey).send(payload);
    return key === null ? call : call.set('Idempotency-Key', key);
  };
  const subscriptions = async () =>
    Number(
      (
        await t.dataSource.query<Array<{ count: string }>>(
          'SELECT count(*) FROM webhook_subscription WHERE agency_id = $1',
          [tenant.agency.id],
        )
      )[0].count,
    );

  beforeAll(async () => {
    let adminToken: string;
    ({ t, tenant, adminToken } = await startAppWithTenant());
    ({ apiKey, id: clientId } = await createCourtKey(t, adminToken, tenant.agency.id));
  });
  afterAll(() => t.close());

  it('is required of integration clients (400), optional for people', async () => {
    const missing = await post(null).expect(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ field: 'Idempotency-Key' }) as unknown,
    ]);
    await post('"bad key with spaces and \\x"').expect(400);
    await request(t.http)
      .post('/api/v1/webhooks')
      .auth(tenant.head.token, { type: 'bearer' })
      .send(body)
      .expect(201);
  });

  it('replays the first response for the same key and payload, and changes nothing', async () => {
    const before = await subscriptions();
    const first = await post('"op-replay-1"').expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await post('"op-replay-1"', { events: body.events, url: body.url }).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const [stored] = await t.dataSource.query<Array<{ response_body: unknown }>>(
      `SELECT response_body FROM idempotency_key WHERE key = 'op-replay-1'`,
    );
    expect(JSON.stringify(stored.response_body)).not.toContain(String(first.body.secret));
    // A bare token names the same key as its structured-field string.
    const bare = await post('op-replay-1').expect(201);
    expect(bare.body).toEqual(first.body);
    expect(await subscriptions()).toBe(before + 1);
  });

  it('refuses the same key with another payload (422) and changes nothing', async () => {
    await post('"op-other-1"').expect(201);
    const before = await subscriptions();
    const reused = await post('"op-other-1"', { ...body, url: 'https://other.example/' }).expect(
      422,
    );
    expect(reused.body.type).toBe('urn:problem:fuyi:idempotency-key-reused');
    expect(await subscriptions()).toBe(before);
  });

  it('answers 409 while the first request with the key is still in flight', async () => {
    const fingerprint = requestFingerprint('POST', '/api/v1/webhooks', body);
    await t.dataSource.query(
      `INSERT INTO idempotency_key (owner, key, fingerprint, method, path, state, created_at, locked_until, expires_at)
       VALUES ($1, 'op-in-flight', $2, 'POST', '/api/v1/webhooks', 'in_flight', now(), '2026-06-01T10:01:00+08:00', '2026-06-04T10:00:00+08:00')`,
      [`api_client:${clientId}`, fingerprint],
    );
    const busy = await post('"op-in-flight"').expect(409);
    expect(busy.body.type).toBe('urn:problem:fuyi:idempotency-key-in-flight');
    expect(busy.headers['retry-after']).toBe('1');
    // Once its claim has lapsed (the instance died), the same request may run.
    t.clock.set('2026-06-01T10:02:00+08:00');
    await post('"op-in-flight"').expect(201);
    t.clock.set('2026-06-01T10:00:00+08:00');
  });

  it('has exactly one effect for ten concurrent identical requests', async () => {
    const before = await subscriptions();
    const responses = await Promise.all(Array.from({ length: 10 }, () => post('"op-ten"')));
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    const ids = new Set(
      responses.filter((r) => r.status === 201).map((r) => (r.body as { id: string }).id),
    );
    expect(ids.size).toBe(1);
    expect(await subscriptions()).toBe(before + 1);
    // Retried after the first has finished, every one of them gets the stored response.
    const retried = await post('"op-ten"').expect(201);
    expect(retried.body.id).toBe([...ids][0]);
  });

  it('forgets a failed request: a retry with the key runs again', async () => {
    await post('"op-fails"', { ...body, events: [] }).expect(400);
    await post('"op-fails"').expect(201);
  });

  it('keeps keys 72 hours, documented, and purges them after', async () => {
    await post('"op-expiring"').expect(201);
    t.clock.set('2026-06-04T09:59:00+08:00');
    await post('"op-expiring"').expect(201).expect('Idempotent-Replayed', 'true');
    t.clock.set('2026-06-04T10:01:00+08:00');
    expect(await t.app.get(IdempotencyPurger).purge()).toBeGreaterThan(0);
    const [{ count }] = await t.dataSource.query<Array<{ count: string }>>(
      `SELECT count(*) FROM idempotency_key WHERE key = 'op-expiring'`,
    );
    expect(count).toBe('0');
    const fresh = await post('"op-expiring"', { ...body, url: 'https://new.example/' }).expect(201);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
    t.clock.set('2026-06-01T10:00:00+08:00');

    const document = await request(t.http).get('/openapi.json').expect(200);
    const operation = (
      document.body as {
        paths: Record<
          string,
          Record<string, { parameters: Array<{ name: string; description: string }> }>
        >;
      }
    ).paths['/api/v1/webhooks'].post;
    const header = operation.parameters.find((p) => p.name === 'Idempotency-Key');
    expect(header?.description).toContain('72 hours');
  });
});
