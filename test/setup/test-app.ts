import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { configureApp } from '../../src/configure-app';
import { createTestDatabase } from './test-database';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestApp {
  app: NestExpressApplication;
  http: App;
  dataSource: DataSource;
  config: AppConfig;
  close(): Promise<void>;
}

/** Boots the real AppModule through configureApp on this test file's own database. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-that-is-at-least-32-characters-long',
    SWEEP_ENABLED: 'false',
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.register({ ...config, databaseUrl: database.url, embeddedDatabase: false }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: false,
  });
  await configureApp(app, config);
  return {
    app,
    http: app.getHttpServer() as App,
    dataSource: app.get(DataSource),
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
