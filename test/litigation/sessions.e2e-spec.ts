import request from 'supertest';
import { computeAppearanceRates } from '../../src/domain/litigation/appearance-rates.rule';
import { TenantScope } from '../../src/common/tenancy/tenant-scope';
import { CourtSessionRepository } from '../../src/modules/litigation/court-session.repository';
import {
  createTenant,
  startAppWithTenant,
  type AgencyRef,
  type Tenant,
} from '../factories/identity.factory';
import { expectFieldError, expectProblem } from '../setup/expect-problem';
import type { TestApp } from '../setup/test-app';
import {
  createLitigation,
  defendantAgency,
  litigationBody,
  type LitigationView,
} from './litigation-helpers';

interface SessionView {
  id: string;
  status: string;
  version: number;
  startsAt: string;
  appearanceNotice: { days: number; shortNotice: boolean; earliestSessionOn: string };
  appearance: { classification: string } | null;
  appearances: Array<{
    defendantAgencyId: string;
    planIssues: Array<{ code: string }>;
    appearance: { classification: string } | null;
  }>;
  [key: string]: unknown;
}

const OFFICIAL = { name: '王局长', title: '局长', rank: 'principal' };
const DEPUTY = { name: '赵副局长', title: '副局长', rank: 'deputy' };
const STAFF = { name: '钱科长', title: '法制科科长' };

