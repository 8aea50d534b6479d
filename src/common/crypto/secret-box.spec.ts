import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, and seals the same text differently each time', () => {
    const sealed = box.seal('360281199001011230');
    expect(box.open(sealed)).toBe('360281199001011230');
    expect(box.seal('360281199001011230')).not.toBe(sealed);
    expect(sealed).not.toContain('360281199001011230');
    expect(box.isSealed(sealed)).toBe(true);
  });

  it('refuses a tampered value and one sealed with another key', () => {
    const sealed = box.seal('whsec_abc');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => box.open(tampered)).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it('hashes equal values equally, for exact search, under its own key', () => {
    expect(box.hash('11010519491231002X')).toBe(box.hash('11010519491231002X'));
    expect(box.hash('11010519491231002X')).not.toBe(
      new SecretBox(randomBytes(32)).hash('11010519491231002X'),
    );
  });

  it('needs a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow();
  });
});
