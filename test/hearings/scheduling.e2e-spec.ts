import request from 'supertest';
import { createUser, createTenant, loginAdmin, type Tenant } from '../factories/identity.factory';
import { caseBody, command } from '../factories/case.factory';
import { addWorkingDays } from '../../src/domain/calendar/add-working-days.period';
import { CalendarService } from '../../src/modules/calendar/calendar.service';
import { createTestApp, type TestApp } from '../setup/test-app';
import {
  caseUnderReview,
  hearingBody,
  hearingCommand,
  newPanel,
  people,
  room,
  schedule,
  scheduleRequest,
  type HearingView,
  type Panel,
} from './hearing-helpers';

describe('scheduling hearings', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await loginAdmin(t);
    tenant = await createTenant(t, adminToken);
    caseId = (await caseUnderReview(t, tenant.clerk.token)).id;
  });
  afterAll(() => t.close());

  const clerk = () => tenant.clerk.token;
  const panel = () => newPanel(t, adminToken, tenant.agency.id);

  it('schedules a hearing on a case under review: 201, ETag, Location, Beijing time, the panel', async () => {
    const seats = await panel();
    const body = hearingBody(seats, { startsAt: '2024-10-21T01:00:00Z' });
    const response = await scheduleRequest(t, clerk(), caseId, body).expect(201);
    const view = response.body as HearingView;
    expect(view).toMatchObject({
      caseId,
      kind: 'hearing',
      status: 'scheduled',
      startsAt: '2024-10-21T09:00:00+08:00',
      endsAt: '2024-10-21T11:00:00+08:00',
      durationMinutes: 120,
      hearingOn: '2024-10-21',
      location: body.location,
      noticeOn: '2024-10-10',
      presidingOfficerId: seats.presiding.id,
      panelMemberIds: seats.members.map((m) => m.id),
      recorderId: seats.recorder.id,
      matters: body.matters,
      cancellation: null,
      record: null,
      version: 1,
    });
    expect(view.participants).toEqual([
      expect.objectContaining({ userId: seats.presiding.id, role: 'presiding_officer' }),
      expect.objectContaining({ userId: seats.members[0].id, role: 'panel_member' }),
      expect.objectContaining({ userId: seats.members[1].id, role: 'panel_member' }),
      expect.objectContaining({ userId: seats.recorder.id, role: 'recorder' }),
    ]);
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/api/v1/hearings/${view.id}`);

    const got = await request(t.http)
      .get(`/api/v1/hearings/${view.id}`)
      .auth(tenant.viewer.token, { type: 'bearer' })
      .expect(200);
    expect(got.body).toEqual(view);
    expect(got.headers.etag).toBe('"1"');

    const events = await request(t.http)
      .get(`/api/v1/reconsideration-cases/${caseId}/events`)
      .auth(clerk(), { type: 'bearer' })
      .expect(200);
    expect(events.body.items).toContainEqual(
      expect.objectContaining({
        type: 'hearing_scheduled',
        occurredOn: '2024-10-10',
        payload: expect.objectContaining({ hearingId: view.id, earliestHearingOn: '2024-10-16' }),
      }),
    );
    const [audit] = await t.dataSource.query(
      `SELECT action, actor_id, agency_id FROM audit_entry WHERE target_id = $1`,
      [view.id],
    );
    expect(audit).toEqual({
      action: 'hearing.scheduled',
      actor_id: tenant.clerk.id,
      agency_id: tenant.agency.id,
    });
  });

  describe('the written notice (第五十一条: at least 5 working days)', () => {
    let earlyCase: string;
    let seats: Panel;
    beforeAll(async () => {
      // Accepted on the day of receipt, so that a notice on Friday 2024-09-27 is possible.
      earlyCase = (await caseUnderReview(t, clerk(), {}, '2024-09-27')).id;
      seats = await panel();
    });

    it('allows exactly 5 working days across National Day (Sunday 09-29 works, 10-01…07 off)', async () => {
      const view = await schedule(
        t,
        clerk(),
        earlyCase,
        hearingBody(seats, { noticeOn: '2024-09-27', startsAt: '2024-10-10T09:00:00+08:00' }),
      );
      expect(view.status).toBe('scheduled');
      await hearingCommand(t, clerk(), view.id, 'cancel', { reason: '测试' }).expect(200);
    });

    it('refuses 4 working days with 422 naming the rule, the article and the earliest date', async () => {
      const response = await scheduleRequest(
        t,
        clerk(),
        earlyCase,
        hearingBody(seats, { noticeOn: '2024-09-27', startsAt: '2024-10-09T15:00:00+08:00' }),
      ).expect(422);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.body).toMatchObject({
        rule: 'hearing_notice_too_short',
        basis: expect.stringContaining('第五十一条'),
        earliestHearingOn: '2024-10-10',
      });
    });

    it('reads the hearing date in Beijing time, not UTC', async () => {
      // 2024-10-09T23:30+08:00 is still 10-09 in Beijing (too early) although 15:30 UTC;
      // 2024-10-09T16:30Z is 10-10 00:30 in Beijing (allowed).
      await scheduleRequest(
        t,
        clerk(),
        earlyCase,
        hearingBody(seats, {
          noticeOn: '2024-09-27',
          startsAt: '2024-10-09T23:30:00+08:00',
          durationMinutes: 30,
        }),
      ).expect(422);
      const view = await schedule(
        t,
        clerk(),
        earlyCase,
        hearingBody(seats, {
          noticeOn: '2024-09-27',
          startsAt: '2024-10-09T16:30:00Z',
          durationMinutes: 30,
        }),
      );
      expect(view).toMatchObject({
        startsAt: '2024-10-10T00:30:00+08:00',
        hearingOn: '2024-10-10',
      });
    });

    it('refuses a notice dated in the future or before the acceptance (422)', async () => {
      const future = await scheduleRequest(
        t,
        clerk(),
        caseId,
        hearingBody(seats, { noticeOn: '2099-01-05', startsAt: '2099-02-02T09:00:00+08:00' }),
      ).expect(422);
      expect(future.body.rule).toBe('date_in_future');
      const early = await scheduleRequest(
        t,
        clerk(),
        caseId,
        hearingBody(seats, { noticeOn: '2024-10-07' }),
      ).expect(422);
      expect(early.body).toMatchObject({
        rule: 'dates_out_of_order',
        basis: expect.stringContaining('第五十一条'),
      });
    });
  });

  describe('the panel (第五十条第三款)', () => {
    it('needs at least two hearing officers for a hearing (400)', async () => {
      const seats = await panel();
      const response = await scheduleRequest(
        t,
        clerk(),
        caseId,
        hearingBody(seats, { panelMemberIds: [seats.members[0].id] }),
      ).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'panelMemberIds',
      ]);
      expect(response.body.errors[0].message).toContain('第五十条');
    });

    it('refuses one person in two seats (400 naming the seat)', async () => {
      const seats = await panel();
      const response = await scheduleRequest(
        t,
        clerk(),
        caseId,
        hearingBody(seats, { recorderId: seats.members[1].id }),
      ).expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'recorderId' })]);
    });

    it('schedules a hearing of opinions (听取意见) without hearing officers', async () => {
      const seats = await panel();
      const view = await schedule(
        t,
        clerk(),
        caseId,
        hearingBody(seats, { kind: 'opinion_hearing', panelMemberIds: [] }),
      );
      expect(view).toMatchObject({ kind: 'opinion_hearing', panelMemberIds: [] });
    });

    it('refuses a user of another agency or a deactivated user with 404', async () => {
      const seats = await panel();
      const other = await createTenant(t, adminToken);
      const stranger = await createUser(t, adminToken, other.agency.id, ['clerk']);
      const response = await scheduleRequest(
        t,
        clerk(),
        caseId,
        hearingBody(seats, { recorderId: stranger.id }),
      ).expect(404);
      expect(response.body.detail).toContain(stranger.id);

      const [leaver] = await people(t, adminToken, tenant.agency.id, 1);
      await request(t.http)
        .patch(`/api/v1/users/${leaver.id}`)
        .auth(adminToken, { type: 'bearer' })
        .send({ active: false })
        .expect(200);
      await scheduleRequest(
        t,
        clerk(),
        caseId,
        hearingBody(seats, { presidingOfficerId: leaver.id }),
      ).expect(404);
    });
  });

  describe('no double booking', () => {
    it('refuses the same room at an overlapping time with 409 naming the hearing; back to back is fine', async () => {
      const location = room();
      const first = await schedule(t, clerk(), caseId, hearingBody(await panel(), { location }));
      const clash = await scheduleRequest(
        t,
        clerk(),
        caseId,
        hearingBody(await panel(), { location, startsAt: '2024-10-21T10:59:00+08:00' }),
      ).expect(409);
      expect(clash.body).toMatchObject({
        clash: 'room',
        clashingHearing: {
          id: first.id,
          startsAt: '2024-10-21T09:00:00+08:00',
          endsAt: '2024-10-21T11:00:00+08:00',
          location,
        },
      });
      expect(clash.body.detail).toContain(first.id);
      const before = await schedule(
        t,
        clerk(),
        caseId,
        hearingBody(await panel(), {
          location,
          startsAt: '2024-10-21T08:00:00+08:00',
          durationMinutes: 60,
        }),
      );
      const after = await schedule(
        t,
        clerk(),
        caseId,
        hearingBody(await panel(), { location, startsAt: '2024-10-21T11:00:00+08:00' }),
      );
      expect([before.endsAt, after.startsAt]).toEqual([
        '2024-10-21T09:00:00+08:00',
        '2024-10-21T11:00:00+08:00',
      ]);
      // The same room name with different whitespace is the same room.
      await scheduleRequest(
        t,
        clerk(),
        caseId,
        hearingBody(await panel(), {
          location: ` ${location}  `,
          startsAt: '2024-10-21T10:00:00+08:00',
        }),
      ).expect(409);
    });

    it('refuses a person in any role in two overlapping hearings; back to back is fine', async () => {
      const seats = await panel();
      const first = await schedule(t, clerk(), caseId, hearingBody(seats));
      const others = await panel();
      // The first hearing's recorder presides over another hearing in another room.
      const clash = await scheduleRequest(
        t,
        clerk(),
        caseId,
        hearingBody(others, {
          presidingOfficerId: seats.recorder.id,
          startsAt: '2024-10-21T10:30:00+08:00',
        }),
      ).expect(409);
      expect(clash.body).toMatchObject({
        clash: 'person',
        userId: seats.recorder.id,
        clashingHearing: { id: first.id, startsAt: '2024-10-21T09:00:00+08:00' },
      });
      await schedule(
        t,
        clerk(),
        caseId,
        hearingBody(others, {
          presidingOfficerId: seats.recorder.id,
          startsAt: '2024-10-21T11:00:00+08:00',
        }),
      );
    });

    it('lets exactly one of two concurrent clashing schedulings win (room)', async () => {
      const location = room();
      const [caseA, caseB] = await Promise.all([
        caseUnderReview(t, clerk()),
        caseUnderReview(t, clerk()),
      ]);
      const [seatsA, seatsB] = [await panel(), await panel()];
      const responses = await Promise.all([
        scheduleRequest(t, clerk(), caseA.id, hearingBody(seatsA, { location })),
        scheduleRequest(
          t,
          clerk(),
          caseB.id,
          hearingBody(seatsB, { location, startsAt: '2024-10-21T10:00:00+08:00' }),
        ),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      const winner = responses.find((r) => r.status === 201)?.body as HearingView;
      const loser = responses.find((r) => r.status === 409);
      expect(loser?.body).toMatchObject({ clash: 'room', clashingHearing: { id: winner.id } });
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM hearing WHERE location = $1`,
        [location],
      );
      expect(n).toBe(1);
    });

    it('lets exactly one of two concurrent clashing schedulings win (person)', async () => {
      const [caseA, caseB] = await Promise.all([
        caseUnderReview(t, clerk()),
        caseUnderReview(t, clerk()),
      ]);
      const [seatsA, seatsB] = [await panel(), await panel()];
      const shared = seatsA.members[0].id;
      const responses = await Promise.all([
        scheduleRequest(t, clerk(), caseA.id, hearingBody(seatsA)),
        scheduleRequest(
          t,
          clerk(),
          caseB.id,
          hearingBody(seatsB, { recorderId: shared, startsAt: '2024-10-21T10:00:00+08:00' }),
        ),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(responses.find((r) => r.status === 409)?.body).toMatchObject({
        clash: 'person',
        userId: shared,
      });
    });
  });

  describe('reschedule and cancel', () => {
    it('reschedules with a new notice: version, ETag, timeline; the old slot is free again', async () => {
      const seats = await panel();
      const location = room();
      const hearing = await schedule(t, clerk(), caseId, hearingBody(seats, { location }));
      const moved = await hearingCommand(
        t,
        clerk(),
        hearing.id,
        'reschedule',
        { startsAt: '2024-10-28T14:30:00+08:00', noticeOn: '2024-10-18', durationMinutes: 90 },
        '"1"',
      ).expect(200);
      expect(moved.headers.etag).toBe('"2"');
      expect(moved.body).toMatchObject({
        status: 'scheduled',
        startsAt: '2024-10-28T14:30:00+08:00',
        endsAt: '2024-10-28T16:00:00+08:00',
        location,
        noticeOn: '2024-10-18',
        version: 2,
      });
      // The people and the room are free at the old time.
      await schedule(t, clerk(), caseId, hearingBody(seats, { location }));
      const events = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${caseId}/events`)
        .auth(clerk(), { type: 'bearer' })
        .expect(200);
      expect(events.body.items).toContainEqual(
        expect.objectContaining({
          type: 'hearing_rescheduled',
          occurredOn: '2024-10-18',
          payload: expect.objectContaining({
            hearingId: hearing.id,
            from: expect.objectContaining({ startsAt: '2024-10-21T09:00:00+08:00' }),
            to: expect.objectContaining({ startsAt: '2024-10-28T14:30:00+08:00' }),
          }),
        }),
      );
    });

    it('applies the notice and clash rules again, and If-Match (412)', async () => {
      const location = room();
      const blocker = await schedule(
        t,
        clerk(),
        caseId,
        hearingBody(await panel(), { location, startsAt: '2024-10-28T09:00:00+08:00' }),
      );
      const hearing = await schedule(t, clerk(), caseId, hearingBody(await panel()));
      const short = await hearingCommand(t, clerk(), hearing.id, 'reschedule', {
        startsAt: '2024-10-24T09:00:00+08:00',
        noticeOn: '2024-10-18',
      }).expect(422);
      expect(short.body.rule).toBe('hearing_notice_too_short');
      const clash = await hearingCommand(t, clerk(), hearing.id, 'reschedule', {
        startsAt: '2024-10-28T10:00:00+08:00',
        location,
        noticeOn: '2024-10-18',
      }).expect(409);
      expect(clash.body).toMatchObject({ clash: 'room', clashingHearing: { id: blocker.id } });
      await hearingCommand(
        t,
        clerk(),
        hearing.id,
        'reschedule',
        { startsAt: '2024-10-29T09:00:00+08:00', noticeOn: '2024-10-18' },
        '"7"',
      ).expect(412);
      const unchanged = await request(t.http)
        .get(`/api/v1/hearings/${hearing.id}`)
        .auth(clerk(), { type: 'bearer' })
        .expect(200);
      expect(unchanged.body).toMatchObject({ version: 1, startsAt: hearing.startsAt });
    });

    it('cancels: frees the room and the people, and a new hearing takes the same slot', async () => {
      const seats = await panel();
      const location = room();
      const hearing = await schedule(t, clerk(), caseId, hearingBody(seats, { location }));
      await scheduleRequest(t, clerk(), caseId, hearingBody(seats, { location })).expect(409);
      const cancelled = await hearingCommand(t, clerk(), hearing.id, 'cancel', {
        reason: '申请人申请延期',
      }).expect(200);
      expect(cancelled.body).toMatchObject({
        status: 'cancelled',
        version: 2,
        cancellation: { reason: '申请人申请延期' },
      });
      await schedule(t, clerk(), caseId, hearingBody(seats, { location }));
      // Nothing more can happen to a cancelled hearing.
      const again = await hearingCommand(t, clerk(), hearing.id, 'cancel', { reason: 'x' }).expect(
        409,
      );
      expect(again.body).toMatchObject({ rule: 'illegal_transition', currentStatus: 'cancelled' });
      await hearingCommand(t, clerk(), hearing.id, 'reschedule', {
        startsAt: '2024-10-29T09:00:00+08:00',
        noticeOn: '2024-10-18',
      }).expect(409);
    });
  });

  describe('the case must be under review', () => {
    it('refuses a hearing on a case not yet accepted, or suspended, with 409', async () => {
      const seats = await panel();
      const received = await request(t.http)
        .post('/api/v1/reconsideration-cases')
        .auth(clerk(), { type: 'bearer' })
        .send(caseBody())
        .expect(201);
      const refused = await scheduleRequest(
        t,
        clerk(),
        received.body.id,
        hearingBody(seats),
      ).expect(409);
      expect(refused.body).toMatchObject({ caseStatus: 'received' });

      const suspended = await caseUnderReview(t, clerk());
      const hearing = await schedule(t, clerk(), suspended.id, hearingBody(seats));
      await command(t, clerk(), suspended.id, 'suspend', {
        suspendedOn: '2024-10-15',
        ground: 'force_majeure',
      }).expect(200);
      await hearingCommand(t, clerk(), hearing.id, 'reschedule', {
        startsAt: '2024-10-29T09:00:00+08:00',
        noticeOn: '2024-10-18',
      }).expect(409);
      // Calling it off is always possible.
      await hearingCommand(t, clerk(), hearing.id, 'cancel', { reason: '案件中止' }).expect(200);
    });
  });

  describe('reminders (outbox hearing.reminder)', () => {
    it('enqueues one for the working day before a future hearing, and supersedes it on change', async () => {
      const calendar = await t.app.get(CalendarService).current();
      const today = t.clock.today();
      // The earliest date the notice allows; the reminder is due on the working day before it.
      const hearingOn = addWorkingDays(calendar, today, 5);
      const remindOn = addWorkingDays(calendar, today, 4);
      const fresh = await caseUnderReview(t, clerk(), {}, '2024-10-08');
      const hearing = await schedule(
        t,
        clerk(),
        fresh.id,
        hearingBody(await panel(), { noticeOn: today, startsAt: `${hearingOn}T09:30:00+08:00` }),
      );
      const reminders = () =>
        t.dataSource.query(
          `SELECT payload, superseded_at, to_char(available_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS available
             FROM outbox_message WHERE topic = 'hearing.reminder' AND payload->>'hearingId' = $1
            ORDER BY id`,
          [hearing.id],
        );
      const [first] = await reminders();
      expect(first).toMatchObject({
        superseded_at: null,
        payload: expect.objectContaining({ hearingVersion: 1, remindOn, caseId: fresh.id }),
      });
      // From the start of that day in Beijing time.
      expect(first.available).toBe(`${remindOn} 00:00`);

      const later = addWorkingDays(calendar, today, 8);
      await hearingCommand(t, clerk(), hearing.id, 'reschedule', {
        startsAt: `${later}T09:30:00+08:00`,
        noticeOn: today,
      }).expect(200);
      const [old, renewed] = await reminders();
      expect(old.superseded_at).not.toBeNull();
      expect(renewed).toMatchObject({
        superseded_at: null,
        available: `${addWorkingDays(calendar, today, 7)} 00:00`,
        payload: expect.objectContaining({ hearingVersion: 2 }),
      });
      await hearingCommand(t, clerk(), hearing.id, 'cancel', { reason: '撤回申请' }).expect(200);
      const all = await reminders();
      expect(all.every((r: { superseded_at: unknown }) => r.superseded_at !== null)).toBe(true);
    });

    it('enqueues none for a hearing in the past (recorded after the fact)', async () => {
      const hearing = await schedule(t, clerk(), caseId, hearingBody(await panel()));
      const rows = await t.dataSource.query(
        `SELECT 1 FROM outbox_message WHERE topic = 'hearing.reminder' AND payload->>'hearingId' = $1`,
        [hearing.id],
      );
      expect(rows).toEqual([]);
      const [announced] = await t.dataSource.query(
        `SELECT topic FROM outbox_message WHERE topic = 'hearing.scheduled' AND payload->>'hearingId' = $1`,
        [hearing.id],
      );
      expect(announced).toEqual({ topic: 'hearing.scheduled' });
    });
  });

  describe('input and roles', () => {
    it.each([
      [{ startsAt: '2024-10-21 09:00' }, 'startsAt'],
      [{ startsAt: '2024-10-21T09:00:00' }, 'startsAt'],
      [{ startsAt: '2024-02-30T09:00:00+08:00' }, 'startsAt'],
      [{ durationMinutes: -30 }, 'durationMinutes'],
      [{ durationMinutes: 0 }, 'durationMinutes'],
      [{ durationMinutes: 1.5 }, 'durationMinutes'],
      [{ kind: 'trial' }, 'kind'],
      [{ noticeOn: '2024-10-32' }, 'noticeOn'],
      [{ location: '   ' }, 'location'],
      [{ presidingOfficerId: 'someone' }, 'presidingOfficerId'],
      [{ panelMemberIds: ['x', 'y'] }, 'panelMemberIds'],
      [{ matters: '' }, 'matters'],
      [{ surprise: true }, 'surprise'],
    ])('refuses %j with 400 naming %s and writes nothing', async (overrides, field) => {
      const seats = await panel();
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM hearing');
      const response = await scheduleRequest(
        t,
        clerk(),
        caseId,
        hearingBody(seats, overrides),
      ).expect(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM hearing')).toEqual(before);
    });

    it('lets a viewer read but not schedule (403)', async () => {
      const seats = await panel();
      await scheduleRequest(t, tenant.viewer.token, caseId, hearingBody(seats)).expect(403);
      const hearing = await schedule(t, tenant.head.token, caseId, hearingBody(seats));
      await hearingCommand(t, tenant.viewer.token, hearing.id, 'cancel', { reason: 'x' }).expect(
        403,
      );
      await request(t.http)
        .get(`/api/v1/hearings/${hearing.id}`)
        .auth(tenant.viewer.token, { type: 'bearer' })
        .expect(200);
    });

    it('answers 404 for an unknown case or hearing and 400 for a malformed id', async () => {
      const seats = await panel();
      await scheduleRequest(
        t,
        clerk(),
        '00000000-0000-4000-8000-000000000000',
        hearingBody(seats),
      ).expect(404);
      await request(t.http)
        .get('/api/v1/hearings/00000000-0000-4000-8000-000000000000')
        .auth(clerk(), { type: 'bearer' })
        .expect(404);
      await request(t.http)
        .get('/api/v1/hearings/not-a-uuid')
        .auth(clerk(), { type: 'bearer' })
        .expect(400);
    });
  });
});
