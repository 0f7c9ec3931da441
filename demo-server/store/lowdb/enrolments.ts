// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import { StoreConflictError, type EnrolmentRepository } from '../types.js';
import { copy } from './util.js';

export function lowdbEnrolments(db: Low<DbData>, queue: WriteQueue): EnrolmentRepository {
  return {
    async listForChild(householdId, childId) {
      return copy(db.data.enrolments.filter((e) => e.householdId === householdId && e.childId === childId));
    },
    async insert(enrolment) {
      const record = copy(enrolment);
      await queue.run((data) => {
        if (data.enrolments.some((other) => other.id === record.id)) throw new StoreConflictError('id');
        data.enrolments.push(record);
      });
    },
  };
}
