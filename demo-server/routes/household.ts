// SPDX-License-Identifier: MIT
/**
 * "Ma famille" and "Entourage" (journey J7, seeds 001, 003, 004): the family record the
 * account is linked to, a child's "Dossier administratif" (its update is a request to the
 * city), and "Ajouter à mon entourage Enfance" (a request too). Only the account's own
 * household is ever reached: another family's ids answer 404, as unknown ones do, so that
 * guessing confirms nothing.
 */
import { Router, type Response } from 'express';
import { ChildRecord, Household, HouseholdAddition } from '../../src/schemas/household.js';
import type { FieldCipher } from '../auth/field-cipher.js';
import type { Sessions } from '../auth/sessions.js';
import { readChildRecord } from '../family/child-records.js';
import { citizenRequest, createRequest } from '../family/requests.js';
import { ApiError, parse } from '../http/api-error.js';
import type { HouseholdRecord, Store } from '../store/types.js';
import { requireSession } from './session.js';
import { requireTermsAccepted } from './terms.js';
import { checkAttachments } from './activities.js';

export interface FamilyRoutesDeps {
  store: Store;
  sessions: Sessions;
  /** Seals and opens health data (auth/data-key.ts). */
  cipher: FieldCipher;
}

/** The account's family record, or 404 (no service key entered yet: the adapter reads it as null). */
export async function householdOf(store: Store, res: Response): Promise<HouseholdRecord> {
  const { householdId } = res.locals.session!.account;
  const household = householdId ? await store.households.get(householdId) : undefined;
  if (!household) throw new ApiError(404, 'not_found', 'The account is linked to no family record yet (see POST /api/v1/profile/service-keys)');
  return household;
}

/** A child of the account's own household, or 404 whatever the reason. */
function childOf(household: HouseholdRecord, childId: string | string[] | undefined) {
  const child = household.members.find((member) => member.id === childId && member.role === 'child');
  if (!child) throw new ApiError(404, 'not_found', 'No such child in your household');
  return child;
}

export function householdRoutes(deps: FamilyRoutesDeps): Router {
  const { store, sessions, cipher } = deps;
  const router = Router();
  const guard = [requireSession(sessions), requireTermsAccepted];

  router.get('/household', ...guard, async (_req, res) => {
    const household = await householdOf(store, res);
    res.json(Household.parse({ id: household.id, members: household.members }));
  });

  router.get('/household/children/:childId/record', ...guard, async (req, res) => {
    const household = await householdOf(store, res);
    const child = childOf(household, req.params.childId);
    const reader = { kind: 'account' as const, accountId: res.locals.session!.account.id };
    res.json(await readChildRecord(store, cipher, household.id, child.id, reader, 'child-record'));
  });

  router.post('/household/children/:childId/record-updates', ...guard, async (req, res) => {
    // Whose child comes first: another family's id gets 404 whatever the body.
    const household = await householdOf(store, res);
    const child = childOf(household, req.params.childId);
    const record = parse(ChildRecord, req.body);
    const { account } = res.locals.session!;
    const request = await createRequest(store, cipher, account, {
      type: 'child-record-update',
      childId: child.id,
      childName: child.firstNames,
      // What is missing is the city's list; a parent's update does not change it.
      record: { ...record, missing: [] },
    });
    res.status(201).json(await citizenRequest(store, cipher, request, account));
  });

  // Seed 004: a family not yet known to the city asks too; "Ma famille" appears once accepted.
  router.post('/household/additions', ...guard, async (req, res) => {
    const { attachmentIds = [], ...addition } = parse(HouseholdAddition, req.body);
    const { account } = res.locals.session!;
    // A justificatif "en un clic" (seed 003): the account's own stored documents only.
    await checkAttachments(store, account.id, attachmentIds, 'attachmentIds');
    const request = await createRequest(store, cipher, account, { type: 'household-addition', addition }, undefined, attachmentIds);
    res.status(201).json(await citizenRequest(store, cipher, request, account));
  });

  return router;
}
