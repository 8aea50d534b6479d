import request from 'supertest';
import { createAgency, unique, type AgencyRef } from '../factories/identity.factory';
import { ID_NUMBERS } from '../factories/case.factory';
import type { TestApp } from '../setup/test-app';

export interface LitigationView {
  id: string;
  status: string;
  version: number;
  courtCaseNumber: string;
  coDefendant: boolean;
  defendants: Array<{ agencyId: string; role: string; task: string }>;
  plaintiffs: Array<{ kind: string; name: string; idNumber: string | null }>;
  judgment: { result: string; servedOn: string | null; appealable: string } | null;
  deadlines: Array<{
    kind: string;
    startOn: string;
    dueOn: string | null;
    status: string;
    metOn: string | null;
    basis: string | null;
    courtSessionId: string | null;
    ifMissed: { consequence: string; basis: string } | null;
    explanation: Record<string, unknown> | null;
  }>;
  [key: string]: unknown;
}

let sequence = 0;

/** A fresh 案号 of the basic court of 乐平 (赣0281) in 2026. */
export function courtCaseNumber(type = '行初', year = 2026): string {
  sequence += 1;
  return `（${year}）赣0281${type}${(process.pid % 1000) * 1000 + sequence}号`;
}

/** An administrative agency of the body (a defendant). */
export function defendantAgency(
  t: TestApp,
  adminToken: string,
  bodyId: string,
  name = '乐平市自然资源局',
): Promise<AgencyRef> {
  return createAgency(t, adminToken, {
    name: `${name}${unique('')}`,
    kind: 'administrative_agency',
    parentId: bodyId,
  });
}

export function litigationBody(
  defendantAgencyIds: string[] | undefined,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    courtCaseNumber: courtCaseNumber(),
    courtName: '乐平市人民法院',
    instance: 'first',
    plaintiffs: [{ kind: 'person', name: '张三', idNumber: ID_NUMBERS.zhang }],
    ...(defendantAgencyIds ? { defendantAgencyIds } : {}),
    cause: '不服行政处罚决定',
    actKind: 'administrative_penalty',
    field: 'natural_resources',
    filedOn: '2026-05-20',
    complaintReceivedOn: '2026-05-25',
    ...overrides,
  };
}

export function postLitigation(t: TestApp, token: string, body: Record<string, unknown>) {
  return request(t.http)
    .post('/api/v1/litigation-cases')
    .auth(token, { type: 'bearer' })
    .send(body);
}

export async function createLitigation(
  t: TestApp,
  token: string,
  body: Record<string, unknown>,
): Promise<LitigationView> {
  const response = await postLitigation(t, token, body);
  if (response.status !== 201) throw new Error(`litigation: ${response.status} ${response.text}`);
  return response.body as LitigationView;
}

export function litigationCommand(
  t: TestApp,
  token: string,
  id: string,
  name: string,
  body: object,
) {
  return request(t.http)
    .post(`/api/v1/litigation-cases/${id}/${name}`)
    .auth(token, { type: 'bearer' })
    .send(body);
}

export async function runLitigation(
  t: TestApp,
  token: string,
  id: string,
  name: string,
  body: object,
): Promise<LitigationView> {
  const response = await litigationCommand(t, token, id, name, body);
  if (response.status !== 200) throw new Error(`${name}: ${response.status} ${response.text}`);
  return response.body as LitigationView;
}

export function deadline(view: LitigationView, kind: string) {
  return view.deadlines.find((item) => item.kind === kind);
}
