// SPDX-License-Identifier: MIT
/**
 * The demo server's store over one lowdb JSON file. The file is read once at start-up and
 * everything is served from memory: re-reading per request loses concurrent writes. Every
 * change goes through one write queue that persists in batches (group commit), and a
 * caller's promise settles only once the batch holding its change is on disk.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { scheduleBackups, type BackupOptions, type BackupSchedule } from './backups.js';
import { DurableJsonFile } from './durable-json-file.js';
import { lockDataFile } from './lock.js';
import {
  StoreConflictError,
  StoreNotFoundError,
  type AccountRecord,
  type AccountRepository,
  type HouseholdRecord,
  type HouseholdRepository,
  type SessionRecord,
  type SessionRepository,
  type Store,
  type ThrottleRecord,
  type ThrottleRepository,
} from './types.js';

/** The data file's version; additive changes (a new collection) keep it. */
export const DB_VERSION = 1;

/** Everything the data file holds. Add new collections here and to `emptyData`. */
export interface DbData {
  version: typeof DB_VERSION;
  accounts: AccountRecord[];
  sessions: SessionRecord[];
  throttles: ThrottleRecord[];
  households: HouseholdRecord[];
}

export function emptyData(): DbData {
  return { version: DB_VERSION, accounts: [], sessions: [], throttles: [], households: [] };
}

export interface LowdbStoreOptions {
  /** Rotating backups (on by default: 5 kept, one an hour); `false` turns them off. */
  backups?: BackupOptions | false;
}

/**
 * Opens (or creates) the store in `file`. Rejects if another process uses the file, or if
 * the file is empty, malformed or from a newer version: it is then left untouched.
 */
export async function openLowdbStore(file: string, options: LowdbStoreOptions = {}): Promise<Store> {
  file = path.resolve(file);
  await mkdir(path.dirname(file), { recursive: true });
  let lockLost: Error | undefined;
  const release = await lockDataFile(file, (error) => {
    lockLost = new Error(`Lost the lock on ${file}; writes are refused from now on: ${error.message}`);
    console.error(lockLost.message);
  });
  const db = new Low<DbData>(new DurableJsonFile<DbData>(file), emptyData());
  let existed: boolean;
  try {
    const defaults = db.data;
    await db.read();
    existed = db.data !== defaults;
    db.data = checkShape(db.data, file);
  } catch (error) {
    await release();
    throw error;
  }
  let backups: BackupSchedule | undefined;
  if (options.backups !== false) {
    backups = scheduleBackups(file, options.backups ?? {});
    try {
      if (existed) await backups.runNow();
    } catch (error) {
      await backups.stop();
      await release();
      throw error;
    }
  }
  const queue = new WriteQueue(db, () => lockLost);
  let closing: Promise<void> | undefined;
  return {
    ...repositories(db, queue),
    close() {
      closing ??= (async () => {
        await queue.close();
        await backups?.stop();
        if (!lockLost) await release();
      })();
      return closing;
    },
  };
}

function checkShape(data: DbData, file: string): DbData {
  const untouched = 'The file was left untouched.';
  if (data.version !== DB_VERSION) {
    throw new Error(`${file} has data version ${String(data.version)}; this server reads version ${DB_VERSION}. ${untouched}`);
  }
  const full = { ...emptyData(), ...data };
  for (const [key, value] of Object.entries(full)) {
    if (key !== 'version' && !Array.isArray(value)) {
      throw new Error(`${file}: "${key}" should be a list. ${untouched}`);
    }
  }
  return full;
}

interface Job {
  mutate(data: DbData): unknown;
  hasChanged(result: unknown): boolean;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/**
 * Applies queued mutations to a working copy, writes it once per batch, and only then makes
 * it the data that reads see: nobody reads a change that may still fail to reach the disk.
 * Mutations must validate before they change anything, since a throw does not undo them.
 */
class WriteQueue {
  private pending: Job[] = [];
  private isFlushing = false;
  private idle: Promise<void> = Promise.resolve();
  private isClosed = false;

  constructor(
    private readonly db: Low<DbData>,
    private readonly lockLost: () => Error | undefined,
  ) {}

  /** `hasChanged` tells from the result whether the file needs writing (default: yes). */
  run<R>(mutate: (data: DbData) => R, hasChanged: (result: R) => boolean = () => true): Promise<R> {
    const refusal = this.isClosed ? new Error('The store is closed') : this.lockLost();
    if (refusal) return Promise.reject(refusal);
    return new Promise<R>((resolve, reject) => {
      this.pending.push({
        mutate,
        hasChanged: hasChanged as (result: unknown) => boolean,
        resolve: resolve as (result: unknown) => void,
        reject,
      });
      if (!this.isFlushing) {
        this.isFlushing = true;
        this.idle = this.flush();
      }
    });
  }

