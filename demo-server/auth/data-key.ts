// SPDX-License-Identifier: MIT
/**
 * The key that encrypts health data in the store (field-cipher.ts). It never enters the data
 * file: `DATA_KEY` (32 bytes as 64 hex digits or base64), or else a `data-key` file beside
 * the data file, created on first start readable by its owner only (like `admin-token`).
 * Keep it with, but apart from, the backups: without it the health data cannot be read.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../config.js';
import type { Store } from '../store/types.js';
import { FieldCipher, sealedKeyId } from './field-cipher.js';

export const DATA_KEY_FILE = 'data-key';

function parseKey(text: string, where: string): Buffer {
  const value = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  // Buffer.from(…, 'base64') skips what it cannot read: insist on the exact length and alphabet.
  if (key.length !== 32 || !/^(?:[0-9a-f]{64}|[A-Za-z0-9+/_-]{43}=?)$/i.test(value)) {
    throw new ConfigError(`${where}: must be 32 bytes written as 64 hex digits or in base64 (e.g. \`openssl rand -base64 32\`)`);
  }
  return key;
}

/** `DATA_KEY`, or the key file beside `dataFile` (created on first start, mode 0600). */
export async function loadDataKey(env: NodeJS.ProcessEnv, dataFile: string): Promise<FieldCipher> {
  if (env.DATA_KEY) return new FieldCipher(parseKey(env.DATA_KEY, 'DATA_KEY'));
  const file = join(dirname(resolve(dataFile)), DATA_KEY_FILE);
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new ConfigError(`Cannot read the data key ${file}: ${error.message}`);
  });
  if (existing !== undefined) return new FieldCipher(parseKey(existing, file));
  const key = randomBytes(32);
  await mkdir(dirname(file), { recursive: true });
  // 'wx': two processes starting at once must not each write a different key.
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return new FieldCipher(parseKey(await readFile(file, 'utf8'), file));
}

/**
 * Refuses to start when the store holds health data sealed with another key (a lost or
 * swapped key file): better a clear stop than records that no longer open.
 */
export async function assertDataKeyOpensStore(store: Store, cipher: FieldCipher, dataFile: string): Promise<void> {
  const sealed: string[] = [];
  for (const record of await store.childRecords.list()) sealed.push(...Object.values(record.health));
  for (const request of await store.requests.list()) {
    if (request.payload.type === 'child-record-update') sealed.push(...Object.values(request.payload.record.health));
  }
  const foreign = sealed.map(sealedKeyId).find((id) => id !== cipher.keyId);
  if (foreign !== undefined) {
    throw new ConfigError(
      `The data file ${dataFile} holds health data encrypted with key ${foreign}, but the data key in use is ${cipher.keyId}: ` +
        `set DATA_KEY, or restore the ${DATA_KEY_FILE} file beside the data file. The file was left untouched.`,
    );
  }
}
