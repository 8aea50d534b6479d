import request from 'supertest';
import type { App } from 'supertest/types';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../setup/test-app';

let sequence = 0;
export function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}${process.pid}x${sequence}`;
}

export async function login(http: App, username: string, password: string): Promise<string> {
  const response = await request(http).post('/api/v1/auth/login').send({ username, password });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${response.text}`);
  return (response.body as { accessToken: string }).accessToken;
}

export function loginAdmin(t: TestApp): Promise<string> {
  return login(t.http, 'admin', ADMIN_PASSWORD);
}

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

export async function createAgency(
  t: TestApp,
  token: string,
  body: Record<string, unknown> = {},
): Promise<AgencyRef> {
  const code = unique('AG');
  const response = await request(t.http)
    .post('/api/v1/agencies')
    .auth(token, { type: 'bearer' })
    .send({ name: `乐平市人民政府${code}`, code, kind: 'reconsideration_body', ...body });
  if (response.status !== 201) throw new Error(`agency: ${response.status} ${response.text}`);
  return response.body as AgencyRef;
}

export interface UserRef {
  id: string;
  username: string;
  password: string;
  token: string;
}

/** A temporary password as an admin or head would set it (passes the password rules). */
export function temporaryPassword(): string {
  return `temp-${unique('Pw')}-violet-harbour`;
}

/**
 * Changes a temporary password at first login, as the person would: answers their own
 * password and a full token.
 */
export async function settlePassword(
  http: App,
  username: string,
  temporary: string,
): Promise<{ password: string; token: string }> {
  const first = await request(http)
    .post('/api/v1/auth/login')
    .send({ username, password: temporary });
  if (first.status !== 200) throw new Error(`login ${username}: ${first.status} ${first.text}`);
  const body = first.body as { accessToken: string; passwordChangeRequired?: boolean };
  if (!body.passwordChangeRequired) return { password: temporary, token: body.accessToken };
  const password = `own-${unique('Pw')}-amber-lantern`;
  const changed = await request(http)
    .post('/api/v1/auth/password')
    .auth(body.accessToken, { type: 'bearer' })
    .send({ currentPassword: temporary, newPassword: password });
  if (changed.status !== 200) {
    throw new Error(`password change ${username}: ${changed.status} ${changed.text}`);
  }
  return { password, token: (changed.body as { accessToken: string }).accessToken };
}

export async function createUser(
  t: TestApp,
  token: string,
  agencyId: string | null,
  roles: string[],
): Promise<UserRef> {
  const username = unique(roles[0]);
  const temporary = temporaryPassword();
  const response = await request(t.http)
    .post('/api/v1/users')
    .auth(token, { type: 'bearer' })
    .send({
      username,
      displayName: `测试${username}`,
      password: temporary,
      roles,
      ...(agencyId ? { agencyId } : {}),
    });
  if (response.status !== 201) throw new Error(`user: ${response.status} ${response.text}`);
  const id = (response.body as { id: string }).id;
  const own = await settlePassword(t.http, username, temporary);
  return { id, username, password: own.password, token: own.token };
}

/** A reconsideration body with a head, a clerk and a viewer, each logged in. */
export interface Tenant {
  agency: AgencyRef;
  head: UserRef;
  clerk: UserRef;
  viewer: UserRef;
}

export async function createTenant(t: TestApp, adminToken: string): Promise<Tenant> {
  const agency = await createAgency(t, adminToken);
  const [head, clerk, viewer] = await Promise.all([
    createUser(t, adminToken, agency.id, ['head']),
    createUser(t, adminToken, agency.id, ['clerk']),
    createUser(t, adminToken, agency.id, ['viewer']),
  ]);
  return { agency, head, clerk, viewer };
}

/** A fresh app with the admin signed in and one reconsideration body: a test file's usual start. */
export async function startAppWithTenant(
  env: Record<string, string> = {},
): Promise<{ t: TestApp; adminToken: string; tenant: Tenant }> {
  const t = await createTestApp(env);
  const adminToken = await loginAdmin(t);
  return { t, adminToken, tenant: await createTenant(t, adminToken) };
}
