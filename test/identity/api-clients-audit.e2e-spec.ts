import request from 'supertest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { createTenant, loginAdmin, type Tenant } from '../factories/identity.factory';

describe('API clients and the audit trail', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await loginAdmin(t);
    tenant = await createTenant(t, adminToken);
  });
  afterAll(() => t.close());

  it('issues a key once, stores only its digest, authenticates with it, and revokes it', async () => {
    const created = await request(t.http)
      .post('/api/v1/api-clients')
      .auth(adminToken, { type: 'bearer' })
      .send({ name: '法院联络系统', agencyId: tenant.agency.id, roles: ['court_liaison'] })
      .expect(201);
    const { id, apiKey, keyPrefix } = created.body;
    expect(apiKey).toMatch(new RegExp(`^fuyi_${keyPrefix}_[A-Za-z0-9_-]{43}$`));

    const [row] = await t.dataSource.query('SELECT key_hash FROM api_client WHERE id = $1', [id]);
    expect(row.key_hash).not.toContain(apiKey.slice(`fuyi_${keyPrefix}_`.length));
    const listed = await request(t.http)
      .get('/api/v1/api-clients')
      .auth(adminToken, { type: 'bearer' });
    expect(JSON.stringify(listed.body)).not.toContain(apiKey);

    const me = await request(t.http).get('/api/v1/auth/me').set('X-API-Key', apiKey).expect(200);
    expect(me.body).toMatchObject({
      kind: 'api_client',
      id,
      roles: ['court_liaison'],
      agencyId: tenant.agency.id,
    });

    // An integration client reaches only the routes its role allows.
    await request(t.http).get('/api/v1/users').set('X-API-Key', apiKey).expect(403);
    await request(t.http).get('/api/v1/agencies').set('X-API-Key', apiKey).expect(403);

    const fetched = await request(t.http)
      .get(`/api/v1/api-clients/${id}`)
      .auth(adminToken, { type: 'bearer' });
    expect(fetched.body.lastUsedAt).not.toBeNull();

    await request(t.http)
      .delete(`/api/v1/api-clients/${id}`)
      .auth(adminToken, { type: 'bearer' })
      .expect(204);
    await request(t.http).get('/api/v1/auth/me').set('X-API-Key', apiKey).expect(401);
  });

  it('refuses unknown and malformed keys with 401', async () => {
    await request(t.http).get('/api/v1/auth/me').set('X-API-Key', 'nonsense').expect(401);
    await request(t.http)
      .get('/api/v1/auth/me')
      .set('X-API-Key', `fuyi_AAAAAAAA_${'a'.repeat(43)}`)
      .expect(401);
  });

  it('records every mutation with actor, agency, target and request id', async () => {
    const created = await request(t.http)
      .post('/api/v1/users')
      .auth(tenant.head.token, { type: 'bearer' })
      .set('X-Request-Id', 'audit-req-1')
      .send({
        username: `audited${process.pid}`,
        displayName: '审计',
        password: 'long-enough-password',
        roles: ['viewer'],
      })
      .expect(201);
    const trail = await request(t.http)
      .get(`/api/v1/audit?targetId=${created.body.id}`)
      .auth(tenant.head.token, { type: 'bearer' })
      .expect(200);
    expect(trail.body.items).toHaveLength(1);
    expect(trail.body.items[0]).toMatchObject({
      action: 'user.created',
      targetType: 'user',
      targetId: created.body.id,
      agencyId: tenant.agency.id,
      requestId: 'audit-req-1',
      actor: { kind: 'user', id: tenant.head.id, name: tenant.head.username },
    });
    expect(JSON.stringify(trail.body)).not.toContain('long-enough-password');
  });

  it('shows a head only their own agency’s entries', async () => {
    const other = await createTenant(t, adminToken);
    const trail = await request(t.http)
      .get(`/api/v1/audit?targetId=${other.clerk.id}`)
      .auth(tenant.head.token, { type: 'bearer' })
      .expect(200);
    expect(trail.body.items).toEqual([]);
    const asAdmin = await request(t.http)
      .get(`/api/v1/audit?targetId=${other.clerk.id}`)
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    // Created, its first login, its own password change: all in the other body.
    expect(asAdmin.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      'user.credential_changed',
      'auth.login_succeeded',
      'user.created',
    ]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table', async () => {
    // The app's role has no such privilege; the owner is stopped by the triggers.
    const refused = /append-only|permission denied/;
    await expect(t.dataSource.query("UPDATE audit_entry SET action = 'forged'")).rejects.toThrow(
      refused,
    );
    await expect(t.dataSource.query('DELETE FROM audit_entry')).rejects.toThrow(refused);
    await expect(t.dataSource.query('TRUNCATE audit_entry')).rejects.toThrow(refused);
  });

  it('validates audit filters', async () => {
    await request(t.http)
      .get('/api/v1/audit?from=yesterday')
      .auth(adminToken, { type: 'bearer' })
      .expect(400);
    await request(t.http)
      .get('/api/v1/audit?actorId=42')
      .auth(adminToken, { type: 'bearer' })
      .expect(400);
  });
});
