import request from 'supertest';
import { createTenant, loginAdmin, type Tenant } from '../factories/identity.factory';
import {
  caseBody,
  command,
  createCase,
  deadlineOf,
  ID_NUMBERS,
  run,
} from '../factories/case.factory';
import { createTestApp, type TestApp } from '../setup/test-app';

describe('reconsideration case lifecycle', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await loginAdmin(t);
    tenant = await createTenant(t, adminToken);
    await request(t.http)
      .patch(`/api/v1/agencies/${tenant.agency.id}`)
      .auth(adminToken, { type: 'bearer' })
      .send({
        receiptNumberTemplate: '乐府复收〔{year}〕{seq}号',
        caseNumberTemplate: '乐府复〔{year}〕{seq}号',
      })
      .expect(200);
  });
  afterAll(() => t.close());

  const clerk = () => tenant.clerk.token;
  const head = () => tenant.head.token;

  describe('intake', () => {
    it('registers an application with a receipt number, events and review deadlines', async () => {
      const view = await createCase(t, clerk());
      expect(view).toMatchObject({
        status: 'received',
        procedure: 'ordinary',
        receivedOn: '2024-09-27',
        caseNumber: null,
      });
      expect(view.receiptNumber).toMatch(/^乐府复收〔2024〕\d+号$/);
      // 行政复议法 第三十条: 5 working days from Fri 2024-09-27 over National Day → 2024-10-10.
      expect(deadlineOf(view, 'acceptance_review')).toMatchObject({ dueOn: '2024-10-10' });
      const events = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${view.id}/events`)
        .auth(clerk(), { type: 'bearer' })
        .expect(200);
      expect(events.body.items).toEqual([
        expect.objectContaining({
          type: 'received',
          occurredOn: '2024-09-27',
          actor: expect.objectContaining({ kind: 'user', id: tenant.clerk.id }),
        }),
      ]);
    });

    it('shows full ID numbers to handlers in one case, masks them for viewers and in lists', async () => {
      const view = await createCase(t, clerk());
      expect((view.applicants as Array<{ idNumber: string }>)[0].idNumber).toBe(ID_NUMBERS.zhang);
      const asViewer = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${view.id}`)
        .auth(tenant.viewer.token, { type: 'bearer' })
        .expect(200);
      expect(asViewer.body.applicants[0].idNumber).toBe('3602**********1230');
      const list = await request(t.http)
        .get('/api/v1/reconsideration-cases?limit=200')
        .auth(clerk(), { type: 'bearer' })
        .expect(200);
      expect(JSON.stringify(list.body)).not.toContain(ID_NUMBERS.zhang);
      expect(JSON.stringify(list.body)).toContain('3602**********1230');
    });

    it('assigns gapless receipt numbers under concurrent intake', async () => {
      const other = await createTenant(t, adminToken);
      const views = await Promise.all(
        Array.from({ length: 6 }, () =>
          createCase(t, other.clerk.token, { receivedOn: '2025-03-03', knownOn: '2025-03-01' }),
        ),
      );
      const numbers = views
        .map((v) => Number(/〔2025〕(\d+)号/.exec(v.receiptNumber)?.[1]))
        .sort((a, b) => a - b);
      expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it.each([
      [{ receivedOn: '2099-01-01' }, 'receivedOn'],
      [{ knownOn: '2024-09-28' }, 'knownOn'],
      [{ postmarkedOn: '2024-09-20' }, 'postmarkedOn'],
      [{ channel: 'mail', postmarkedOn: '2024-09-28' }, 'postmarkedOn'],
      [{ receivedOn: '2024-02-30' }, 'receivedOn'],
      [{ channel: 'pigeon' }, 'channel'],
      [{ applicants: [] }, 'applicants'],
      [
        { applicants: [{ kind: 'person', name: '李四', idNumber: '110105194912310021' }] },
        'applicants[0].idNumber',
      ],
      [{ applicants: [{ kind: 'person', name: '李四', idNumber: 12 }] }, 'applicants[0].idNumber'],
      [
        { contestedAct: { title: 'x', field: 'astrology', actKind: 'other' } },
        'contestedAct.field',
      ],
      [{ procedure: 'express' }, 'procedure'],
      [{ surprise: true }, 'surprise'],
      [{ major: 'yes' }, 'major'],
      [{ respondent: {} }, 'respondent.name'],
    ])('refuses %j with 400 naming %s and writes nothing', async (overrides, field) => {
      const before = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM reconsideration_case',
      );
      const response = await request(t.http)
        .post('/api/v1/reconsideration-cases')
        .auth(clerk(), { type: 'bearer' })
        .send(caseBody(overrides))
        .expect(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      const after = await t.dataSource.query('SELECT count(*)::int AS n FROM reconsideration_case');
      expect(after).toEqual(before);
    });

    it('refuses intake by a viewer (403)', async () => {
      await request(t.http)
        .post('/api/v1/reconsideration-cases')
        .auth(tenant.viewer.token, { type: 'bearer' })
        .send(caseBody())
        .expect(403);
    });
  });

  describe('an ordinary case from intake to archive', () => {
    it('runs the whole life with dates across holidays', async () => {
      const created = await createCase(t, clerk());
      const id = created.id;
      await run(t, clerk(), id, 'assign', { handlerId: tenant.clerk.id });
      const accepted = await run(t, clerk(), id, 'accept', { acceptedOn: '2024-10-08' });
      expect(accepted).toMatchObject({
        status: 'under_review',
        acceptedHow: 'decided',
        acceptedOn: '2024-10-08',
      });
      expect(accepted.caseNumber).toMatch(/^乐府复〔2024〕\d+号$/);
      // 第六十二条: 60 days from 2024-10-08 is Sat 2024-12-07 → Monday 2024-12-09.
      expect(accepted.decisionDueOn).toBe('2024-12-09');
      expect(deadlineOf(accepted, 'acceptance_review')).toMatchObject({ status: 'met' });
      // 第四十八条: the copy goes out within 7 working days of acceptance (Sat 10-12 works).
      expect(deadlineOf(accepted, 'copy_to_respondent')).toMatchObject({ dueOn: '2024-10-16' });

      await run(t, clerk(), id, 'send-copy', {
        sentOn: '2024-10-10',
        respondentReceivedOn: '2024-10-11',
      });
      await run(t, clerk(), id, 'record-reply', { receivedOn: '2024-10-21' });
      await run(t, clerk(), id, 'record-opinion-heard', {
        heardOn: '2024-11-05',
        how: 'in_person',
      });
      const concluded = await run(t, clerk(), id, 'conclude', {
        concludedOn: '2024-11-20',
        outcome: 'revoke',
        decisionNumber: '乐府复决〔2024〕12号',
      });
      expect(concluded).toMatchObject({
        status: 'concluded',
        outcome: 'revoke',
        concludedLate: false,
      });
      expect(deadlineOf(concluded, 'decision')).toMatchObject({ status: 'met' });
      const served = await run(t, clerk(), id, 'serve', { servedOn: '2024-11-22' });
      expect(served.status).toBe('served');
      const archived = await run(t, clerk(), id, 'archive', { archivedOn: '2024-12-02' });
      expect(archived.status).toBe('archived');

      const closure = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${id}/closure`)
        .auth(tenant.viewer.token, { type: 'bearer' })
        .expect(200);
      expect(closure.body).toMatchObject({
        status: 'archived',
        outcome: 'revoke',
        decisionNumber: '乐府复决〔2024〕12号',
        concludedOn: '2024-11-20',
        servedOn: '2024-11-22',
        // 行政诉讼法 第四十五条: 15 days from service on 2024-11-22 end on Sat 2024-12-07, a rest
        // day, so the window runs to Monday 2024-12-09 (民事诉讼法 第八十五条).
        litigationWindowEndsOn: '2024-12-09',
        litigated: false,
        archivedOn: '2024-12-02',
        corrected: true,
      });
      const events = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${id}/events`)
        .auth(clerk(), { type: 'bearer' })
        .expect(200);
      expect(events.body.items.map((e: { type: string }) => e.type)).toEqual([
        'received',
        'assigned',
        'accepted',
        'copy_sent',
        'reply_received',
        'opinion_heard',
        'concluded',
        'served',
        'archived',
      ]);
      const closures = await request(t.http)
        .get('/api/v1/closures?outcome=revoke&archived=true')
        .auth(clerk(), { type: 'bearer' })
        .expect(200);
      expect(closures.body.items.map((c: { caseId: string }) => c.caseId)).toContain(id);
    });
  });

  describe('a simplified case', () => {
    it('has a 30-day decision period, no extension, and switches to ordinary with the head', async () => {
      const created = await createCase(t, clerk(), {
        receivedOn: '2025-01-20',
        knownOn: '2025-01-10',
      });
      const accepted = await run(t, clerk(), created.id, 'accept', {
        acceptedOn: '2025-01-22',
        procedure: 'simplified',
      });
      // 第六十二条第二款: 30 days from 2025-01-22 = 2025-02-21 (Friday, after Spring Festival).
      expect(accepted.decisionDueOn).toBe('2025-02-21');
      // 第五十四条: simplified copy within 3 working days; Sunday 2025-01-26 is a working day.
      expect(deadlineOf(accepted, 'copy_to_respondent')?.dueOn).toBe('2025-01-26');
      const refused = await command(t, head(), created.id, 'extend', {
        approvedOn: '2025-02-10',
        days: 10,
        reason: '案情复杂',
      }).expect(422);
      expect(refused.body.rule).toBe('extension_ordinary_only');
      await command(t, clerk(), created.id, 'switch-procedure', {
        approvedOn: '2025-02-05',
      }).expect(403);
      const switched = await run(t, head(), created.id, 'switch-procedure', {
        approvedOn: '2025-02-05',
      });
      // 第五十五条: recomputed from acceptance under ordinary procedure: 60 days → 2025-03-23 (Sunday) → 03-24.
      expect(switched).toMatchObject({ procedure: 'ordinary', decisionDueOn: '2025-03-24' });
    });
  });

  describe('enforcement', () => {
    it('refuses an illegal transition with 409 listing the allowed commands', async () => {
      const created = await createCase(t, clerk());
      const response = await command(t, clerk(), created.id, 'serve', {
        servedOn: '2024-10-01',
      }).expect(409);
      expect(response.body.allowedCommands).toEqual(
        expect.arrayContaining(['accept', 'reject', 'request-correction']),
      );
      expect(response.body.allowedCommands).not.toContain('serve');
    });

    it('applies the extension rules: head only, at most 30 days, only once', async () => {
      const created = await createCase(t, clerk());
      await run(t, clerk(), created.id, 'accept', { acceptedOn: '2024-10-08' });
      await command(t, clerk(), created.id, 'extend', {
        approvedOn: '2024-11-20',
        days: 30,
        reason: '复杂',
      }).expect(403);
      const tooLong = await command(t, head(), created.id, 'extend', {
        approvedOn: '2024-11-20',
        days: 31,
        reason: '复杂',
      }).expect(422);
      expect(tooLong.body).toMatchObject({
        rule: 'extension_too_long',
        basis: expect.stringContaining('第六十二条'),
      });
      const extended = await run(t, head(), created.id, 'extend', {
        approvedOn: '2024-11-20',
        days: 30,
        reason: '案情复杂',
      });
      // 2024-12-07 + 30 days = 2025-01-06 (Monday).
      expect(extended.decisionDueOn).toBe('2025-01-06');
      const again = await command(t, head(), created.id, 'extend', {
        approvedOn: '2024-11-25',
        days: 5,
        reason: '再延',
      }).expect(422);
      expect(again.body.rule).toBe('extension_once_only');
    });

    it('refuses an extension after the decision deadline passed', async () => {
      const created = await createCase(t, clerk());
      await run(t, clerk(), created.id, 'accept', { acceptedOn: '2024-10-08' });
      const late = await command(t, head(), created.id, 'extend', {
        approvedOn: '2024-12-10',
        days: 10,
        reason: '迟',
      }).expect(422);
      expect(late.body.rule).toBe('extension_after_deadline');
    });

    it('moves the decision deadline by the suspended days', async () => {
      const created = await createCase(t, clerk());
      await run(t, clerk(), created.id, 'accept', { acceptedOn: '2024-10-08' });
      const suspended = await run(t, clerk(), created.id, 'suspend', {
        suspendedOn: '2024-10-15',
        ground: 'force_majeure',
      });
      expect(suspended.status).toBe('suspended');
      expect(deadlineOf(suspended, 'decision')).toMatchObject({ status: 'paused', dueOn: null });
      const resumed = await run(t, clerk(), created.id, 'resume', { resumedOn: '2024-10-25' });
      // 10 suspended days: 2024-12-07 + 10 = 2024-12-17 (Tuesday).
      expect(resumed).toMatchObject({ status: 'under_review', decisionDueOn: '2024-12-17' });
    });

    it('gates conclusion on opinions heard (第四十九条) and a hearing for major cases (第五十条)', async () => {
      const ordinary = await createCase(t, clerk());
      await run(t, clerk(), ordinary.id, 'accept', { acceptedOn: '2024-10-08' });
      const unheard = await command(t, clerk(), ordinary.id, 'conclude', {
        concludedOn: '2024-11-01',
        outcome: 'uphold',
      }).expect(422);
      expect(unheard.body).toMatchObject({
        rule: 'opinions_not_heard',
        basis: expect.stringContaining('第四十九条'),
      });
      await run(t, clerk(), ordinary.id, 'record-written-review', {
        reason: '申请人下落不明，无法听取意见',
      });
      await run(t, clerk(), ordinary.id, 'conclude', {
        concludedOn: '2024-11-01',
        outcome: 'uphold',
      });

      const major = await createCase(t, clerk(), { major: true });
      await run(t, clerk(), major.id, 'accept', { acceptedOn: '2024-10-08' });
      await run(t, clerk(), major.id, 'record-opinion-heard', {
        heardOn: '2024-10-20',
        how: 'phone',
      });
      const noHearing = await command(t, clerk(), major.id, 'conclude', {
        concludedOn: '2024-11-01',
        outcome: 'revoke',
      }).expect(422);
      expect(noHearing.body).toMatchObject({
        rule: 'hearing_required',
        basis: expect.stringContaining('第五十条'),
      });
    });

    it('needs a reason from 第四十一条 to terminate, and a late reason after the deadline', async () => {
      const created = await createCase(t, clerk());
      await run(t, clerk(), created.id, 'accept', { acceptedOn: '2024-10-08' });
      const noReason = await command(t, clerk(), created.id, 'conclude', {
        concludedOn: '2024-11-01',
        outcome: 'terminated',
      }).expect(422);
      expect(noReason.body.rule).toBe('termination_reason_required');
      await command(t, clerk(), created.id, 'conclude', {
        concludedOn: '2024-11-01',
        outcome: 'terminated',
        terminationReason: 'bored',
      }).expect(400);
      await run(t, clerk(), created.id, 'record-opinion-heard', {
        heardOn: '2024-10-20',
        how: 'online',
      });
      const late = await command(t, clerk(), created.id, 'conclude', {
        concludedOn: '2024-12-20',
        outcome: 'uphold',
      }).expect(422);
      expect(late.body.rule).toBe('late_reason_required');
      const concluded = await run(t, clerk(), created.id, 'conclude', {
        concludedOn: '2024-12-20',
        outcome: 'uphold',
        lateReason: '鉴定耗时',
      });
      expect(concluded).toMatchObject({ concludedLate: true, lateReason: '鉴定耗时' });
    });

    it('refuses dates out of order and in the future with 422', async () => {
      const created = await createCase(t, clerk());
      const early = await command(t, clerk(), created.id, 'accept', {
        acceptedOn: '2024-09-20',
      }).expect(422);
      expect(early.body.rule).toBe('dates_out_of_order');
      const future = await command(t, clerk(), created.id, 'accept', {
        acceptedOn: '2099-01-04',
      }).expect(422);
      expect(future.body.rule).toBe('date_in_future');
    });

    it('refuses a late application without an obstacle, accepts it with one, and never beyond the caps', async () => {
      const late = await createCase(t, clerk(), {
        knownOn: '2024-01-02',
        receivedOn: '2024-06-03',
        contestedAct: {
          title: '决定',
          actOn: '2023-12-28',
          field: 'transport',
          actKind: 'administrative_penalty',
        },
      });
      const refused = await command(t, clerk(), late.id, 'accept', {
        acceptedOn: '2024-06-04',
      }).expect(422);
      expect(refused.body).toMatchObject({
        rule: 'application_late',
        basis: expect.stringContaining('第二十条'),
      });

      const excused = await createCase(t, clerk(), {
        knownOn: '2024-01-02',
        receivedOn: '2024-06-03',
        contestedAct: {
          title: '决定',
          actOn: '2023-12-28',
          field: 'transport',
          actKind: 'administrative_penalty',
        },
        // 第二十条第二款: 7 days ran before the obstacle (01-03..01-09); 53 continue from 05-11.
        limitationObstacle: {
          startedOn: '2024-01-10',
          endedOn: '2024-05-10',
          reason: '申请人住院治疗',
        },
      });
      await run(t, clerk(), excused.id, 'accept', { acceptedOn: '2024-06-04' });

      const ancient = await createCase(t, clerk(), {
        knownOn: '2024-05-01',
        receivedOn: '2024-06-03',
        contestedAct: {
          title: '决定',
          actOn: '2018-01-05',
          field: 'transport',
          actKind: 'administrative_penalty',
        },
      });
      const capped = await command(t, clerk(), ancient.id, 'accept', {
        acceptedOn: '2024-06-04',
      }).expect(422);
      expect(capped.body).toMatchObject({
        rule: 'application_beyond_outer_limit',
        basis: expect.stringContaining('第二十一条'),
      });
    });

    it('counts the postmark date for a mailed application', async () => {
      // 60 days from 2024-07-01 is 2024-08-30; posted that day, received a week later.
      const mailed = await createCase(t, clerk(), {
        knownOn: '2024-07-01',
        channel: 'mail',
        postmarkedOn: '2024-08-30',
        receivedOn: '2024-09-06',
        contestedAct: {
          title: '决定',
          actOn: '2024-06-28',
          field: 'transport',
          actKind: 'administrative_penalty',
        },
      });
      await run(t, clerk(), mailed.id, 'accept', { acceptedOn: '2024-09-09' });
    });

    it('handles correction: once, within 5 working days, and restarts the review', async () => {
      const created = await createCase(t, clerk());
      const tooLate = await command(t, clerk(), created.id, 'request-correction', {
        noticeOn: '2024-10-11',
        items: ['身份证明'],
      }).expect(422);
      expect(tooLate.body).toMatchObject({
        rule: 'correction_notice_period_passed',
        basis: expect.stringContaining('第三十一条'),
      });
      const requested = await run(t, clerk(), created.id, 'request-correction', {
        noticeOn: '2024-10-09',
        items: ['身份证明', '处罚决定书复印件'],
      });
      expect(requested.status).toBe('correction_requested');
      await run(t, clerk(), created.id, 'record-correction-notice-served', {
        servedOn: '2024-10-10',
      });
      const received = await run(t, clerk(), created.id, 'receive-correction', {
        receivedOn: '2024-10-18',
      });
      expect(received.status).toBe('received');
      // Review restarts from 2024-10-18 (Friday): 5 working days → 2024-10-25.
      expect(deadlineOf(received, 'acceptance_review')).toMatchObject({
        dueOn: '2024-10-25',
        startOn: '2024-10-18',
      });
      const again = await command(t, clerk(), created.id, 'request-correction', {
        noticeOn: '2024-10-21',
        items: ['更多'],
      }).expect(422);
      expect(again.body.rule).toBe('correction_once_only');
    });

    it('lets only a head reopen a conclusion, with a reason, keeping the history', async () => {
      const created = await createCase(t, clerk());
      await run(t, clerk(), created.id, 'accept', { acceptedOn: '2024-10-08' });
      await run(t, clerk(), created.id, 'record-opinion-heard', {
        heardOn: '2024-10-20',
        how: 'online',
      });
      await run(t, clerk(), created.id, 'conclude', {
        concludedOn: '2024-11-01',
        outcome: 'uphold',
      });
      await command(t, clerk(), created.id, 'reopen', { reason: '误录' }).expect(403);
      await command(t, head(), created.id, 'reopen', {}).expect(400);
      const reopened = await run(t, head(), created.id, 'reopen', { reason: '结论误录' });
      expect(reopened).toMatchObject({ status: 'under_review', outcome: null, concludedOn: null });
      const audit = await request(t.http)
        .get(`/api/v1/audit?targetId=${created.id}`)
        .auth(head(), { type: 'bearer' })
        .expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toContain(
        'reconsideration_case.reopened',
      );
    });

    it.each([
      ['accept', {}, 'acceptedOn'],
      ['accept', { acceptedOn: '2024-13-01' }, 'acceptedOn'],
      ['accept', { acceptedOn: '2024-10-08', hack: 1 }, 'hack'],
      ['extend', { approvedOn: '2024-10-08', days: 'ten', reason: 'x' }, 'days'],
      ['suspend', { suspendedOn: '2024-10-10', ground: 'boredom' }, 'ground'],
      ['assign', { handlerId: 'me' }, 'handlerId'],
      ['request-correction', { noticeOn: '2024-10-01', items: [] }, 'items'],
      ['record-opinion-heard', { heardOn: '2024-10-01', how: 'telepathy' }, 'how'],
    ])('refuses %s %j with 400 naming %s', async (name, body, field) => {
      const created = await createCase(t, clerk());
      const token = name === 'extend' ? head() : clerk();
      const response = await command(t, token, created.id, name, body).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  describe('concurrency', () => {
    it('lets exactly one of ten parallel conclusions win; the others get 409', async () => {
      const created = await createCase(t, clerk());
      await run(t, clerk(), created.id, 'accept', { acceptedOn: '2024-10-08' });
      await run(t, clerk(), created.id, 'record-opinion-heard', {
        heardOn: '2024-10-20',
        how: 'online',
      });
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          command(t, clerk(), created.id, 'conclude', {
            concludedOn: '2024-11-01',
            outcome: i % 2 ? 'uphold' : 'revoke',
          }),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND type = 'concluded'`,
        [created.id],
      );
      expect(n).toBe(1);
    });
  });

  describe('versions', () => {
    it('answers ETag on a case and 412 on a stale If-Match', async () => {
      const created = await createCase(t, clerk());
      const current = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${created.id}`)
        .auth(clerk(), { type: 'bearer' })
        .expect(200);
      expect(current.headers.etag).toBe(`"${current.body.version}"`);
      await request(t.http)
        .patch(`/api/v1/reconsideration-cases/${created.id}`)
        .auth(clerk(), { type: 'bearer' })
        .set('If-Match', current.headers.etag)
        .send({ requests: '请求撤销并赔偿' })
        .expect(200);
      await request(t.http)
        .patch(`/api/v1/reconsideration-cases/${created.id}`)
        .auth(clerk(), { type: 'bearer' })
        .set('If-Match', current.headers.etag)
        .send({ requests: '过期的修改' })
        .expect(412);
      await request(t.http)
        .post(`/api/v1/reconsideration-cases/${created.id}/accept`)
        .auth(clerk(), { type: 'bearer' })
        .set('If-Match', current.headers.etag)
        .send({ acceptedOn: '2024-10-08' })
        .expect(412);
    });
  });
});
