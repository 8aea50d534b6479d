/**
 * NUL and unpaired UTF-16 surrogates: PostgreSQL stores neither in text or jsonb, and neither is
 * text a person wrote, so the edge refuses them in every string a client sends.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSAFE_TEXT_MESSAGE = 'must not contain a NUL character or an unpaired surrogate';

export function isUnsafeText(value: string): boolean {
  return value.includes('\u0000') || LONE_SURROGATE.test(value);
}
