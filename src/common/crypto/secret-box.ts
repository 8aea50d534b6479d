import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Authenticated encryption of small secrets and personal data at rest (AES-256-GCM), and a keyed
 * hash (HMAC-SHA256) for exact search over what is encrypted. Sealed text is
 * `v1.<iv>.<ciphertext+tag>` in base64url, so a key or format change can be told apart later.
 */
export class SecretBox {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
    // Separate subkeys: the search hash must not reveal anything about the encryption key.
    this.encryptionKey = createHmac('sha256', key).update('fuyi:encrypt').digest();
    this.hashKey = createHmac('sha256', key).update('fuyi:hash').digest();
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
  }

  open(sealed: string): string {
    const [version, iv, body] = sealed.split('.');
    if (version !== VERSION || !iv || !body) throw new Error('not a sealed value');
    const bytes = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.encryptionKey,
      Buffer.from(iv, 'base64url'),
    );
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  isSealed(value: string): boolean {
    return value.startsWith(`${VERSION}.`);
  }

  /** A keyed hash for exact search: equal inputs, equal hashes; nothing else learnable. */
  hash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value).digest('base64url');
  }
}
