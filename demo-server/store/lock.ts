// SPDX-License-Identifier: MIT
/**
 * One writer per data file: two servers on the same lowdb file would each keep their own
 * copy in memory and overwrite each other's writes.
 */
import lockfile from 'proper-lockfile';

/** After a kill -9 nobody refreshes the lock, so it frees itself after this long. */
export const LOCK_STALE_MS = 5000;
const LOCK_REFRESH_MS = 1000;

/** Thrown when another process holds the data file. */
export class StoreLockedError extends Error {
  override name = 'StoreLockedError';
}

/**
 * Locks `file` (it need not exist yet) and returns the function that releases it.
 * `onCompromised` is called if the lock is lost while held (e.g. the event loop stalled
 * longer than the stale delay and another process took it).
 */
export async function lockDataFile(
  file: string,
  onCompromised: (error: Error) => void,
): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(file, {
      realpath: false,
      stale: LOCK_STALE_MS,
      update: LOCK_REFRESH_MS,
      retries: 0,
      onCompromised,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new StoreLockedError(
        `Another demo server is already using ${file}. Stop it first, or give this one ` +
          `another data file. A lock left by a crashed server frees itself after ${LOCK_STALE_MS / 1000} s.`,
      );
    }
    throw error;
  }
}
