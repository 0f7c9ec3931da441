// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import { StoreConflictError, type DocumentRecord, type DocumentRepository } from '../types.js';
import { copy } from './util.js';

export function lowdbDocuments(db: Low<DbData>, queue: WriteQueue): DocumentRepository {
  return {
    async get(id) {
      return copy(db.data.documents.find((d) => d.id === id));
    },
    async listForAccount(accountId) {
      return copy(db.data.documents.filter((d) => d.accountId === accountId));
    },
    async insertWithinQuota(document, quotaBytes) {
      const record = copy(document);
      await queue.run((data) => {
        // Summed in the queue: two uploads at once cannot both slip under the quota.
        const used = data.documents.filter((d) => d.accountId === record.accountId).reduce((sum, d) => sum + d.sizeBytes, 0);
        if (used + record.sizeBytes > quotaBytes) throw new StoreConflictError('quota');
        data.documents.push(record);
      });
    },
    rename(id, accountId, name) {
      return queue.run(
        (data) => {
          const document = data.documents.find((d) => d.id === id && d.accountId === accountId);
          if (!document) return undefined;
          document.name = name;
          return copy(document);
        },
        (result) => result !== undefined,
      );
    },
    delete(id, accountId) {
      return queue.run(
        (data) => {
          const index = data.documents.findIndex((d) => d.id === id && d.accountId === accountId);
          if (index < 0) return undefined;
          return data.documents.splice(index, 1)[0];
        },
        (result) => result !== undefined,
      );
    },
    deleteForAccount(accountId) {
      return queue.run(
        (data) => {
          const removed: DocumentRecord[] = data.documents.filter((d) => d.accountId === accountId);
          data.documents = data.documents.filter((d) => d.accountId !== accountId);
          return removed;
        },
        (removed) => removed.length > 0,
      );
    },
  };
}
