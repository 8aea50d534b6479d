import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as the system user
 * `postgres`. That user must reach the server binaries (in node_modules) and the data folder;
 * in a private home such as `/root` it cannot. Then the binaries are copied once to a shared
 * folder and the data kept there too (the log says where).
 */
export const RELOCATION_ROOT = '/var/lib/fuyi-embedded-postgres';
const EMBEDDED_USER = 'postgres';

export interface Account {
  uid: number;
  gid: number;
}

export interface RootServer {
  /** Where the data is kept: `dataDir` when `postgres` can reach it, else a shared folder. */
  dataDir: string;
  start(port: number, password: string): Promise<void>;
  stop(): Promise<void>;
}

export function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * Whether `account` may traverse every folder above `path` (it is given `path` itself). Folders
 * not made yet are made by root with the usual mode 755, so they do not stand in the way.
 */
export function canTraverseTo(path: string, account: Account): boolean {
  let folder = dirname(resolve(path));
  for (;;) {
    const found = statSync(folder, { throwIfNoEntry: false });
    const searchBit =
      found?.uid === account.uid ? 0o100 : found?.gid === account.gid ? 0o010 : 0o001;
    if (found && (found.mode & searchBit) === 0) return false;
    const parent = dirname(folder);
    if (parent === folder) return true;
    folder = parent;
  }
}

function postgresAccount(): Account {
  const read = (flag: string) => Number(execFileSync('id', [flag, EMBEDDED_USER]).toString());
  try {
    return { uid: read('-u'), gid: read('-g') };
  } catch {
    execFileSync('groupadd', ['--system', EMBEDDED_USER]);
    execFileSync('useradd', ['--system', '-g', EMBEDDED_USER, EMBEDDED_USER]);
    return { uid: read('-u'), gid: read('-g') };
  }
}

/** The platform package's `native` folder (bin, lib, share) and its version. */
function packagedBinaries(): { nativeDir: string; version: string } {
  // Resolved, not imported: the package is ESM and only its location matters here.
  const entry = require.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  const packageDir = dirname(dirname(entry));
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { nativeDir: join(packageDir, 'native'), version: manifest.version };
}

function reachableBinaries(nativeDir: string, version: string, account: Account): string {
  if (canTraverseTo(join(nativeDir, 'bin', 'initdb'), account)) return nativeDir;
  const copy = join(RELOCATION_ROOT, `postgres-${version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    openRelocationRoot();
    const partial = `${copy}.partial-${process.pid}`;
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    rmSync(copy, { recursive: true, force: true });
    renameSync(partial, copy);
  }
  return copy;
}

function reachableDataDir(dataDir: string, account: Account): string {
  if (canTraverseTo(dataDir, account)) return resolve(dataDir);
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  openRelocationRoot();
  return join(RELOCATION_ROOT, `data-${key}`);
}

/**
 * The relocation folder, traversable by the server's account (each data folder in it stays
 * private to that account). Created here, not as a side effect of making a data folder in it,
 * which would leave it root's alone (0700) whenever the binaries needed no copy.
 */
function openRelocationRoot(): void {
  mkdirSync(RELOCATION_ROOT, { recursive: true, mode: 0o755 });
  chmodSync(RELOCATION_ROOT, 0o755);
}

function run(binary: string, args: string[], account: Account, onLog: (line: string) => void) {
  return spawn(binary, args, { ...account, env: { ...process.env, LC_MESSAGES: 'C' } }).on(
    'error',
    (error) => onLog(String(error)),
  );
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => child.once('close', (code) => done(code)));
}

async function initialise(
  binDir: string,
  dataDir: string,
  password: string,
  account: Account,
  onLog: (line: string) => void,
): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chownSync(dataDir, account.uid, account.gid);
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  const passwordFile = join(dirname(dataDir), `.pw-${process.pid}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  chownSync(passwordFile, account.uid, account.gid);
  try {
    const initdb = run(
      join(binDir, 'bin', 'initdb'),
      [
        `--pgdata=${dataDir}`,
        '--auth=password',
        `--username=${EMBEDDED_USER}`,
        `--pwfile=${passwordFile}`,
        '--lc-messages=C',
      ],
      account,
      onLog,
    );
    let output = '';
    initdb.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await exited(initdb);
    if (code !== 0) throw new Error(`initdb failed (exit ${code}): ${output.trim()}`);
  } finally {
    unlinkSync(passwordFile);
  }
}

/** The embedded server for a root process: binaries and data where `postgres` can reach them. */
export function rootServer(dataDir: string, onLog: (line: string) => void): RootServer {
  const account = postgresAccount();
  const { nativeDir, version } = packagedBinaries();
  const binDir = reachableBinaries(nativeDir, version, account);
  const serverDataDir = reachableDataDir(dataDir, account);
  let server: ChildProcess | undefined;
  return {
    dataDir: serverDataDir,
    async start(port, password) {
      await initialise(binDir, serverDataDir, password, account, onLog);
      const postgres = run(
        join(binDir, 'bin', 'postgres'),
        ['-D', serverDataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'],
        account,
        onLog,
      );
      server = postgres;
      // Like the package: the server does not outlive the process that started it.
      process.once('exit', () => postgres.kill('SIGINT'));
      await new Promise<void>((ready, failed) => {
        let output = '';
        postgres.stderr.on('data', (chunk: Buffer) => {
          const text = chunk.toString();
          output += text;
          onLog(text);
          if (text.includes('ready to accept connections')) ready();
        });
        postgres.once('close', (code) =>
          failed(new Error(`postgres exited (${code}) before it was ready: ${output.trim()}`)),
        );
      });
    },
    async stop() {
      if (!server || server.exitCode !== null) return;
      const done = exited(server);
      server.kill('SIGINT');
      await done;
    },
  };
}
