// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import type { ChildRecordRepository } from '../types.js';
import { copy } from './util.js';

export function lowdbChildRecords(db: Low<DbData>, queue: WriteQueue): ChildRecordRepository {
  return {
    async get(householdId, childId) {
      return copy(db.data.childRecords.find((record) => record.householdId === householdId && record.childId === childId));
    },
    async listForHousehold(householdId) {
      return copy(db.data.childRecords.filter((record) => record.householdId === householdId));
    },
    async list() {
      return copy(db.data.childRecords);
    },
    async put(record, options = {}) {
      const value = copy(record);
      await queue.run((data) => {
        const index = data.childRecords.findIndex((other) => other.householdId === value.householdId && other.childId === value.childId);
        if (index < 0) data.childRecords.push(value);
        else data.childRecords[index] = options.keepMissing ? { ...value, missing: data.childRecords[index]!.missing } : value;
      });
    },
    async setMissing(householdId, childId, missing, updatedAt) {
      return queue.run((data) => {
        const record = data.childRecords.find((other) => other.householdId === householdId && other.childId === childId);
        if (record) Object.assign(record, { missing: [...missing], updatedAt });
        return record !== undefined;
      });
    },
  };
}
