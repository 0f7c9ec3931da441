// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import { StoreConflictError, type FranceConnectLinkRepository } from '../types.js';
import { changedSome, copy, removeWhere } from './util.js';

export function lowdbFranceConnectLinks(db: Low<DbData>, queue: WriteQueue): FranceConnectLinkRepository {
  return {
    async findBySub(sub) {
      return copy(db.data.franceConnectLinks.find((link) => link.sub === sub));
    },
    async findByAccount(accountId) {
      return copy(db.data.franceConnectLinks.find((link) => link.accountId === accountId));
    },
    async insert(link) {
      const record = copy(link);
      // Checked inside the queue: two tabs linking at once must not both succeed.
      await queue.run((data) => {
        if (data.franceConnectLinks.some((other) => other.sub === record.sub)) throw new StoreConflictError('sub');
        if (data.franceConnectLinks.some((other) => other.accountId === record.accountId)) throw new StoreConflictError('accountId');
        data.franceConnectLinks.push(record);
      });
    },
    deleteForAccount(accountId) {
      return queue.run((data) => removeWhere(data.franceConnectLinks, (link) => link.accountId === accountId), changedSome);
    },
  };
}
