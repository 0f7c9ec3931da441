// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import { StoreConflictError, StoreNotFoundError, type HouseholdRepository } from '../types.js';
import { copy } from './util.js';

export function lowdbHouseholds(db: Low<DbData>, queue: WriteQueue): HouseholdRepository {
  return {
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
    async findByServiceKey(serviceId, keyHash) {
      return copy(db.data.households.find((household) => household.keyHashes[serviceId] === keyHash));
    },
    addMember(householdId, member) {
      const record = copy(member);
      return queue.run((data) => {
        const household = data.households.find((candidate) => candidate.id === householdId);
        if (!household) throw new StoreNotFoundError(`No household ${householdId}`);
        if (household.members.some((other) => other.id === record.id)) throw new StoreConflictError('id');
        household.members.push(record);
        return copy(household);
      });
    },
  };
}
