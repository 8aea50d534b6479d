import request from 'supertest';
import { createCase, run } from '../factories/case.factory';
import {
  createTenant,
  startAppWithTenant,
  type AgencyRef,
  type Tenant,
} from '../factories/identity.factory';
import { expectProblem } from '../setup/expect-problem';
import type { TestApp } from '../setup/test-app';
import {
  createLitigation,
  defendantAgency,
  litigationBody,
  postLitigation,
} from './litigation-helpers';

/**
 * 行政诉讼法 第二十六条第二款: who is the defendant follows from the reconsideration outcome. A
 * case linked to a concluded reconsideration case derives its defendants and their roles.
 */
describe('Litigation linked to reconsideration: the co-defendant rule', () => {
  let t: TestApp;
  let tenant: Tenant;
  let bureau: AgencyRef;
  let adminToken: string;

  beforeAll(async () => {
    ({ t, adminToken, tenant } = await startAppWithTenant());
    bureau = await defendantAgency(t, adminToken, tenant.agency.id, '乐平市公安局');
  });
  afterAll(() => t.close());

  async function concluded(outcome: string): Promise<string> {
    const created = await createCase(t, tenant.clerk.token, {
      respondent: { agencyId: bureau.id, name: '乐平市公安局' },
    });
    await run(t, tenant.clerk.token, created.id, 'accept', { acceptedOn: '2024-10-08' });
    await run(t, tenant.clerk.token, created.id, 'record-written-review', {
      reason: '申请人下落不明，无法听取意见',
    });
    await run(t, tenant.clerk.token, created.id, 'conclude', {
      concludedOn: '2024-11-01',
      outcome,
      decisionNumber: '乐府复决〔2024〕7号',
    });
    return created.id;
  }

  const linked = (reconsiderationCaseId: string, ids?: string[]) =>
    litigationBody(ids, {
      reconsiderationCaseId,
      filedOn: '2024-11-20',
      complaintReceivedOn: '2024-11-25',
    });

  it.each(['uphold', 'dismiss_request'])(
    '%s (维持, incl. 驳回复议请求): the original agency and the body are co-defendants; the body gets its own task; the closure shows litigated',
    async (outcome) => {
      const id = await concluded(outcome);
      const view = await createLitigation(t, tenant.clerk.token, linked(id));
      expect(view.coDefendant).toBe(true);
      expect(view.defendants).toEqual([
        expect.objectContaining({
          agencyId: bureau.id,
          role: 'original_act',
          task: 'defend_original_act',
        }),
        expect.objectContaining({
          agencyId: tenant.agency.id,
          role: 'reconsideration_body',
          task: 'defend_reconsideration_procedure',
        }),
      ]);
      const events = await request(t.http)
        .get(`/api/v1/litigation-cases/${view.id}/events`)
        .auth(tenant.viewer.token, { type: 'bearer' })
        .expect(200);
      const types = events.body.items.map((e: { type: string }) => e.type);
      expect(types).toEqual(['created', 'body_task_created']);
      expect(events.body.items[1].payload).toMatchObject({
        task: 'defend_reconsideration_procedure',
        basis: expect.stringContaining('第二十六条第二款'),
      });
      const closure = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${id}/closure`)
        .auth(tenant.viewer.token, { type: 'bearer' })
        .expect(200);
      expect(closure.body.litigated).toBe(true);
      const timeline = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${id}/events`)
        .auth(tenant.viewer.token, { type: 'bearer' })
        .expect(200);
      expect(timeline.body.items.at(-1)).toMatchObject({
        type: 'litigated',
        payload: { litigationCaseId: view.id, coDefendant: true },
      });
    },
  );

  it.each(['change', 'revoke', 'confirm_illegal', 'confirm_invalid', 'order_performance'])(
    '%s (the body changed the outcome): the body alone is the defendant',
    async (outcome) => {
      const id = await concluded(outcome);
      const view = await createLitigation(t, tenant.clerk.token, linked(id));
      expect(view.coDefendant).toBe(false);
      expect(view.defendants).toEqual([
        expect.objectContaining({
          agencyId: tenant.agency.id,
          role: 'reconsideration_body',
          task: 'defend_reconsideration_decision',
        }),
      ]);
    },
  );

  it('dismiss_application (受理条件) is not 维持: the plaintiff chooses, so the defendants must be named', async () => {
    const id = await concluded('dismiss_application');
    const unnamed = await postLitigation(t, tenant.clerk.token, linked(id));
    expectProblem(unnamed, 422);
    expect(unnamed.body).toMatchObject({
      rule: 'defendants_required',
      basis: expect.stringContaining('第一百三十三条'),
    });
    const view = await createLitigation(t, tenant.clerk.token, linked(id, [bureau.id]));
    expect(view).toMatchObject({
      coDefendant: false,
      defendants: [expect.objectContaining({ agencyId: bureau.id, role: 'original_act' })],
    });
  });

  it('defendants named against the derived ones are refused with the derived set', async () => {
    const id = await concluded('uphold');
    const wrong = await postLitigation(t, tenant.clerk.token, linked(id, [bureau.id]));
    expectProblem(wrong, 422);
    expect(wrong.body.rule).toBe('defendants_follow_reconsideration');
    const same = await createLitigation(
      t,
      tenant.clerk.token,
      linked(id, [tenant.agency.id, bureau.id]),
    );
    expect(same.coDefendant).toBe(true);
  });

  it('a reconsideration case of another body does not exist for the caller', async () => {
    const other = await createTenant(t, adminToken);
    const foreignCase = await createCase(t, other.clerk.token);
    const foreign = await postLitigation(t, tenant.clerk.token, linked(foreignCase.id));
    expectProblem(foreign, 404);
  });
});
