import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { SecretBox } from './secret-box';

/**
 * The key that protects data at rest: PII_ENCRYPTION_KEY; on the embedded development database
 * a key kept beside its data folder (made once, readable by the owner only), so data stays
 * readable across restarts; otherwise (tests, throwaway runs) a key for this process only.
 */
export function encryptionKeyOf(config: AppConfig): Buffer {
  if (config.piiEncryptionKey) return config.piiEncryptionKey;
  if (!config.embeddedDatabase) return randomBytes(32);
  const file = join(dirname(config.embeddedDataDir), 'pii-encryption.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

export function secretBoxOf(config: AppConfig): SecretBox {
  return new SecretBox(encryptionKeyOf(config));
}
