import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { Clock, FixedClock } from '../../src/common/clock/clock';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { configureApp } from '../../src/configure-app';
import { createTestDatabase } from './test-database';

export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const TEST_PII_KEY = 'ab'.repeat(32);

/**
 * The instant every test app starts at (a Monday in China Standard Time): tests never read the
 * wall clock, so they give the same answers whatever day they run.
 */
export const TEST_NOW = '2026-06-01T10:00:00+08:00';

export interface TestApp {
  app: NestExpressApplication;
  http: App;
  dataSource: DataSource;
  config: AppConfig;
  /** The app's clock: move it with `clock.set(instant)`. */
  clock: FixedClock;
  /** The database this app runs on (share it with a second instance via `options.databaseUrl`). */
  databaseUrl: string;
  /** The database as its owner (the app and `dataSource` connect with row access only). */
  ownerUrl: string;
  close(): Promise<void>;
}

/** Boots the real AppModule through configureApp on this test file's own database. */
export async function createTestApp(
  env: Record<string, string> = {},
  now: string = TEST_NOW,
  options: { databaseUrl?: string; ownerUrl?: string } = {},
): Promise<TestApp> {
  // A second instance on another app's database (several API instances); it leaves it in place.
  const database = options.databaseUrl
    ? {
        url: options.databaseUrl,
        ownerUrl: options.ownerUrl ?? options.databaseUrl,
        drop: () => Promise.resolve(),
      }
    : await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-that-is-at-least-32-characters-long',
    SWEEP_ENABLED: 'false',
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    // One key for every app of a test run: personal data sealed by one app opens in the next.
    PII_ENCRYPTION_KEY: TEST_PII_KEY,
    ...env,
  });
  const clock = new FixedClock(now);
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.register({ ...config, databaseUrl: database.url, embeddedDatabase: false }),
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
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
    clock,
    databaseUrl: database.url,
    ownerUrl: database.ownerUrl,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
