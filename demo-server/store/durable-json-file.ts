// SPDX-License-Identifier: MIT
/**
 * A lowdb adapter for a JSON file that survives crashes: each write replaces the file
 * atomically, and a file that cannot be trusted stops the server instead of being reset.
 */
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Adapter } from 'lowdb';

/** Reads a JSON document once; writes it atomically and durably. */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(readonly file: string) {}

  /** `null` when the file does not exist yet; throws when it is empty or not JSON. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // Starting over on a damaged file would silently erase every account: refuse instead,
    // and leave the bytes for the operator to restore from a backup.
    if (text.trim() === '') throw this.unreadable('it is empty');
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw this.unreadable(`it is not valid JSON (${(error as Error).message})`);
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw this.unreadable('it does not hold a JSON object');
    }
    return data as T;
  }

  /** Temp file + fsync + rename, then fsync of the folder so the rename itself is on disk. */
  async write(data: T): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(data, null, 2), { fsync: true });
    await syncFolder(path.dirname(this.file));
  }

  private unreadable(reason: string): Error {
    return new Error(
      `Cannot read the data file ${this.file}: ${reason}. The file was left untouched; ` +
        'restore it from its backups/ folder or move it away to start empty.',
    );
  }
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename anyway.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
