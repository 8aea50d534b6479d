/*
 * `npm run bench:statistics`: how long the statistics take on a large dataset.
 *  - one body's monthly report (JSON, fresh computation): p50 / p99 over STATS_RUNS runs;
 *  - the roll-up yearly report over every body (the national view): each of 3 runs.
 * Target: DATABASE_URL, or the embedded server of `npm run seed:bench` (./.data/bench-pg).
 *
 * With STATS_BENCH_CASES set, it first replaces the cases by that many, spread over
 * STATS_BENCH_BODIES bodies (default 20) and STATS_BENCH_DAYS days (default 730), generated in
 * PostgreSQL by bench/seed-dataset.ts; else it measures the cases already there (seed:bench).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { legalDateOf } from '../src/common/clock/legal-date-of';
import { loadConfig } from '../src/config/app-config';
import { runMigrations } from '../src/database/run-migrations';
import { parseMonth, yearPeriod } from '../src/domain/statistics/statistics-period.value';
import { StatisticsService } from '../src/modules/statistics/statistics.service';
import { openBenchDatabase } from './seed-bench';
import { seedDataset } from './seed-dataset';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function seedBodies(client: Client, cases: number, bodies: number, days: number) {
  await client.query(
    'TRUNCATE deadline, case_event, outbox_message, reconsideration_case, number_sequence CASCADE',
  );
  await client.query(`DELETE FROM agency WHERE code LIKE 'STATBENCH%'`);
  const today = legalDateOf(new Date());
  for (let index = 0; index < bodies; index++) {
    const agencyId = randomUUID();
    await client.query(
      `INSERT INTO agency (id, name, code, kind, tenant_id, version)
       VALUES ($1, $2, $3, 'reconsideration_body', $1, 1)`,
      [agencyId, `基准复议机关${index + 1}`, `STATBENCH${index + 1}`],
    );
    await seedDataset(client, {
      agencyId,
      handlerId: randomUUID(),
      cases: Math.ceil(cases / bodies),
      days,
      today,
    });
  }
}

async function main(): Promise<void> {
  const runs = Number(process.env.STATS_RUNS ?? 50);
  const database = await openBenchDatabase();
  try {
    await runMigrations(database.url);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      if (process.env.STATS_BENCH_CASES) {
        const started = Date.now();
        await seedBodies(
          client,
          Number(process.env.STATS_BENCH_CASES),
          Number(process.env.STATS_BENCH_BODIES ?? 20),
          Number(process.env.STATS_BENCH_DAYS ?? 730),
        );
        process.stdout.write(`seeded in ${Date.now() - started} ms\n`);
      }
      const [{ total }] = await client
        .query<{ total: number }>('SELECT count(*)::int AS total FROM reconsideration_case')
        .then((r) => r.rows);
      const [busiest] = (
        await client.query<{ code: string; cases: number; month: string; year: string }>(
          `SELECT a.code, b.cases, b.month, b.year FROM (
             SELECT agency_id, count(*)::int AS cases,
                    to_char(max(received_on) - interval '1 month', 'YYYY-MM') AS month,
                    (SELECT to_char(received_on, 'YYYY') FROM reconsideration_case
                      GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS year
               FROM reconsideration_case GROUP BY agency_id ORDER BY 2 DESC LIMIT 1) b
           JOIN agency a ON a.id = b.agency_id`,
        )
      ).rows;
      if (!busiest) throw new Error('no cases: run npm run seed:bench or set STATS_BENCH_CASES');
      const [{ yearCases }] = (
        await client.query<{ yearCases: number }>(
          `SELECT count(*)::int AS "yearCases" FROM reconsideration_case
            WHERE received_on BETWEEN $1::date AND $2::date`,
          [`${busiest.year}-01-01`, `${busiest.year}-12-31`],
        )
      ).rows;

      // Only the report runs: no feed sequencer or webhook loop beside it.
      const config = loadConfig({
        ...process.env,
        LOG_LEVEL: 'warn',
        INTEGRATION_WORKERS: 'false',
      });
      const app = await NestFactory.createApplicationContext(
        AppModule.register({ ...config, databaseUrl: database.url, sweepEnabled: false }),
        { logger: false },
      );
      try {
        const statistics = app.get(StatisticsService);
        const month = parseMonth(busiest.month);
        await statistics.reportForCode(busiest.code, month); // warm-up
        const monthly: number[] = [];
        for (let run = 0; run < runs; run++) {
          const started = process.hrtime.bigint();
          await statistics.reportForCode(busiest.code, month);
          monthly.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        monthly.sort((a, b) => a - b);
        const yearly: number[] = [];
        for (let run = 0; run < 3; run++) {
          const started = process.hrtime.bigint();
          await statistics.reportForCode(null, yearPeriod(Number(busiest.year)));
          yearly.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        process.stdout.write(
          `${JSON.stringify(
            {
              cases: total,
              monthlyReport: {
                body: busiest.code,
                bodyCases: busiest.cases,
                month: busiest.month,
                runs,
                p50Ms: Math.round(percentile(monthly, 50)),
                p99Ms: Math.round(percentile(monthly, 99)),
              },
              yearlyRollUp: {
                year: busiest.year,
                casesReceivedThatYear: yearCases,
                runsMs: yearly.map(Math.round),
              },
            },
            null,
            2,
          )}\n`,
        );
      } finally {
        await app.close();
      }
    } finally {
      await client.end();
    }
  } finally {
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
