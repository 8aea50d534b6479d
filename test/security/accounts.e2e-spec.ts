import request from 'supertest';
import {
  createUser,
  settlePassword,
  startAppWithTenant,
  temporaryPassword,
  unique,
  type Tenant,
} from '../factories/identity.factory';
import { expectFieldError, expectProblem } from '../setup/expect-problem';
import type { TestApp } from '../setup/test-app';

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

/** Accounts and sessions (API.md "Accounts and sessions (security)", issue 14). */
describe('accounts and sessions', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;

  beforeAll(async () => {
    ({ t, adminToken, tenant } = await startAppWithTenant({ LOGIN_THROTTLE_LIMIT: '1000' }));
  });
  afterAll(() => t.close());

  const me = (token: string) =>
    request(t.http).get('/api/v1/auth/me').auth(token, { type: 'bearer' });
  const loginAs = (username: string, password: string) =>
    request(t.http).post('/api/v1/auth/login').send({ username, password });

  it('issues tokens with iss, aud, sub, jti, iat and exp, and no-store', async () => {
    const response = await loginAs(tenant.clerk.username, tenant.clerk.password).expect(200);
    expect(response.headers['cache-control']).toMatch(/no-store/);
    const claims = claimsOf(response.body.accessToken);
    expect(claims).toMatchObject({
      iss: 'fuyi',
      aud: 'fuyi-api',
      sub: tenant.clerk.id,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
  });

  it('logs out: the token (its jti) is refused, other sessions stay', async () => {
    const session = (await loginAs(tenant.clerk.username, tenant.clerk.password).expect(200)).body
      .accessToken as string;
    const other = (await loginAs(tenant.clerk.username, tenant.clerk.password).expect(200)).body
      .accessToken as string;
    await request(t.http).post('/api/v1/auth/logout').auth(session, { type: 'bearer' }).expect(204);
    await me(session).expect(401);
    await me(other).expect(200);
    const trail = await request(t.http)
      .get(`/api/v1/audit?targetId=${tenant.clerk.id}`)
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    expect(trail.body.items[0]).toMatchObject({
      action: 'auth.logged_out',
      clientAddress: expect.any(String),
      summary: { jti: claimsOf(session).jti },
    });
  });

  it('makes a password set by an admin or head temporary: a restricted token until changed', async () => {
    const username = unique('newclerk');
    const temporary = temporaryPassword();
    await request(t.http)
      .post('/api/v1/users')
      .auth(tenant.head.token, { type: 'bearer' })
      .send({ username, displayName: '新人', password: temporary, roles: ['clerk'] })
      .expect(201);
    const first = await loginAs(username, temporary).expect(200);
    expect(first.body).toMatchObject({ passwordChangeRequired: true });
    const restricted = first.body.accessToken as string;
    const meAnswer = await me(restricted).expect(200);
    expect(meAnswer.body.restriction).toBe('password_change');
    expectProblem(
      await request(t.http)
        .get('/api/v1/reconsideration-cases')
        .auth(restricted, { type: 'bearer' }),
      403,
    );

    const settled = await settlePassword(t.http, username, temporary);
    expect(settled.password).not.toBe(temporary);
    await me(restricted).expect(401); // the change revoked it
    await request(t.http)
      .get('/api/v1/reconsideration-cases')
      .auth(settled.token, { type: 'bearer' })
      .expect(200);
    const again = await loginAs(username, settled.password).expect(200);
    expect(again.body.passwordChangeRequired).toBeUndefined();
    await loginAs(username, temporary).expect(401);
  });

  it('changes one’s own password, revoking every earlier token', async () => {
    const user = await createUser(t, adminToken, tenant.agency.id, ['viewer']);
    const older = (await loginAs(user.username, user.password).expect(200)).body
      .accessToken as string;
    const changed = await request(t.http)
      .post('/api/v1/auth/password')
      .auth(user.token, { type: 'bearer' })
      .send({ currentPassword: user.password, newPassword: 'copper-kettle-morning-77' })
      .expect(200);
    expect(changed.headers['cache-control']).toMatch(/no-store/);
    await me(older).expect(401);
    await me(user.token).expect(401);
    await me(changed.body.accessToken).expect(200);
    await loginAs(user.username, 'copper-kettle-morning-77').expect(200);
  });

  it('refuses a wrong current password (400 naming it) and changes nothing', async () => {
    const user = await createUser(t, adminToken, tenant.agency.id, ['viewer']);
    expectFieldError(
      await request(t.http)
        .post('/api/v1/auth/password')
        .auth(user.token, { type: 'bearer' })
        .send({ currentPassword: 'not-my-password-at-all', newPassword: 'copper-kettle-dusk-78' }),
      'currentPassword',
    );
    await me(user.token).expect(200);
    await loginAs(user.username, user.password).expect(200);
  });

  it.each([
    ['short-one', 'password_too_short'],
    ['              ', 'password_blank'],
    ['USERNAME-and-more-text', 'password_contains_username'],
    ['password1234', 'password_common'],
    ['1qaz2wsx3edc', 'password_common'],
  ])('refuses the new password %j with 400 naming the rule %s', async (password, rule) => {
    const user = await createUser(t, adminToken, tenant.agency.id, ['viewer']);
    const newPassword = password.replace('USERNAME', user.username);
    const response = await request(t.http)
      .post('/api/v1/auth/password')
      .auth(user.token, { type: 'bearer' })
      .send({ currentPassword: user.password, newPassword });
    expectFieldError(response, 'newPassword');
    expect(response.body.rule).toBe(rule);
    // The same rules hold for a password an admin sets.
    const created = await request(t.http)
      .post('/api/v1/users')
      .auth(adminToken, { type: 'bearer' })
      .send({
        username: `${user.username}b`,
        displayName: '规则',
        password: newPassword.replace(user.username, `${user.username}b`),
        roles: ['viewer'],
        agencyId: tenant.agency.id,
      });
    expectFieldError(created, 'password');
  });

  it('never lets a token of the old password survive a concurrent change', async () => {
    const user = await createUser(t, adminToken, tenant.agency.id, ['viewer']);
    let current = user.password;
    let token = user.token;
    for (let round = 0; round < 6; round += 1) {
      const next = `river-stone-${round}-quiet-meadow`;
      const [login, change] = await Promise.all([
        loginAs(user.username, current),
        request(t.http)
          .post('/api/v1/auth/password')
          .auth(token, { type: 'bearer' })
          .send({ currentPassword: current, newPassword: next }),
      ]);
      expect(change.status).toBe(200);
      if (login.status === 200) await me(login.body.accessToken).expect(401);
      else expect(login.status).toBe(401);
      current = next;
      token = change.body.accessToken;
    }
  });

  it('locks an account across addresses and audits the failures and the lock', async () => {
    const user = await createUser(t, adminToken, tenant.agency.id, ['viewer']);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await loginAs(user.username, 'wrong-wrong-wrong').expect(401);
    }
    const locked = await loginAs(user.username, user.password);
    expectProblem(locked, 429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // One minute later (the test clock) the lock has passed; the next failure locks for two.
    t.clock.set(new Date(t.clock.now().getTime() + 61_000).toISOString());
    await loginAs(user.username, 'wrong-wrong-wrong').expect(401);
    const longer = await loginAs(user.username, user.password);
    expectProblem(longer, 429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThan(60);
    t.clock.set(new Date(t.clock.now().getTime() + 121_000).toISOString());
    await loginAs(user.username, user.password).expect(200);

    const trail = await request(t.http)
      .get(`/api/v1/audit?targetId=${user.id}&limit=200`)
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    const actions = (trail.body.items as Array<{ action: string }>).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'auth.login_failed')).toHaveLength(6);
    expect(actions.filter((action) => action === 'auth.account_locked')).toHaveLength(2);
    expect(trail.body.items[0]).toMatchObject({
      action: 'auth.login_succeeded',
      summary: { address: expect.any(String), result: 'succeeded' },
    });
  });
});

