import request from 'supertest';
import { totpCodeAt } from '../../src/modules/identity/security/totp';
import { createTenant, loginAdmin, type Tenant } from '../factories/identity.factory';
import { expectProblem } from '../setup/expect-problem';
import { createTestApp, type TestApp } from '../setup/test-app';

/** TOTP second factor (RFC 6238), codes generated from the test clock, never wall time. */
describe('second factor (TOTP)', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'head', LOGIN_THROTTLE_LIMIT: '1000' });
    adminToken = await loginAdmin(t);
    tenant = await createTenant(t, adminToken);
  });
  afterAll(() => t.close());

  const post = (path: string, token: string) =>
    request(t.http).post(`/api/v1/auth/${path}`).auth(token, { type: 'bearer' });
  const loginAs = (username: string, password: string, otp?: string) =>
    request(t.http)
      .post('/api/v1/auth/login')
      .send({ username, password, ...(otp === undefined ? {} : { otp }) });
  const later = (seconds: number) =>
    t.clock.set(new Date(t.clock.now().getTime() + seconds * 1000).toISOString());

  it('enrols, activates and then requires the factor of a role in MFA_REQUIRED_ROLES', async () => {
    // The head's password is settled, but the role needs a factor: a restricted session.
    const restricted = tenant.head.token;
    const me = await request(t.http)
      .get('/api/v1/auth/me')
      .auth(restricted, { type: 'bearer' })
      .expect(200);
    expect(me.body).toMatchObject({ restriction: 'mfa_enrollment', mfaEnabled: false });
    expectProblem(
      await request(t.http)
        .get('/api/v1/reconsideration-cases')
        .auth(restricted, { type: 'bearer' }),
      403,
    );

    const enrolled = await post('mfa/enroll', restricted).expect(200);
    expect(enrolled.headers['cache-control']).toMatch(/no-store/);
    const secret = enrolled.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolled.body.otpauthUrl).toMatch(
      /^otpauth:\/\/totp\/Fuyi:.+\?.*secret=[A-Z2-7]+.*(algorithm=SHA1|digits=6|period=30)/,
    );
    const [stored] = await t.dataSource.query<Array<{ mfa_secret: string }>>(
      'SELECT mfa_secret FROM app_user WHERE id = $1',
      [tenant.head.id],
    );
    expect(stored.mfa_secret).toMatch(/^v1\./);
    expect(stored.mfa_secret).not.toContain(secret);

    expectProblem(await post('mfa/activate', restricted).send({ code: '000000' }), 400);
    const activated = await post('mfa/activate', restricted)
      .send({ code: totpCodeAt(secret, t.clock.now()) })
      .expect(200);
    const recoveryCodes = activated.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    const hashes = await t.dataSource.query<Array<{ code_hash: string }>>(
      'SELECT code_hash FROM mfa_recovery_code WHERE user_id = $1',
      [tenant.head.id],
    );
    expect(hashes).toHaveLength(10);
    expect(hashes.map((row) => row.code_hash)).not.toContain(recoveryCodes[0]);
    // Activation revokes the sessions of before.
    await request(t.http).get('/api/v1/auth/me').auth(restricted, { type: 'bearer' }).expect(401);

    const { username, password } = tenant.head;
    const missing = await loginAs(username, password);
    expectProblem(missing, 401);
    expect(missing.body.type).toMatch(/mfa-required$/);
    const wrong = await loginAs(username, password, '123456');
    expectProblem(wrong, 401);
    expect(wrong.body.type).toMatch(/mfa-invalid$/);

    later(30);
    const code = totpCodeAt(secret, t.clock.now());
    const full = await loginAs(username, password, code).expect(200);
    expect(full.body.mfaEnrollmentRequired).toBeUndefined();
    await request(t.http)
      .get('/api/v1/reconsideration-cases')
      .auth(full.body.accessToken, { type: 'bearer' })
      .expect(200);
    // A code is good once (RFC 6238 §5.2).
    expect((await loginAs(username, password, code)).body.type).toMatch(/mfa-invalid$/);

    // A recovery code stands in for a code, once.
    await loginAs(username, password, recoveryCodes[0]).expect(200);
    expect((await loginAs(username, password, recoveryCodes[0])).body.type).toMatch(/mfa-invalid$/);

    // Enrolling again while active is a conflict.
    later(30);
    const again = await loginAs(username, password, totpCodeAt(secret, t.clock.now())).expect(200);
    expectProblem(await post('mfa/enroll', again.body.accessToken), 409);

    const trail = await request(t.http)
      .get(`/api/v1/audit?targetId=${tenant.head.id}&limit=200`)
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    const actions = (trail.body.items as Array<{ action: string }>).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.mfa_enrollment_started',
        'auth.mfa_activated',
        'auth.recovery_code_used',
        'auth.login_failed',
      ]),
    );
  });

  it('lets roles outside MFA_REQUIRED_ROLES log in without a factor, and enrol one if they wish', async () => {
    const clerk = tenant.clerk;
    const plain = await loginAs(clerk.username, clerk.password).expect(200);
    expect(plain.body.mfaEnrollmentRequired).toBeUndefined();
    const { secret } = (await post('mfa/enroll', plain.body.accessToken).expect(200)).body as {
      secret: string;
    };
    await post('mfa/activate', plain.body.accessToken)
      .send({ code: totpCodeAt(secret, t.clock.now()) })
      .expect(200);
    expect((await loginAs(clerk.username, clerk.password)).body.type).toMatch(/mfa-required$/);
  });
});
