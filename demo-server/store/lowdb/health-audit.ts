// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import { StoreConflictError, type HealthAuditRepository } from '../types.js';
import { copy } from './util.js';

export function lowdbHealthAudit(db: Low<DbData>, queue: WriteQueue): HealthAuditRepository {
  return {
    async insert(record) {
      const value = copy(record);
      await queue.run((data) => {
        if (data.healthAudit.some((other) => other.id === value.id)) throw new StoreConflictError('id');
        data.healthAudit.push(value);
      });
    },
    async listForHouseholds(householdIds) {
      return copy(db.data.healthAudit.filter((record) => householdIds.includes(record.householdId)));
    },
    async listByAccount(accountId) {
      return copy(db.data.healthAudit.filter((record) => record.actor.kind === 'account' && record.actor.accountId === accountId));
    },
  };
}
