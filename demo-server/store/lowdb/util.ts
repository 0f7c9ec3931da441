// SPDX-License-Identifier: MIT
/** Helpers shared by the lowdb repositories. */

/** Reads hand out copies: a caller mutating a result must not change the store. */
export const copy = <T>(value: T): T => structuredClone(value);

/** `hasChanged` helpers for WriteQueue.run: skip the disk write when nothing changed. */
export const changedSome = (count: number) => count > 0;
export const changedIt = (changed: boolean) => changed;

/** Case-insensitive comparison key for usernames and e-mail addresses. */
export function fold(value: string): string {
  return value.normalize('NFC').toLowerCase();
}

/** Removes the matching items in place; returns how many. */
export function removeWhere<T>(items: T[], isDoomed: (item: T) => boolean): number {
  let kept = 0;
  for (const item of items) if (!isDoomed(item)) items[kept++] = item;
  const removed = items.length - kept;
  items.length = kept;
  return removed;
}
