import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { createTestApp, type TestApp } from '../setup/test-app';
import {
  createTenant,
  createUser,
  login,
  loginAdmin,
  type Tenant,
} from '../factories/identity.factory';

describe('authentication', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_THROTTLE_LIMIT: '20' });
    adminToken = await loginAdmin(t);
    tenant = await createTenant(t, adminToken);
  });
  afterAll(() => t.close());

  it('logs in and returns a bearer token of at most an hour', async () => {
    const response = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ username: tenant.clerk.username.toUpperCase(), password: tenant.clerk.password })
      .expect(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 3600,
    });
    const claims = new JwtService().decode<{
      exp: number;
      iat: number;
      roles: string[];
      agency: string;
    }>(response.body.accessToken);
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(3600);
    expect(claims.roles).toEqual(['clerk']);
    expect(claims.agency).toBe(tenant.agency.id);
  });

  it('answers a wrong username and a wrong password the same way', async () => {
    const wrongPassword = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ username: tenant.viewer.username, password: 'not-the-password' });
    const wrongUser = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ username: 'nobody-at-all', password: 'not-the-password' });
    expect(wrongPassword.status).toBe(401);
    expect(wrongUser.status).toBe(401);
    expect(wrongPassword.body.detail).toBe(wrongUser.body.detail);
    expect(wrongPassword.body.title).toBe(wrongUser.body.title);
  });

  it('validates the login body with 400 before checking credentials', async () => {
    const response = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ username: 5, password: 'x', extra: true })
      .expect(400);
    const fields = (response.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'extra']));
  });

  it('tells who the caller is', async () => {
    const me = await request(t.http)
      .get('/api/v1/auth/me')
      .auth(tenant.head.token, { type: 'bearer' })
      .expect(200);
    expect(me.body).toMatchObject({
      kind: 'user',
      id: tenant.head.id,
      name: tenant.head.username,
      roles: ['head'],
      agencyId: tenant.agency.id,
      agencyName: tenant.agency.name,
    });
  });

  describe('refuses bad tokens with 401', () => {
    const claimsOf = (token: string) =>
      JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<
        string,
        unknown
      >;

    it('unsigned (alg none)', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify(claimsOf(tenant.clerk.token))).toString(
        'base64url',
      );
      await request(t.http)
        .get('/api/v1/auth/me')
        .auth(`${header}.${payload}.`, { type: 'bearer' })
        .expect(401);
    });

    it('tampered payload (roles raised to admin)', async () => {
      const [header, , signature] = tenant.clerk.token.split('.');
      const raised = { ...claimsOf(tenant.clerk.token), roles: ['admin'] };
      const payload = Buffer.from(JSON.stringify(raised)).toString('base64url');
      await request(t.http)
        .get('/api/v1/users')
        .auth(`${header}.${payload}.${signature}`, { type: 'bearer' })
        .expect(401);
    });

    it('expired', async () => {
      // An hour before the test clock's fixed instant: in the past for any verifier, forever.
      const fixedSeconds = Math.floor(t.clock.now().getTime() / 1000);
      const expired = await new JwtService({ secret: t.config.jwtSecret }).signAsync({
        ...claimsOf(tenant.clerk.token),
        iat: fixedSeconds - 7200,
        exp: fixedSeconds - 3600,
      });
      await request(t.http).get('/api/v1/auth/me').auth(expired, { type: 'bearer' }).expect(401);
    });

    it('signed with another secret', async () => {
      const { iat: _iat, exp: _exp, ...claims } = claimsOf(tenant.clerk.token);
      const forged = await new JwtService({
        secret: 'another-secret-of-at-least-32-chars!!',
      }).signAsync(claims, { expiresIn: 600 });
      await request(t.http).get('/api/v1/auth/me').auth(forged, { type: 'bearer' }).expect(401);
    });

    it('HS512 with the right secret (only HS256 is accepted)', async () => {
      const { iat: _iat, exp: _exp, ...claims } = claimsOf(tenant.clerk.token);
      const other = await new JwtService({ secret: t.config.jwtSecret }).signAsync(claims, {
        algorithm: 'HS512',
        expiresIn: 600,
      });
      await request(t.http).get('/api/v1/auth/me').auth(other, { type: 'bearer' }).expect(401);
    });

    it('garbage', async () => {
      const response = await request(t.http)
        .get('/api/v1/auth/me')
        .auth('not.a.jwt', { type: 'bearer' });
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    });
  });

  it('revokes existing tokens when the password changes', async () => {
    const user = await createUser(t, adminToken, tenant.agency.id, ['clerk']);
    await request(t.http).get('/api/v1/auth/me').auth(user.token, { type: 'bearer' }).expect(200);
    await request(t.http)
      .patch(`/api/v1/users/${user.id}`)
      .auth(tenant.head.token, { type: 'bearer' })
      .send({ password: 'a-brand-new-password' })
      .expect(200);
    await request(t.http).get('/api/v1/auth/me').auth(user.token, { type: 'bearer' }).expect(401);
    const fresh = await login(t.http, user.username, 'a-brand-new-password');
    await request(t.http).get('/api/v1/auth/me').auth(fresh, { type: 'bearer' }).expect(200);
  });

  it('revokes existing tokens and refuses login when a user is deactivated', async () => {
    const user = await createUser(t, adminToken, tenant.agency.id, ['viewer']);
    await request(t.http)
      .patch(`/api/v1/users/${user.id}`)
      .auth(adminToken, { type: 'bearer' })
      .send({ active: false })
      .expect(200);
    await request(t.http).get('/api/v1/auth/me').auth(user.token, { type: 'bearer' }).expect(401);
    await request(t.http)
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(401);
  });

  it('locks a username after repeated failures with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let attempt = 0; attempt < 7; attempt += 1) {
      last = await request(t.http)
        .post('/api/v1/auth/login')
        .send({ username: 'throttled-user', password: 'wrong-password' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.headers['content-type']).toMatch(/problem\+json/);
    // Another username from the same address is not held back.
    await request(t.http)
      .post('/api/v1/auth/login')
      .send({ username: tenant.clerk.username, password: tenant.clerk.password })
      .expect(200);
  });
});
