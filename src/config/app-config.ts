import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { Disposition } from '../domain/litigation/litigation-case.types';
import {
  DEFAULT_LOSING_DISPOSITIONS,
  validateLosingDispositions,
} from '../domain/litigation/judgment-result.rule';
import { resolve } from 'node:path';
import { USER_ROLES, type UserRole } from '../common/auth/role';
import {
  DECISION_OUTCOMES,
  DEFAULT_CORRECTION_OUTCOMES,
} from '../domain/reconsideration/closure.rule';

export type NodeEnvironment = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  nodeEnv: NodeEnvironment;
  host: string;
  port: number;
  /** Absent: an embedded PostgreSQL is started in `embeddedDataDir`. */
  databaseUrl: string | undefined;
  /** DATABASE_OWNER_URL: the owner that runs migrations and grants the app's role row access. */
  databaseOwnerUrl: string | undefined;
  /** DATABASE_SINGLE_ROLE=true: one role serves both in production (not recommended). */
  databaseSingleRole: boolean;
  /** True when no DATABASE_URL was given and the server runs its own embedded PostgreSQL. */
  embeddedDatabase: boolean;
  embeddedDataDir: string;
  databasePoolSize: number;
  jwtSecret: string;
  jwtSecretGenerated: boolean;
  jwtTtlSeconds: number;
  bootstrapAdminPassword: string | undefined;
  corsOrigins: string[];
  logLevel: LogLevel;
  sweepEnabled: boolean;
  /** Failed logins per client address (across usernames) in 15 minutes before 429. */
  throttleLoginLimit: number;
  /** Consecutive failures of one username (across addresses) that lock it, with growing delays. */
  loginLockThreshold: number;
  /** Roles that cannot get a full token without an active second factor. */
  mfaRequiredRoles: UserRole[];
  /** Express `trust proxy`: false (default), a hop count, or addresses/CIDRs of trusted proxies. */
  trustProxy: false | number | string[];
  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
  metricsToken: string | undefined;
  /** Outcomes counted as corrections (纠错) in closures and statistics. */
  correctionOutcomes: string[];
  /** LOSING_DISPOSITIONS: court dispositions counted as lost (败诉) in judgment results. */
  losingDispositions: Disposition[];
  /** PII_ENCRYPTION_KEY: 32 bytes for data at rest; absent outside production: see encryption-key.ts. */
  piiEncryptionKey: Buffer | undefined;
  /** INTEGRATION_WORKERS: the feed sequencer and webhook delivery loops (default on, off in tests). */
  integrationWorkersEnabled: boolean;
  /** FEED_SEQUENCER_INTERVAL_MS: how often committed messages get their feed positions. */
  feedSequencerIntervalMs: number;
  /**
   * WEBHOOK_ALLOWED_HOSTS: host names (`hooks.court.gov.cn`, `*.court.gov.cn`) and CIDR ranges
   * webhooks may target; null: every host (development and tests only, required in production).
   */
  webhookAllowedHosts: string[] | null;
  /** WEBHOOK_RETRY_SCHEDULE: delays in seconds before each retry after a failed attempt. */
  webhookRetrySchedule: number[];
  /** WEBHOOK_TIMEOUT_MS: how long one delivery attempt may take. */
  webhookTimeoutMs: number;
  /** WEBHOOK_CONCURRENCY: deliveries one instance sends at once. */
  webhookConcurrency: number;
  /** WEBHOOK_POLL_MS: how often an instance looks for due deliveries (it is also woken on new events). */
  webhookPollMs: number;
}

/**
 * Retry delays after a failed attempt, in the spirit of Standard Webhooks: 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h, 14 h, 20 h, 24 h — ten attempts over about 3 days and 4 hours.
 */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE = [
  5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400,
];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
  }
}

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];
const NODE_ENVIRONMENTS: readonly NodeEnvironment[] = ['development', 'production', 'test'];

type Env = Record<string, string | undefined>;

function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function readDatabaseUrl(env: Env, name = 'DATABASE_URL'): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL like postgres://user:pass@host:5432/db');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, 'must use the postgres:// or postgresql:// scheme');
  }
  return raw;
}

