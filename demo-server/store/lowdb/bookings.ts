// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import { StoreConflictError, type BookingBatchOutcome, type BookingRepository } from '../types.js';
import { copy, removeWhere } from './util.js';

/** How long a batch's answer is kept for retries with the same idempotency key. */
const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

const slot = (activityId: string, date: string) => `${activityId}|${date}`;

export function lowdbBookings(db: Low<DbData>, queue: WriteQueue): BookingRepository {
  return {
    async listForChild(householdId, childId, from, to) {
      return copy(
        db.data.bookings
          .filter((b) => b.householdId === householdId && b.childId === childId && b.date >= from && b.date <= to)
          .sort((a, b) => a.date.localeCompare(b.date)),
      );
    },
    async listBetween(from, to) {
      return copy(db.data.bookings.filter((b) => b.date >= from && b.date <= to));
    },
    async countsBetween(from, to) {
      const counts = new Map<string, number>();
      for (const b of db.data.bookings) {
        if (b.date < from || b.date > to) continue;
        const key = slot(b.activityId, b.date);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return counts;
    },
    async insertMany(bookings) {
      const records = copy([...bookings]);
      await queue.run((data) => {
        data.bookings.push(...records);
      });
    },
    applyBatch(batch) {
      return queue.run(
        (data) => {
          const now = Date.parse(batch.at);
          removeWhere(data.idempotency, (r) => now - Date.parse(r.createdAt) > IDEMPOTENCY_TTL_MS);
          const previous = data.idempotency.find(
            (r) => r.scope === 'bookings' && r.accountId === batch.accountId && r.key === batch.idempotencyKey,
          );
          if (previous) {
            if (previous.bodyHash !== batch.bodyHash) throw new StoreConflictError('idempotencyKey');
            return { outcome: copy(previous.result), replayed: true };
          }
          // Counted here, inside the queue: no other batch runs between this count and the push.
          const outcome: BookingBatchOutcome = { applied: [], conflicts: [], totalCents: 0 };
          for (const change of batch.changes) {
            const { activityId, date, action } = change;
            const refuse = (code: string) => outcome.conflicts.push({ activityId, date, code });
            if (change.refusal) {
              refuse(change.refusal);
              continue;
            }
            const mine = (b: { householdId: string; childId: string; activityId: string; date: string }) =>
              b.householdId === batch.householdId && b.childId === batch.childId && b.activityId === activityId && b.date === date;
            const price = batch.unitPriceCents[activityId] ?? 0;
            if (action === 'book') {
              if (data.bookings.some(mine)) {
                refuse('already_booked');
                continue;
              }
              const taken = data.bookings.filter((b) => b.activityId === activityId && b.date === date).length;
              if (taken >= (batch.capacity[activityId] ?? 0)) {
                refuse('full');
                continue;
              }
              data.bookings.push({
                householdId: batch.householdId,
                childId: batch.childId,
                activityId,
                date,
                bookedAt: batch.at,
                bookedBy: batch.accountId,
              });
              outcome.totalCents += price;
            } else {
              if (removeWhere(data.bookings, mine) === 0) {
                refuse('not_booked');
                continue;
              }
              outcome.totalCents -= price;
            }
            outcome.applied.push({ activityId, date, action });
          }
          data.idempotency.push({
            scope: 'bookings',
            accountId: batch.accountId,
            key: batch.idempotencyKey,
            bodyHash: batch.bodyHash,
            result: copy(outcome),
            createdAt: batch.at,
          });
          return { outcome, replayed: false };
        },
        ({ replayed }) => !replayed,
      );
    },
  };
}
