import fc from 'fast-check';
import { canonicalJson, parseIdempotencyKey, requestFingerprint } from './idempotency-key';

describe('parseIdempotencyKey', () => {
  it('reads structured-field strings and bare tokens', () => {
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe(
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
    );
    expect(parseIdempotencyKey('"a \\"quoted\\" key"')).toBe('a "quoted" key');
    expect(parseIdempotencyKey('filing-2024-12')).toBe('filing-2024-12');
  });

  it('refuses empty, unterminated, badly escaped, non-ASCII and overlong keys', () => {
    for (const bad of ['', '""', '"abc', '"a\\b"', '"键"', 'has space', 'x'.repeat(256)]) {
      expect(parseIdempotencyKey(bad)).toBeNull();
    }
  });
});

describe('requestFingerprint', () => {
  it('ignores key order but not values, method or path', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      }),
    );
    const base = requestFingerprint('PUT', '/a', { x: 1, y: [1, 2] });
    expect(requestFingerprint('PUT', '/a', { y: [1, 2], x: 1 })).toBe(base);
    expect(requestFingerprint('PUT', '/a', { x: 2, y: [1, 2] })).not.toBe(base);
    expect(requestFingerprint('POST', '/a', { x: 1, y: [1, 2] })).not.toBe(base);
    expect(requestFingerprint('PUT', '/b', { x: 1, y: [1, 2] })).not.toBe(base);
  });
});
