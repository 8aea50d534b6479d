import request from 'supertest';
import { caseBody, command, createCase, run } from '../factories/case.factory';
import {
  createUser,
  createTenant,
  loginAdmin,
  type Tenant,
  type UserRef,
} from '../factories/identity.factory';
import { createTestApp, type TestApp } from '../setup/test-app';

/** One tenant rule for reads and writes (TenantScope), through HTTP, for every kind of caller. */
describe('tenant scope', () => {
  let t: TestApp;
  let adminToken: string;
  let mine: Tenant;
  let theirs: Tenant;
  let adminOfMine: UserRef;
  let courtKey: string;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await loginAdmin(t);
    [mine, theirs] = [await createTenant(t, adminToken), await createTenant(t, adminToken)];
    adminOfMine = await createUser(t, adminToken, mine.agency.id, ['admin']);
    const client = await request(t.http)
      .post('/api/v1/api-clients')
      .auth(adminToken, { type: 'bearer' })
      .send({ name: 'court', agencyId: mine.agency.id, roles: ['court_liaison'] })
      .expect(201);
    courtKey = client.body.apiKey as string;
  });
  afterAll(() => t.close());

  const get = (token: string, path: string) =>
    request(t.http).get(`/api/v1${path}`).auth(token, { type: 'bearer' });

  it.each(['admin of a body', 'admin of no body'])(
    'lets an %s read and command another body’s case alike (200 on both)',
    async (who) => {
      const token = who === 'admin of no body' ? adminToken : adminOfMine.token;
      const theirCase = await createCase(t, theirs.clerk.token);
      await get(token, `/reconsideration-cases/${theirCase.id}`).expect(200);
      const corrected = await run(t, token, theirCase.id, 'request-correction', {
        noticeOn: '2024-09-30',
        items: ['身份证明复印件'],
      });
      expect(corrected.status).toBe('correction_requested');
      await get(token, `/reconsideration-cases/${theirCase.id}/events`).expect(200);
    },
  );

  it.each(['head', 'clerk', 'viewer'] as const)(
    'hides another body’s case from its %s: 404 on read and on command, nothing written',
    async (role) => {
      const theirCase = await createCase(t, theirs.clerk.token);
      const token = mine[role].token;
      await get(token, `/reconsideration-cases/${theirCase.id}`).expect(404);
      await get(token, `/reconsideration-cases/${theirCase.id}/deadlines`).expect(404);
      const refused = await command(t, token, theirCase.id, 'assign', { handlerId: mine.clerk.id });
      expect(refused.status).toBe(role === 'viewer' ? 403 : 404);
      const events = await get(theirs.clerk.token, `/reconsideration-cases/${theirCase.id}/events`);
      expect(events.body.items.map((event: { type: string }) => event.type)).toEqual(['received']);
    },
  );

  it('refuses an API client on people’s case routes (403), whatever the body', async () => {
    const myCase = await createCase(t, mine.clerk.token);
    await request(t.http)
      .get(`/api/v1/reconsideration-cases/${myCase.id}`)
      .set('X-API-Key', courtKey)
      .expect(403);
    await request(t.http)
      .post(`/api/v1/reconsideration-cases/${myCase.id}/assign`)
      .set('X-API-Key', courtKey)
      .send({ handlerId: mine.clerk.id })
      .expect(403);
    const me = await request(t.http).get('/api/v1/auth/me').set('X-API-Key', courtKey).expect(200);
    expect(me.body).toMatchObject({ kind: 'api_client', agencyId: mine.agency.id });
  });

  it('lists an admin’s own body by default, another when named, every body without one', async () => {
    const myCase = await createCase(t, mine.clerk.token);
    const theirCase = await createCase(t, theirs.clerk.token);
    const ids = async (token: string, query = '') =>
      (await get(token, `/reconsideration-cases?limit=200${query}`).expect(200)).body.items.map(
        (item: { id: string }) => item.id,
      );
    const own = await ids(adminOfMine.token);
    expect(own).toContain(myCase.id);
    expect(own).not.toContain(theirCase.id);
    expect(await ids(adminOfMine.token, `&agencyId=${theirs.agency.id}`)).toContain(theirCase.id);
    const all = await ids(adminToken);
    expect(all).toEqual(expect.arrayContaining([myCase.id, theirCase.id]));
    // A clerk naming another body still sees their own.
    const clerks = await ids(mine.clerk.token, `&agencyId=${theirs.agency.id}`);
    expect(clerks).toContain(myCase.id);
    expect(clerks).not.toContain(theirCase.id);
  });
});

describe('case numbers', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await createTestApp();
    const adminToken = await loginAdmin(t);
    tenant = await createTenant(t, adminToken);
    await request(t.http)
      .patch(`/api/v1/agencies/${tenant.agency.id}`)
      .auth(adminToken, { type: 'bearer' })
      .send({ caseNumberTemplate: '乐府复〔{year}〕{seq}号' })
      .expect(200);
  });
  afterAll(() => t.close());

  const accepted = async (caseNumber?: string) => {
    const created = await createCase(t, tenant.clerk.token, caseBody());
    return run(t, tenant.clerk.token, created.id, 'accept', {
      acceptedOn: '2024-09-30',
      ...(caseNumber ? { caseNumber } : {}),
    });
  };

  it('skips a number given by hand when the sequence reaches it', async () => {
    expect((await accepted('乐府复〔2024〕2号')).caseNumber).toBe('乐府复〔2024〕2号');
    expect((await accepted()).caseNumber).toBe('乐府复〔2024〕1号');
    expect((await accepted()).caseNumber).toBe('乐府复〔2024〕3号');
  });

  it('refuses a number given by hand that is taken, naming it (409)', async () => {
    const created = await createCase(t, tenant.clerk.token, caseBody());
    const refused = await command(t, tenant.clerk.token, created.id, 'accept', {
      acceptedOn: '2024-09-30',
      caseNumber: '乐府复〔2024〕2号',
    }).expect(409);
    expect(refused.body.detail).toContain('乐府复〔2024〕2号');
    const after = await request(t.http)
      .get(`/api/v1/reconsideration-cases/${created.id}`)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .expect(200);
    expect(after.body).toMatchObject({ status: 'received', caseNumber: null });
  });
});
