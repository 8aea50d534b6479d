/*
 * Benchmark of the court liaison integration (issue 12), `npm run bench:integration`:
 *
 *   1. a fresh database on DATABASE_URL's server (required), the API as a child process with
 *      the integration workers on, a body, a clerk, a court key and a loopback webhook receiver;
 *   2. feed lag: writers create reconsideration cases over HTTP at BENCH_WRITE_RATE/s for
 *      BENCH_DURATION s while one reader polls GET /events as fast as it can; the lag of an event
 *      is from its write's response (the commit is before it) to the poll that first returned
 *      it; the first webhook attempt of each event is timed too;
 *   3. webhook throughput: BENCH_MESSAGES outbox messages inserted in one statement, timed until
 *      the receiver has had them all;
 *   4. idempotent PUT: PUT /integrations/court/cases/{案号} at BENCH_PUT_RATE/s evenly paced
 *      (open loop, latency from the scheduled time), each a new filing with a new key, then the
 *      same requests again (replays);
 *   5. results on stdout and in bench/results/integration.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';

const ROOT = resolve(__dirname, '..', '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WRITE_RATE = Number(process.env.BENCH_WRITE_RATE ?? 20);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const PUT_RATE = Number(process.env.BENCH_PUT_RATE ?? 100);
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const PASSWORD = 'bench-admin-password';
const base = `http://127.0.0.1:${PORT}/api/v1`;

function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function summary(values: number[]) {
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    count: values.length,
    p50: round(percentile(values, 0.5)),
    p90: round(percentile(values, 0.9)),
    p99: round(percentile(values, 0.99)),
    max: round(percentile(values, 1)),
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function call(
  method: string,
  path: string,
  auth: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...auth },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

interface Fields {
  id: string;
  accessToken: string;
  apiKey: string;
  nextCursor: string | null;
  items: Array<{ id: string; type: string; aggregate: { id: string } }>;
}

async function must(
  method: string,
  path: string,
  auth: Record<string, string>,
  body?: unknown,
): Promise<Fields> {
  const response = await call(method, path, auth, body);
  if (response.status >= 300) {
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body as Fields;
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    throw new Error('DATABASE_URL (a PostgreSQL server to make a database on) is required');
  const name = `fuyi_bench_integration_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();

  // The loopback receiver.
  const received = new Map<string, number>();
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.set(String(request.headers['webhook-id']), performance.now());
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  const receiverPort = (receiver.address() as AddressInfo).port;

  const api: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
      JWT_SECRET: 'bench-secret-that-is-at-least-32-characters',
      PII_ENCRYPTION_KEY: 'ab'.repeat(32),
      SWEEP_ENABLED: 'false',
      INTEGRATION_WORKERS: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const results: Record<string, unknown> = {};
  try {
    for (let i = 0; ; i += 1) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/health/ready`)).status === 200) break;
      } catch {
        /* not up yet */
      }
      if (i > 400) throw new Error('the API did not start');
      await sleep(150);
    }
    const login = await must('POST', '/auth/login', {}, { username: 'admin', password: PASSWORD });
    const adminAuth = { authorization: `Bearer ${login.accessToken}` };
    const agency = await must('POST', '/agencies', adminAuth, {
      name: '基准测试复议机构',
      code: 'BENCH',
      kind: 'reconsideration_body',
    });
    await must('POST', '/agencies', adminAuth, {
      name: '基准测试公安局',
      code: 'BENCHGA',
      kind: 'administrative_agency',
      parentId: agency.id,
    });
    await must('POST', '/users', adminAuth, {
      username: 'benchclerk',
      displayName: '基准',
      password: 'bench-clerk-password',
      roles: ['clerk', 'head'],
      agencyId: agency.id,
    });
    // A password set by an admin is temporary: changed once before the account may work.
    const firstLogin = await must(
      'POST',
      '/auth/login',
      {},
      { username: 'benchclerk', password: 'bench-clerk-password' },
    );
    await call(
      'POST',
      '/auth/password',
      { authorization: `Bearer ${firstLogin.accessToken}` },
      { currentPassword: 'bench-clerk-password', newPassword: 'Bench-clerk-password-2026!' },
    );
    const clerkLogin = await must(
      'POST',
      '/auth/login',
      {},
      { username: 'benchclerk', password: 'Bench-clerk-password-2026!' },
    );
    const clerk = { authorization: `Bearer ${clerkLogin.accessToken}` };
    const client = await must('POST', '/api-clients', adminAuth, {
      name: 'bench court',
      agencyId: agency.id,
      roles: ['court_liaison'],
    });
    const court = { 'x-api-key': client.apiKey };
    await must('POST', '/webhooks', clerk, {
      url: `http://127.0.0.1:${receiverPort}/hook`,
      events: ['*'],
    });

    // 2. Feed lag under write load.
    const writtenAt = new Map<string, number>();
    const seenAt = new Map<string, number>();
    let writing = true;
    let polls = 0;
    const reader = (async () => {
      let cursor: string | null = null;
      while (writing || seenAt.size < writtenAt.size) {
        const page = await must(
          'GET',
          `/events?limit=1000${cursor ? `&after=${cursor}` : ''}`,
          clerk,
        );
        polls += 1;
        const now = performance.now();
        for (const item of page.items) {
          if (item.type === 'reconsideration_case.received') seenAt.set(item.aggregate.id, now);
        }
        cursor = page.nextCursor;
      }
    })();
    const caseBody = {
      applicants: [{ kind: 'person', name: '张三', idNumber: '360281199001011230' }],
      respondent: { name: '乐平市公安局' },
      contestedAct: {
        title: '行政处罚决定书',
        actOn: '2026-08-20',
        field: 'public_security',
        actKind: 'administrative_penalty',
      },
      knownOn: '2026-09-01',
      receivedOn: '2026-09-27',
      channel: 'in_person',
      requests: '撤销行政处罚决定',
    };
    const writes: Array<Promise<void>> = [];
    const writeStart = performance.now();
    const totalWrites = WRITE_RATE * DURATION;
    for (let i = 0; i < totalWrites; i += 1) {
      const due = writeStart + (i * 1000) / WRITE_RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      writes.push(
        must('POST', '/reconsideration-cases', clerk, caseBody).then((created) => {
          writtenAt.set(created.id, performance.now());
        }),
      );
    }
    await Promise.all(writes);
    writing = false;
    await reader;
    const feedLags = [...writtenAt].map(([id, at]) => Math.max(0, (seenAt.get(id) ?? at) - at));
    results.feedLagMs = { ...summary(feedLags), polls, writeRate: WRITE_RATE, seconds: DURATION };
    // First webhook attempt of those events, from the write's response.
    const events = (
      await must('GET', '/events?limit=1000&types=reconsideration_case.received', clerk)
    ).items as Array<{ id: string; aggregate: { id: string } }>;
    for (let i = 0; i < 100 && [...events].some((e) => !received.has(`msg_${e.id}`)); i += 1) {
      await sleep(100);
    }
    results.webhookFirstAttemptMs = summary(
      events
        .filter((event) => received.has(`msg_${event.id}`) && writtenAt.has(event.aggregate.id))
        .map((event) =>
          Math.max(
            0,
            (received.get(`msg_${event.id}`) as number) -
              (writtenAt.get(event.aggregate.id) as number),
          ),
        ),
    );

    // 3. Webhook throughput to the loopback receiver.
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const before = received.size;
    const insertedAt = performance.now();
    await db.query(
      `INSERT INTO outbox_message (agency_id, topic, payload)
       SELECT $1, 'bench.message', jsonb_build_object('n', n) FROM generate_series(1, $2) AS n`,
      [agency.id, MESSAGES],
    );
    while (received.size < before + MESSAGES) {
      if (performance.now() - insertedAt > 120_000) break;
      await sleep(20);
    }
    const seconds = (performance.now() - insertedAt) / 1000;
    results.webhookThroughput = {
      messages: received.size - before,
      seconds: Math.round(seconds * 100) / 100,
      perSecond: Math.round((received.size - before) / seconds),
    };
    await db.end();

    // 4. Idempotent PUT at a paced rate: new filings, then the same requests replayed.
    const total = PUT_RATE * DURATION;
    const filing = (n: number) => ({
      path: `/integrations/court/cases/${encodeURIComponent(`（2026）赣0281行初${90000 + n}号`)}`,
      body: {
        courtName: '乐平市人民法院',
        instance: 'first',
        plaintiffs: [{ kind: 'person', name: '张三' }],
        defendantAgencyCodes: ['BENCHGA'],
        cause: '不服行政处罚决定',
        filedOn: '2026-10-08',
        complaintServedOn: '2026-10-10',
      },
    });
    const paced = async (label: string) => {
      const latencies: number[] = [];
      const statuses: Record<string, number> = {};
      const start = performance.now();
      const inflight: Array<Promise<void>> = [];
      for (let n = 0; n < total; n += 1) {
        const due = start + (n * 1000) / PUT_RATE;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const { path, body } = filing(n);
        inflight.push(
          call('PUT', path, { ...court, 'idempotency-key': `"bench-${n}"` }, body).then(
            (response) => {
              latencies.push(performance.now() - due);
              statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            },
          ),
        );
      }
      await Promise.all(inflight);
      results[label] = { ...summary(latencies), rate: PUT_RATE, statuses };
    };
    await paced('idempotentPutFirstMs');
    await paced('idempotentPutReplayMs');
  } finally {
    api.kill('SIGTERM');
    await new Promise((done) => api.once('exit', done));
    receiver.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
  console.log(JSON.stringify(results, null, 2));
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench', 'results', 'integration.json'),
    JSON.stringify(results, null, 2),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
