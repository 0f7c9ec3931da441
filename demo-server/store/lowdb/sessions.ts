// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import { StoreConflictError, type SessionRepository } from '../types.js';
import { changedIt, changedSome, copy, removeWhere } from './util.js';

export function lowdbSessions(db: Low<DbData>, queue: WriteQueue): SessionRepository {
  return {
    async get(idHash) {
      return copy(db.data.sessions.find((session) => session.idHash === idHash));
    },
    async insert(session) {
      const record = copy(session);
      await queue.run((data) => {
        if (data.sessions.some((other) => other.idHash === record.idHash)) throw new StoreConflictError('idHash');
        data.sessions.push(record);
      });
    },
    async touch(idHash, lastSeenAt) {
      // A session deleted meanwhile (logout in another tab) is not an error.
      await queue.run((data) => {
        const session = data.sessions.find((candidate) => candidate.idHash === idHash);
        if (session) session.lastSeenAt = lastSeenAt;
        return session !== undefined;
      }, changedIt);
    },
    async delete(idHash) {
      await queue.run((data) => removeWhere(data.sessions, (session) => session.idHash === idHash), changedSome);
    },
    async listForAccount(accountId) {
      return copy(db.data.sessions.filter((session) => session.accountId === accountId));
    },
    deleteForAccount(accountId) {
      return queue.run((data) => removeWhere(data.sessions, (session) => session.accountId === accountId), changedSome);
    },
    deleteExpired(now, idleMs) {
      const nowMs = now.getTime();
      return queue.run(
        (data) =>
          removeWhere(
            data.sessions,
            (session) => Date.parse(session.expiresAt) < nowMs || Date.parse(session.lastSeenAt) + idleMs < nowMs,
          ),
        changedSome,
      );
    },
  };
}