function readCorsOrigins(env: Env): string[] {
  const raw = env.CORS_ORIGINS;
  if (raw === undefined || raw.trim() === '') return [];
  const origins = raw.split(',').map((origin) => origin.trim());
  for (const origin of origins) {
    if (origin === '*') continue;
    try {
      const url = new URL(origin);
      if (url.origin !== origin) throw new Error('not an origin');
    } catch {
      throw new ConfigError(
        'CORS_ORIGINS',
        `must be a comma-separated list of origins like https://fuyi.example.gov.cn (got "${origin}")`,
      );
    }
  }
  return origins;
}

function readCorrectionOutcomes(env: Env): string[] {
  const raw = env.CORRECTION_OUTCOMES;
  if (raw === undefined || raw.trim() === '') return [...DEFAULT_CORRECTION_OUTCOMES];
  const outcomes = raw.split(',').map((outcome) => outcome.trim());
  for (const outcome of outcomes) {
    if (!(DECISION_OUTCOMES as readonly string[]).includes(outcome)) {
      throw new ConfigError(
        'CORRECTION_OUTCOMES',
        `must list decision outcomes from ${DECISION_OUTCOMES.join(', ')} (got "${outcome}")`,
      );
    }
  }
  return outcomes;
}

function readLosingDispositions(env: Env): Disposition[] {
  const raw = env.LOSING_DISPOSITIONS;
  if (raw === undefined || raw.trim() === '') return [...DEFAULT_LOSING_DISPOSITIONS];
  const result = validateLosingDispositions(raw.split(',').map((code) => code.trim()));
  if (!result.ok) throw new ConfigError('LOSING_DISPOSITIONS', result.errors.join('; '));
  return [...result.value];
}

function readEncryptionKey(env: Env, nodeEnv: NodeEnvironment): Buffer | undefined {
  const raw = env.PII_ENCRYPTION_KEY;
  if (raw === undefined || raw === '') {
    if (nodeEnv === 'production') {
      throw new ConfigError('PII_ENCRYPTION_KEY', 'is required when NODE_ENV=production');
    }
    return undefined;
  }
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    throw new ConfigError('PII_ENCRYPTION_KEY', 'must be 32 bytes, as 64 hex digits or base64');
  }
  return key;
}

function readMfaRequiredRoles(env: Env, nodeEnv: NodeEnvironment): UserRole[] {
  const raw = env.MFA_REQUIRED_ROLES;
  if (raw === undefined) return nodeEnv === 'production' ? ['admin'] : [];
  const roles = raw
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role !== '');
  for (const role of roles) {
    if (!(USER_ROLES as readonly string[]).includes(role)) {
      throw new ConfigError(
        'MFA_REQUIRED_ROLES',
        `must list roles from ${USER_ROLES.join(', ')} (got "${role}")`,
      );
    }
  }
  return roles as UserRole[];
}

function readTrustProxy(env: Env): false | number | string[] {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
  if (/^\d+$/.test(raw)) {
    if (Number(raw) > 10) throw new ConfigError('TRUST_PROXY', 'must be at most 10 hops');
    return Number(raw);
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      extra !== undefined ||
      (bits !== undefined && (!/^\d+$/.test(bits) || Number(bits) > maxBits))
    ) {
      throw new ConfigError(
        'TRUST_PROXY',
        `must be a hop count or comma-separated addresses/CIDRs of proxies (got "${entry}")`,
      );
    }
  }
  return entries;
}

function readRetrySchedule(env: Env): number[] {
  const raw = env.WEBHOOK_RETRY_SCHEDULE;
  if (raw === undefined || raw.trim() === '') return [...DEFAULT_WEBHOOK_RETRY_SCHEDULE];
  const delays = raw.split(',').map((delay) => delay.trim());
  if (delays.length > 50 || !delays.every((delay) => /^\d{1,7}$/.test(delay))) {
    throw new ConfigError(
      'WEBHOOK_RETRY_SCHEDULE',
      `must be up to 50 comma-separated delays in seconds, e.g. 5,300,1800 (got "${raw}")`,
    );
  }
  return delays.map(Number);
}

function readAllowedHosts(env: Env, nodeEnv: NodeEnvironment): string[] | null {
  const raw = env.WEBHOOK_ALLOWED_HOSTS;
  if (raw === undefined || raw.trim() === '') {
    if (nodeEnv === 'production') {
      throw new ConfigError(
        'WEBHOOK_ALLOWED_HOSTS',
        'is required when NODE_ENV=production (host names or CIDR ranges webhooks may target)',
      );
    }
    return null;
  }
  const entries = raw.split(',').map((entry) => entry.trim().toLowerCase());
  for (const entry of entries) {
    const cidr = /^([0-9a-f:.]+)\/(\d{1,3})$/.exec(entry);
    const name = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(
      entry,
    );
    const ip = isIP(entry) !== 0;
    if (!(name || ip || (cidr && isIP(cidr[1]) !== 0))) {
      throw new ConfigError(
        'WEBHOOK_ALLOWED_HOSTS',
        `must list host names or CIDR ranges, e.g. hooks.court.gov.cn,10.20.0.0/16 (got "${entry}")`,
      );
    }
  }
  return entries;
}

