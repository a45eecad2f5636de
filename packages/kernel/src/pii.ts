import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * PII at rest: AES-256-GCM for the value (random nonce, authenticated), plus a keyed HMAC-SHA256 so a
 * value can be found by exact match without decrypting every row. Keys come from the environment.
 */
export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed hash for look-ups; reveals nothing without the key. */
  lookupHash(plain: string): string;
}

export function createPiiCipher(encryptionKey: Buffer, hashKey: Buffer): PiiCipher {
  if (encryptionKey.length !== 32) throw new RangeError('PII encryption key must be 32 bytes');
  if (hashKey.length < 32) throw new RangeError('PII hash key must be at least 32 bytes');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(sealed) {
      if (!sealed.startsWith('v1.')) throw new Error('unknown PII envelope');
      const raw = Buffer.from(sealed.slice(3), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return createHmac('sha256', hashKey).update(plain, 'utf8').digest('base64url');
    },
  };
}

/** `13812348000` → `138****8000`. */
export function maskMobile(mobile: string): string {
  return mobile.length < 7 ? '*'.repeat(mobile.length) : `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

/** `110105199001011234` → `110105********1234`. */
export function maskIdNumber(id: string): string {
  return id.length < 10
    ? '*'.repeat(id.length)
    : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** Mainland China mobile numbers: 11 digits starting 13–19. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
