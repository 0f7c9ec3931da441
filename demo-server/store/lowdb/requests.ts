// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import { StoreConflictError, StoreNotFoundError, type RequestRecord, type RequestRepository } from '../types.js';
import { copy } from './util.js';

const isPending = (request: RequestRecord) => request.status === 'sent' || request.status === 'in-progress';

export function lowdbRequests(db: Low<DbData>, queue: WriteQueue): RequestRepository {
  return {
    async get(id) {
      return copy(db.data.requests.find((request) => request.id === id));
    },
    async list() {
      return copy(db.data.requests);
    },
    async listVisibleTo(accountId, householdId) {
      return copy(
        db.data.requests.filter(
          (request) => request.accountId === accountId || (householdId !== undefined && request.householdId === householdId),
        ),
      );
    },
    async insert(request) {
      const record = copy(request);
      await queue.run((data) => {
        if (data.requests.some((other) => other.id === record.id)) throw new StoreConflictError('id');
        data.requests.push(record);
      });
    },
    transition(id, from, change) {
      const { status, at, note, reason, memberId } = change;
      return queue.run((data) => {
        const request = data.requests.find((candidate) => candidate.id === id);
        if (!request) throw new StoreNotFoundError(`No request ${id}`);
        // Checked in the queue: two staff members deciding at once cannot both win.
        if (!from.includes(request.status)) throw new StoreConflictError('status');
        request.status = status;
        request.history.push(note === undefined ? { at, status } : { at, status, note });
        if (reason !== undefined) request.reason = reason;
        if (memberId !== undefined && request.payload.type === 'household-addition') request.payload.memberId = memberId;
        return copy(request);
      });
    },
    closeForAccount(accountId, retainedReason) {
      return queue.run(
        (data) => {
          let removed = 0;
          let retained = 0;
          data.requests = data.requests.filter((request) => {
            if (request.accountId !== accountId) return true;
            if (isPending(request)) {
              removed++;
              return false;
            }
            request.retainedReason = retainedReason;
            retained++;
            return true;
          });
          return { removed, retained };
        },
        ({ removed, retained }) => removed + retained > 0,
      );
    },
  };
}
