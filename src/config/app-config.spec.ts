import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to development on port 3000 with an embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: undefined,
      embeddedDatabase: true,
    });
    expect(config.jwtSecretGenerated).toBe(true);
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ CORS_ORIGINS: 'https://ok.example, nope' }, 'CORS_ORIGINS'],
    [{ BOOTSTRAP_ADMIN_PASSWORD: 'short' }, 'BOOTSTRAP_ADMIN_PASSWORD'],
    [{ JWT_TTL_SECONDS: '7200' }, 'JWT_TTL_SECONDS'],
    [{ SWEEP_ENABLED: 'sometimes' }, 'SWEEP_ENABLED'],
    [{ CORRECTION_OUTCOMES: 'revoke,mediation' }, 'CORRECTION_OUTCOMES'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it.each([
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, 'PII_ENCRYPTION_KEY'],
    [{ PII_ENCRYPTION_KEY: 'short' }, 'PII_ENCRYPTION_KEY'],
    [{ MFA_REQUIRED_ROLES: 'admin,root' }, 'MFA_REQUIRED_ROLES'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [
      { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), PII_ENCRYPTION_KEY: 'ab'.repeat(32) },
      'WEBHOOK_ALLOWED_HOSTS',
    ],
    [{ WEBHOOK_ALLOWED_HOSTS: 'ok.example, http://nope' }, 'WEBHOOK_ALLOWED_HOSTS'],
    [{ WEBHOOK_RETRY_SCHEDULE: '5,soon' }, 'WEBHOOK_RETRY_SCHEDULE'],
    [
      {
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        PII_ENCRYPTION_KEY: 'ab'.repeat(32),
        WEBHOOK_ALLOWED_HOSTS: 'hooks.court.gov.cn',
        DATABASE_URL: 'postgres://fuyi:secret@db:5432/fuyi',
      },
      'DATABASE_OWNER_URL',
    ],
    [{ DATABASE_OWNER_URL: 'postgres://fuyi:secret@db:5432/fuyi' }, 'DATABASE_OWNER_URL'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('reads a full production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      DATABASE_URL: 'postgres://fuyi_app:secret@db:5432/fuyi',
      DATABASE_OWNER_URL: 'postgres://fuyi:owner-secret@db:5432/fuyi',
      JWT_SECRET: 'x'.repeat(40),
      CORS_ORIGINS: 'https://fuyi.example.gov.cn,https://admin.example.gov.cn',
      LOG_LEVEL: 'warn',
      PII_ENCRYPTION_KEY: 'ab'.repeat(32),
      WEBHOOK_ALLOWED_HOSTS: 'hooks.court.gov.cn,*.court.gov.cn,10.20.0.0/16',
      WEBHOOK_RETRY_SCHEDULE: '1,60,3600',
    });
    expect(config.piiEncryptionKey).toHaveLength(32);
    expect(config.webhookAllowedHosts).toEqual([
      'hooks.court.gov.cn',
      '*.court.gov.cn',
      '10.20.0.0/16',
    ]);
    expect(config.webhookRetrySchedule).toEqual([1, 60, 3600]);
    expect(config).toMatchObject({
      nodeEnv: 'production',
      port: 8080,
      embeddedDatabase: false,
      jwtSecretGenerated: false,
      corsOrigins: ['https://fuyi.example.gov.cn', 'https://admin.example.gov.cn'],
      logLevel: 'warn',
      mfaRequiredRoles: ['admin'],
      trustProxy: false,
    });
  });

  it('reads the security settings', () => {
    expect(loadConfig({}).mfaRequiredRoles).toEqual([]);
    expect(
      loadConfig({
        MFA_REQUIRED_ROLES: 'admin, head',
        TRUST_PROXY: '10.0.0.0/8, ::1',
        METRICS_TOKEN: 'm'.repeat(24),
      }),
    ).toMatchObject({
      mfaRequiredRoles: ['admin', 'head'],
      trustProxy: ['10.0.0.0/8', '::1'],
      metricsToken: 'm'.repeat(24),
    });
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ NODE_ENV: 'test', MFA_REQUIRED_ROLES: '' }).mfaRequiredRoles).toEqual([]);
  });
});
