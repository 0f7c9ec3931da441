// SPDX-License-Identifier: MIT
/**
 * Per-identifier back-off on failed logins: after 5 failures, a wait of 1 minute that
 * doubles up to 15 minutes. It is keyed by the identifier as typed (normalised), whether
 * or not an account exists, so its answers reveal nothing; it never locks for good, and
 * a success (or a password reset) clears it.
 */
import type { Store } from '../store/types.js';

export const FREE_FAILURES = 5;
const BASE_MS = 60_000;
const MAX_MS = 15 * 60_000;

export const throttleKey = (identifier: string) => `login:${identifier.trim().toLowerCase()}`;

/** Seconds to wait before this identifier may try again, or 0. */
export async function secondsToWait(store: Store, identifier: string, now = new Date()): Promise<number> {
  const record = await store.throttles.get(throttleKey(identifier));
  if (!record?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(record.lockedUntil) - now.getTime()) / 1000));
}

// Read-modify-write per key, one at a time: parallel guesses must not lose a count.
// (One process per data file is guaranteed by the store's lock.)
const queues = new Map<string, Promise<unknown>>();
function serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(task, task);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => queues.get(key) === tail && queues.delete(key));
  return run;
}

/** Counts a failure; returns the seconds to wait from now (0 while under the free failures). */
export function recordFailure(store: Store, identifier: string, now = new Date()): Promise<number> {
  const key = throttleKey(identifier);
  return serialised(key, () => countFailure(store, key, now));
}

async function countFailure(store: Store, key: string, now: Date): Promise<number> {
  const failures = ((await store.throttles.get(key))?.failures ?? 0) + 1;
  const waitMs = failures < FREE_FAILURES ? 0 : Math.min(MAX_MS, BASE_MS * 2 ** (failures - FREE_FAILURES));
  await store.throttles.put({
    key,
    failures,
    lockedUntil: waitMs ? new Date(now.getTime() + waitMs).toISOString() : undefined,
    updatedAt: now.toISOString(),
  });
  return Math.ceil(waitMs / 1000);
}

export async function clearFailures(store: Store, identifier: string): Promise<void> {
  await store.throttles.delete(throttleKey(identifier));
}
