import request from 'supertest';
import { createCase, run, type CaseView } from '../factories/case.factory';
import { createUser, unique, type UserRef } from '../factories/identity.factory';
import type { TestApp } from '../setup/test-app';

export interface Panel {
  presiding: UserRef;
  members: UserRef[];
  recorder: UserRef;
}

export interface HearingView {
  id: string;
  caseId: string;
  kind: string;
  status: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  location: string;
  noticeOn: string;
  version: number;
  [key: string]: unknown;
}

/** Fresh clerks of the agency, so that a test's panel clashes with no other test's. */
export async function people(
  t: TestApp,
  adminToken: string,
  agencyId: string,
  count: number,
): Promise<UserRef[]> {
  const created: UserRef[] = [];
  for (let i = 0; i < count; i++)
    created.push(await createUser(t, adminToken, agencyId, ['clerk']));
  return created;
}

/** A presiding officer, two hearing officers and a recorder (第五十条第三款), all new. */
export async function newPanel(t: TestApp, adminToken: string, agencyId: string): Promise<Panel> {
  const [presiding, first, second, recorder] = await people(t, adminToken, agencyId, 4);
  return { presiding, members: [first, second], recorder };
}

export function panelIds(panel: Panel) {
  return {
    presidingOfficerId: panel.presiding.id,
    panelMemberIds: panel.members.map((member) => member.id),
    recorderId: panel.recorder.id,
  };
}

/** A room no other test uses. */
export function room(): string {
  return unique('第一听证室-');
}

/** A hearing on Monday 2024-10-21 09:00–11:00 in Beijing time, noticed on 2024-10-10. */
export function hearingBody(panel: Panel, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'hearing',
    startsAt: '2024-10-21T09:00:00+08:00',
    durationMinutes: 120,
    location: room(),
    noticeOn: '2024-10-10',
    ...panelIds(panel),
    matters: '行政处罚决定认定事实是否清楚',
    ...overrides,
  };
}

/** A case accepted (under review), by default on 2024-10-08. */
export async function caseUnderReview(
  t: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
  acceptedOn = '2024-10-08',
): Promise<CaseView> {
  const created = await createCase(t, token, overrides);
  return run(t, token, created.id, 'accept', { acceptedOn });
}

export function scheduleRequest(t: TestApp, token: string, caseId: string, body: object) {
  return request(t.http)
    .post(`/api/v1/reconsideration-cases/${caseId}/hearings`)
    .auth(token, { type: 'bearer' })
    .send(body);
}

export async function schedule(
  t: TestApp,
  token: string,
  caseId: string,
  body: object,
): Promise<HearingView> {
  const response = await scheduleRequest(t, token, caseId, body);
  if (response.status !== 201) throw new Error(`schedule: ${response.status} ${response.text}`);
  return response.body as HearingView;
}

export function hearingCommand(
  t: TestApp,
  token: string,
  hearingId: string,
  name: 'reschedule' | 'cancel' | 'record',
  body: object,
  ifMatch?: string,
) {
  const pending = request(t.http)
    .post(`/api/v1/hearings/${hearingId}/${name}`)
    .auth(token, { type: 'bearer' });
  return (ifMatch === undefined ? pending : pending.set('If-Match', ifMatch)).send(body);
}

/** A record of a hearing held on its day, the respondent's deputy head attending. */
export function recordBody(heldOn: string, overrides: Record<string, unknown> = {}) {
  return {
    heldOn,
    applicantAttended: true,
    respondentAttendance: { attended: true, personName: '王五', title: '副局长' },
    notes: '双方陈述、质证、辩论',
    ...overrides,
  };
}
