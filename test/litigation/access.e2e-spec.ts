import request from 'supertest';
import { createTenant, startAppWithTenant, type Tenant } from '../factories/identity.factory';
import type { TestApp } from '../setup/test-app';
import { createLitigation, defendantAgency, litigationBody } from './litigation-helpers';

/** Every litigation route: viewers read but never write; another body's records do not exist. */
describe('Litigation routes: roles and tenant isolation', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let caseId: string;
  let sessionId: string;

  beforeAll(async () => {
    let adminToken: string;
    ({ t, adminToken, tenant } = await startAppWithTenant());
    other = await createTenant(t, adminToken);
    const bureau = await defendantAgency(t, adminToken, tenant.agency.id);
    caseId = (await createLitigation(t, tenant.clerk.token, litigationBody([bureau.id]))).id;
    const session = await request(t.http)
      .post(`/api/v1/litigation-cases/${caseId}/sessions`)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .send({
        startsAt: '2026-06-10T09:30:00+08:00',
        courtroom: '第三审判庭',
        noticeReceivedOn: '2026-06-01',
        headSummoned: false,
      })
      .expect(201);
    sessionId = session.body.id;
  });
  afterAll(() => t.close());

  const writes = (): Array<[string, string, object]> => [
    ['patch', `/api/v1/litigation-cases/${caseId}`, { cause: '不服' }],
    ['post', `/api/v1/litigation-cases/${caseId}/submit-defense`, { submittedOn: '2026-06-01' }],
    [
      'post',
      `/api/v1/litigation-cases/${caseId}/record-judgment`,
      { decidedOn: '2026-06-01', kind: 'judgment', disposition: 'revoked' },
    ],
    ['post', `/api/v1/litigation-cases/${caseId}/record-service`, { servedOn: '2026-06-01' }],
    [
      'post',
      `/api/v1/litigation-cases/${caseId}/appeal`,
      { appealedOn: '2026-06-01', by: 'agency' },
    ],
    ['post', `/api/v1/litigation-cases/${caseId}/close`, { closedOn: '2026-06-01' }],
    [
      'post',
      `/api/v1/litigation-cases/${caseId}/record-judicial-recommendation`,
      { receivedOn: '2026-06-01', summary: '规范执法' },
    ],
    [
      'post',
      `/api/v1/litigation-cases/${caseId}/sessions`,
      {
        startsAt: '2026-06-12T09:30:00+08:00',
        courtroom: '一庭',
        noticeReceivedOn: '2026-06-01',
        headSummoned: false,
      },
    ],
    [
      'post',
      `/api/v1/court-sessions/${sessionId}/reschedule`,
      { startsAt: '2026-06-15T09:30:00+08:00', noticeReceivedOn: '2026-06-01' },
    ],
    ['post', `/api/v1/court-sessions/${sessionId}/cancel`, { reason: '延期' }],
    [
      'put',
      `/api/v1/court-sessions/${sessionId}/appearance-plan`,
      { staff: { name: '钱科长', title: '科长' } },
    ],
    [
      'put',
      `/api/v1/court-sessions/${sessionId}/appearance`,
      { heldOn: '2026-06-01', appeared: false },
    ],
  ];

  const reads = () => [
    `/api/v1/litigation-cases/${caseId}`,
    `/api/v1/litigation-cases/${caseId}/deadlines`,
    `/api/v1/litigation-cases/${caseId}/events`,
    `/api/v1/court-sessions/${sessionId}`,
  ];

  function send(method: string, url: string, token: string, body: object) {
    const agent = request(t.http);
    const call =
      method === 'patch' ? agent.patch(url) : method === 'put' ? agent.put(url) : agent.post(url);
    return call.auth(token, { type: 'bearer' }).send(body);
  }

  it('a viewer may not write (403) on any route', async () => {
    for (const [method, url, body] of writes()) {
      const response = await send(method, url, tenant.viewer.token, body);
      expect({ url, status: response.status }).toEqual({ url, status: 403 });
    }
  });

  it('another body’s clerk and head find nothing to write (404)', async () => {
    for (const [method, url, body] of writes()) {
      for (const token of [other.clerk.token, other.head.token]) {
        const response = await send(method, url, token, body);
        expect({ url, status: response.status }).toEqual({ url, status: 404 });
      }
    }
  });

  it('another body’s viewer finds nothing to read (404), and empty lists and rates', async () => {
    for (const url of reads()) {
      const response = await request(t.http).get(url).auth(other.viewer.token, { type: 'bearer' });
      expect({ url, status: response.status }).toEqual({ url, status: 404 });
      await request(t.http).get(url).auth(tenant.viewer.token, { type: 'bearer' }).expect(200);
    }
    for (const url of [
      '/api/v1/litigation-cases',
      '/api/v1/court-sessions',
      '/api/v1/court-appearances',
    ]) {
      const response = await request(t.http)
        .get(url)
        .auth(other.viewer.token, { type: 'bearer' })
        .expect(200);
      expect(response.body.items).toEqual([]);
    }
    const feed = await request(t.http)
      .get('/api/v1/court-sessions.ics')
      .auth(other.viewer.token, { type: 'bearer' })
      .expect(200);
    expect(feed.text).not.toContain(sessionId);
    const rate = await request(t.http)
      .get('/api/v1/court-appearances/rate')
      .auth(other.viewer.token, { type: 'bearer' })
      .expect(200);
    expect(rate.body.variants[0]).toMatchObject({ numerator: 0, denominator: 0, value: null });
    await request(t.http).get(`/api/v1/litigation-cases/${caseId}`).expect(401);
  });
});
