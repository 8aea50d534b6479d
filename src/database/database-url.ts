import type { AppConfig } from '../config/app-config';
import { startEmbeddedDatabase, type RunningDatabase } from './embedded-database';

/** The configured server, or an embedded one when DATABASE_URL is not set. */
export async function openDatabase(
  config: AppConfig,
  onLog?: (message: string) => void,
): Promise<RunningDatabase> {
  if (config.databaseUrl) {
    return {
      url: config.databaseUrl,
      ownerUrl: config.databaseOwnerUrl,
      stop: () => Promise.resolve(),
    };
  }
  return startEmbeddedDatabase(config.embeddedDataDir, 'fuyi', onLog);
}
