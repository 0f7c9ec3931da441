// SPDX-License-Identifier: MIT
/**
 * Sign-up photos, kept as files beside the data file (`<data dir>/photos/<accountId>.<ext>`),
 * never inside the JSON store: the record holds only the file name. The type is read from
 * the decoded content (file-type), never trusted from the request.
 */
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { PHOTO_MAX_BYTES, PHOTO_TYPES, type PhotoUpload } from '../../src/schemas/account.js';

/** A checked photo, ready to be written once its account exists. */
export interface CheckedPhoto {
  bytes: Buffer;
  ext: 'jpg' | 'png';
}

/** The folder of the photos of the store at `dataFile`. */
export const photosDirOf = (dataFile: string) => join(dirname(resolve(dataFile)), 'photos');

/**
 * Decodes and checks a photo: `photo_too_large` past {@link PHOTO_MAX_BYTES} decoded,
 * `photo_type` unless the content is JPEG or PNG and matches the declared type (a text file
 * sent as `image/png` is refused, whatever its name).
 */
export async function checkPhoto(upload: PhotoUpload): Promise<CheckedPhoto | { error: 'photo_type' | 'photo_too_large' }> {
  const bytes = Buffer.from(upload.data, 'base64');
  if (bytes.length > PHOTO_MAX_BYTES) return { error: 'photo_too_large' };
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected?.mime as (typeof PHOTO_TYPES)[number] | undefined;
  if (!mime || !PHOTO_TYPES.includes(mime) || mime !== upload.type) return { error: 'photo_type' };
  return { bytes, ext: mime === 'image/png' ? 'png' : 'jpg' };
}

/**
 * Writes the photo of `accountId` (owner-only mode, never over an existing file) and returns
 * its file name, relative to `dir`.
 */
export async function writePhoto(dir: string, accountId: string, photo: CheckedPhoto): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = `${accountId}.${photo.ext}`;
  await writeFile(join(dir, name), photo.bytes, { mode: 0o600, flag: 'wx' });
  return name;
}

/** Removes a photo file; a missing one is fine. */
export async function removePhoto(dir: string, name: string): Promise<void> {
  // The name comes from the record, but a path must never leave the folder.
  if (name.includes('/') || name.includes('\\') || name.startsWith('.')) return;
  await unlink(join(dir, name)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
