/*
 * `npm run seed:bench`: a realistic dataset for the benchmarks — by default 1,000,000
 * reconsideration cases over five years with their events and deadlines, and 100,000 lawsuits
 * against the body with their deadlines, judgments and court sessions — generated in bulk inside
 * PostgreSQL. Target: DATABASE_URL, or the embedded server kept in ./.data/bench-pg.
 *
 * Knobs: BENCH_CASES (1000000), BENCH_LAWSUITS (100000), BENCH_DAYS (1826), BENCH_DATA_DIR.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { hashPassword } from '../src/modules/identity/password-hasher';
import { startEmbeddedDatabase, type RunningDatabase } from '../src/database/embedded-database';
import { runMigrations } from '../src/database/run-migrations';
import { legalDateOf } from '../src/common/clock/legal-date-of';
import { seedDataset } from './seed-dataset';
import { seedLitigationDataset } from './seed-litigation';

/** The embedded server's data (BENCH_DATA_DIR to keep another dataset beside it). */
export const BENCH_DATA_DIR = process.env.BENCH_DATA_DIR
  ? resolve(process.env.BENCH_DATA_DIR)
  : resolve(__dirname, '..', '..', '.data', 'bench-pg');
export const BENCH_AGENCY_CODE = 'BENCH';
export const BENCH_CLERK = 'bench-clerk';
export const BENCH_CLERK_PASSWORD = 'bench-clerk-password';
/** The seeded database's admin, so that the benchmark can log in and sweep. */
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';

/** `url`: the owner (the benchmarks migrate and seed); `ownerUrl` absent, `appUrl` the app's role. */
export async function openBenchDatabase(): Promise<RunningDatabase & { appUrl: string }> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, appUrl: external, stop: async () => {} };
  const database = await startEmbeddedDatabase(BENCH_DATA_DIR, 'fuyi_bench');
  return { ...database, url: database.ownerUrl ?? database.url, appUrl: database.url };
}

async function main(): Promise<void> {
  const cases = Number(process.env.BENCH_CASES ?? 1_000_000);
  const lawsuits = Number(process.env.BENCH_LAWSUITS ?? 100_000);
  const days = Number(process.env.BENCH_DAYS ?? 1826);
  const database = await openBenchDatabase();
  const client = new Client({ connectionString: database.url });
  try {
    await runMigrations(database.url);
    await client.connect();
    const agencyId = randomUUID();
    const clerkId = randomUUID();
    // A fresh dataset each time (the audit trail, append-only, keeps its rows).
    await client.query(
      `TRUNCATE deadline, case_event, outbox_message, court_appearance, court_session,
                litigation_judgment, litigation_defendant, litigation_case, reconsideration_case,
                number_sequence CASCADE`,
    );
    await client.query(`DELETE FROM app_user WHERE username = $1`, [BENCH_CLERK]);
    await client.query(
      `INSERT INTO app_user (username, display_name, password_hash, roles, active, token_version, version)
       VALUES ('admin', 'Administrator', $1, '{admin}', true, 0, 1)
       ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash,
              token_version = app_user.token_version + 1`,
      [await hashPassword(BENCH_ADMIN_PASSWORD)],
    );
    await client.query(`DELETE FROM agency WHERE code = $1`, [BENCH_AGENCY_CODE]);
    await client.query(
      `INSERT INTO agency (id, name, code, kind, tenant_id, receipt_number_template, case_number_template, version)
       VALUES ($1, '乐平市人民政府（基准）', $2, 'reconsideration_body', $1, 'BENCH复收〔{year}〕{seq}号', 'BENCH复〔{year}〕{seq}号', 1)`,
      [agencyId, BENCH_AGENCY_CODE],
    );
    await client.query(
      `INSERT INTO app_user (id, username, display_name, password_hash, roles, agency_id, active, token_version, version)
       VALUES ($1, $2, '基准承办人', $3, '{clerk}', $4, true, 0, 1)`,
      [clerkId, BENCH_CLERK, await hashPassword(BENCH_CLERK_PASSWORD), agencyId],
    );
    // Numbers continue after the seeded ones, per year.
    const started = Date.now();
    const today = legalDateOf(new Date());
    await seedDataset(client, { agencyId, handlerId: clerkId, cases, days, today });
    await seedLitigationDataset(client, { agencyId, cases: lawsuits, days, today });
    await client.query(
      `INSERT INTO number_sequence (agency_id, kind, year, last_value)
       SELECT $1, kind, y, $2 FROM generate_series(2000, 2100) AS y,
              unnest(ARRAY['receipt', 'case']) AS kind`,
      [agencyId, cases],
    );
    const [{ events }] = (await client.query('SELECT count(*)::int AS events FROM case_event'))
      .rows as Array<{ events: number }>;
    const [{ deadlines }] = (await client.query('SELECT count(*)::int AS deadlines FROM deadline'))
      .rows as Array<{ deadlines: number }>;
    process.stdout.write(
      `seeded ${cases} cases, ${lawsuits} lawsuits, ${events} events, ${deadlines} deadlines in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await client.end().catch(() => {});
    await database.stop();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
