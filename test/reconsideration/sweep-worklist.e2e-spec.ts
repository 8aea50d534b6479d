import request from 'supertest';
import { createTenant, loginAdmin, type Tenant } from '../factories/identity.factory';
import { caseBody, command, createCase, deadlineOf, run } from '../factories/case.factory';
import { createTestApp, type TestApp } from '../setup/test-app';

describe('sweep, worklist, search and tenant isolation', () => {
  let t: TestApp;
  let adminToken: string;
  let mine: Tenant;
  let theirs: Tenant;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await loginAdmin(t);
    [mine, theirs] = await Promise.all([createTenant(t, adminToken), createTenant(t, adminToken)]);
  });
  afterAll(() => t.close());

  const sweep = () =>
    request(t.http).post('/api/v1/workflow/sweep').auth(adminToken, { type: 'bearer' });

  describe('the sweep', () => {
    it('deems an application accepted on the last day of review, as the system', async () => {
      const created = await createCase(t, mine.clerk.token);
      const result = await sweep().expect(200);
      expect(result.body.ran).toBe(true);
      expect(result.body.deemedAccepted).toContain(created.id);
      const view = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${created.id}`)
        .auth(mine.clerk.token, { type: 'bearer' })
        .expect(200);
      // 第三十条: review ended 2024-10-10 with no rejection: deemed accepted that day.
      expect(view.body).toMatchObject({
        status: 'under_review',
        acceptedOn: '2024-10-10',
        acceptedHow: 'deemed',
      });
      expect(view.body.caseNumber).toEqual(expect.any(String));
      const events = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${created.id}/events`)
        .auth(mine.clerk.token, { type: 'bearer' });
      expect(events.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'deemed_accepted',
            actor: expect.objectContaining({ kind: 'system' }),
          }),
        ]),
      );
      const outbox = await t.dataSource.query(
        `SELECT topic FROM outbox_message WHERE payload->>'caseId' = $1`,
        [created.id],
      );
      expect(outbox.map((row: { topic: string }) => row.topic)).toContain(
        'reconsideration_case.deemed_accepted',
      );
    });

    it('deems an application abandoned when the correction period passes', async () => {
      const created = await createCase(t, mine.clerk.token);
      await run(t, mine.clerk.token, created.id, 'request-correction', {
        noticeOn: '2024-10-08',
        items: ['身份证明'],
      });
      await run(t, mine.clerk.token, created.id, 'record-correction-notice-served', {
        servedOn: '2024-10-09',
      });
      const result = await sweep().expect(200);
      expect(result.body.deemedAbandoned).toContain(created.id);
      const view = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${created.id}`)
        .auth(mine.clerk.token, { type: 'bearer' });
      expect(view.body.status).toBe('abandoned');
    });

    it('marks passed deadlines overdue once, and is idempotent', async () => {
      const created = await createCase(t, mine.clerk.token);
      await run(t, mine.clerk.token, created.id, 'accept', { acceptedOn: '2024-10-08' });
      const first = await sweep().expect(200);
      expect(first.body.markedOverdue).toBeGreaterThan(0);
      const view = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${created.id}/deadlines`)
        .auth(mine.clerk.token, { type: 'bearer' });
      expect(view.body.find((d: { kind: string }) => d.kind === 'decision').status).toBe('overdue');
      const second = await sweep().expect(200);
      expect(second.body).toMatchObject({
        markedOverdue: 0,
        deemedAccepted: [],
        deemedAbandoned: [],
      });
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND type = 'deadline_overdue' AND payload->>'kind' = 'decision'`,
        [created.id],
      );
      expect(n).toBe(1);
    });

    it('is for admins only', async () => {
      await request(t.http)
        .post('/api/v1/workflow/sweep')
        .auth(mine.head.token, { type: 'bearer' })
        .expect(403);
    });
  });

  describe('the worklist', () => {
    it('lists open deadlines soonest first with keyset pages, filtered by kind and handler', async () => {
      const a = await createCase(t, mine.clerk.token, {
        receivedOn: '2025-03-03',
        knownOn: '2025-03-01',
      });
      const b = await createCase(t, mine.clerk.token, {
        receivedOn: '2025-02-03',
        knownOn: '2025-02-01',
      });
      await run(t, mine.clerk.token, a.id, 'assign', { handlerId: mine.clerk.id });
      const all: Array<{ dueOn: string; caseId: string }> = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await request(t.http)
          .get(`/api/v1/deadlines?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .auth(mine.viewer.token, { type: 'bearer' })
          .expect(200);
        all.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      const dues = all.map((item) => item.dueOn);
      expect(dues).toEqual([...dues].sort());
      expect(all.map((item) => item.caseId)).toEqual(expect.arrayContaining([a.id, b.id]));
      const mineOnly = await request(t.http)
        .get(`/api/v1/deadlines?handlerId=${mine.clerk.id}&kind=acceptance_review`)
        .auth(mine.clerk.token, { type: 'bearer' })
        .expect(200);
      expect(mineOnly.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([a.id]);
      const overdue = await request(t.http)
        .get('/api/v1/deadlines?status=overdue')
        .auth(mine.clerk.token, { type: 'bearer' })
        .expect(200);
      for (const item of overdue.body.items) expect(item.status).toBe('overdue');
    });

    it('refuses bad filters with 400', async () => {
      for (const query of [
        'status=late',
        'dueBefore=tomorrow',
        'kind=nap',
        'cursor=%%%',
        'handlerId=1',
      ]) {
        await request(t.http)
          .get(`/api/v1/deadlines?${query}`)
          .auth(mine.clerk.token, { type: 'bearer' })
          .expect(400);
      }
    });
  });

  describe('search', () => {
    it('finds cases by a Chinese substring of an applicant, respondent or number', async () => {
      const created = await createCase(t, mine.clerk.token, {
        applicants: [{ kind: 'organization', name: '景德镇瓷都贸易有限公司' }],
        respondent: { name: '乐平市市场监督管理局' },
      });
      for (const q of ['瓷都贸易', '市场监督', created.receiptNumber]) {
        const found = await request(t.http)
          .get(`/api/v1/reconsideration-cases?q=${encodeURIComponent(q)}`)
          .auth(mine.clerk.token, { type: 'bearer' })
          .expect(200);
        expect(found.body.items.map((item: { id: string }) => item.id)).toContain(created.id);
      }
      const none = await request(t.http)
        .get(`/api/v1/reconsideration-cases?q=${encodeURIComponent('不存在的名字')}`)
        .auth(mine.clerk.token, { type: 'bearer' })
        .expect(200);
      expect(none.body.items).toEqual([]);
    });

    it('finds a case by the case number assigned on acceptance', async () => {
      const created = await createCase(t, mine.clerk.token);
      const accepted = await run(t, mine.clerk.token, created.id, 'accept', {
        acceptedOn: '2024-10-08',
      });
      const found = await request(t.http)
        .get(`/api/v1/reconsideration-cases?q=${encodeURIComponent(accepted.caseNumber as string)}`)
        .auth(mine.clerk.token, { type: 'bearer' })
        .expect(200);
      expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([created.id]);
    });

    it('filters by status and receipt dates and pages with a cursor', async () => {
      const response = await request(t.http)
        .get('/api/v1/reconsideration-cases?status=received&receivedFrom=2025-01-01&limit=1')
        .auth(mine.clerk.token, { type: 'bearer' })
        .expect(200);
      expect(response.body.items).toHaveLength(1);
      expect(response.body.items[0].receivedOn >= '2025-01-01').toBe(true);
      const next = await request(t.http)
        .get(
          `/api/v1/reconsideration-cases?status=received&receivedFrom=2025-01-01&limit=1&cursor=${response.body.nextCursor}`,
        )
        .auth(mine.clerk.token, { type: 'bearer' })
        .expect(200);
      expect(next.body.items[0].id).not.toBe(response.body.items[0].id);
    });
  });

  describe('tenant isolation', () => {
    it('hides another agency’s case from reads, lists, commands and patches', async () => {
      const theirCase = await createCase(t, theirs.clerk.token);
      const token = mine.head.token;
      for (const path of ['', '/deadlines', '/events', '/closure']) {
        await request(t.http)
          .get(`/api/v1/reconsideration-cases/${theirCase.id}${path}`)
          .auth(token, { type: 'bearer' })
          .expect(404);
      }
      await command(t, token, theirCase.id, 'accept', { acceptedOn: '2024-10-08' }).expect(404);
      await command(t, token, theirCase.id, 'extend', {
        approvedOn: '2024-10-08',
        days: 5,
        reason: 'x',
      }).expect(404);
      await request(t.http)
        .patch(`/api/v1/reconsideration-cases/${theirCase.id}`)
        .auth(token, { type: 'bearer' })
        .send({ requests: '篡改' })
        .expect(404);
      const list = await request(t.http)
        .get('/api/v1/reconsideration-cases?limit=200')
        .auth(token, { type: 'bearer' })
        .expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(theirCase.id);
      const worklist = await request(t.http)
        .get('/api/v1/deadlines?limit=200')
        .auth(token, { type: 'bearer' })
        .expect(200);
      expect(worklist.body.items.map((item: { caseId: string }) => item.caseId)).not.toContain(
        theirCase.id,
      );
      const unchanged = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${theirCase.id}`)
        .auth(theirs.clerk.token, { type: 'bearer' })
        .expect(200);
      expect(unchanged.body.status).toBe(theirCase.status);
      expect(deadlineOf(unchanged.body, 'acceptance_review')).toBeDefined();
    });

    it('lets an admin read an agency’s cases and worklist by naming the agency', async () => {
      const theirCase = await createCase(t, theirs.clerk.token);
      const cases = await request(t.http)
        .get(`/api/v1/reconsideration-cases?agencyId=${theirs.agency.id}&limit=200`)
        .auth(adminToken, { type: 'bearer' })
        .expect(200);
      expect(cases.body.items.map((item: { id: string }) => item.id)).toContain(theirCase.id);
      const worklist = await request(t.http)
        .get(`/api/v1/deadlines?agencyId=${theirs.agency.id}&limit=200`)
        .auth(adminToken, { type: 'bearer' })
        .expect(200);
      expect(worklist.body.items.map((item: { caseId: string }) => item.caseId)).toContain(
        theirCase.id,
      );
      // A head naming another agency still sees only their own.
      const head = await request(t.http)
        .get(`/api/v1/reconsideration-cases?agencyId=${theirs.agency.id}&limit=200`)
        .auth(mine.head.token, { type: 'bearer' })
        .expect(200);
      expect(head.body.items.map((item: { id: string }) => item.id)).not.toContain(theirCase.id);
    });

    it('refuses a handler or respondent from another agency (404)', async () => {
      const created = await createCase(t, mine.clerk.token);
      await command(t, mine.clerk.token, created.id, 'assign', {
        handlerId: theirs.clerk.id,
      }).expect(404);
      const foreign = await request(t.http)
        .post('/api/v1/agencies')
        .auth(theirs.head.token, { type: 'bearer' })
        .send({ name: '外市公安局', code: 'PSBFOREIGN', kind: 'administrative_agency' })
        .expect(201);
      await request(t.http)
        .post('/api/v1/reconsideration-cases')
        .auth(mine.clerk.token, { type: 'bearer' })
        .send(caseBody({ respondent: { agencyId: foreign.body.id } }))
        .expect(404);
    });
  });
});
