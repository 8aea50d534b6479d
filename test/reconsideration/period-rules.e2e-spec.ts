import request from 'supertest';
import { caseBody, command, createCase, deadlineOf, run } from '../factories/case.factory';
import { createTenant, loginAdmin, type Tenant } from '../factories/identity.factory';
import { createTestApp, type TestApp } from '../setup/test-app';

/*
 * The period rules of 行政复议法 第二十条、第三十一条、第三十九条、第六十二条 and of mail
 * (在途时间不计), through HTTP. Dates are hand-computed against the 2024 arrangement: National Day
 * rest 10-01..10-07, with Sunday 09-29 and Saturday 10-12 working days.
 */
const act = { title: '决定', field: 'transport', actKind: 'administrative_penalty' };

describe('period rules (clock: 2026-06-01)', () => {
  let t: TestApp;
  let tenant: Tenant;
  const clerk = () => tenant.clerk.token;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t, await loginAdmin(t));
  });
  afterAll(() => t.close());

  describe('the application period from intake (第二十条)', () => {
    it('shows a late application as overdue on its filing date before anyone tries to accept it', async () => {
      const late = await createCase(t, clerk(), {
        knownOn: '2024-01-02',
        receivedOn: '2024-06-03',
        contestedAct: { ...act, actOn: '2023-12-28' },
      });
      // 2024-01-02 + 60 days = Sat 03-02 → Monday 2024-03-04.
      expect(deadlineOf(late, 'application_limitation')).toMatchObject({
        status: 'overdue',
        dueOn: '2024-03-04',
        metOn: '2024-06-03',
      });
      const inTime = await createCase(t, clerk());
      // 2024-09-01 + 60 days = Thursday 2024-10-31; filed 2024-09-27.
      expect(deadlineOf(inTime, 'application_limitation')).toMatchObject({
        status: 'met',
        dueOn: '2024-10-31',
        metOn: '2024-09-27',
      });
    });

    it('pauses the 60 days for an obstacle and continues after it, never restarting', async () => {
      // 7 days run (01-03..01-09) before the obstacle 01-10..05-10; the other 53 from 05-11:
      // 05-11 + 52 = 2024-07-02, a Tuesday. Filed 07-02: in time; 07-03: late.
      const obstacle = { startedOn: '2024-01-10', endedOn: '2024-05-10', reason: '住院治疗' };
      const body = (receivedOn: string) => ({
        knownOn: '2024-01-02',
        receivedOn,
        contestedAct: { ...act, actOn: '2023-12-28' },
        limitationObstacle: obstacle,
      });
      const lastDay = await createCase(t, clerk(), body('2024-07-02'));
      expect(deadlineOf(lastDay, 'application_limitation')).toMatchObject({
        status: 'met',
        dueOn: '2024-07-02',
      });
      await run(t, clerk(), lastDay.id, 'accept', { acceptedOn: '2024-07-03' });
      const dayAfter = await createCase(t, clerk(), body('2024-07-03'));
      const refused = await command(t, clerk(), dayAfter.id, 'accept', {
        acceptedOn: '2024-07-04',
      }).expect(422);
      expect(refused.body).toMatchObject({ rule: 'application_late' });
    });

    it('counts from learning the remedy rights, capped at one year from knowing the act', async () => {
      const notTold = (receivedOn: string) => ({
        knownOn: '2023-03-01',
        receivedOn,
        remedyRightsLearnedOn: '2024-01-10',
        contestedAct: { ...act, actOn: '2023-02-20', remedyRightsNotTold: true },
      });
      // 60 days from 2024-01-10 end 03-10 (Sunday → 03-11); the year from 2023-03-01 ends first,
      // on 2024-03-01: filed 02-20 is in time, filed 03-04 is not.
      const inTime = await createCase(t, clerk(), notTold('2024-02-20'));
      await run(t, clerk(), inTime.id, 'accept', { acceptedOn: '2024-02-21' });
      const late = await createCase(t, clerk(), notTold('2024-03-04'));
      const refused = await command(t, clerk(), late.id, 'accept', {
        acceptedOn: '2024-03-05',
      }).expect(422);
      expect(refused.body.rule).toMatch(/^application_(late|beyond_outer_limit)$/);
      expect(refused.body.basis).toContain('第二十条');
    });

    it.each([
      [{ limitationObstacle: { startedOn: '2024-09-10', endedOn: '2024-09-05', reason: 'x' } }],
      [{ remedyRightsLearnedOn: '2024-08-01' }],
      [{ limitationObstacle: { endedOn: '2024-09-05', reason: 'x' } }],
    ])('refuses inconsistent period facts %j with 400', async (overrides) => {
      const response = await request(t.http)
        .post('/api/v1/reconsideration-cases')
        .auth(clerk(), { type: 'bearer' })
        .send(caseBody(overrides))
        .expect(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    });
  });

  describe('suspension and extension (第三十九条、第六十二条)', () => {
    const accepted = async () => {
      const created = await createCase(t, clerk());
      // Accepted 2024-09-30: 60 days end on Friday 2024-11-29.
      return run(t, clerk(), created.id, 'accept', { acceptedOn: '2024-09-30' });
    };

    it('refuses an extension approved after the decision deadline (422)', async () => {
      const view = await accepted();
      expect(deadlineOf(view, 'decision')).toMatchObject({ dueOn: '2024-11-29' });
      const refused = await command(t, tenant.head.token, view.id, 'extend', {
        approvedOn: '2024-12-02',
        days: 30,
        reason: '案情复杂',
      }).expect(422);
      expect(refused.body).toMatchObject({ rule: 'extension_after_deadline' });
    });

    it('does not revive an expired deadline by a later suspension, nor extend it meanwhile', async () => {
      const view = await accepted();
      const suspended = await run(t, clerk(), view.id, 'suspend', {
        suspendedOn: '2024-12-03',
        ground: 'awaiting_other_case',
      });
      expect(deadlineOf(suspended, 'decision')).toMatchObject({ dueOn: '2024-11-29' });
      await command(t, tenant.head.token, view.id, 'extend', {
        approvedOn: '2024-12-04',
        days: 10,
        reason: '案情复杂',
      }).expect(422);
      const resumed = await run(t, clerk(), view.id, 'resume', { resumedOn: '2024-12-20' });
      expect(deadlineOf(resumed, 'decision')).toMatchObject({ dueOn: '2024-11-29' });
    });

    it('keeps the remaining time of a suspension begun in time: never due before resumption', async () => {
      const view = await accepted();
      // Suspended 2024-11-29 (the last day) to 2024-12-10: 11 days are not counted, so the
      // period ends 2024-12-10, the day of resumption (Tuesday).
      await run(t, clerk(), view.id, 'suspend', {
        suspendedOn: '2024-11-29',
        ground: 'awaiting_other_case',
      });
      const resumed = await run(t, clerk(), view.id, 'resume', { resumedOn: '2024-12-10' });
      expect(deadlineOf(resumed, 'decision')).toMatchObject({ dueOn: '2024-12-10' });
    });
  });
});

