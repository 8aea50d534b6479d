import request from 'supertest';
import { command, run, type CaseView } from '../factories/case.factory';
import { createTenant, loginAdmin, type Tenant } from '../factories/identity.factory';
import { createTestApp, type TestApp } from '../setup/test-app';
import {
  caseUnderReview,
  hearingBody,
  hearingCommand,
  newPanel,
  recordBody,
  schedule,
  type HearingView,
} from './hearing-helpers';

describe('recording hearings', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await loginAdmin(t);
    tenant = await createTenant(t, adminToken);
  });
  afterAll(() => t.close());

  const clerk = () => tenant.clerk.token;

  async function scheduled(
    overrides: Record<string, unknown> = {},
    caseOverrides: Record<string, unknown> = {},
  ): Promise<{ reviewed: CaseView; hearing: HearingView }> {
    const reviewed = await caseUnderReview(t, clerk(), caseOverrides);
    const panel = await newPanel(t, adminToken, tenant.agency.id);
    const hearing = await schedule(t, clerk(), reviewed.id, hearingBody(panel, overrides));
    return { reviewed, hearing };
  }

  async function caseView(id: string): Promise<CaseView> {
    const response = await request(t.http)
      .get(`/api/v1/reconsideration-cases/${id}`)
      .auth(clerk(), { type: 'bearer' })
      .expect(200);
    return response.body as CaseView;
  }

  describe('the respondent’s attendance (第五十一条第三款)', () => {
    it('records the responsible person in attendance: held, counted, opinions heard, case version bumped', async () => {
      const { reviewed, hearing } = await scheduled();
      const response = await hearingCommand(
        t,
        clerk(),
        hearing.id,
        'record',
        recordBody('2024-10-21'),
        '"1"',
      ).expect(200);
      expect(response.headers.etag).toBe('"2"');
      expect(response.body).toMatchObject({
        status: 'held',
        version: 2,
        record: {
          heldOn: '2024-10-21',
          applicantAttended: true,
          respondentAttendance: {
            attended: true,
            personName: '王五',
            title: '副局长',
            delegateName: null,
            reason: null,
          },
          notes: '双方陈述、质证、辩论',
        },
      });
      const after = await caseView(reviewed.id);
      expect(after).toMatchObject({
        hearingsHeld: 1,
        opinionHeardOn: '2024-10-21',
        opinionHeardHow: 'in_person',
        version: reviewed.version + 1,
      });
      const events = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${reviewed.id}/events`)
        .auth(clerk(), { type: 'bearer' })
        .expect(200);
      expect(events.body.items.map((e: { type: string }) => e.type)).toEqual([
        'received',
        'accepted',
        'hearing_scheduled',
        'hearing_held',
      ]);
      const audit = await request(t.http)
        .get(`/api/v1/audit?targetId=${hearing.id}`)
        .auth(adminToken, { type: 'bearer' })
        .expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
        'hearing.held',
        'hearing.scheduled',
      ]);
    });

    it('accepts an absence with the reason and the delegated staff member', async () => {
      const { hearing } = await scheduled();
      const response = await hearingCommand(
        t,
        clerk(),
        hearing.id,
        'record',
        recordBody('2024-10-21', {
          respondentAttendance: {
            attended: false,
            personName: '李局长',
            title: '局长',
            reason: '参加市政府常务会议',
            delegateName: '法制科科长 赵六',
          },
        }),
      ).expect(200);
      expect(response.body.record.respondentAttendance).toEqual({
        attended: false,
        personName: '李局长',
        title: '局长',
        reason: '参加市政府常务会议',
        delegateName: '法制科科长 赵六',
      });
    });

    it.each([
      [{ reason: '参加会议' }, 'delegateName'],
      [{ delegateName: '赵六' }, 'reason'],
      [{}, 'reason, delegateName'],
    ])('refuses an absence with only %j with 422 (missing %s)', async (absence, missing) => {
      const { hearing } = await scheduled();
      const response = await hearingCommand(
        t,
        clerk(),
        hearing.id,
        'record',
        recordBody('2024-10-21', {
          respondentAttendance: {
            attended: false,
            personName: '李局长',
            title: '局长',
            ...absence,
          },
        }),
      ).expect(422);
      expect(response.body).toMatchObject({
        rule: 'respondent_absence_unexplained',
        basis: expect.stringContaining('第五十一条第三款'),
      });
      expect(response.body.detail).toContain(`missing: ${missing}`);
      const unchanged = await request(t.http)
        .get(`/api/v1/hearings/${hearing.id}`)
        .auth(clerk(), { type: 'bearer' })
        .expect(200);
      expect(unchanged.body).toMatchObject({ status: 'scheduled', record: null });
    });

    it.each([
      [
        { respondentAttendance: { attended: true, title: '局长' } },
        'respondentAttendance.personName',
      ],
      [
        { respondentAttendance: { attended: true, personName: '王五' } },
        'respondentAttendance.title',
      ],
      [
        {
          respondentAttendance: { attended: true, personName: '王五', title: '局长', reason: '无' },
        },
        'respondentAttendance.reason',
      ],
      [{ respondentAttendance: undefined }, 'respondentAttendance'],
      [{ applicantAttended: 'yes' }, 'applicantAttended'],
      [{ heldOn: '21/10/2024' }, 'heldOn'],
      [{ minutes: '...' }, 'minutes'],
    ])('refuses %j with 400 naming %s', async (overrides, field) => {
      const { hearing } = await scheduled();
      const response = await hearingCommand(
        t,
        clerk(),
        hearing.id,
        'record',
        recordBody('2024-10-21', overrides),
      ).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses a record for another day than the notified one, or in the future (422)', async () => {
      const { hearing } = await scheduled();
      const otherDay = await hearingCommand(
        t,
        clerk(),
        hearing.id,
        'record',
        recordBody('2024-10-22'),
      ).expect(422);
      expect(otherDay.body.rule).toBe('held_on_not_hearing_date');
      const future = await hearingCommand(
        t,
        clerk(),
        hearing.id,
        'record',
        recordBody('2099-10-21'),
      ).expect(422);
      expect(future.body.rule).toBe('date_in_future');
    });

    it('records only once, and a held hearing can be neither cancelled nor moved (409)', async () => {
      const { hearing } = await scheduled();
      await hearingCommand(t, clerk(), hearing.id, 'record', recordBody('2024-10-21')).expect(200);
      await hearingCommand(t, clerk(), hearing.id, 'record', recordBody('2024-10-21')).expect(409);
      await hearingCommand(t, clerk(), hearing.id, 'cancel', { reason: 'x' }).expect(409);
      await hearingCommand(t, clerk(), hearing.id, 'reschedule', {
        startsAt: '2024-10-29T09:00:00+08:00',
        noticeOn: '2024-10-18',
      }).expect(409);
    });

    it('refuses a stale If-Match with 412', async () => {
      const { hearing } = await scheduled();
      await hearingCommand(
        t,
        clerk(),
        hearing.id,
        'record',
        recordBody('2024-10-21'),
        '"2"',
      ).expect(412);
    });
  });

  describe('the effect on the case', () => {
    it('cancels the scheduled hearings of a case that leaves review, freeing the room', async () => {
      const { reviewed, hearing } = await scheduled();
      await run(t, clerk(), reviewed.id, 'conclude', {
        concludedOn: '2024-10-15',
        outcome: 'terminated',
        terminationReason: 'withdrawn',
      });
      const after = await request(t.http)
        .get(`/api/v1/hearings/${hearing.id}`)
        .auth(clerk(), { type: 'bearer' })
        .expect(200);
      expect(after.body.status).toBe('cancelled');
      const other = await caseUnderReview(t, clerk());
      const panel = await newPanel(t, adminToken, tenant.agency.id);
      await schedule(t, clerk(), other.id, hearingBody(panel, { location: hearing.location }));
      const events = await request(t.http)
        .get(`/api/v1/reconsideration-cases/${reviewed.id}/events`)
        .auth(clerk(), { type: 'bearer' })
        .expect(200);
      const concluded = events.body.items.find((e: { type: string }) => e.type === 'concluded');
      expect(concluded.payload.cancelledHearings).toEqual([hearing.id]);
    });

    it('counts only a 听证 toward hearings held; a 听取意见 records the opinions heard', async () => {
      const { reviewed, hearing } = await scheduled({
        kind: 'opinion_hearing',
        panelMemberIds: [],
      });
      await hearingCommand(t, clerk(), hearing.id, 'record', recordBody('2024-10-21')).expect(200);
      expect(await caseView(reviewed.id)).toMatchObject({
        hearingsHeld: 0,
        opinionHeardOn: '2024-10-21',
        opinionHeardHow: 'in_person',
      });
    });

    it('does not record opinions heard when the applicant stayed away', async () => {
      const { reviewed, hearing } = await scheduled();
      await hearingCommand(
        t,
        clerk(),
        hearing.id,
        'record',
        recordBody('2024-10-21', { applicantAttended: false }),
      ).expect(200);
      expect(await caseView(reviewed.id)).toMatchObject({
        hearingsHeld: 1,
        opinionHeardOn: null,
      });
    });

    it('keeps opinions already recorded', async () => {
      const { reviewed, hearing } = await scheduled();
      await run(t, clerk(), reviewed.id, 'record-opinion-heard', {
        heardOn: '2024-10-15',
        how: 'phone',
      });
      await hearingCommand(t, clerk(), hearing.id, 'record', recordBody('2024-10-21')).expect(200);
      expect(await caseView(reviewed.id)).toMatchObject({
        hearingsHeld: 1,
        opinionHeardOn: '2024-10-15',
        opinionHeardHow: 'phone',
      });
    });

    it('refuses to record while the case is suspended (409)', async () => {
      const { reviewed, hearing } = await scheduled();
      await command(t, clerk(), reviewed.id, 'suspend', {
        suspendedOn: '2024-10-18',
        ground: 'force_majeure',
      }).expect(200);
      const response = await hearingCommand(
        t,
        clerk(),
        hearing.id,
        'record',
        recordBody('2024-10-21'),
      ).expect(409);
      expect(response.body).toMatchObject({ caseStatus: 'suspended' });
    });
  });

  describe('the major-case gate of conclusion (第五十条)', () => {
    it('refuses to conclude a major case without a held hearing, and concludes once one is recorded', async () => {
      const { reviewed, hearing } = await scheduled({}, { major: true });
      await run(t, clerk(), reviewed.id, 'record-opinion-heard', {
        heardOn: '2024-10-15',
        how: 'phone',
      });
      const refused = await command(t, clerk(), reviewed.id, 'conclude', {
        concludedOn: '2024-11-20',
        outcome: 'revoke',
      }).expect(422);
      expect(refused.body).toMatchObject({
        rule: 'hearing_required',
        basis: expect.stringContaining('第五十条'),
      });
      await hearingCommand(t, clerk(), hearing.id, 'record', recordBody('2024-10-21')).expect(200);
      const concluded = await run(t, clerk(), reviewed.id, 'conclude', {
        concludedOn: '2024-11-20',
        outcome: 'revoke',
      });
      expect(concluded).toMatchObject({ status: 'concluded', hearingsHeld: 1 });
    });

    it('concludes a major case whose only hearing of the parties was the 听证 itself', async () => {
      const { reviewed, hearing } = await scheduled({}, { major: true });
      const unheard = await command(t, clerk(), reviewed.id, 'conclude', {
        concludedOn: '2024-11-20',
        outcome: 'uphold',
      }).expect(422);
      expect(unheard.body.rule).toBe('opinions_not_heard');
      await hearingCommand(t, clerk(), hearing.id, 'record', recordBody('2024-10-21')).expect(200);
      await run(t, clerk(), reviewed.id, 'conclude', {
        concludedOn: '2024-11-20',
        outcome: 'uphold',
      });
    });

    it('does not let a 听取意见 satisfy the hearing requirement', async () => {
      const { reviewed, hearing } = await scheduled(
        { kind: 'opinion_hearing', panelMemberIds: [] },
        { major: true },
      );
      await hearingCommand(t, clerk(), hearing.id, 'record', recordBody('2024-10-21')).expect(200);
      const refused = await command(t, clerk(), reviewed.id, 'conclude', {
        concludedOn: '2024-11-20',
        outcome: 'revoke',
      }).expect(422);
      expect(refused.body.rule).toBe('hearing_required');
    });
  });
});
