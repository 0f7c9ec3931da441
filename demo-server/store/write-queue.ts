// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from './lowdb-store.js';

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
export class WriteQueue {
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
