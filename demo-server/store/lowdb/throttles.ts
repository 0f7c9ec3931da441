// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import type { ThrottleRepository } from '../types.js';
import { changedSome, copy, removeWhere } from './util.js';

export function lowdbThrottles(db: Low<DbData>, queue: WriteQueue): ThrottleRepository {
  return {
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
}
