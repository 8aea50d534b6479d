import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { buildOpenApiDocument } from '../common/openapi/openapi';
import { configureApp } from '../configure-app';
import { migrateDatabase } from '../database/run-migrations';
import { runCli } from './with-database';

/** Writes the OpenAPI document that /openapi.json serves, for linting and client generation. */
const out = process.argv[2] ?? 'openapi.json';

runCli(async (databaseUrl, ownerUrl) => {
  await migrateDatabase({ url: databaseUrl, ownerUrl });
  const config = { ...loadConfig(), logLevel: 'silent' as const, sweepEnabled: false };
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ ...config, databaseUrl }),
    { logger: false, bodyParser: false },
  );
  await configureApp(app, config);
  writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
  process.stdout.write(`wrote ${out}\n`);
});
