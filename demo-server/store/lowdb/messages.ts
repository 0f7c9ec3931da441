// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import { StoreConflictError, type MessageRepository } from '../types.js';
import { changedIt, changedSome, copy, removeWhere } from './util.js';

export function lowdbMessages(db: Low<DbData>, queue: WriteQueue): MessageRepository {
  return {
    async listForAccount(accountId) {
      return copy(db.data.messages.filter((message) => message.accountId === accountId)).sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    },
    async insert(message) {
      const record = copy(message);
      await queue.run((data) => {
        if (data.messages.some((other) => other.id === record.id)) throw new StoreConflictError('id');
        data.messages.push(record);
      });
    },
    async markRead(id, accountId, at) {
      const found = db.data.messages.some((message) => message.id === id && message.accountId === accountId);
      if (!found) return false;
      await queue.run((data) => {
        const message = data.messages.find((candidate) => candidate.id === id && candidate.accountId === accountId);
        if (!message || message.readAt !== undefined) return false;
        message.readAt = at;
        return true;
      }, changedIt);
      return true;
    },
    deleteForAccount(accountId) {
      return queue.run((data) => removeWhere(data.messages, (message) => message.accountId === accountId), changedSome);
    },
  };
}
