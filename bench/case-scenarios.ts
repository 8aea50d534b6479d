import { Client } from 'pg';
import { BENCH_AGENCY_CODE, BENCH_CLERK, BENCH_CLERK_PASSWORD } from './seed-bench';
import type { Scenario } from './run-bench';

/** The fixed rate of the case scenarios (issue: p99 < 20 ms for one case, < 50 ms for lists). */
const CASE_RATE = 300;

interface SeededCases {
  agencyId: string;
  caseId: string;
  /** A pending lawsuit, when the dataset has lawsuits. */
  lawsuitId: string | null;
}

async function seededCase(url: string): Promise<SeededCases | null> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const agency = await client.query<{ id: string }>('SELECT id FROM agency WHERE code = $1', [
      BENCH_AGENCY_CODE,
    ]);
    if (!agency.rows[0]) return null;
    const found = await client.query<{ id: string }>(
      `SELECT id FROM reconsideration_case WHERE agency_id = $1 AND status = 'under_review' LIMIT 1`,
      [agency.rows[0].id],
    );
    if (!found.rows[0]) return null;
    const lawsuit = await client.query<{ id: string }>(
      `SELECT id FROM litigation_case WHERE agency_id = $1 AND status = 'pending' LIMIT 1`,
      [agency.rows[0].id],
    );
    return {
      agencyId: agency.rows[0].id,
      caseId: found.rows[0].id,
      lawsuitId: lawsuit.rows[0]?.id ?? null,
    };
  } finally {
    await client.end();
  }
}

async function clerkToken(apiBase: string): Promise<string> {
  const response = await fetch(`${apiBase}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_CLERK, password: BENCH_CLERK_PASSWORD }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (!body.accessToken) throw new Error(`bench clerk login failed: ${response.status}`);
  return body.accessToken;
}

/**
 * Case scenarios, when the database holds the dataset of `npm run seed:bench`: one
 * reconsideration case, the list, a search, one lawsuit, the mixed worklist (reconsideration and
 * litigation deadlines) and intake, as the seeded clerk.
 */
export async function caseScenarios(url: string, apiBase: string): Promise<Scenario[]> {
  const seeded = await seededCase(url);
  if (!seeded) return [];
  const headers = { authorization: `Bearer ${await clerkToken(apiBase)}` };
  const cases = `${apiBase}/api/v1/reconsideration-cases`;
  const read = (name: string, description: string, path: string): Scenario => ({
    name,
    description,
    url: `${apiBase}${path}`,
    headers,
    fixedRate: true,
    rate: CASE_RATE,
    server: 'api',
  });
  return [
    read(
      'case-get',
      'GET one case with its deadlines (1M cases)',
      `/api/v1/reconsideration-cases/${seeded.caseId}`,
    ),
    read('case-list', 'GET the first page of cases, newest first', '/api/v1/reconsideration-cases'),
    read(
      'case-search',
      'GET cases matching a Chinese applicant substring',
      `/api/v1/reconsideration-cases?q=${encodeURIComponent('张伟1234')}`,
    ),
    ...(seeded.lawsuitId === null
      ? []
      : [
          read(
            'lawsuit-get',
            'GET one lawsuit with defendants, judgment and deadlines (100k lawsuits)',
            `/api/v1/litigation-cases/${seeded.lawsuitId}`,
          ),
        ]),
    read(
      'worklist',
      'GET the first page of the mixed deadline worklist (reconsideration and litigation)',
      '/api/v1/deadlines',
    ),
    {
      name: 'case-create',
      description: 'POST a new application (receipt number, event, deadlines, outbox, audit)',
      url: cases,
      method: 'POST',
      headers,
      body: {
        applicants: [{ kind: 'person', name: '基准申请人', idNumber: '360281199001011230' }],
        respondent: { name: '乐平市公安局' },
        contestedAct: {
          title: '行政处罚决定书',
          actOn: '2026-10-20',
          field: 'public_security',
          actKind: 'administrative_penalty',
        },
        knownOn: '2026-11-02',
        receivedOn: '2026-11-20',
        channel: 'in_person',
        requests: '撤销行政处罚决定',
      },
      server: 'api',
    },
  ];
}

export interface SweepTimings {
  nothingDueMs: number;
  dueDeadlines: number;
  dueMs: number;
  marked: number;
}

async function sweep(apiBase: string, token: string): Promise<{ ms: number; marked: number }> {
  const started = performance.now();
  const response = await fetch(`${apiBase}/api/v1/workflow/sweep`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { markedOverdue?: number };
  if (!response.ok) throw new Error(`sweep answered ${response.status}`);
  return { ms: Math.round(performance.now() - started), marked: body.markedOverdue ?? 0 };
}

/**
 * Sweep timings on the seeded dataset: once to catch up, once with nothing due, and once after
 * 10,000 open deadlines were made due yesterday. Null without the dataset.
 */
export async function measureSweeps(
  url: string,
  apiBase: string,
  adminToken: string,
): Promise<SweepTimings | null> {
  if (!(await seededCase(url))) return null;
  await sweep(apiBase, adminToken);
  const nothingDue = await sweep(apiBase, adminToken);
  const client = new Client({ connectionString: url });
  await client.connect();
  let dueDeadlines: number;
  try {
    const updated = await client.query(
      `UPDATE deadline SET due_on = current_date - 1
        WHERE id IN (SELECT id FROM deadline WHERE status = 'open' AND kind = 'decision' LIMIT 10000)`,
    );
    dueDeadlines = updated.rowCount ?? 0;
  } finally {
    await client.end();
  }
  const due = await sweep(apiBase, adminToken);
  return { nothingDueMs: nothingDue.ms, dueDeadlines, dueMs: due.ms, marked: due.marked };
}
