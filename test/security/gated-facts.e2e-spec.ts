import request from 'supertest';
import { command, createCase, deadlineOf, run, type CaseView } from '../factories/case.factory';
import { startAppWithTenant, type Tenant } from '../factories/identity.factory';
import { expectFieldError, expectProblem } from '../setup/expect-problem';
import type { TestApp } from '../setup/test-app';

/** Facts that legal rules decide on change only through `correct-facts`, by the head (issue 14). */
describe('gated facts', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;

  beforeAll(async () => {
    ({ t, adminToken, tenant } = await startAppWithTenant());
  });
  afterAll(() => t.close());

  const clerk = () => tenant.clerk.token;
  const head = () => tenant.head.token;
  const patch = (id: string, token: string) =>
    request(t.http).patch(`/api/v1/reconsideration-cases/${id}`).auth(token, { type: 'bearer' });

  async function auditOf(targetId: string, action: string) {
    const response = await request(t.http)
      .get(`/api/v1/audit?targetId=${targetId}`)
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    return (response.body.items as Array<{ action: string; summary: Record<string, unknown> }>)
      .filter((entry) => entry.action === action)
      .map((entry) => entry.summary);
  }

  async function concluded(overrides: Record<string, unknown> = {}): Promise<CaseView> {
    const created = await createCase(t, clerk(), overrides);
    await run(t, clerk(), created.id, 'accept', { acceptedOn: '2024-10-08' });
    await run(t, clerk(), created.id, 'record-written-review', { reason: '申请人书面说明' });
    return run(t, clerk(), created.id, 'conclude', {
      concludedOn: '2024-11-01',
      outcome: 'uphold',
    });
  }

  it('refuses rule-deciding facts in a PATCH, naming the field', async () => {
    const created = await createCase(t, clerk());
    expectFieldError(await patch(created.id, clerk()).send({ major: false }), 'major');
    expectFieldError(
      await patch(created.id, clerk()).send({
        contestedAct: {
          title: '行政处罚决定书',
          field: 'public_security',
          actKind: 'administrative_penalty',
          remedyRightsNotTold: true,
        },
      }),
      'contestedAct.remedyRightsNotTold',
    );
    const after = await request(t.http)
      .get(`/api/v1/reconsideration-cases/${created.id}`)
      .auth(clerk(), { type: 'bearer' })
      .expect(200);
    expect(after.body.version).toBe(created.version);
  });

  it('changes descriptive fields before conclusion, auditing each with old and new value', async () => {
    const created = await createCase(t, clerk());
    await patch(created.id, clerk())
      .send({ requests: '撤销并赔偿', hearingRequested: true })
      .expect(200);
    const [summary] = await auditOf(created.id, 'reconsideration_case.details_updated');
    expect(summary).toEqual({
      requests: { from: '撤销行政处罚决定', to: '撤销并赔偿' },
      hearingRequested: { from: false, to: true },
    });
  });

  it('refuses a PATCH once the case is concluded (409)', async () => {
    const done = await concluded();
    const response = await patch(done.id, clerk()).send({ requests: '事后修改' });
    expectProblem(response, 409);
    expect(response.body.currentStatus).toBe('concluded');
  });

  it('lets only the head correct facts (403 for a clerk, nothing changed)', async () => {
    const created = await createCase(t, clerk());
    const response = await command(t, clerk(), created.id, 'correct-facts', {
      changes: { major: true },
      reason: '重大案件',
    });
    expectProblem(response, 403);
    const view = await request(t.http)
      .get(`/api/v1/reconsideration-cases/${created.id}`)
      .auth(clerk(), { type: 'bearer' });
    expect(view.body).toMatchObject({ major: false, version: created.version });
  });

  it('re-runs the application period and re-plans deadlines in one transaction with its event', async () => {
    // Known on 2024-06-01, filed 2024-09-27: past the 60 days of 第二十条第一款.
    const late = await createCase(t, clerk(), { knownOn: '2024-06-01' });
    expect(deadlineOf(late, 'application_limitation')).toMatchObject({ status: 'overdue' });
    expect(
      (await command(t, clerk(), late.id, 'accept', { acceptedOn: '2024-10-08' }).expect(422)).body
        .rule,
    ).toBe('application_late');

    const corrected = await run(t, head(), late.id, 'correct-facts', {
      changes: {
        contestedAct: { remedyRightsNotTold: true },
        remedyRightsLearnedOn: '2024-09-10',
      },
      reason: '被申请人未告知复议权利，申请人于9月10日方知',
    });
    expect(deadlineOf(corrected, 'application_limitation')).toMatchObject({ status: 'met' });
    await run(t, clerk(), late.id, 'accept', { acceptedOn: '2024-10-08' });

    const events = await request(t.http)
      .get(`/api/v1/reconsideration-cases/${late.id}/events`)
      .auth(clerk(), { type: 'bearer' })
      .expect(200);
    expect(events.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'facts_corrected',
          actor: expect.objectContaining({ id: tenant.head.id }),
          payload: expect.objectContaining({ applicationPeriod: 'in_time' }),
        }),
      ]),
    );
    const [summary] = await auditOf(late.id, 'reconsideration_case.facts_corrected');
    expect(summary).toMatchObject({
      reason: '被申请人未告知复议权利，申请人于9月10日方知',
      changes: {
        'contestedAct.remedyRightsNotTold': { from: false, to: true },
        remedyRightsLearnedOn: { from: null, to: '2024-09-10' },
      },
    });
  });

  it('re-plans the acceptance review when the receipt date is corrected', async () => {
    const created = await createCase(t, clerk());
    expect(deadlineOf(created, 'acceptance_review')).toMatchObject({ dueOn: '2024-10-10' });
    const corrected = await run(t, head(), created.id, 'correct-facts', {
      changes: { receivedOn: '2024-09-23' },
      reason: '收件日期登记错误',
    });
    expect(corrected.receivedOn).toBe('2024-09-23');
    // 5 working days from Mon 2024-09-23; Sun 2024-09-29 is a working day (调休).
    expect(deadlineOf(corrected, 'acceptance_review')).toMatchObject({ dueOn: '2024-09-29' });
  });

  it('refuses corrected dates that break the intake rules (400 naming the field)', async () => {
    const created = await createCase(t, clerk());
    expectFieldError(
      await command(t, head(), created.id, 'correct-facts', {
        changes: { knownOn: '2024-10-01' },
        reason: '更正',
      }),
      'changes.knownOn',
    );
    expectFieldError(
      await command(t, head(), created.id, 'correct-facts', { changes: {}, reason: '更正' }),
      'changes',
    );
  });

  it('will not make a concluded case major without its hearing (第五十条): reopen first', async () => {
    const done = await concluded();
    const response = await command(t, head(), done.id, 'correct-facts', {
      changes: { major: true },
      reason: '应为重大案件',
    });
    expectProblem(response, 422);
    expect(response.body).toMatchObject({ rule: 'hearing_required' });
  });

  it('corrects a major case to non-major before conclusion, with the audit naming both values', async () => {
    const major = await createCase(t, clerk(), { major: true });
    await run(t, head(), major.id, 'correct-facts', {
      changes: { major: false },
      reason: '经复核不属于重大案件',
    });
    const [summary] = await auditOf(major.id, 'reconsideration_case.facts_corrected');
    expect(summary.changes).toEqual({ major: { from: true, to: false } });
  });
});
