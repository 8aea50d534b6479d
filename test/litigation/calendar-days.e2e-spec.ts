import request from 'supertest';
import { startAppWithTenant, type AgencyRef, type Tenant } from '../factories/identity.factory';
import type { TestApp } from '../setup/test-app';
import {
  courtCaseNumber,
  createLitigation,
  deadline,
  defendantAgency,
  litigationBody,
  runLitigation,
  type LitigationView,
} from './litigation-helpers';

/*
 * Litigation periods are calendar days (行政诉讼法 第一百零一条 → 民事诉讼法 第八十五条): the start
 * day is not counted; a last day on a rest day moves to the next working day; an adjusted working
 * weekend day (调休上班) is a working day, so a last day on it stays. Hand-computed on the 2026
 * arrangement: 劳动节 rest 2026-05-01 (Fri) – 05-05 (Tue); Saturday 2026-05-09 a working day;
 * 2026-06-07 an ordinary Sunday. Clock: Monday 2026-06-01.
 */
describe('Litigation deadlines in calendar days over holidays, weekends and adjusted working days', () => {
  let t: TestApp;
  let tenant: Tenant;
  let bureau: AgencyRef;

  beforeAll(async () => {
    let adminToken: string;
    ({ t, adminToken, tenant } = await startAppWithTenant());
    bureau = await defendantAgency(t, adminToken, tenant.agency.id);
  });
  afterAll(() => t.close());

  const lawsuit = (overrides: Record<string, unknown>) =>
    createLitigation(t, tenant.clerk.token, litigationBody([bureau.id], overrides));

  it.each([
    // 2026-04-16 + 15 = 2026-05-01, 劳动节 (rest to 05-05) → Wednesday 2026-05-06.
    ['a holiday', '2026-04-16', '2026-05-06'],
    // 2026-05-23 + 15 = Sunday 2026-06-07 → Monday 2026-06-08.
    ['a weekend', '2026-05-23', '2026-06-08'],
    // 2026-04-24 + 15 = Saturday 2026-05-09, an adjusted working day → stays.
    ['an adjusted working Saturday', '2026-04-24', '2026-05-09'],
  ])('defense_submission (15 days, 第六十七条) ending on %s', async (_what, receivedOn, dueOn) => {
    const view = await lawsuit({ filedOn: undefined, complaintReceivedOn: receivedOn });
    expect(deadline(view, 'defense_submission')).toMatchObject({ startOn: receivedOn, dueOn });
  });

  it.each([
    // Judgment served 2026-04-16 + 15 = 2026-05-01 (holiday) → 2026-05-06.
    ['a holiday', 'judgment', 'revoked', '2026-04-16', '2026-05-06'],
    // Ruling served 2026-05-28 + 10 = Sunday 2026-06-07 → 2026-06-08.
    ['a weekend', 'ruling', 'dismissed_suit', '2026-05-28', '2026-06-08'],
    // Judgment served 2026-04-24 + 15 = Saturday 2026-05-09 (working) → stays.
    ['an adjusted working Saturday', 'judgment', 'dismissed_claims', '2026-04-24', '2026-05-09'],
  ])(
    'appeal_window (第八十五条: 15 days judgment, 10 ruling) ending on %s',
    async (_what, kind, disposition, servedOn, dueOn) => {
      const view = await lawsuit({ filedOn: '2026-03-30', complaintReceivedOn: '2026-04-01' });
      const judged = await runLitigation(t, tenant.clerk.token, view.id, 'record-judgment', {
        decidedOn: '2026-04-15',
        kind,
        disposition,
        servedOn,
      });
      expect(deadline(judged, 'appeal_window')).toMatchObject({ startOn: servedOn, dueOn });
    },
  );

  it.each([
    // Filed 2025-11-01 + 6 months = 2026-05-01 (holiday) → 2026-05-06.
    ['a holiday', 'ordinary', '2025-11-01', '2026-05-06'],
    // Simplified: filed 2026-04-23 + 45 days = Sunday 2026-06-07 → 2026-06-08.
    ['a weekend', 'simplified', '2026-04-23', '2026-06-08'],
    // Simplified: filed 2026-03-25 + 45 days = Saturday 2026-05-09 (working) → stays.
    ['an adjusted working Saturday', 'simplified', '2026-03-25', '2026-05-09'],
  ])(
    'first_instance_term (第八十一条 6 months, 第八十三条 45 days) ending on %s',
    async (_what, procedure, filedOn, dueOn) => {
      const view = await lawsuit({ procedure, filedOn, complaintReceivedOn: filedOn });
      expect(deadline(view, 'first_instance_term')).toMatchObject({ startOn: filedOn, dueOn });
    },
  );

  it.each([
    // Appeal filed 2026-02-01 + 3 months = 2026-05-01 (holiday) → 2026-05-06.
    ['a holiday', '2026-02-01', '2026-05-06'],
    // 2026-03-07 + 3 months = Sunday 2026-06-07 → 2026-06-08.
    ['a weekend', '2026-03-07', '2026-06-08'],
    // 2026-02-09 + 3 months = Saturday 2026-05-09 (working) → stays.
    ['an adjusted working Saturday', '2026-02-09', '2026-05-09'],
  ])('second_instance_term (第八十八条, 3 months) ending on %s', async (_what, filedOn, dueOn) => {
    const view = await lawsuit({
      courtCaseNumber: courtCaseNumber('行终'),
      instance: 'second',
      filedOn,
      complaintReceivedOn: filedOn,
    });
    expect(deadline(view, 'second_instance_term')).toMatchObject({ startOn: filedOn, dueOn });
    // No defence period at second instance (第六十七条 is a first-instance rule).
    expect(deadline(view, 'defense_submission')).toBeUndefined();
  });

  it('session deadlines never roll: identity proof on the session day, the 3-day notice counted in calendar days', async () => {
    const view = await lawsuit({ filedOn: '2026-04-20', complaintReceivedOn: '2026-04-22' });
    const cases: Array<[string, string, string, boolean]> = [
      // Session on 2026-05-01 (holiday, an extraordinary sitting): proof due that day; the
      // notice of 2026-04-28 + 3 = 05-01 is enough (a minimum notice does not roll).
      ['2026-05-01T09:00:00+08:00', '2026-04-28', '2026-05-01', false],
      // Session on Sunday 2026-06-07, notice 2026-06-01: 6 days.
      ['2026-06-07T09:00:00+08:00', '2026-06-01', '2026-06-07', false],
      // Session on the working Saturday 2026-05-09, notice 2026-05-07: 2 days → short.
      ['2026-05-09T09:00:00+08:00', '2026-05-07', '2026-05-09', true],
    ];
    for (const [startsAt, noticeReceivedOn, sessionOn, short] of cases) {
      const created = await request(t.http)
        .post(`/api/v1/litigation-cases/${view.id}/sessions`)
        .auth(tenant.clerk.token, { type: 'bearer' })
        .send({ startsAt, courtroom: '第一审判庭', noticeReceivedOn, headSummoned: false })
        .expect(201);
      expect(created.body.appearanceNotice.shortNotice).toBe(short);
      const deadlines = (
        await request(t.http)
          .get(`/api/v1/litigation-cases/${view.id}/deadlines`)
          .auth(tenant.clerk.token, { type: 'bearer' })
          .expect(200)
      ).body as LitigationView['deadlines'];
      const own = deadlines.filter((d) => d.courtSessionId === created.body.id);
      expect(own.find((d) => d.kind === 'identity_proof')).toMatchObject({ dueOn: sessionOn });
      expect(own.find((d) => d.kind === 'appearance_notice')).toMatchObject({
        startOn: noticeReceivedOn,
        status: short ? 'overdue' : 'met',
      });
    }
  });
});
