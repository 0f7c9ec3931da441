// SPDX-License-Identifier: MIT
/**
 * Field-by-field encryption of health data (allergies, PAI, doctor) with AES-256-GCM from
 * node:crypto. Each value gets a fresh 96-bit IV and is bound to its place by the
 * additional authenticated data (e.g. `child-record:foyer-dupont:m-lea:allergies`): a value
 * copied to another child or field, or altered, fails to open. The key never enters the data
 * file (see data-key.ts); a sealed value names the key's id, so a wrong key is reported as
 * such rather than as corrupt data.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SealedValue } from '../store/types.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class FieldCipherError extends Error {
  override name = 'FieldCipherError';
}

/** The id of a key: the start of its SHA-256, which tells keys apart and reveals nothing of them. */
export const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 16);

export class FieldCipher {
  readonly keyId: string;
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new FieldCipherError('AES-256-GCM needs a 32-byte key');
    this.#key = Buffer.from(key);
    this.keyId = keyIdOf(this.#key);
  }

  /** Encrypts any JSON value (null included, so that an empty field looks like a full one). */
  seal(value: unknown, context: string): SealedValue {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(JSON.stringify(value ?? null), 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, this.keyId, iv.toString('base64url'), body.toString('base64url')].join('.');
  }

  /** Decrypts a value sealed for `context`; throws FieldCipherError on a wrong key, place or tampering. */
  open(sealed: SealedValue, context: string): unknown {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new FieldCipherError('Not a sealed value');
    const [, keyId, iv, body] = parts as [string, string, string, string];
    if (keyId !== this.keyId) throw new FieldCipherError(`Sealed with key ${keyId}, not with the key in use (${this.keyId})`);
    const bytes = Buffer.from(body, 'base64url');
    if (bytes.length < TAG_BYTES) throw new FieldCipherError('Sealed value too short');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const clear = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]);
      return JSON.parse(clear.toString('utf8'));
    } catch {
      throw new FieldCipherError(`A sealed value does not open for ${context.split(':')[0]} (altered, or moved from elsewhere)`);
    }
  }
}

/** The key id a sealed value names, or undefined if it is not one. */
export function sealedKeyId(sealed: string): string | undefined {
  const parts = sealed.split('.');
  return parts.length === 4 && parts[0] === VERSION ? parts[1] : undefined;
}
