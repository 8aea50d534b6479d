import request from 'supertest';
import { ID_NUMBERS } from '../factories/case.factory';
import { createTenant, startAppWithTenant, type Tenant } from '../factories/identity.factory';
import type { AgencyRef } from '../factories/identity.factory';
import { expectFieldError, expectProblem } from '../setup/expect-problem';
import type { TestApp } from '../setup/test-app';
import {
  courtCaseNumber,
  createLitigation,
  defendantAgency,
  litigationBody,
  postLitigation,
  type LitigationView,
} from './litigation-helpers';

describe('Litigation cases: register, read, list, patch, scope', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;
  let other: Tenant;
  let bureau: AgencyRef;

  beforeAll(async () => {
    ({ t, adminToken, tenant } = await startAppWithTenant());
    other = await createTenant(t, adminToken);
    bureau = await defendantAgency(t, adminToken, tenant.agency.id);
  });
  afterAll(() => t.close());

  it('registers a case: canonical 案号, pending, defendants with roles, the defence deadline in calendar days', async () => {
    const view = await createLitigation(
      t,
      tenant.clerk.token,
      litigationBody([bureau.id], { courtCaseNumber: '(2026)赣0281行初101号' }),
    );
    expect(view).toMatchObject({
      courtCaseNumber: '（2026）赣0281行初101号',
      courtCase: { year: 2026, courtCode: '赣0281', typeCode: '行初' },
      status: 'pending',
      instance: 'first',
      coDefendant: false,
      defendants: [{ agencyId: bureau.id, role: 'original_act', task: 'defend_original_act' }],
      plaintiffs: [{ kind: 'person', name: '张三', idNumber: ID_NUMBERS.zhang }],
      allowedCommands: ['submit-defense', 'record-judgment', 'record-judicial-recommendation'],
    });
    // Complaint copy received 2026-05-25 (Mon): + 15 calendar days = 2026-06-09 (Tue).
    const defense = view.deadlines.find((d) => d.kind === 'defense_submission');
    expect(defense).toMatchObject({
      startOn: '2026-05-25',
      dueOn: '2026-06-09',
      status: 'open',
      basis: '行政诉讼法 第六十七条第一款',
      ifMissed: { consequence: 'evidence_deemed_absent', basis: '行政诉讼法 第三十四条第二款' },
    });
    // First-instance term: 6 months from filing 2026-05-20 → 2026-11-20 (Friday).
    expect(view.deadlines.find((d) => d.kind === 'first_instance_term')?.dueOn).toBe('2026-11-20');
  });

  it('stores the ID number sealed, masks it for viewers and in lists, finds it by exact number', async () => {
    const view = await createLitigation(
      t,
      tenant.clerk.token,
      litigationBody([bureau.id], {
        plaintiffs: [{ kind: 'person', name: '李四', idNumber: ID_NUMBERS.li }],
      }),
    );
    const [row] = await t.dataSource.query<Array<{ plaintiffs: string }>>(
      'SELECT plaintiffs::text FROM litigation_case WHERE id = $1',
      [view.id],
    );
    expect(row.plaintiffs).not.toContain(ID_NUMBERS.li);
    const seen = await request(t.http)
      .get(`/api/v1/litigation-cases/${view.id}`)
      .auth(tenant.viewer.token, { type: 'bearer' })
      .expect(200);
    expect(seen.body.plaintiffs[0].idNumber).toMatch(/^1101\*+002X$/);
    const found = await request(t.http)
      .get('/api/v1/litigation-cases')
      .query({ q: ID_NUMBERS.li })
      .auth(tenant.viewer.token, { type: 'bearer' })
      .expect(200);
    expect(found.body.items.map((item: LitigationView) => item.id)).toEqual([view.id]);
    expect(found.body.items[0].plaintiffs[0].idNumber).not.toBe(ID_NUMBERS.li);
    const byName = await request(t.http)
      .get('/api/v1/litigation-cases')
      .query({ q: '李四' })
      .auth(tenant.clerk.token, { type: 'bearer' })
      .expect(200);
    expect(byName.body.items.map((item: LitigationView) => item.id)).toContain(view.id);
  });

  it('lists with filters and keyset pages', async () => {
    const number = courtCaseNumber('行终');
    await createLitigation(
      t,
      tenant.clerk.token,
      litigationBody([bureau.id], { courtCaseNumber: number, instance: 'second' }),
    );
    const seconds = await request(t.http)
      .get('/api/v1/litigation-cases')
      .query({ instance: 'second' })
      .auth(tenant.head.token, { type: 'bearer' })
      .expect(200);
    expect(seconds.body.items.map((item: LitigationView) => item.courtCaseNumber)).toEqual([
      number,
    ]);
    const first = await request(t.http)
      .get('/api/v1/litigation-cases')
      .query({ limit: 1, status: 'pending' })
      .auth(tenant.head.token, { type: 'bearer' })
      .expect(200);
    expect(first.body.items).toHaveLength(1);
    const second = await request(t.http)
      .get('/api/v1/litigation-cases')
      .query({ limit: 1, status: 'pending', cursor: first.body.nextCursor })
      .auth(tenant.head.token, { type: 'bearer' })
      .expect(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    const otherList = await request(t.http)
      .get('/api/v1/litigation-cases')
      .auth(other.clerk.token, { type: 'bearer' })
      .expect(200);
    expect(otherList.body.items).toEqual([]);
  });

  it('patches descriptive fields with If-Match and replans the deadlines', async () => {
    const view = await createLitigation(t, tenant.clerk.token, litigationBody([bureau.id]));
    await request(t.http)
      .patch(`/api/v1/litigation-cases/${view.id}`)
      .set('If-Match', '"999"')
      .auth(tenant.clerk.token, { type: 'bearer' })
      .send({ cause: '不服处罚' })
      .expect(412);
    const patched = await request(t.http)
      .patch(`/api/v1/litigation-cases/${view.id}`)
      .set('If-Match', `"${view.version}"`)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .send({ headSummonRequired: true, evidenceObstacleRemovedOn: '2026-05-29' })
      .expect(200);
    expect(patched.body.headSummonRequired).toBe(true);
    // 行诉解释 第三十四条: 15 days after the obstacle ended 2026-05-29 → 2026-06-13, a Saturday:
    // the last day rolls to Monday 2026-06-15.
    expect(
      patched.body.deadlines.find((d: { kind: string }) => d.kind === 'defense_submission').dueOn,
    ).toBe('2026-06-15');
    const events = await request(t.http)
      .get(`/api/v1/litigation-cases/${view.id}/events`)
      .auth(tenant.viewer.token, { type: 'bearer' })
      .expect(200);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'details_updated',
    ]);
  });

  it('refuses: viewer writes 403, another body 404, a foreign defendant 404, duplicate 案号 409', async () => {
    await postLitigation(t, tenant.viewer.token, litigationBody([bureau.id])).expect(403);
    const view = await createLitigation(t, tenant.clerk.token, litigationBody([bureau.id]));
    await request(t.http)
      .get(`/api/v1/litigation-cases/${view.id}`)
      .auth(other.clerk.token, { type: 'bearer' })
      .expect(404);
    await request(t.http)
      .patch(`/api/v1/litigation-cases/${view.id}`)
      .auth(other.head.token, { type: 'bearer' })
      .send({ cause: 'x' })
      .expect(404);
    expectProblem(await postLitigation(t, other.clerk.token, litigationBody([bureau.id])), 404);
    expectProblem(
      await postLitigation(
        t,
        tenant.clerk.token,
        litigationBody([bureau.id], { courtCaseNumber: view.courtCaseNumber }),
      ),
      409,
    );
  });

  it('admins name the body; an admin of no body without it is 400', async () => {
    const made = await postLitigation(t, adminToken, {
      ...litigationBody([bureau.id]),
      agencyId: tenant.agency.id,
    });
    expect(made.status).toBe(201);
    expectFieldError(await postLitigation(t, adminToken, litigationBody([bureau.id])), 'agencyId');
  });

  it('refuses bad input with 400 naming the field: malformed 案号, unknown instance, no defendants', async () => {
    const malformed = await postLitigation(
      t,
      tenant.clerk.token,
      litigationBody([bureau.id], { courtCaseNumber: '2024赣0281行初12' }),
    );
    expectFieldError(malformed, 'courtCaseNumber');
    expectFieldError(
      await postLitigation(
        t,
        tenant.clerk.token,
        litigationBody([bureau.id], { instance: 'third' }),
      ),
      'instance',
    );
    expectFieldError(
      await postLitigation(t, tenant.clerk.token, litigationBody(undefined)),
      'defendantAgencyIds',
    );
    expectFieldError(
      await postLitigation(
        t,
        tenant.clerk.token,
        litigationBody([bureau.id], {
          plaintiffs: [{ kind: 'person', name: '王五', idNumber: '360281199001011231' }],
        }),
      ),
      'plaintiffs[0].idNumber',
    );
    // 行终 is a second instance.
    const mismatch = await postLitigation(
      t,
      tenant.clerk.token,
      litigationBody([bureau.id], { courtCaseNumber: courtCaseNumber('行终') }),
    );
    expectProblem(mismatch, 422);
    expect(mismatch.body.rule).toBe('instance_mismatch');
  });
});
