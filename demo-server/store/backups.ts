// SPDX-License-Identifier: MIT
/**
 * Rotating copies of the data file in `<folder>/backups/`: the atomic writes protect
 * against crashes, these against mistakes (a bad admin command, a buggy migration).
 */
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface BackupOptions {
  /** How many backups to keep (default 5). */
  keep?: number;
  /** Time between two backups in ms (default 1 h). */
  intervalMs?: number;
}

export interface BackupSchedule {
  /** Makes one backup now and prunes the old ones; resolves with the backup's path. */
  runNow(): Promise<string>;
  /** Stops the timer and waits for a backup in progress. */
  stop(): Promise<void>;
}

const DEFAULT_KEEP = 5;
const DEFAULT_INTERVAL_MS = 60 * 60 * 1000;

/** `<folder>/backups`, where backups of `file` go. */
export function backupFolder(file: string): string {
  return path.join(path.dirname(file), 'backups');
}

/**
 * Copies `file` to `backups/<name>.<timestamp>.json` and deletes all but the newest `keep`.
 * The timestamp is ISO 8601 with `-` for `:` (not allowed in Windows file names), so names
 * sort by date.
 */
export async function backupNow(file: string, keep = DEFAULT_KEEP): Promise<string> {
  const folder = backupFolder(file);
  await mkdir(folder, { recursive: true });
  const prefix = `${path.basename(file, path.extname(file))}.`;
  const stamp = new Date().toISOString().replaceAll(':', '-');
  const target = path.join(folder, `${prefix}${stamp}.json`);
  // Copy then rename: a crash mid-copy must not leave a truncated file that looks newest.
  await copyFile(file, `${target}.tmp`);
  await rename(`${target}.tmp`, target);
  const pattern = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z\.json$/;
  const backups = (await readdir(folder))
    .filter((name) => name.startsWith(prefix) && pattern.test(name.slice(prefix.length)))
    .sort();
  const old = backups.slice(0, Math.max(0, backups.length - Math.max(1, keep)));
  await Promise.all(old.map((name) => rm(path.join(folder, name), { force: true })));
  return target;
}

/**
 * Backs `file` up every `intervalMs` (the caller makes the start-up backup with `runNow`).
 * The timer does not keep the process alive; failures go to `onError` and the schedule goes on.
 */
export function scheduleBackups(
  file: string,
  options: BackupOptions = {},
  onError: (error: unknown) => void = (error) => console.error('Backup of the data file failed:', error),
): BackupSchedule {
  const keep = options.keep ?? DEFAULT_KEEP;
  let running: Promise<string> | undefined;
  const runNow = (): Promise<string> => {
    // Two overlapping runs would prune each other's files: chain them.
    const next = (running ?? Promise.resolve('')).catch(() => '').then(() => backupNow(file, keep));
    running = next;
    return next;
  };
  const timer = setInterval(() => runNow().catch(onError), options.intervalMs ?? DEFAULT_INTERVAL_MS);
  timer.unref();
  return {
    runNow,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
