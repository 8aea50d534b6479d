import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `fuyi_<prefix>_<secret>`: the 8-character prefix is public and finds the
 * client; the 32 random bytes of the secret are kept only as a SHA-256 digest. A slow password
 * hash is not needed for a key of that entropy, and SHA-256 keeps every request cheap.
 */
export interface IssuedApiKey {
  apiKey: string;
  prefix: string;
  hash: string;
}

const KEY_FORMAT = /^fuyi_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export function issueApiKey(): IssuedApiKey {
  const prefix = randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8);
  const secret = randomBytes(32).toString('base64url');
  const apiKey = `fuyi_${prefix}_${secret}`;
  return { apiKey, prefix, hash: digest(apiKey) };
}

export function parseApiKey(apiKey: string): { prefix: string } | null {
  const match = KEY_FORMAT.exec(apiKey);
  return match ? { prefix: match[1] } : null;
}

export function apiKeyMatches(apiKey: string, storedHash: string): boolean {
  const actual = Buffer.from(digest(apiKey), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function digest(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}
