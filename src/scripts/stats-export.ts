import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { migrateDatabase } from '../database/run-migrations';
import {
  EXPORT_USAGE,
  ExportArgumentError,
  exportStatistics,
  parseExportArguments,
  type ExportArguments,
} from '../modules/statistics/statistics-export-command';
import { StatisticsService } from '../modules/statistics/statistics.service';
import { runCli } from './with-database';

/*
 * npm run stats:export -- --month 2024-05 --agency LPFY --format xlsx --out 2024-05.xlsx
 * The same figures as GET /api/v1/statistics/…, against DATABASE_URL or the embedded database.
 */
function argumentsOrExit(): ExportArguments {
  try {
    return parseExportArguments(process.argv.slice(2));
  } catch (error) {
    const message = error instanceof ExportArgumentError ? error.message : String(error);
    process.stderr.write(`${message}\n${EXPORT_USAGE}\n`);
    process.exit(2);
  }
}
const parsed = argumentsOrExit();

runCli(async (url, ownerUrl) => {
  await migrateDatabase({ url: url, ownerUrl });
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ ...config, databaseUrl: url, sweepEnabled: false, logLevel: 'warn' }),
    { logger: false },
  );
  try {
    const bytes = await exportStatistics(app.get(StatisticsService), parsed);
    process.stdout.write(
      `wrote ${parsed.out} (${parsed.format}, ${bytes} bytes): ${parsed.agencyCode ?? 'every body'} ${parsed.period.label}\n`,
    );
  } finally {
    await app.close();
  }
});
