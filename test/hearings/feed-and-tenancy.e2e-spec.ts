import { sync as ical, type VEvent } from 'node-ical';
import request from 'supertest';
import { createTenant, loginAdmin, type Tenant } from '../factories/identity.factory';
import { createTestApp, type TestApp } from '../setup/test-app';
import {
  caseUnderReview,
  hearingBody,
  hearingCommand,
  newPanel,
  recordBody,
  room,
  schedule,
  scheduleRequest,
  type HearingView,
  type Panel,
} from './hearing-helpers';

describe('hearing lists, the calendar feed and tenancy', () => {
  let t: TestApp;
  let adminToken: string;
  let ours: Tenant;
  let theirs: Tenant;
  let ourCase: { id: string; caseNumber: string | null; receiptNumber: string };
  let theirCase: { id: string; caseNumber: string | null };
  let ourPanel: Panel;
  let theirPanel: Panel;
  let sharedRoom: string;
  let hearing: HearingView;
  let opinions: HearingView;
  let cancelled: HearingView;
  let theirHearing: HearingView;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await loginAdmin(t);
    [ours, theirs] = [await createTenant(t, adminToken), await createTenant(t, adminToken)];
    await request(t.http)
      .patch(`/api/v1/agencies/${ours.agency.id}`)
      .auth(adminToken, { type: 'bearer' })
      .send({ caseNumberTemplate: '乐府复〔{year}〕{seq}号' })
      .expect(200);
    ourCase = await caseUnderReview(t, ours.clerk.token);
    theirCase = await caseUnderReview(t, theirs.clerk.token);
    ourPanel = await newPanel(t, adminToken, ours.agency.id);
    theirPanel = await newPanel(t, adminToken, theirs.agency.id);
    sharedRoom = room();
    hearing = await schedule(
      t,
      ours.clerk.token,
      ourCase.id,
      hearingBody(ourPanel, { location: sharedRoom }),
    );
    opinions = await schedule(
      t,
      ours.clerk.token,
      ourCase.id,
      hearingBody(ourPanel, {
        kind: 'opinion_hearing',
        panelMemberIds: [],
        startsAt: '2024-10-22T14:00:00+08:00',
        durationMinutes: 60,
        location: '第二听证室',
      }),
    );
    cancelled = await schedule(
      t,
      ours.clerk.token,
      ourCase.id,
      hearingBody(ourPanel, { startsAt: '2024-10-23T09:00:00+08:00', location: '第三听证室' }),
    );
    await hearingCommand(t, ours.clerk.token, cancelled.id, 'cancel', {
      reason: '申请人请求延期',
    }).expect(200);
    // The same room name at the same time in another agency is another room.
    theirHearing = await schedule(
      t,
      theirs.clerk.token,
      theirCase.id,
      hearingBody(theirPanel, { location: sharedRoom }),
    );
  });
  afterAll(() => t.close());

  describe('the iCalendar feed (RFC 5545)', () => {
    it('parses back with UIDs, UTC starts, rooms, Chinese summaries and a cancelled status', async () => {
      const response = await request(t.http)
        .get('/api/v1/hearings.ics')
        .auth(ours.viewer.token, { type: 'bearer' })
        .expect(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(response.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
      const parsed = ical.parseICS(response.text);
      const events = Object.values(parsed).filter(
        (component): component is VEvent => component?.type === 'VEVENT',
      );
      expect(events.map((event) => event.uid).sort()).toEqual(
        [hearing.id, opinions.id, cancelled.id].map((id) => `${id}@fuyi`).sort(),
      );
      const byUid = (id: string) => events.find((event) => event.uid === `${id}@fuyi`) as VEvent;

      const held = byUid(hearing.id);
      expect(held.start.toISOString()).toBe('2024-10-21T01:00:00.000Z');
      expect(held.end?.toISOString()).toBe('2024-10-21T03:00:00.000Z');
      expect(held.location).toBe(sharedRoom);
      expect(held.summary).toBe(`听证 ${ourCase.caseNumber}`);
      expect(ourCase.caseNumber).toMatch(/^乐府复〔2024〕\d+号$/);
      expect(held.status).toBe('CONFIRMED');

      expect(byUid(opinions.id).summary).toBe(`听取意见 ${ourCase.caseNumber}`);
      expect(byUid(opinions.id).start.toISOString()).toBe('2024-10-22T06:00:00.000Z');
      expect(byUid(cancelled.id).status).toBe('CANCELLED');
      expect(Number(byUid(cancelled.id).sequence)).toBe(1);
    });

    it('keeps the UID and bumps the sequence when a hearing is rescheduled', async () => {
      const moved = await schedule(
        t,
        ours.clerk.token,
        ourCase.id,
        hearingBody(await newPanel(t, adminToken, ours.agency.id), {
          startsAt: '2024-11-04T09:00:00+08:00',
        }),
      );
      await hearingCommand(t, ours.clerk.token, moved.id, 'reschedule', {
        startsAt: '2024-11-05T09:00:00+08:00',
        noticeOn: '2024-10-25',
      }).expect(200);
      const response = await request(t.http)
        .get('/api/v1/hearings.ics?from=2024-11-05&to=2024-11-05')
        .auth(ours.clerk.token, { type: 'bearer' })
        .expect(200);
      const event = ical.parseICS(response.text)[`${moved.id}@fuyi`] as VEvent;
      expect(event.start.toISOString()).toBe('2024-11-05T01:00:00.000Z');
      expect(Number(event.sequence)).toBe(1);
      await hearingCommand(t, ours.clerk.token, moved.id, 'cancel', { reason: '撤回' }).expect(200);
    });
  });

  describe('lists', () => {
    it('pages through the agency’s hearings in start order with a stable cursor', async () => {
      const seen: HearingView[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const page = await request(t.http)
          .get(`/api/v1/hearings?limit=2${query}`)
          .auth(ours.viewer.token, { type: 'bearer' })
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...(page.body.items as HearingView[]));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      const starts = seen.map((h) => h.startsAt);
      expect(starts).toEqual([...starts].sort());
      expect(seen.map((h) => h.id)).toEqual(
        expect.arrayContaining([hearing.id, opinions.id, cancelled.id]),
      );
      expect(new Set(seen.map((h) => h.id)).size).toBe(seen.length);
      expect(seen.map((h) => h.id)).not.toContain(theirHearing.id);
    });

    it.each([
      ['from=2024-10-22&to=2024-10-22', ['opinions']],
      ['from=2024-10-21T10:00:00%2B08:00&to=2024-10-23', ['opinions', 'cancelled']],
      ['location=第二听证室&to=2024-10-31', ['opinions']],
      ['status=cancelled&to=2024-10-31', ['cancelled']],
    ])('filters by %s', async (query, expected) => {
      const response = await request(t.http)
        .get(`/api/v1/hearings?${query}`)
        .auth(ours.clerk.token, { type: 'bearer' })
        .expect(200);
      const names: Record<string, string> = {
        [hearing.id]: 'hearing',
        [opinions.id]: 'opinions',
        [cancelled.id]: 'cancelled',
      };
      expect(response.body.items.map((h: HearingView) => names[h.id] ?? h.id)).toEqual(expected);
    });

    it('filters by a person on the panel in any role', async () => {
      const [presiding, recorder] = await Promise.all([
        request(t.http)
          .get(`/api/v1/hearings?officerId=${ourPanel.presiding.id}`)
          .auth(ours.clerk.token, { type: 'bearer' })
          .expect(200),
        request(t.http)
          .get(`/api/v1/hearings?officerId=${ourPanel.members[0].id}`)
          .auth(ours.clerk.token, { type: 'bearer' })
          .expect(200),
      ]);
      expect(presiding.body.items.map((h: HearingView) => h.id)).toEqual([
        hearing.id,
        opinions.id,
        cancelled.id,
      ]);
      // The hearing of opinions has no hearing officers.
      expect(recorder.body.items.map((h: HearingView) => h.id)).toEqual([hearing.id, cancelled.id]);
    });

    it.each([
      'from=yesterday',
      'to=2024-13-01',
      'officerId=someone',
      'status=postponed',
      'limit=0',
      'cursor=bm90LWEtY3Vyc29y',
      `cursor=${Buffer.from(JSON.stringify(['2024-02-30T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url')}`,
      'surprise=1',
    ])('refuses ?%s with 400', async (query) => {
      const response = await request(t.http)
        .get(`/api/v1/hearings?${query}`)
        .auth(ours.clerk.token, { type: 'bearer' })
        .expect(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    });
  });

  describe('tenancy', () => {
    it('hides another agency’s hearing: 404 on get and on every command', async () => {
      const as = ours.clerk.token;
      await request(t.http)
        .get(`/api/v1/hearings/${theirHearing.id}`)
        .auth(as, { type: 'bearer' })
        .expect(404);
      await hearingCommand(t, as, theirHearing.id, 'reschedule', {
        startsAt: '2024-10-29T09:00:00+08:00',
        noticeOn: '2024-10-18',
      }).expect(404);
      await hearingCommand(t, as, theirHearing.id, 'cancel', { reason: '越权' }).expect(404);
      await hearingCommand(t, as, theirHearing.id, 'record', recordBody('2024-10-21')).expect(404);
      const untouched = await request(t.http)
        .get(`/api/v1/hearings/${theirHearing.id}`)
        .auth(theirs.viewer.token, { type: 'bearer' })
        .expect(200);
      expect(untouched.body).toMatchObject({ status: 'scheduled', version: 1 });
    });

    it('hides another agency’s case (404) and refuses its people on our panel (404)', async () => {
      await scheduleRequest(
        t,
        ours.clerk.token,
        theirCase.id,
        hearingBody(ourPanel, { startsAt: '2024-12-02T09:00:00+08:00' }),
      ).expect(404);
      await scheduleRequest(
        t,
        ours.clerk.token,
        ourCase.id,
        hearingBody(ourPanel, {
          startsAt: '2024-12-02T09:00:00+08:00',
          recorderId: theirPanel.recorder.id,
        }),
      ).expect(404);
    });

    it('leaves another agency’s hearings out of the list and the feed', async () => {
      const list = await request(t.http)
        .get('/api/v1/hearings?limit=200')
        .auth(theirs.clerk.token, { type: 'bearer' })
        .expect(200);
      expect(list.body.items.map((h: HearingView) => h.id)).toEqual([theirHearing.id]);
      const feed = await request(t.http)
        .get('/api/v1/hearings.ics')
        .auth(theirs.clerk.token, { type: 'bearer' })
        .expect(200);
      const theirEvent = ical.parseICS(feed.text)[`${theirHearing.id}@fuyi`] as VEvent;
      expect(theirEvent.summary).toBe(`听证 ${theirCase.caseNumber}`);
      for (const id of [hearing.id, opinions.id, cancelled.id]) expect(feed.text).not.toContain(id);
    });

    it('needs a signed-in user for the feed (401)', async () => {
      await request(t.http).get('/api/v1/hearings.ics').expect(401);
    });
  });
});
