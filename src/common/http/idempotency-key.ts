import { createHash } from 'node:crypto';

/** How long a key and its response are kept (draft-ietf-httpapi-idempotency-key-header §2.5). */
export const IDEMPOTENCY_RETENTION_HOURS = 72;

const MAX_KEY_LENGTH = 255;
const BARE_TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~:/]+$/;

/**
 * The key of an `Idempotency-Key` header: a structured-field string (`"…"`, RFC 8941 §3.3.3,
 * with `\"` and `\\` escapes), or a bare token. Null when malformed or longer than 255 characters.
 */
export function parseIdempotencyKey(header: string): string | null {
  const value = header.trim();
  let key: string;
  if (value.startsWith('"')) {
    if (value.length < 2 || !value.endsWith('"')) return null;
    let inner = '';
    const body = value.slice(1, -1);
    for (let i = 0; i < body.length; i += 1) {
      const char = body[i];
      const code = char.charCodeAt(0);
      if (code < 0x20 || code > 0x7e) return null;
      if (char === '\\') {
        const next = body[i + 1];
        if (next !== '"' && next !== '\\') return null;
        inner += next;
        i += 1;
      } else if (char === '"') {
        return null;
      } else {
        inner += char;
      }
    }
    key = inner;
  } else {
    if (!BARE_TOKEN.test(value)) return null;
    key = value;
  }
  return key.length >= 1 && key.length <= MAX_KEY_LENGTH ? key : null;
}

/** JSON with object keys sorted, so that the same payload always prints the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The request fingerprint: method, path (with query) and the payload, key order ignored. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n${canonicalJson(body)}`)
    .digest('hex');
}
