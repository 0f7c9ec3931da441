// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import { StoreConflictError, type MailTokenRepository } from '../types.js';
import { changedIt, changedSome, copy, removeWhere } from './util.js';

export function lowdbMailTokens(db: Low<DbData>, queue: WriteQueue): MailTokenRepository {
  return {
    async issue(token) {
      const record = copy(token);
      const nowMs = Date.parse(record.createdAt);
      await queue.run((data) => {
        // Validate before changing anything: a throw does not undo a mutation.
        if (data.mailTokens.some((other) => other.tokenHash === record.tokenHash)) throw new StoreConflictError('tokenHash');
        removeWhere(
          data.mailTokens,
          (other) =>
            (other.accountId === record.accountId && other.purpose === record.purpose) || Date.parse(other.expiresAt) <= nowMs,
        );
        data.mailTokens.push(record);
      });
    },
    consume(tokenHash, purpose, now) {
      // Checked and removed inside one queued mutation: two concurrent uses are applied one
      // after the other to the same working copy, so only the first finds the token.
      return queue.run(
        (data) => {
          const index = data.mailTokens.findIndex((token) => token.tokenHash === tokenHash && token.purpose === purpose);
          if (index < 0) return undefined;
          const [token] = data.mailTokens.splice(index, 1);
          // An expired token is removed all the same, but it activates nothing.
          return Date.parse(token!.expiresAt) > now.getTime() ? token : null;
        },
        (result) => changedIt(result !== undefined),
      ).then((token) => copy(token ?? undefined));
    },
    async find(tokenHash, purpose, now) {
      const nowMs = now.getTime();
      return copy(
        db.data.mailTokens.find(
          (token) => token.tokenHash === tokenHash && token.purpose === purpose && Date.parse(token.expiresAt) > nowMs,
        ),
      );
    },
    revoke(accountId, purpose) {
      return queue.run(
        (data) => removeWhere(data.mailTokens, (token) => token.accountId === accountId && token.purpose === purpose),
        changedSome,
      );
    },
  };
}
