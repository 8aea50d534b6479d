import request from 'supertest';
import type { TestApp } from '../setup/test-app';

/** Valid mainland ID numbers (check digits computed by GB 11643). */
export const ID_NUMBERS = {
  zhang: '360281199001011230',
  li: '11010519491231002X',
  wang: '440304198511204516',
};

export function caseBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    applicants: [
      { kind: 'person', name: '张三', idNumber: ID_NUMBERS.zhang, contact: '13800000000' },
    ],
    respondent: { name: '乐平市公安局' },
    contestedAct: {
      title: '行政处罚决定书',
      documentNumber: '乐公（治）行罚决字〔2024〕123号',
      actOn: '2024-08-20',
      field: 'public_security',
      actKind: 'administrative_penalty',
    },
    knownOn: '2024-09-01',
    receivedOn: '2024-09-27',
    channel: 'in_person',
    requests: '撤销行政处罚决定',
    factsAndReasons: '事实不清，证据不足。',
    ...overrides,
  };
}

export interface CaseView {
  id: string;
  status: string;
  version: number;
  receiptNumber: string;
  caseNumber: string | null;
  decisionDueOn: string | null;
  deadlines: Array<{ kind: string; dueOn: string | null; status: string; startOn: string }>;
  [key: string]: unknown;
}

export async function createCase(
  t: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<CaseView> {
  const response = await request(t.http)
    .post('/api/v1/reconsideration-cases')
    .auth(token, { type: 'bearer' })
    .send(caseBody(overrides));
  if (response.status !== 201) throw new Error(`case: ${response.status} ${response.text}`);
  return response.body as CaseView;
}

export function command(t: TestApp, token: string, caseId: string, name: string, body: object) {
  return request(t.http)
    .post(`/api/v1/reconsideration-cases/${caseId}/${name}`)
    .auth(token, { type: 'bearer' })
    .send(body);
}

export async function run(
  t: TestApp,
  token: string,
  caseId: string,
  name: string,
  body: object,
): Promise<CaseView> {
  const response = await command(t, token, caseId, name, body);
  if (response.status !== 200) throw new Error(`${name}: ${response.status} ${response.text}`);
  return response.body as CaseView;
}

export function deadlineOf(view: CaseView, kind: string) {
  return view.deadlines.find((deadline) => deadline.kind === kind);
}