function readMetricsToken(env: Env): string | undefined {
  const raw = env.METRICS_TOKEN;
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 16 || !/^[\x21-\x7e]+$/.test(raw)) {
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 printable characters, no spaces');
  }
  return raw;
}

/** Reads and validates the environment once at boot; a bad value names its variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = readEnum(env, 'NODE_ENV', NODE_ENVIRONMENTS, 'development');
  const rawSecret = env.JWT_SECRET;
  if (rawSecret !== undefined && rawSecret !== '' && rawSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  if ((rawSecret === undefined || rawSecret === '') && nodeEnv === 'production') {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  }
  const bootstrapAdminPassword = env.BOOTSTRAP_ADMIN_PASSWORD || undefined;
  if (bootstrapAdminPassword !== undefined && bootstrapAdminPassword.length < 10) {
    throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD', 'must be at least 10 characters long');
  }
  const host = env.HOST || '0.0.0.0';
  const databaseUrl = readDatabaseUrl(env);
  const databaseOwnerUrl = readDatabaseUrl(env, 'DATABASE_OWNER_URL');
  const databaseSingleRole = readBoolean(env, 'DATABASE_SINGLE_ROLE', false);
  if (databaseOwnerUrl !== undefined && databaseUrl === undefined) {
    throw new ConfigError('DATABASE_OWNER_URL', 'needs DATABASE_URL (the application role)');
  }
  if (
    nodeEnv === 'production' &&
    databaseUrl !== undefined &&
    databaseOwnerUrl === undefined &&
    !databaseSingleRole
  ) {
    throw new ConfigError(
      'DATABASE_OWNER_URL',
      'is required in production (migrations as the owner, the app with row access only); ' +
        'or set DATABASE_SINGLE_ROLE=true',
    );
  }
  return {
    nodeEnv,
    host,
    port: readInt(env, 'PORT', 3000, 0, 65535),
    databaseUrl,
    databaseOwnerUrl,
    databaseSingleRole,
    embeddedDatabase: databaseUrl === undefined,
    embeddedDataDir: resolve(env.EMBEDDED_PG_DIR || './.data/pg'),
    databasePoolSize: readInt(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    jwtSecret: rawSecret || randomBytes(48).toString('base64url'),
    jwtSecretGenerated: !rawSecret,
    jwtTtlSeconds: readInt(env, 'JWT_TTL_SECONDS', 3600, 60, 3600),
    bootstrapAdminPassword,
    corsOrigins: readCorsOrigins(env),
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    sweepEnabled: readBoolean(env, 'SWEEP_ENABLED', true),
    throttleLoginLimit: readInt(env, 'LOGIN_THROTTLE_LIMIT', 30, 1, 100000),
    loginLockThreshold: readInt(env, 'LOGIN_LOCK_THRESHOLD', 5, 1, 100),
    mfaRequiredRoles: readMfaRequiredRoles(env, nodeEnv),
    trustProxy: readTrustProxy(env),
    metricsToken: readMetricsToken(env),
    correctionOutcomes: readCorrectionOutcomes(env),
    losingDispositions: readLosingDispositions(env),
    piiEncryptionKey: readEncryptionKey(env, nodeEnv),
    integrationWorkersEnabled: readBoolean(env, 'INTEGRATION_WORKERS', nodeEnv !== 'test'),
    feedSequencerIntervalMs: readInt(env, 'FEED_SEQUENCER_INTERVAL_MS', 200, 10, 60_000),
    webhookAllowedHosts: readAllowedHosts(env, nodeEnv),
    webhookRetrySchedule: readRetrySchedule(env),
    webhookTimeoutMs: readInt(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
    webhookConcurrency: readInt(env, 'WEBHOOK_CONCURRENCY', 32, 1, 256),
    webhookPollMs: readInt(env, 'WEBHOOK_POLL_MS', 500, 10, 60_000),
  };
}
