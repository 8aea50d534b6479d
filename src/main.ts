import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { configureApp } from './configure-app';
import { openDatabase } from './database/database-url';
import { EmbeddedDatabaseError } from './database/embedded-database';
import { runMigrations } from './database/run-migrations';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  if (database.relocatedDataDir) {
    const note = `PostgreSQL runs as user postgres, who cannot reach ${config.embeddedDataDir}: its data is kept in ${database.relocatedDataDir}`;
    process.stdout.write(`${JSON.stringify({ level: 'warn', msg: note })}\n`);
  }
  await runMigrations(database.url);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ ...config, databaseUrl: database.url }),
    { bufferLogs: true, bodyParser: false },
  );
  await configureApp(app, config);
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