/** Court sessions and appearances (clock: Monday 2026-06-01). */
describe('Court sessions, appearance plans and records, rates', () => {
  let t: TestApp;
  let adminToken: string;
  let tenant: Tenant;
  let bureau: AgencyRef;

  beforeAll(async () => {
    ({ t, adminToken, tenant } = await startAppWithTenant());
    bureau = await defendantAgency(t, adminToken, tenant.agency.id);
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ type: 'bearer' as const, token });

  async function schedule(
    token: string,
    caseId: string,
    body: Record<string, unknown>,
  ): Promise<SessionView> {
    const response = await request(t.http)
      .post(`/api/v1/litigation-cases/${caseId}/sessions`)
      .auth(auth(token).token, { type: 'bearer' })
      .send({ courtroom: '第三审判庭', headSummoned: false, ...body });
    if (response.status !== 201) throw new Error(`session: ${response.status} ${response.text}`);
    return response.body as SessionView;
  }

  function put(token: string, id: string, what: string, body: object) {
    return request(t.http)
      .put(`/api/v1/court-sessions/${id}/${what}`)
      .auth(token, { type: 'bearer' })
      .send(body);
  }

  async function record(token: string, id: string, body: object): Promise<SessionView> {
    const response = await put(token, id, 'appearance', body);
    if (response.status !== 200) throw new Error(`record: ${response.status} ${response.text}`);
    return response.body as SessionView;
  }

  it('schedules with the 3-day notice flagged (never refused), plans, and tracks the identity proof', async () => {
    const lawsuit = await createLitigation(
      t,
      tenant.clerk.token,
      litigationBody([bureau.id], { headSummonRequired: true }),
    );
    // Notice 2026-06-01, session Wednesday 2026-06-03: 2 days < 3 (第五条第二款) → flagged.
    const short = await schedule(tenant.clerk.token, lawsuit.id, {
      startsAt: '2026-06-03T09:30:00+08:00',
      noticeReceivedOn: '2026-06-01',
      headSummoned: true,
    });
    expect(short).toMatchObject({
      status: 'scheduled',
      sessionOn: '2026-06-03',
      appearanceNotice: {
        days: 2,
        requiredDays: 3,
        earliestSessionOn: '2026-06-04',
        shortNotice: true,
      },
    });
    expect(short.appearances[0].planIssues.map((issue) => issue.code)).toEqual([
      'summoned_head_not_planned',
      'absence_reason_missing',
      'staff_missing',
    ]);
    const view = (
      await request(t.http)
        .get(`/api/v1/litigation-cases/${lawsuit.id}`)
        .auth(tenant.viewer.token, { type: 'bearer' })
        .expect(200)
    ).body as LitigationView;
    const proof = view.deadlines.find((d) => d.kind === 'identity_proof');
    // 第六条: filed before the session, at the latest on its day; never rolls.
    expect(proof).toMatchObject({
      courtSessionId: short.id,
      dueOn: '2026-06-03',
      status: 'open',
      ifMissed: { consequence: 'head_deemed_absent', basis: '负责人出庭应诉规定 第六条第二款' },
    });
    expect(view.deadlines.find((d) => d.kind === 'appearance_notice')).toMatchObject({
      courtSessionId: short.id,
      dueOn: '2026-06-04',
      status: 'overdue',
      metOn: '2026-06-03',
    });
    const worklist = await request(t.http)
      .get('/api/v1/deadlines')
      .query({ kind: 'identity_proof' })
      .auth(tenant.head.token, { type: 'bearer' })
      .expect(200);
    expect(worklist.body.items).toEqual([
      expect.objectContaining({
        caseType: 'litigation',
        caseId: lawsuit.id,
        courtSessionId: short.id,
        caseNumber: lawsuit.courtCaseNumber,
        dueOn: '2026-06-03',
      }),
    ]);

    const planned = await put(tenant.clerk.token, short.id, 'appearance-plan', {
      official: OFFICIAL,
      identityProofFiledOn: '2026-06-01',
    }).expect(200);
    expect(planned.body.appearancePlan).toMatchObject({ official: OFFICIAL });
    expect(planned.body.appearances[0].planIssues).toEqual([]);
    const after = (
      await request(t.http)
        .get(`/api/v1/litigation-cases/${lawsuit.id}/deadlines`)
        .auth(tenant.viewer.token, { type: 'bearer' })
        .expect(200)
    ).body as LitigationView['deadlines'];
    expect(after.find((d) => d.kind === 'identity_proof')).toMatchObject({
      status: 'met',
      metOn: '2026-06-01',
    });
    const reminders = await t.dataSource.query<Array<{ available_at: Date }>>(
      `SELECT available_at FROM outbox_message
        WHERE topic = 'court_session.reminder' AND payload->>'sessionId' = $1`,
      [short.id],
    );
    // The working day before Wednesday 2026-06-03 is Tuesday 2026-06-02, from 00:00 CST.
    expect(reminders.map((r) => new Date(r.available_at).toISOString())).toEqual([
      '2026-06-01T16:00:00.000Z',
    ]);
  });

  it('reschedules and cancels; lists by period; serves the iCalendar feed', async () => {
    const lawsuit = await createLitigation(t, tenant.clerk.token, litigationBody([bureau.id]));
    const session = await schedule(tenant.clerk.token, lawsuit.id, {
      startsAt: '2026-06-15T09:30:00+08:00',
      noticeReceivedOn: '2026-06-01',
    });
    expect(session.appearanceNotice.shortNotice).toBe(false);
    const moved = await request(t.http)
      .post(`/api/v1/court-sessions/${session.id}/reschedule`)
      .set('If-Match', `"${session.version}"`)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .send({ startsAt: '2026-06-22T14:00:00+08:00', noticeReceivedOn: '2026-06-01' })
      .expect(200);
    expect(moved.body).toMatchObject({
      startsAt: '2026-06-22T14:00:00+08:00',
      sessionOn: '2026-06-22',
    });
    const listed = await request(t.http)
      .get('/api/v1/court-sessions')
      .query({ from: '2026-06-22', to: '2026-06-22' })
      .auth(tenant.viewer.token, { type: 'bearer' })
      .expect(200);
    expect(listed.body.items.map((s: SessionView) => s.id)).toEqual([session.id]);
    const feed = await request(t.http)
      .get('/api/v1/court-sessions.ics')
      .auth(tenant.viewer.token, { type: 'bearer' })
      .expect(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.text).toContain(`UID:court-session-${session.id}@fuyi`);
    const cancelled = await request(t.http)
      .post(`/api/v1/court-sessions/${session.id}/cancel`)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .send({ reason: '法院通知延期' })
      .expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    expectProblem(
      await put(tenant.clerk.token, session.id, 'appearance', {
        heldOn: '2026-06-01',
        appeared: false,
      }),
      409,
    );
    const pending = await t.dataSource.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM outbox_message WHERE topic = 'court_session.reminder'
          AND payload->>'sessionId' = $1 AND superseded_at IS NULL`,
      [session.id],
    );
    expect(Number(pending[0].n)).toBe(0);
  });

  it('classifies every kind of record; a well-formed record is always accepted', async () => {
    const lawsuit = await createLitigation(t, tenant.clerk.token, litigationBody([bureau.id]));
    const cases: Array<[object, string]> = [
      [{ appeared: true, official: DEPUTY, spokeOnMerits: true }, 'qualifying_appearance'],
      [
        { appeared: false, absenceReason: 'force_majeure', absenceProofSealed: true, staff: STAFF },
        'excused_absence',
      ],
      [{ appeared: false, absenceReason: 'accident', staff: STAFF }, 'unexcused_absence'],
      [{ appeared: false, staff: STAFF }, 'staff_only_no_reason'],
      [{ appeared: false, lawyerOnly: true }, 'lawyer_only'],
      [{ appeared: false }, 'nobody'],
    ];
    for (const [index, [body, classification]] of cases.entries()) {
      const session = await schedule(tenant.clerk.token, lawsuit.id, {
        startsAt: `2026-05-${String(20 + index).padStart(2, '0')}T09:30:00+08:00`,
        noticeReceivedOn: '2026-05-10',
      });
      const recorded = await record(tenant.clerk.token, session.id, {
        heldOn: `2026-05-${20 + index}`,
        ...body,
      });
      expect(recorded).toMatchObject({ status: 'held', appearance: { classification } });
    }
  });

  it('refuses malformed records and plans with 400, and roles and other bodies', async () => {
    const lawsuit = await createLitigation(t, tenant.clerk.token, litigationBody([bureau.id]));
    const session = await schedule(tenant.clerk.token, lawsuit.id, {
      startsAt: '2026-05-30T09:30:00+08:00',
      noticeReceivedOn: '2026-05-20',
    });
    expectFieldError(
      await put(tenant.clerk.token, session.id, 'appearance', {
        heldOn: '2026-05-30',
        appeared: true,
      }),
      'official',
    );
    expectFieldError(
      await put(tenant.clerk.token, session.id, 'appearance', {
        heldOn: '2026-05-30',
        appeared: false,
        absenceReason: 'too_busy',
        staff: STAFF,
      }),
      'absenceReason',
    );
    expectFieldError(
      await put(tenant.clerk.token, session.id, 'appearance', {
        heldOn: '2026-05-30',
        appeared: true,
        official: { ...OFFICIAL, rank: 'head_of_entrusted_body' },
      }),
      'official.rank',
    );
    expectFieldError(
      await put(tenant.clerk.token, session.id, 'appearance-plan', {
        official: OFFICIAL,
        absenceReason: 'accident',
      }),
      'absenceReason',
    );
    expectProblem(
      await put(tenant.clerk.token, session.id, 'appearance', {
        heldOn: '2026-06-09',
        appeared: false,
      }),
      422,
    );
    await put(tenant.viewer.token, session.id, 'appearance', {
      heldOn: '2026-05-30',
      appeared: false,
    }).expect(403);
    const other = await createTenant(t, adminToken);
    await put(other.clerk.token, session.id, 'appearance', {
      heldOn: '2026-05-30',
      appeared: false,
    }).expect(404);
    await request(t.http)
      .get(`/api/v1/court-sessions/${session.id}`)
      .auth(other.viewer.token, { type: 'bearer' })
      .expect(404);
    await request(t.http)
      .post(`/api/v1/litigation-cases/${lawsuit.id}/sessions`)
      .auth(tenant.viewer.token, { type: 'bearer' })
      .send({
        startsAt: '2026-06-10T09:00:00+08:00',
        courtroom: '一庭',
        noticeReceivedOn: '2026-06-01',
        headSummoned: false,
      })
      .expect(403);
  });

  it('computes the rates over a hand-counted set, in SQL, agreeing with the pure rule', async () => {
    const body = await createTenant(t, adminToken);
    const office = await defendantAgency(t, adminToken, body.agency.id, '乐平市市场监管局');
    const clerk = body.clerk.token;
    const lawsuit = (overrides: Record<string, unknown> = {}, ids = [office.id]) =>
      createLitigation(t, clerk, litigationBody(ids, overrides));
    const held = async (caseId: string, on: string, summoned: boolean) =>
      schedule(clerk, caseId, {
        startsAt: `${on}T09:30:00+08:00`,
        noticeReceivedOn: '2026-05-10',
        headSummoned: summoned,
      });

    // A: two sessions — nobody at the first; the principal head, speaking, at the second
    // (summoned to it).
    const a = await lawsuit();
    await record(clerk, (await held(a.id, '2026-05-20', false)).id, {
      heldOn: '2026-05-20',
      appeared: false,
    });
    await record(clerk, (await held(a.id, '2026-05-27', true)).id, {
      heldOn: '2026-05-27',
      appeared: true,
      official: OFFICIAL,
      spokeOnMerits: true,
    });
    // B: staff only, no reason.
    const b = await lawsuit();
    await record(clerk, (await held(b.id, '2026-05-21', false)).id, {
      heldOn: '2026-05-21',
      appeared: false,
      staff: STAFF,
    });
    // C: co-defendants — the office's deputy appears; the body is excused (sealed proof, staff).
    const c = await lawsuit({}, [office.id, body.agency.id]);
    const cs = await held(c.id, '2026-05-22', false);
    await record(clerk, cs.id, {
      defendantAgencyId: office.id,
      heldOn: '2026-05-22',
      appeared: true,
      official: DEPUTY,
      spokeOnMerits: false,
    });
    await record(clerk, cs.id, {
      defendantAgencyId: body.agency.id,
      heldOn: '2026-05-22',
      appeared: false,
      absenceReason: 'irreplaceable_duty',
      absenceProofSealed: true,
      staff: STAFF,
    });
    // D: no session at all. E: a session scheduled, not held. Neither counts anywhere.
    await lawsuit();
    const e = await lawsuit();
    await schedule(clerk, e.id, {
      startsAt: '2026-06-10T09:30:00+08:00',
      noticeReceivedOn: '2026-06-01',
    });
    // F: the head must be summoned (第四条); only a lawyer came.
    const f = await lawsuit({ headSummonRequired: true });
    await record(clerk, (await held(f.id, '2026-05-25', false)).id, {
      heldOn: '2026-05-25',
      appeared: false,
      lawyerOnly: true,
    });

    const rates = await request(t.http)
      .get('/api/v1/court-appearances/rate')
      .query({ from: '2026-05-01', to: '2026-05-31' })
      .auth(body.viewer.token, { type: 'bearer' })
      .expect(200);
    // Case-instances with a session held: A, B, C, F (4); a qualifying appearance at A and C.
    // Summoned: A (to its second session), F (第四条 case): 2, of which A appeared.
    // (case, defendant) pairs: A, B, C-office, C-body, F (5); appeared: A, C-office.
    // Principal head: A only. Spoke on the merits: A, of the 2 with an appearance.
    expect(
      rates.body.variants.map((v: { name: string; numerator: number; denominator: number }) => [
        v.name,
        v.numerator,
        v.denominator,
      ]),
    ).toEqual([
      ['per_case_instance', 2, 4],
      ['per_summoned_case_instance', 1, 2],
      ['per_defendant_case_instance', 2, 5],
    ]);
    expect(rates.body.variants[0].value).toBe(0.5);
    expect(rates.body.principalHeadRate).toMatchObject({
      numerator: 1,
      denominator: 4,
      value: 0.25,
    });
    expect(rates.body.spokeOnMeritsRate).toMatchObject({ numerator: 1, denominator: 2 });
    expect(rates.body.absencesByReason).toEqual({
      force_majeure: 0,
      accident: 0,
      irreplaceable_duty: 1,
      other_legitimate: 0,
      none: 3,
    });
    expect(rates.body.byClassification).toMatchObject({
      qualifying_appearance: 2,
      excused_absence: 1,
      staff_only_no_reason: 1,
      lawyer_only: 1,
      nobody: 1,
      not_recorded: 0,
    });

    // The same facts through the pure rule give the same figures.
    const facts = await t.app
      .get(CourtSessionRepository)
      .appearanceFacts(TenantScope.of(body.agency.id), '2026-05-01', '2026-05-31');
    const pure = computeAppearanceRates(facts, {
      from: '2026-05-01' as never,
      to: '2026-05-31' as never,
    });
    expect(rates.body.variants).toEqual(pure.variants);
    expect(rates.body.principalHeadRate).toEqual(pure.principalHeadRate);
    expect(rates.body.spokeOnMeritsRate).toEqual(pure.spokeOnMeritsRate);
    expect(rates.body.absencesByReason).toEqual(pure.absencesByReason);
    expect(rates.body.byClassification).toEqual(pure.byClassification);

    const listed = await request(t.http)
      .get('/api/v1/court-appearances')
      .query({ from: '2026-05-01', to: '2026-05-31', limit: 2 })
      .auth(body.viewer.token, { type: 'bearer' })
      .expect(200);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.items[0].heldOn).toBe('2026-05-27');
    expect(listed.body.nextCursor).toEqual(expect.any(String));
  });
});