describe('correction and mail (clock moves through October 2024)', () => {
  let t: TestApp;
  let tenant: Tenant;
  const clerk = () => tenant.clerk.token;

  beforeAll(async () => {
    t = await createTestApp({}, '2024-10-08T10:00:00+08:00');
    tenant = await createTenant(t, await loginAdmin(t));
  });
  afterAll(() => t.close());

  const correctionRequested = async () => {
    const created = await createCase(t, clerk());
    return run(t, clerk(), created.id, 'request-correction', {
      noticeOn: '2024-09-30',
      items: ['身份证明复印件'],
    });
  };

  it('gives no correction period before the notice is served: the worklist asks for the service', async () => {
    t.clock.set('2024-10-08T10:00:00+08:00');
    const view = await correctionRequested();
    expect(deadlineOf(view, 'correction_reply')).toMatchObject({
      dueOn: null,
      status: 'open',
      awaitingAction: 'record-correction-notice-served',
    });
    const worklist = await request(t.http)
      .get('/api/v1/deadlines?kind=correction_reply&limit=200')
      .auth(clerk(), { type: 'bearer' })
      .expect(200);
    expect(worklist.body.items).toContainEqual(
      expect.objectContaining({
        caseId: view.id,
        awaitingAction: 'record-correction-notice-served',
      }),
    );
    // Weeks later the sweep abandons nothing: no period has run.
    t.clock.set('2024-12-02T10:00:00+08:00');
    const admin = await loginAdmin(t);
    const swept = await request(t.http)
      .post('/api/v1/workflow/sweep')
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(swept.body.deemedAbandoned).not.toContain(view.id);
    t.clock.set('2024-10-08T10:00:00+08:00');
  });

  it('runs 10 working days from the service and extends them for a justified reason', async () => {
    const view = await correctionRequested();
    const served = await run(t, clerk(), view.id, 'record-correction-notice-served', {
      servedOn: '2024-10-08',
    });
    // 10-09, 10, 11, Sat 12 (working), 14, 15, 16, 17, 18, 21: due 2024-10-21.
    expect(deadlineOf(served, 'correction_reply')).toMatchObject({ dueOn: '2024-10-21' });
    const extended = await run(t, clerk(), view.id, 'extend-correction-period', {
      approvedOn: '2024-10-08',
      days: 5,
      reason: '申请人在外地，需时取得证明',
    });
    // Five more working days: 10-22, 23, 24, 25, 28.
    expect(deadlineOf(extended, 'correction_reply')).toMatchObject({ dueOn: '2024-10-28' });
    expect(extended.correction).toMatchObject({
      extensions: [expect.objectContaining({ days: 5, approvedOn: '2024-10-08' })],
    });
  });

  it('reinstates a case deemed abandoned when the post brings materials posted in time', async () => {
    t.clock.set('2024-10-08T10:00:00+08:00');
    const inTime = await correctionRequested();
    const latePost = await correctionRequested();
    for (const id of [inTime.id, latePost.id]) {
      await run(t, clerk(), id, 'record-correction-notice-served', { servedOn: '2024-10-08' });
    }
    t.clock.set('2024-10-23T10:00:00+08:00');
    const admin = await loginAdmin(t);
    const swept = await request(t.http)
      .post('/api/v1/workflow/sweep')
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(swept.body.deemedAbandoned).toEqual(expect.arrayContaining([inTime.id, latePost.id]));

    t.clock.set('2024-10-24T10:00:00+08:00');
    const reinstated = await run(t, clerk(), inTime.id, 'receive-correction', {
      receivedOn: '2024-10-24',
      postmarkedOn: '2024-10-21',
    });
    expect(reinstated.status).toBe('received');
    const events = await request(t.http)
      .get(`/api/v1/reconsideration-cases/${inTime.id}/events`)
      .auth(clerk(), { type: 'bearer' })
      .expect(200);
    expect(events.body.items.map((event: { type: string }) => event.type)).toEqual(
      expect.arrayContaining(['deemed_abandoned', 'reinstated_after_mail']),
    );
    const refused = await command(t, clerk(), latePost.id, 'receive-correction', {
      receivedOn: '2024-10-24',
      postmarkedOn: '2024-10-22',
    }).expect(422);
    expect(refused.body).toMatchObject({ basis: expect.stringContaining('第三十一条第二款') });
  });

  it('takes the postmark of a reply: posted on its last day is in time (no 第七十条 consequence)', async () => {
    t.clock.set('2024-11-05T10:00:00+08:00');
    const created = await createCase(t, clerk());
    await run(t, clerk(), created.id, 'accept', { acceptedOn: '2024-09-30' });
    const copied = await run(t, clerk(), created.id, 'send-copy', {
      sentOn: '2024-10-08',
      respondentReceivedOn: '2024-10-09',
    });
    // 10 working days from 10-09: 10, 11, Sat 12, 14, 15, 16, 17, 18, 21, 22 → 2024-10-22.
    expect(deadlineOf(copied, 'respondent_reply')).toMatchObject({ dueOn: '2024-10-22' });
    const replied = await run(t, clerk(), created.id, 'record-reply', {
      receivedOn: '2024-10-25',
      postmarkedOn: '2024-10-22',
    });
    expect(deadlineOf(replied, 'respondent_reply')).toMatchObject({ status: 'met' });
    expect(replied.replyPostmarkedOn).toBe('2024-10-22');

    const other = await createCase(t, clerk());
    await run(t, clerk(), other.id, 'accept', { acceptedOn: '2024-09-30' });
    await run(t, clerk(), other.id, 'send-copy', {
      sentOn: '2024-10-08',
      respondentReceivedOn: '2024-10-09',
    });
    const late = await run(t, clerk(), other.id, 'record-reply', {
      receivedOn: '2024-10-25',
      postmarkedOn: '2024-10-23',
    });
    expect(deadlineOf(late, 'respondent_reply')).toMatchObject({ status: 'overdue' });
  });
});

