// SPDX-License-Identifier: MIT
/**
 * `POST /bookings` ("Annuler ou réserver"): a batch of book/cancel changes for one child.
 * Each day is checked on the server (enrolled, open, not past, outside the notice period,
 * not absent, a place left, and for a booking the child's record complete: while the city
 * still needs something ("ce qu'il manque") a `book` change is refused as `record_incomplete`,
 * a cancellation still applies); a refused day comes back in `conflicts` with its code and the
 * rest of the batch applies. The batch carries an idempotency key (body and `Idempotency-Key`
 * header): the same key and batch answer the first outcome again, applied once
 * (`Idempotent-Replayed: true`); the same key with another batch answers 409.
 *
 * Repeating patterns ("tous les lundis et jeudis jusqu'aux vacances") are expanded by the
 * client into the batch (up to 400 changes): the agenda already tells it which days are open.
 */
import { createHash } from 'node:crypto';
import { Router } from 'express';
import { BookingBatch, type BookingResult } from '../../src/schemas/activities.js';
import { childContext, refusalOf } from '../activities/agenda.js';
import { bracketFor, unitPrice } from '../activities/catalogue.js';
import { ApiError, parse } from '../http/api-error.js';
import { StoreConflictError, type BookingChangeInput } from '../store/types.js';
import type { ActivityRoutesDeps } from './activities.js';
import { childOf } from './activities.js';
import { householdOf } from './household.js';
import { requireSession } from './session.js';
import { requireTermsAccepted } from './terms.js';

export function bookingRoutes(deps: ActivityRoutesDeps): Router {
  const { store, sessions, activities: catalogue } = deps;
  const router = Router();

  router.post('/bookings', requireSession(sessions), requireTermsAccepted, async (req, res) => {
    const household = await householdOf(store, res);
    const batch = parse(BookingBatch, req.body);
    const header = req.get('idempotency-key');
    if (header !== undefined && header !== batch.idempotencyKey) {
      throw new ApiError(400, 'validation_failed', 'Idempotency-Key differs from the body’s idempotencyKey', { fields: { idempotencyKey: 'mismatch' } });
    }
    const child = childOf(household, batch.childId);
    const now = new Date();
    const ctx = await childContext(store, household, child.id);
    const bracket = bracketFor(catalogue, household.quotientFamilial);
    const seen = new Set<string>();
    const changes: BookingChangeInput[] = batch.changes.map(({ activityId, date, action }) => {
      const key = `${activityId}|${date}`;
      const duplicate = seen.has(key);
      seen.add(key);
      const activity = catalogue.activities.find((a) => a.id === activityId);
      const refusal = duplicate ? 'duplicate' : refusalOf(catalogue, ctx, activity, date, action, now);
      return { activityId, date, action, ...(refusal ? { refusal } : {}) };
    });
    const bodyHash = createHash('sha256').update(JSON.stringify({ childId: batch.childId, changes: batch.changes })).digest('hex');
    try {
      const { outcome, replayed } = await store.bookings.applyBatch({
        accountId: res.locals.session!.account.id,
        householdId: household.id,
        childId: child.id,
        idempotencyKey: batch.idempotencyKey,
        bodyHash,
        at: now.toISOString(),
        changes,
        capacity: Object.fromEntries(catalogue.activities.map((a) => [a.id, a.capacity])),
        unitPriceCents: Object.fromEntries(catalogue.activities.map((a) => [a.id, unitPrice(a, bracket)])),
      });
      if (replayed) res.set('Idempotent-Replayed', 'true');
      res.json(outcome satisfies BookingResult);
    } catch (error) {
      if (error instanceof StoreConflictError && error.field === 'idempotencyKey') {
        throw new ApiError(409, 'conflict', 'This idempotency key was used for another batch', { fields: { idempotencyKey: 'reused' } });
      }
      throw error;
    }
  });

  return router;
}