describe('login limits per address (spraying across usernames)', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    ({ t, tenant } = await startAppWithTenant({
      LOGIN_THROTTLE_LIMIT: '4',
      TRUST_PROXY: '127.0.0.1',
    }));
  });
  afterAll(() => t.close());

  const fromAddress = (address: string, username: string, password: string) =>
    request(t.http)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', address)
      .send({ username, password });

  it('stops an address after failures across usernames; other addresses go on', async () => {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await fromAddress('203.0.113.7', `sprayed${attempt}`, 'winter-2026-password').expect(401);
    }
    expectProblem(
      await fromAddress('203.0.113.7', tenant.clerk.username, tenant.clerk.password),
      429,
    );
    await fromAddress('198.51.100.9', tenant.clerk.username, tenant.clerk.password).expect(200);
  });
});

describe('TRUST_PROXY off (the default)', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    ({ t, tenant } = await startAppWithTenant({ LOGIN_THROTTLE_LIMIT: '3' }));
  });
  afterAll(() => t.close());

  it('does not believe X-Forwarded-For: a spoofed header escapes no limit', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await request(t.http)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `198.51.100.${attempt}`)
        .send({ username: `nobody${attempt}`, password: 'winter-2026-password' })
        .expect(401);
    }
    expectProblem(
      await request(t.http)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', '198.51.100.200')
        .send({ username: tenant.clerk.username, password: tenant.clerk.password }),
      429,
    );
  });
});
