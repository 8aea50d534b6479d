import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { configureApp } from './configure-app';
import { encryptionKeyOf, secretBoxOf } from './common/crypto/encryption-key';
import { usePiiBox } from './common/crypto/pii-fields';
import { openDatabase } from './database/database-url';
import { EmbeddedDatabaseError } from './database/embedded-database';
import { migrateDatabase } from './database/run-migrations';

async function bootstrap(): Promise<void> {
  const loaded = loadConfig();
  const database = await openDatabase(loaded);
  if (database.relocatedDataDir) {
    const note = `PostgreSQL runs as user postgres, who cannot reach ${loaded.embeddedDataDir}: its data is kept in ${database.relocatedDataDir}`;
    process.stdout.write(`${JSON.stringify({ level: 'warn', msg: note })}\n`);
  }
  // The key of personal data, resolved once: the sealing migration and the app share it. A key
  // for this process only (external database, no PII_ENCRYPTION_KEY, not production) seals no
  // existing rows: the migration then asks for PII_ENCRYPTION_KEY.
  const durable = loaded.piiEncryptionKey !== undefined || loaded.embeddedDatabase;
  const config = { ...loaded, piiEncryptionKey: encryptionKeyOf(loaded) };
  if (durable) usePiiBox(secretBoxOf(config));
  // Migrations as the owner, then the app's role gets row access only (API.md, DESIGN).
  await migrateDatabase(database);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ ...config, databaseUrl: database.url }),
    { bufferLogs: true, bodyParser: false },
  );
  await configureApp(app, config);
  if (!database.ownerUrl) {
    app
      .get(Logger)
      .warn(
        'DATABASE_URL serves as owner and application role: set DATABASE_OWNER_URL so that the ' +
          'application cannot alter tables or the audit trail',
      );
  }
  if (config.jwtSecretGenerated) {
    app
      .get(Logger)
      .warn('JWT_SECRET is not set: a random secret is used, so tokens end with this process');
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Stop accepting, let in-flight requests finish, close the pool, then the database.
    try {
      await app.close();
      await database.stop();
    } finally {
      process.stdout.write(`${JSON.stringify({ level: 'info', msg: `stopped on ${signal}` })}\n`);
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen(config.port, config.host);
}

bootstrap().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof EmbeddedDatabaseError;
  const message = known ? error.message : String((error as Error)?.stack);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
