import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { LegalDate } from '../../src/domain/calendar/legal-date.value';
import { CalendarService } from '../../src/modules/calendar/calendar.service';
import { DeadlinePlanService } from '../../src/modules/deadlines/deadline-plan.service';
import { DeadlineRepository } from '../../src/modules/deadlines/deadline.repository';
import { CaseEventRepository } from '../../src/modules/timeline/case-event.repository';
import { createTenant, loginAdmin, type Tenant } from '../factories/identity.factory';
import { createTestApp, type TestApp } from '../setup/test-app';

describe('legal calendar', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await loginAdmin(t);
    tenant = await createTenant(t, adminToken);
  });
  afterAll(() => t.close());

  const dueDate = (query: string, token = tenant.clerk.token) =>
    request(t.http).get(`/api/v1/calendar/due-date?${query}`).auth(token, { type: 'bearer' });

  it('holds every year chinese-days knows, seeded at start', async () => {
    const rows = await t.dataSource.query(
      'SELECT min(year) AS first, max(year) AS last FROM calendar_year',
    );
    expect(rows[0].first).toBeLessThanOrEqual(2004);
    expect(rows[0].last).toBeGreaterThanOrEqual(2026);
    const year = await request(t.http)
      .get('/api/v1/calendar/2025')
      .auth(tenant.viewer.token, { type: 'bearer' })
      .expect(200);
    expect(year.body).toMatchObject({ year: 2025, source: 'chinese-days' });
    expect(year.body.holidays).toEqual(expect.arrayContaining(['2025-10-01', '2025-10-08']));
    expect(year.body.workdays).toEqual(expect.arrayContaining(['2025-09-28', '2025-10-11']));
  });

  it.each([
    // 行政复议法 第八十八条: 5 working days over National Day 2024 (Sunday 09-29 works).
    ['from=2024-09-27&length=5&unit=working_days', '2024-10-10', false],
    // Spring Festival 2024: 02-04 (Sunday) works, 02-10..02-17 rest, 02-18 (Sunday) works.
    ['from=2024-02-08&length=2&unit=working_days', '2024-02-18', false],
    // A calendar period ending on National Day rolls to the first working day.
    ['from=2025-09-01&length=30&unit=days', '2025-10-09', true],
    // Ending on an adjusted working Saturday (2025-10-11): no roll.
    ['from=2025-09-11&length=30&unit=days', '2025-10-11', false],
    // Month end clamps: 2024-01-31 + 1 month = 2024-02-29 (Thursday).
    ['from=2024-01-31&length=1&unit=months', '2024-02-29', false],
  ])('%s → %s', async (query, expected, rolled) => {
    const response = await dueDate(query).expect(200);
    expect(response.body.dueOn).toBe(expected);
    expect(response.body.rolledForward).toBe(rolled);
    expect(response.body.calendarVersion).toEqual(expect.any(Number));
  });

  it('answers a year the calendar does not hold with 422 naming the year', async () => {
    const response = await dueDate('from=2035-03-01&length=5&unit=working_days').expect(422);
    expect(response.body).toMatchObject({ rule: 'calendar_year_missing' });
    expect(response.body.detail).toContain('2035');
    const year = await request(t.http)
      .get('/api/v1/calendar/2035')
      .auth(adminToken, { type: 'bearer' })
      .expect(422);
    expect(year.body.detail).toContain('2035');
  });

  it.each([
    ['from=2024-02-30&length=5&unit=days', 'from'],
    ['from=2024-2-3&length=5&unit=days', 'from'],
    ['from=2024-02-03&length=-1&unit=days', 'length'],
    ['from=2024-02-03&length=999999&unit=days', 'length'],
    ['from=2024-02-03&length=five&unit=days', 'length'],
    ['from=2024-02-03&length=5&unit=weeks', 'unit'],
    ['length=5&unit=days', 'from'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const response = await dueDate(query).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses absurd lengths per unit with 400', async () => {
    const response = await dueDate('from=2024-02-03&length=3000&unit=months').expect(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });

  it('refuses a bad year in the path with 400', async () => {
    await request(t.http)
      .get('/api/v1/calendar/twenty')
      .auth(adminToken, { type: 'bearer' })
      .expect(400);
    await request(t.http)
      .get('/api/v1/calendar/99999')
      .auth(adminToken, { type: 'bearer' })
      .expect(400);
  });

  describe('replacing a year', () => {
    const year2027 = {
      holidays: [
        '2027-01-01',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
        '2027-02-11',
        '2027-02-12',
      ],
      workdays: ['2027-02-14'],
    };

    it('is for admins only', async () => {
      await request(t.http)
        .put('/api/v1/calendar/2027')
        .auth(tenant.head.token, { type: 'bearer' })
        .send(year2027)
        .expect(403);
    });

    it.each([
      [{ holidays: ['2026-10-01'], workdays: [] }, 'holidays[0]'],
      [{ holidays: [], workdays: ['2027-02-15'] }, 'workdays[0]'],
      [{ holidays: ['2027-02-13'], workdays: ['2027-02-13'] }, 'workdays[0]'],
      [{ holidays: ['2027-02-30'], workdays: [] }, 'holidays'],
      [{ holidays: [], workdays: [], extra: 1 }, 'extra'],
      [{ holidays: 'none', workdays: [] }, 'holidays'],
    ])('refuses bad data %j with 400 naming %s and changes nothing', async (body, field) => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM calendar_year');
      const response = await request(t.http)
        .put('/api/v1/calendar/2027')
        .auth(adminToken, { type: 'bearer' })
        .send(body)
        .expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      const after = await t.dataSource.query('SELECT count(*)::int AS n FROM calendar_year');
      expect(after).toEqual(before);
    });

    it('recomputes open deadlines that read the year and records the change on each case', async () => {
      const calendars = t.app.get(CalendarService);
      const plans = t.app.get(DeadlinePlanService);
      const deadlines = t.app.get(DeadlineRepository);
      const caseRef = () => ({
        caseType: 'reconsideration' as const,
        caseId: randomUUID(),
        agencyId: tenant.agency.id,
      });
      const pendingCase = caseRef();
      const movedCase = caseRef();
      const untouchedCase = caseRef();
      const decisionFrom = (triggerOn: string) => ({
        open: [
          {
            kind: 'decision' as const,
            triggerOn: triggerOn as LegalDate,
            procedure: 'ordinary' as const,
          },
        ],
        met: [],
        late: [],
        cancelled: [],
        awaiting: [],
      });
      await t.app.get(DataSource).transaction(async (manager) => {
        const calendar = await calendars.current();
        // Accepted 2026-11-20: 60 days end in 2027, whose arrangement is not published yet.
        await plans.apply(manager, pendingCase, decisionFrom('2026-11-20'), calendar);
        // 2025-09-01 + 60 days = 2025-10-31, a Friday.
        await plans.apply(manager, movedCase, decisionFrom('2025-09-01'), calendar);
        await plans.apply(manager, untouchedCase, decisionFrom('2024-03-01'), calendar);
      });
      const pendingBefore = await deadlines.listForCase(pendingCase.caseId, '2026-11-26');
      // A provisional date from the statutory holidays (DESIGN rule 6): 2026-11-20 + 60 days =
      // 2027-01-19, a Tuesday, no statutory holiday.
      expect(pendingBefore[0]).toMatchObject({ dueOn: '2027-01-19', pendingYear: 2027 });
      expect(pendingBefore[0].record).toMatchObject({
        provisional: true,
        provisionalYears: [2027],
      });

      const replaced = await request(t.http)
        .put('/api/v1/calendar/2027')
        .auth(adminToken, { type: 'bearer' })
        .send(year2027)
        .expect(200);
      expect(replaced.body).toMatchObject({ year: 2027, source: 'admin', recomputedDeadlines: 1 });
      const pendingAfter = await deadlines.listForCase(pendingCase.caseId, '2026-11-26');
      // 2026-11-20 + 60 days = 2027-01-19, a Tuesday.
      expect(pendingAfter[0]).toMatchObject({ dueOn: '2027-01-19', pendingYear: null });
      expect(pendingAfter[0].record).toMatchObject({ provisional: false });
      expect(pendingAfter[0].calendarVersion).toBe(replaced.body.version);

      // Declare 2025-10-31 a holiday: the moved case's decision deadline rolls to Monday 11-03.
      const year2025 = (
        await request(t.http).get('/api/v1/calendar/2025').auth(adminToken, { type: 'bearer' })
      ).body;
      await request(t.http)
        .put('/api/v1/calendar/2025')
        .auth(adminToken, { type: 'bearer' })
        .send({ holidays: [...year2025.holidays, '2025-10-31'], workdays: year2025.workdays })
        .expect(200);
      const moved = await deadlines.listForCase(movedCase.caseId, '2025-01-01');
      expect(moved[0]).toMatchObject({ dueOn: '2025-11-03' });
      const events = await t.app.get(CaseEventRepository).listForCase(movedCase.caseId);
      expect(events).toEqual([
        expect.objectContaining({
          type: 'deadline_recomputed',
          actor: expect.objectContaining({ kind: 'user', name: 'admin' }),
          payload: expect.objectContaining({
            kind: 'decision',
            fromDueOn: '2025-10-31',
            toDueOn: '2025-11-03',
          }),
        }),
      ]);
      expect(await t.app.get(CaseEventRepository).listForCase(untouchedCase.caseId)).toEqual([]);

      const due = await dueDate('from=2025-09-01&length=60&unit=days').expect(200);
      expect(due.body).toMatchObject({ dueOn: '2025-11-03', rolledForward: true });
      const audit = await request(t.http)
        .get('/api/v1/audit?targetId=2025')
        .auth(adminToken, { type: 'bearer' })
        .expect(200);
      expect(audit.body.items[0]).toMatchObject({ action: 'calendar.year_replaced' });
    });
  });
});
