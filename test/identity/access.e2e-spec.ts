import request from 'supertest';
import { createTestApp, type TestApp } from '../setup/test-app';
import {
  createAgency,
  createTenant,
  createUser,
  loginAdmin,
  unique,
  type Tenant,
} from '../factories/identity.factory';

describe('roles and tenant scope', () => {
  let t: TestApp;
  let adminToken: string;
  let mine: Tenant;
  let theirs: Tenant;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await loginAdmin(t);
    [mine, theirs] = await Promise.all([createTenant(t, adminToken), createTenant(t, adminToken)]);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.http).get(path).auth(token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      request(t.http).post(path).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) =>
      request(t.http).patch(path).auth(token, { type: 'bearer' }).send(body),
  });

  describe('role matrix', () => {
    const newClerk = () => ({
      username: unique('clerk'),
      displayName: '新承办人',
      password: 'long-enough-password',
      roles: ['clerk'],
    });

    it.each([
      ['admin', 201],
      ['head', 201],
      ['clerk', 403],
      ['viewer', 403],
    ])('POST /users as %s → %i', async (role, status) => {
      const token = role === 'admin' ? adminToken : mine[role as 'head' | 'clerk' | 'viewer'].token;
      const body = role === 'admin' ? { ...newClerk(), agencyId: mine.agency.id } : newClerk();
      await as(token).post('/api/v1/users', body).expect(status);
    });

    it.each([
      ['admin', 200],
      ['head', 200],
      ['clerk', 403],
      ['viewer', 403],
    ])('GET /audit as %s → %i', async (role, status) => {
      const token = role === 'admin' ? adminToken : mine[role as 'head' | 'clerk' | 'viewer'].token;
      await as(token).get('/api/v1/audit').expect(status);
    });

    it.each([
      ['admin', 200],
      ['head', 403],
      ['clerk', 403],
      ['viewer', 403],
    ])('GET /api-clients as %s → %i', async (role, status) => {
      const token = role === 'admin' ? adminToken : mine[role as 'head' | 'clerk' | 'viewer'].token;
      await as(token).get('/api/v1/api-clients').expect(status);
    });

    it.each(['clerk', 'viewer'] as const)(
      'lets a %s read the users of their agency',
      async (role) => {
        const response = await as(mine[role].token).get('/api/v1/users').expect(200);
        const agencies = new Set(response.body.items.map((u: { agencyId: string }) => u.agencyId));
        expect([...agencies]).toEqual([mine.agency.id]);
      },
    );

    it('refuses a head granting admin or head with 403', async () => {
      for (const roles of [['admin'], ['head'], ['clerk', 'head']]) {
        const response = await as(mine.head.token)
          .post('/api/v1/users', {
            username: unique('x'),
            displayName: 'x',
            password: 'long-enough-password',
            roles,
          })
          .expect(403);
        expect(response.body.detail).toMatch(/may not grant/);
      }
    });

    it('refuses a head changing another head with 403', async () => {
      const otherHead = await createUser(t, adminToken, mine.agency.id, ['head']);
      await as(mine.head.token)
        .patch(`/api/v1/users/${otherHead.id}`, { displayName: 'x' })
        .expect(403);
    });

    it('refuses a head creating a reconsideration body with 403', async () => {
      await as(mine.head.token)
        .post('/api/v1/agencies', {
          name: '某市人民政府',
          code: unique('RB'),
          kind: 'reconsideration_body',
        })
        .expect(403);
    });

    it('lets a head register an administrative agency under their own body', async () => {
      const response = await as(mine.head.token)
        .post('/api/v1/agencies', {
          name: '乐平市公安局',
          code: unique('PSB'),
          kind: 'administrative_agency',
        })
        .expect(201);
      expect(response.body).toMatchObject({ parentId: mine.agency.id, tenantId: mine.agency.id });
    });
  });

  describe('tenant isolation', () => {
    it('hides another agency’s user: read 404, patch 404, absent from lists', async () => {
      await as(mine.head.token).get(`/api/v1/users/${theirs.clerk.id}`).expect(404);
      await as(mine.head.token)
        .patch(`/api/v1/users/${theirs.clerk.id}`, { displayName: 'taken over' })
        .expect(404);
      const list = await as(mine.head.token).get('/api/v1/users?limit=200').expect(200);
      expect(list.body.items.map((u: { id: string }) => u.id)).not.toContain(theirs.clerk.id);
      const check = await as(theirs.head.token).get(`/api/v1/users/${theirs.clerk.id}`).expect(200);
      expect(check.body.displayName).not.toBe('taken over');
    });

    it('hides another agency: read 404, patch 404, absent from lists', async () => {
      await as(mine.clerk.token).get(`/api/v1/agencies/${theirs.agency.id}`).expect(404);
      await as(mine.head.token)
        .patch(`/api/v1/agencies/${theirs.agency.id}`, { name: 'taken over' })
        .expect(404);
      const list = await as(mine.viewer.token).get('/api/v1/agencies?limit=200').expect(200);
      const ids = list.body.items.map((a: { id: string }) => a.id);
      expect(ids).toContain(mine.agency.id);
      expect(ids).not.toContain(theirs.agency.id);
      const tenants = new Set(list.body.items.map((a: { tenantId: string }) => a.tenantId));
      expect([...tenants]).toEqual([mine.agency.id]);
    });

    it('refuses to register an agency under another tenant (404)', async () => {
      await as(mine.head.token)
        .post('/api/v1/agencies', {
          name: '他处公安局',
          code: unique('X'),
          kind: 'administrative_agency',
          parentId: theirs.agency.id,
        })
        .expect(404);
    });

    it('refuses a head creating users in another agency (404)', async () => {
      await as(mine.head.token)
        .post('/api/v1/users', {
          username: unique('c'),
          displayName: 'x',
          password: 'long-enough-password',
          roles: ['clerk'],
          agencyId: theirs.agency.id,
        })
        .expect(404);
    });

    it('lets an admin act across agencies by naming the agency', async () => {
      const list = await as(adminToken)
        .get(`/api/v1/users?agencyId=${theirs.agency.id}`)
        .expect(200);
      expect(list.body.items.map((u: { id: string }) => u.id)).toContain(theirs.clerk.id);
    });
  });

  describe('users and agencies', () => {
    it('treats usernames case-insensitively (409 on a duplicate)', async () => {
      const username = unique('Case');
      const body = {
        username,
        displayName: 'x',
        password: 'long-enough-password',
        roles: ['clerk'],
      };
      await as(mine.head.token).post('/api/v1/users', body).expect(201);
      const again = await as(mine.head.token)
        .post('/api/v1/users', { ...body, username: username.toUpperCase() })
        .expect(409);
      expect(again.headers['content-type']).toMatch(/problem\+json/);
    });

    it('never returns or stores a password in clear', async () => {
      const user = await createUser(t, adminToken, mine.agency.id, ['clerk']);
      const response = await as(adminToken).get(`/api/v1/users/${user.id}`).expect(200);
      expect(JSON.stringify(response.body)).not.toMatch(/password/i);
      const [row] = await t.dataSource.query('SELECT password_hash FROM app_user WHERE id = $1', [
        user.id,
      ]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(user.password);
    });

    it('refuses a short password and unknown fields with 400 naming them', async () => {
      const response = await as(mine.head.token)
        .post('/api/v1/users', {
          username: unique('c'),
          displayName: 'x',
          password: 'short',
          roles: ['clerk', 'wizard'],
          isRoot: true,
        })
        .expect(400);
      const fields = response.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['password', 'roles', 'isRoot']));
    });

    it('answers a malformed id with 400 and an unknown one with 404', async () => {
      await as(adminToken).get('/api/v1/users/not-a-uuid').expect(400);
      await as(adminToken).get('/api/v1/users/00000000-0000-4000-8000-000000000000').expect(404);
    });

    it('refuses a duplicate agency code with 409', async () => {
      const agency = await createAgency(t, adminToken);
      await as(adminToken)
        .post('/api/v1/agencies', { name: 'dup', code: agency.code, kind: 'reconsideration_body' })
        .expect(409);
    });

    it('uses ETag and If-Match on PATCH (412 on a stale version)', async () => {
      const agency = await createAgency(t, adminToken);
      const current = await as(adminToken).get(`/api/v1/agencies/${agency.id}`).expect(200);
      const etag = current.headers.etag;
      expect(etag).toBe(`"${current.body.version}"`);
      const updated = await request(t.http)
        .patch(`/api/v1/agencies/${agency.id}`)
        .auth(adminToken, { type: 'bearer' })
        .set('If-Match', etag)
        .send({ receiptNumberTemplate: '乐府复收〔{year}〕{seq}号' })
        .expect(200);
      expect(updated.headers.etag).not.toBe(etag);
      await request(t.http)
        .patch(`/api/v1/agencies/${agency.id}`)
        .auth(adminToken, { type: 'bearer' })
        .set('If-Match', etag)
        .send({ name: 'stale' })
        .expect(412);
      const after = await as(adminToken).get(`/api/v1/agencies/${agency.id}`).expect(200);
      expect(after.body.name).toBe(agency.name);
    });

    it('refuses a number template without {year} and {seq}', async () => {
      const response = await as(adminToken)
        .patch(`/api/v1/agencies/${mine.agency.id}`, { caseNumberTemplate: '乐府复号' })
        .expect(400);
      expect(response.body.errors[0].field).toBe('caseNumberTemplate');
    });

    it('pages users with a keyset cursor and refuses a forged cursor', async () => {
      const first = await as(adminToken).get('/api/v1/users?limit=2').expect(200);
      expect(first.body.items).toHaveLength(2);
      const second = await as(adminToken)
        .get(`/api/v1/users?limit=2&cursor=${first.body.nextCursor}`)
        .expect(200);
      expect(second.body.items[0].username > first.body.items[1].username).toBe(true);
      const bad = await as(adminToken).get('/api/v1/users?cursor=bm9wZQ').expect(400);
      expect(bad.body.errors[0].field).toBe('cursor');
      await as(adminToken).get('/api/v1/users?limit=0').expect(400);
      await as(adminToken).get('/api/v1/users?limit=201').expect(400);
    });
  });
});