  /** Refuses new mutations and waits for the queued ones. */
  async close(): Promise<void> {
    this.isClosed = true;
    await this.idle;
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      const working = structuredClone(this.db.data);
      const outcomes = batch.map((job) => {
        try {
          const result = job.mutate(working);
          return { ok: true as const, result, changed: job.hasChanged(result) };
        } catch (error) {
          return { ok: false as const, error };
        }
      });
      let writeError: unknown;
      if (outcomes.some((outcome) => outcome.ok && outcome.changed)) {
        try {
          await this.db.adapter.write(working);
          this.db.data = working;
        } catch (error) {
          writeError = error;
        }
      }
      batch.forEach((job, i) => {
        const outcome = outcomes[i]!;
        if (!outcome.ok) job.reject(outcome.error);
        else if (writeError !== undefined) job.reject(writeError);
        else job.resolve(outcome.result);
      });
    }
    // Set synchronously after the emptiness check: a job queued later starts a new flush.
    this.isFlushing = false;
  }
}

/** Case-insensitive comparison key for usernames and e-mail addresses. */
function fold(value: string): string {
  return value.normalize('NFC').toLowerCase();
}

function assertAccountIsUnique(accounts: AccountRecord[], account: AccountRecord): void {
  const others = accounts.filter((other) => other.id !== account.id);
  if (others.some((other) => fold(other.username) === fold(account.username))) {
    throw new StoreConflictError('username');
  }
  if (others.some((other) => fold(other.email) === fold(account.email))) {
    throw new StoreConflictError('email');
  }
}

function repositories(db: Low<DbData>, queue: WriteQueue): Omit<Store, 'close'> {
  const copy = <T>(value: T): T => structuredClone(value);
  const changedSome = (count: number) => count > 0;
  const changedIt = (changed: boolean) => changed;

  const accounts: AccountRepository = {
    async get(id) {
      return copy(db.data.accounts.find((account) => account.id === id));
    },
    async findByLogin(identifier, caseInsensitive) {
      const key = caseInsensitive ? fold(identifier) : identifier;
      const matches = (value: string) => (caseInsensitive ? fold(value) : value) === key;
      // A username may contain "@", so it wins over another account's e-mail address.
      const found =
        db.data.accounts.find((account) => matches(account.username)) ??
        db.data.accounts.find((account) => matches(account.email));
      return copy(found);
    },
    async list() {
      return copy(db.data.accounts);
    },
    async insert(account) {
      const record = copy(account);
      await queue.run((data) => {
        if (data.accounts.some((other) => other.id === record.id)) throw new StoreConflictError('id');
        assertAccountIsUnique(data.accounts, record);
        data.accounts.push(record);
      });
    },
    update(id, patch) {
      const changes = copy(patch);
      return queue.run((data) => {
        const index = data.accounts.findIndex((account) => account.id === id);
        if (index < 0) throw new StoreNotFoundError(`No account ${id}`);
        const updated: AccountRecord = { ...data.accounts[index]!, ...changes, id };
        assertAccountIsUnique(data.accounts, updated);
        data.accounts[index] = updated;
        return copy(updated);
      });
    },
  };

  const sessions: SessionRepository = {
    async get(idHash) {
      return copy(db.data.sessions.find((session) => session.idHash === idHash));
    },
    async insert(session) {
      const record = copy(session);
      await queue.run((data) => {
        if (data.sessions.some((other) => other.idHash === record.idHash)) throw new StoreConflictError('idHash');
        data.sessions.push(record);
      });
    },
    async touch(idHash, lastSeenAt) {
      // A session deleted meanwhile (logout in another tab) is not an error.
      await queue.run((data) => {
        const session = data.sessions.find((candidate) => candidate.idHash === idHash);
        if (session) session.lastSeenAt = lastSeenAt;
        return session !== undefined;
      }, changedIt);
    },
    async delete(idHash) {
      await queue.run((data) => removeWhere(data.sessions, (session) => session.idHash === idHash), changedSome);
    },
    deleteForAccount(accountId) {
      return queue.run((data) => removeWhere(data.sessions, (session) => session.accountId === accountId), changedSome);
    },
    deleteExpired(now, idleMs) {
      const nowMs = now.getTime();
      return queue.run(
        (data) =>
          removeWhere(
            data.sessions,
            (session) => Date.parse(session.expiresAt) < nowMs || Date.parse(session.lastSeenAt) + idleMs < nowMs,
          ),
        changedSome,
      );
    },
  };

  const throttles: ThrottleRepository = {
    async get(key) {
      return copy(db.data.throttles.find((record) => record.key === key));
    },
    async put(record) {
      const value = copy(record);
      await queue.run((data) => {
        const index = data.throttles.findIndex((other) => other.key === value.key);
        if (index < 0) data.throttles.push(value);
        else data.throttles[index] = value;
      });
    },
    async delete(key) {
      await queue.run((data) => removeWhere(data.throttles, (record) => record.key === key), changedSome);
    },
  };

  const households: HouseholdRepository = {
    async get(id) {
      return copy(db.data.households.find((household) => household.id === id));
    },
    async list() {
      return copy(db.data.households);
    },
    async insert(household) {
      const record = copy(household);
      await queue.run((data) => {
        if (data.households.some((other) => other.id === record.id)) throw new StoreConflictError('id');
        data.households.push(record);
      });
    },
  };

  return { accounts, sessions, throttles, households };
}

/** Removes the matching items in place; returns how many. */
function removeWhere<T>(items: T[], isDoomed: (item: T) => boolean): number {
  let kept = 0;
  for (const item of items) if (!isDoomed(item)) items[kept++] = item;
  const removed = items.length - kept;
  items.length = kept;
  return removed;
}
