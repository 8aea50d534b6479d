import request from 'supertest';
import { caseBody, command, createCase, run, type CaseView } from '../factories/case.factory';
import { createAgency, startAppWithTenant, type Tenant } from '../factories/identity.factory';
import { hearingBody, hearingCommand, newPanel, schedule } from '../hearings/hearing-helpers';
import { expectFieldError, expectProblem } from '../setup/expect-problem';
import type { TestApp } from '../setup/test-app';

/** Rows that a refused request must leave as they were. */
async function counts(t: TestApp): Promise<Record<string, number>> {
  const [row] = await t.dataSource.query<Record<string, string>[]>(
    `SELECT (SELECT count(*) FROM audit_entry) AS audit,
            (SELECT count(*) FROM reconsideration_case) AS cases,
            (SELECT count(*) FROM agency) AS agencies,
            (SELECT count(*) FROM case_event) AS events`,
  );
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)]));
}

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

describe('hostile request bodies', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;

  beforeAll(async () => ({ t, adminToken, tenant } = await startAppWithTenant()));
  afterAll(() => t.close());

  const clerk = () => tenant.clerk.token;
  const post = (path: string, token: string) =>
    request(t.http).post(`/api/v1${path}`).auth(token, { type: 'bearer' });
  const patch = (path: string, token: string) =>
    request(t.http).patch(`/api/v1${path}`).auth(token, { type: 'bearer' });

  describe('nesting depth', () => {
    it('refuses JSON nested 2,000 deep on the unauthenticated login with 400', async () => {
      const response = await request(t.http)
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send(`{"username":"admin","password":"x","deep":${nested(2000)}}`);
      expectProblem(response, 400);
      expect(response.body.detail).toMatch(/nested deeper than 32/);
    });

    it('refuses a top-level array nested 2,000 deep on an authenticated write', async () => {
      const before = await counts(t);
      const response = await post('/reconsideration-cases', clerk())
        .set('Content-Type', 'application/json')
        .send(nested(2000));
      expectProblem(response, 400);
      expect(await counts(t)).toEqual(before);
    });

    it('accepts 32 levels and refuses 33', async () => {
      const at = (depth: number) =>
        post('/reconsideration-cases', clerk())
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(caseBody()).replace(/}$/, `,"x":${nested(depth - 1)}}`));
      const within = await at(32);
      expectFieldError(within, 'x'); // the unknown field, not the depth
      const beyond = await at(33);
      expectProblem(beyond, 400);
      expect(beyond.body.detail).toMatch(/nested deeper than 32/);
    });
  });

  describe('NUL and lone surrogates', () => {
    it.each([
      ['NUL in an applicant name', { applicants: [{ kind: 'person', name: 'a\u0000b' }] }],
      ['a lone surrogate in the requests', { requests: 'x\ud800y' }],
      ['a lone low surrogate in a nested title', { contestedAct: { title: '\udc00' } }],
    ])('refuses %s with 400 naming the field, and stores nothing', async (_name, override) => {
      const before = await counts(t);
      const response = await post('/reconsideration-cases', clerk()).send(caseBody(override));
      expectProblem(response, 400);
      const field = Object.keys(override)[0];
      expect(response.body.errors[0].field).toMatch(new RegExp(`^${field}`));
      expect(await counts(t)).toEqual(before);
    });

    it('names the exact path of the refused string', async () => {
      const response = await post('/reconsideration-cases', clerk()).send(
        caseBody({
          applicants: [
            { kind: 'person', name: '张三' },
            { kind: 'person', name: 'bad\u0000' },
          ],
        }),
      );
      expectFieldError(response, 'applicants[1].name');
    });

    it('refuses a NUL in a property name', async () => {
      const response = await post('/reconsideration-cases', clerk()).send({
        ...caseBody(),
        'x\u0000': 1,
      });
      expectProblem(response, 400);
    });

    it.each(['__proto__', 'constructor'])('refuses a %s property as unknown', async (key) => {
      const before = await counts(t);
      const response = await post('/reconsideration-cases', clerk())
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(caseBody()).replace(/^{/, `{"${key}":{"polluted":1},`));
      expectFieldError(response, key);
      expect(await counts(t)).toEqual(before);
    });

    it('refuses a NUL in a query value with 400 naming the parameter', async () => {
      const response = await request(t.http)
        .get('/api/v1/reconsideration-cases?q=%00')
        .auth(clerk(), { type: 'bearer' });
      expectFieldError(response, 'q');
    });

    it('refuses a NUL in a path parameter', async () => {
      const response = await request(t.http)
        .get('/api/v1/agencies/%00')
        .auth(adminToken, { type: 'bearer' });
      expectProblem(response, 400);
    });

    it('keeps well-formed surrogate pairs (emoji, rare CJK)', async () => {
      const created = await createCase(t, clerk(), { requests: '撤销决定 😀 𠀀' });
      expect(created.requests).toBe('撤销决定 😀 𠀀');
    });
  });

  describe('explicit null on optional fields', () => {
    it('refuses PATCH agencies {name: null} and keeps the name', async () => {
      const agency = await createAgency(t, adminToken);
      const response = await patch(`/agencies/${agency.id}`, adminToken).send({ name: null });
      expectFieldError(response, 'name');
      expect(response.body.errors).toContainEqual({
        field: 'name',
        message: 'name must not be null',
      });
      const after = await request(t.http)
        .get(`/api/v1/agencies/${agency.id}`)
        .auth(adminToken, { type: 'bearer' });
      expect(after.body.name).toBe(agency.name);
    });

    it('refuses PATCH case {major: null}', async () => {
      const created = await createCase(t, clerk());
      expectFieldError(
        await patch(`/reconsideration-cases/${created.id}`, clerk()).send({ major: null }),
        'major',
      );
    });

    it('refuses reschedule {location: null} and keeps the hearing', async () => {
      const accepted = await run(t, clerk(), (await createCase(t, clerk())).id, 'accept', {
        acceptedOn: '2024-10-08',
      });
      const seats = await newPanel(t, adminToken, tenant.agency.id);
      const hearing = await schedule(t, clerk(), accepted.id, hearingBody(seats));
      const response = await hearingCommand(t, clerk(), hearing.id, 'reschedule', {
        startsAt: '2024-10-22T09:00:00+08:00',
        noticeOn: '2024-10-10',
        location: null,
      });
      expectFieldError(response, 'location');
      const after = await request(t.http)
        .get(`/api/v1/hearings/${hearing.id}`)
        .auth(clerk(), { type: 'bearer' });
      expect(after.body).toMatchObject({ location: hearing.location, version: hearing.version });
    });

    it.each([
      ['postmarkedOn', { postmarkedOn: null }],
      ['agent', { agent: null }],
      ['thirdParties', { thirdParties: null }],
      ['limitationObstacle', { limitationObstacle: null }],
    ])('refuses %s: null on intake', async (field, override) => {
      expectFieldError(
        await post('/reconsideration-cases', clerk()).send(caseBody(override)),
        field,
      );
    });
  });

  describe('arrays where objects belong', () => {
    it.each([
      ['respondent', { respondent: [] }],
      ['contestedAct', { contestedAct: [] }],
      ['limitationObstacle', { limitationObstacle: [] }],
      ['agent', { agent: [] }],
      ['agent', { agent: [{ name: '李四' }] }],
      ['thirdParties', { thirdParties: [[]] }],
      ['applicants', { applicants: [[]] }],
      ['applicants', { applicants: ['张三'] }],
      ['applicants', { applicants: { kind: 'person', name: '张三' } }],
      ['respondent', { respondent: 'x' }],
    ])('refuses %s of the wrong shape on intake with 400 and stores nothing', async (field, o) => {
      const before = await counts(t);
      expectFieldError(await post('/reconsideration-cases', clerk()).send(caseBody(o)), field);
      expect(await counts(t)).toEqual(before);
    });

    it('refuses PATCH {contestedAct: []} and leaves the contested act intact', async () => {
      const created = await createCase(t, clerk());
      const response = await patch(`/reconsideration-cases/${created.id}`, clerk()).send({
        contestedAct: [],
      });
      expectFieldError(response, 'contestedAct');
      const after = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${created.id}`)
        .auth(clerk(), { type: 'bearer' });
      expect(after.body.contestedAct).toEqual(created.contestedAct);
      expect(after.body.version).toBe(created.version);
    });

    it('refuses PATCH {agent: []} and a hearing record with respondentAttendance: []', async () => {
      const created = await createCase(t, clerk());
      expectFieldError(
        await patch(`/reconsideration-cases/${created.id}`, clerk()).send({ agent: [] }),
        'agent',
      );
      expectFieldError(
        await post(`/hearings/${created.id}/record`, clerk()).send({
          heldOn: '2024-10-21',
          applicantAttended: true,
          respondentAttendance: [],
        }),
        'respondentAttendance',
      );
    });

    it('leaves accept and the sweep working after an intake with optional objects', async () => {
      const created: CaseView = await createCase(t, clerk(), {
        agent: { name: '李四' },
        limitationObstacle: { startedOn: '2024-09-05', endedOn: '2024-09-10', reason: '住院治疗' },
      });
      const accepted = await command(t, clerk(), created.id, 'accept', {
        acceptedOn: '2024-10-08',
      });
      expect(accepted.status).toBe(200);
      await post('/workflow/sweep', adminToken).expect(200);
    });
  });
});
