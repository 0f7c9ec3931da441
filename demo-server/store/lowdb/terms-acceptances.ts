// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import { StoreConflictError, type TermsAcceptanceRepository } from '../types.js';
import { copy } from './util.js';

export function lowdbTermsAcceptances(db: Low<DbData>, queue: WriteQueue): TermsAcceptanceRepository {
  return {
    async insert(record) {
      const value = copy(record);
      await queue.run((data) => {
        if (data.termsAcceptances.some((other) => other.id === value.id)) throw new StoreConflictError('id');
        data.termsAcceptances.push(value);
      });
    },
    async listForAccount(accountId) {
      return copy(db.data.termsAcceptances.filter((record) => record.accountId === accountId));
    },
  };
}
