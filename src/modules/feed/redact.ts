import { maskIdNumbers } from '../../common/logging/mask-id-numbers';

/** Keys whose values are personal ID numbers or their search hashes: left out of feeds and webhooks. */
const PERSONAL_ID_KEY = /^id(Number|Card)|idNumberHash$/i;

/**
 * Thin data for consumers outside the office (feed items, webhook payloads): personal ID numbers
 * are left out by key, and any ID-card number inside free text is masked.
 */
export function redactPersonalIds(value: unknown): unknown {
  if (typeof value === 'string') return maskIdNumbers(value);
  if (Array.isArray(value)) return value.map(redactPersonalIds);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !PERSONAL_ID_KEY.test(key))
        .map(([key, inner]) => [key, redactPersonalIds(inner)]),
    );
  }
  return value;
}
