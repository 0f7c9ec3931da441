// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import type { CalendarFeedRepository } from '../types.js';
import { changedSome, copy, removeWhere } from './util.js';

export function lowdbCalendarFeeds(db: Low<DbData>, queue: WriteQueue): CalendarFeedRepository {
  return {
    async findByTokenHash(tokenHash) {
      return copy(db.data.calendarFeeds.find((f) => f.tokenHash === tokenHash));
    },
    async findForChild(householdId, childId) {
      return copy(db.data.calendarFeeds.find((f) => f.householdId === householdId && f.childId === childId));
    },
    async put(feed) {
      const record = copy(feed);
      await queue.run((data) => {
        // One feed per child: a new address revokes the previous one.
        removeWhere(data.calendarFeeds, (f) => f.householdId === record.householdId && f.childId === record.childId);
        data.calendarFeeds.push(record);
      });
    },
    delete(householdId, childId) {
      return queue.run((data) => removeWhere(data.calendarFeeds, (f) => f.householdId === householdId && f.childId === childId), changedSome);
    },
    deleteCreatedBy(accountId) {
      return queue.run((data) => removeWhere(data.calendarFeeds, (f) => f.createdBy === accountId), changedSome);
    },
  };
}
