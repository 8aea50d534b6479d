import request from 'supertest';
import type { Actor } from '../../src/common/auth/actor';
import { ProblemException } from '../../src/common/problem/problem';
import { CourtSessionQueriesService } from '../../src/modules/litigation/court-session-queries.service';
import { CourtSessionSchedulingService } from '../../src/modules/litigation/court-session-scheduling.service';
import { LitigationCourtMessagesService } from '../../src/modules/litigation/litigation-court-messages.service';
import { LitigationQueriesService } from '../../src/modules/litigation/litigation-queries.service';
import { ID_NUMBERS } from '../factories/case.factory';
import { startAppWithTenant, type AgencyRef, type Tenant } from '../factories/identity.factory';
import type { TestApp } from '../setup/test-app';
import { courtCaseNumber, defendantAgency } from './litigation-helpers';

/**
 * The service methods the court liaison integration builds its routes on, called with an API
 * client's actor: writes keyed by the court's identifiers, so a repeat is the same thing.
 */
describe('Litigation services for the court liaison (API-client actor)', () => {
  let t: TestApp;
  let tenant: Tenant;
  let bureau: AgencyRef;
  let court: Actor;
  let cases: LitigationCourtMessagesService;
  let sessions: CourtSessionSchedulingService;

  beforeAll(async () => {
    let adminToken: string;
    ({ t, adminToken, tenant } = await startAppWithTenant());
    bureau = await defendantAgency(t, adminToken, tenant.agency.id);
    court = {
      kind: 'api_client',
      id: '5d1f3c2a-8b7e-4f6a-9c0d-1e2f3a4b5c6d',
      name: '法院联络系统',
      agencyId: tenant.agency.id,
      roles: ['court_liaison'],
    };
    cases = t.app.get(LitigationCourtMessagesService);
    sessions = t.app.get(CourtSessionSchedulingService);
  });
  afterAll(() => t.close());

  const filing = {
    courtName: '乐平市人民法院',
    instance: 'first' as const,
    plaintiffs: [{ kind: 'person' as const, name: '张三', idNumber: ID_NUMBERS.zhang }],
    defendantAgencyCodes: [] as string[],
    cause: '不服行政处罚决定',
    actKind: 'administrative_penalty',
    filedOn: '2026-05-20',
    complaintServedOn: '2026-05-25',
  };

  async function eventTypes(caseId: string): Promise<string[]> {
    const events = await request(t.http)
      .get(`/api/v1/litigation-cases/${caseId}/events`)
      .auth(tenant.viewer.token, { type: 'bearer' })
      .expect(200);
    return events.body.items.map((e: { type: string }) => e.type);
  }

  it('creates a case from the filing by 案号, updates it on a repeat, never duplicates', async () => {
    const number = courtCaseNumber();
    const body = { ...filing, defendantAgencyCodes: [bureau.code] };
    const first = await cases.upsertFromCourtFiling(court, number, body);
    expect(first.created).toBe(true);
    const again = await cases.upsertFromCourtFiling(
      court,
      number.replace('（', '(').replace('）', ')'),
      body,
    );
    expect(again).toEqual({ created: false, id: first.id });
    expect(await eventTypes(first.id)).toEqual(['created']);
    await cases.upsertFromCourtFiling(court, number, {
      ...body,
      courtName: '景德镇市中级人民法院',
    });
    expect(await eventTypes(first.id)).toEqual(['created', 'filing_updated']);
    const view = await t.app.get(LitigationQueriesService).get(court, first.id);
    expect(view).toMatchObject({
      courtName: '景德镇市中级人民法院',
      defendants: [expect.objectContaining({ agencyId: bureau.id, role: 'original_act' })],
    });
    // An API client sees ID numbers masked.
    expect(view.plaintiffs[0].idNumber).not.toBe(ID_NUMBERS.zhang);
    await expect(
      cases.upsertFromCourtFiling(court, courtCaseNumber(), {
        ...filing,
        defendantAgencyCodes: ['NO-SUCH-CODE'],
      }),
    ).rejects.toBeInstanceOf(ProblemException);
  });

  it('schedules a session by the court’s id, reschedules on a change, reads the plan by that id', async () => {
    const number = courtCaseNumber();
    const { id: caseId } = await cases.upsertFromCourtFiling(court, number, {
      ...filing,
      defendantAgencyCodes: [bureau.code],
    });
    const notice = {
      courtSessionId: 'FY-2026-0001',
      startsAt: '2026-06-10T09:30:00+08:00',
      courtroom: '第三审判庭',
      headSummoned: true,
      noticeServedOn: '2026-06-01',
    };
    const first = await sessions.upsertFromCourt(court, number, notice);
    expect(first.created).toBe(true);
    expect(await sessions.upsertFromCourt(court, number, notice)).toEqual({
      created: false,
      id: first.id,
    });
    await sessions.upsertFromCourt(court, number, {
      ...notice,
      startsAt: '2026-06-12T09:30:00+08:00',
    });
    expect(await eventTypes(caseId)).toEqual([
      'created',
      'court_session_scheduled',
      'court_session_rescheduled',
    ]);
    const queries = t.app.get(CourtSessionQueriesService);
    const sessionId = await queries.sessionIdByCourtSessionId(court, 'FY-2026-0001');
    expect(sessionId).toBe(first.id);
    const plan = await queries.appearancePlanOf(court, first.id);
    expect(plan).toMatchObject({
      courtSessionId: 'FY-2026-0001',
      sessionOn: '2026-06-12',
      headSummoned: true,
      appearances: [
        expect.objectContaining({
          defendantAgencyId: bureau.id,
          plan: null,
          planIssues: expect.arrayContaining([
            expect.objectContaining({ code: 'summoned_head_not_planned' }),
          ]),
        }),
      ],
    });
  });

  it('records a judgment by the court’s document id once; a different one is 409', async () => {
    const number = courtCaseNumber();
    const { id } = await cases.upsertFromCourtFiling(court, number, {
      ...filing,
      defendantAgencyCodes: [bureau.code],
    });
    const judgment = {
      courtDocumentId: 'DOC-2026-77',
      decidedOn: '2026-05-28',
      kind: 'judgment' as const,
      disposition: 'dismissed_claims' as const,
    };
    expect(await cases.recordCourtJudgment(court, number, judgment)).toEqual({ created: true, id });
    expect(await cases.recordCourtJudgment(court, number, judgment)).toEqual({
      created: false,
      id,
    });
    // The repeat that adds the service records it.
    await cases.recordCourtJudgment(court, number, { ...judgment, servedOn: '2026-05-29' });
    expect(await eventTypes(id)).toEqual(['created', 'judged', 'judgment_served']);
    await expect(
      cases.recordCourtJudgment(court, number, { ...judgment, disposition: 'revoked' }),
    ).rejects.toMatchObject({ status: 409 });
  });
});
