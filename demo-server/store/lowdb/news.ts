// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import { StoreConflictError, type NewsRepository } from '../types.js';
import { copy } from './util.js';

export function lowdbNews(db: Low<DbData>, queue: WriteQueue): NewsRepository {
  return {
    async list() {
      return copy(db.data.news).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
    },
    async insert(item) {
      const record = copy(item);
      await queue.run((data) => {
        if (data.news.some((other) => other.id === record.id)) throw new StoreConflictError('id');
        data.news.push(record);
      });
    },
  };
}