describe('years not published yet (clock: 2026-11-25)', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await createTestApp({}, '2026-11-25T10:00:00+08:00');
    tenant = await createTenant(t, await loginAdmin(t));
  });
  afterAll(() => t.close());

  it('gives a provisional date from the statutory holidays, flagged with the missing year', async () => {
    const created = await createCase(t, tenant.clerk.token, {
      knownOn: '2026-11-02',
      receivedOn: '2026-11-20',
      contestedAct: { ...act, actOn: '2026-10-30' },
    });
    const view = await run(t, tenant.clerk.token, created.id, 'accept', {
      acceptedOn: '2026-11-20',
    });
    // 2026-11-20 + 60 days = Tuesday 2027-01-19: no statutory holiday, a provisional date.
    expect(deadlineOf(view, 'decision')).toMatchObject({
      dueOn: '2027-01-19',
      provisional: true,
      pendingYear: 2027,
    });
    expect(view.decisionDueOn).toBe('2027-01-19');
  });

  it('answers the due-date calculator for such a year with 422 and the provisional date', async () => {
    const response = await request(t.http)
      .get('/api/v1/calendar/due-date?from=2026-12-20&length=60&unit=days')
      .auth(tenant.clerk.token, { type: 'bearer' })
      .expect(422);
    // 2026-12-20 + 60 days = Thursday 2027-02-18, inside the provisional Spring Festival rest
    // (除夕 02-05, 初一..初三 02-06..02-08, make-up days 02-09, 02-10): a working day.
    expect(response.body).toMatchObject({
      rule: 'calendar_year_missing',
      provisionalDueOn: '2027-02-18',
    });
  });
});
