import request from 'supertest';
import { startAppWithTenant, type AgencyRef, type Tenant } from '../factories/identity.factory';
import { expectProblem } from '../setup/expect-problem';
import type { TestApp } from '../setup/test-app';
import {
  createLitigation,
  deadline,
  defendantAgency,
  litigationBody,
  litigationCommand,
  runLitigation,
} from './litigation-helpers';

/** Commands on a lawsuit (clock: Monday 2026-06-01), each one transaction with its event. */
describe('Litigation commands and the worklist', () => {
  let t: TestApp;
  let tenant: Tenant;
  let bureau: AgencyRef;

  beforeAll(async () => {
    let adminToken: string;
    ({ t, adminToken, tenant } = await startAppWithTenant());
    bureau = await defendantAgency(t, adminToken, tenant.agency.id);
  });
  afterAll(() => t.close());

  const clerk = () => tenant.clerk.token;

  it('runs a first instance to its close: defence in time, judgment lost, appeal window, appeal', async () => {
    const view = await createLitigation(t, clerk(), litigationBody([bureau.id]));
    const defended = await runLitigation(t, clerk(), view.id, 'submit-defense', {
      submittedOn: '2026-05-29',
    });
    expect(defended.status).toBe('defended');
    expect(deadline(defended, 'defense_submission')).toMatchObject({
      status: 'met',
      metOn: '2026-05-29',
    });
    const judged = await runLitigation(t, clerk(), view.id, 'record-judgment', {
      decidedOn: '2026-05-30',
      kind: 'judgment',
      disposition: 'revoked',
    });
    expect(judged).toMatchObject({
      status: 'judged',
      judgment: { result: 'lose', servedOn: null, appealable: 'yes' },
    });
    // The first-instance term is met by the judgment.
    expect(deadline(judged, 'first_instance_term')).toMatchObject({ status: 'met' });
    expect(deadline(judged, 'appeal_window')).toBeUndefined();
    const served = await runLitigation(t, clerk(), view.id, 'record-service', {
      servedOn: '2026-06-01',
    });
    // 第八十五条: 15 days from service on 2026-06-01 → Tuesday 2026-06-16.
    expect(deadline(served, 'appeal_window')).toMatchObject({
      startOn: '2026-06-01',
      dueOn: '2026-06-16',
      status: 'open',
      basis: '行政诉讼法 第八十五条',
    });
    const early = await litigationCommand(t, clerk(), view.id, 'close', { closedOn: '2026-06-01' });
    expectProblem(early, 422);
    expect(early.body.rule).toBe('appeal_window_running');
    const appealed = await runLitigation(t, clerk(), view.id, 'appeal', {
      appealedOn: '2026-06-01',
      by: 'agency',
    });
    expect(appealed.status).toBe('appealed');
    expect(deadline(appealed, 'appeal_window')).toMatchObject({ status: 'met' });
    const closed = await runLitigation(t, clerk(), view.id, 'close', { closedOn: '2026-06-01' });
    expect(closed.status).toBe('closed');
    const again = await litigationCommand(t, clerk(), view.id, 'record-judgment', {
      decidedOn: '2026-06-01',
      kind: 'judgment',
      disposition: 'revoked',
    });
    expectProblem(again, 409);
    expect(again.body.allowedCommands).toEqual(['record-judicial-recommendation']);
    const events = await request(t.http)
      .get(`/api/v1/litigation-cases/${view.id}/events`)
      .auth(tenant.viewer.token, { type: 'bearer' })
      .expect(200);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'defended',
      'judged',
      'judgment_served',
      'appealed',
      'closed',
    ]);
    const outbox = await t.dataSource.query<Array<{ topic: string }>>(
      `SELECT topic FROM outbox_message WHERE payload->>'caseId' = $1 ORDER BY id`,
      [view.id],
    );
    expect(outbox.map((m) => m.topic)).toContain('litigation_case.judged');
  });

  it('a late defence is recorded, its evidence deemed absent; the worklist escalates an overdue one', async () => {
    // Complaint copy 2026-05-01 (a holiday; the start day is not counted): + 15 = Saturday
    // 2026-05-16, a rest day → Monday 2026-05-18.
    const late = await createLitigation(
      t,
      clerk(),
      litigationBody([bureau.id], { filedOn: '2026-04-28', complaintReceivedOn: '2026-05-01' }),
    );
    expect(deadline(late, 'defense_submission')).toMatchObject({
      dueOn: '2026-05-18',
      status: 'overdue',
    });
    const worklist = await request(t.http)
      .get('/api/v1/deadlines')
      .query({ status: 'overdue', kind: 'defense_submission' })
      .auth(tenant.head.token, { type: 'bearer' })
      .expect(200);
    expect(worklist.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseType: 'litigation',
          caseId: late.id,
          caseNumber: late.courtCaseNumber,
          dueOn: '2026-05-18',
          basis: '行政诉讼法 第六十七条第一款',
          ifMissed: { consequence: 'evidence_deemed_absent', basis: '行政诉讼法 第三十四条第二款' },
          escalated: true,
        }),
      ]),
    );
    const defended = await runLitigation(t, clerk(), late.id, 'submit-defense', {
      submittedOn: '2026-05-20',
    });
    expect(defended).toMatchObject({ status: 'defended', defenseLate: true });
    expect(deadline(defended, 'defense_submission')).toMatchObject({
      status: 'overdue',
      metOn: '2026-05-20',
    });
    const events = await request(t.http)
      .get(`/api/v1/litigation-cases/${late.id}/events`)
      .auth(clerk(), { type: 'bearer' })
      .expect(200);
    expect(events.body.items[1].payload).toMatchObject({
      late: true,
      evidenceDeemedAbsent: true,
      basis: '行政诉讼法 第三十四条第二款',
    });
  });

  it('a ruling has a 10-day window; viewers cannot run commands; another body gets 404', async () => {
    const view = await createLitigation(t, clerk(), litigationBody([bureau.id]));
    await litigationCommand(t, tenant.viewer.token, view.id, 'submit-defense', {
      submittedOn: '2026-05-29',
    }).expect(403);
    const ruled = await runLitigation(t, clerk(), view.id, 'record-judgment', {
      decidedOn: '2026-05-26',
      kind: 'ruling',
      disposition: 'dismissed_suit',
      servedOn: '2026-05-28',
    });
    // 10 days from 2026-05-28 → Sunday 2026-06-07 → Monday 2026-06-08.
    expect(ruled.judgment).toMatchObject({ result: 'win' });
    expect(deadline(ruled, 'appeal_window')).toMatchObject({ dueOn: '2026-06-08' });
    // The defence was never submitted: its deadline is cancelled by the judgment.
    expect(deadline(ruled, 'defense_submission')).toMatchObject({ status: 'cancelled' });
    const wrongKind = await litigationCommand(t, clerk(), view.id, 'record-service', {
      servedOn: '2026-05-29',
    });
    expectProblem(wrongKind, 422);
    expect(wrongKind.body.rule).toBe('judgment_already_served');
    const bad = await litigationCommand(t, clerk(), view.id, 'appeal', {
      appealedOn: '2026-05-29',
      by: 'nobody',
    });
    expectProblem(bad, 400);
  });
});
