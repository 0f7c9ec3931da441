// SPDX-License-Identifier: MIT
/**
 * "Dernières demandes" (journey J7; seed 000's "Suivre l'état de traitement de vos
 * demandes"): the account's requests and its household's, newest first, and one request with
 * what it asks for. Another account's request answers 404, as an unknown id does.
 */
import { Router } from 'express';
import type { CitizenRequest } from '../../src/schemas/requests.js';
import { canSee, citizenRequest, visibleRequests } from '../family/requests.js';
import { ApiError } from '../http/api-error.js';
import type { FamilyRoutesDeps } from './household.js';
import { requireSession } from './session.js';
import { requireTermsAccepted } from './terms.js';

export function requestRoutes(deps: FamilyRoutesDeps): Router {
  const { store, sessions, cipher } = deps;
  const router = Router();
  const guard = [requireSession(sessions), requireTermsAccepted];

  router.get('/requests', ...guard, async (_req, res) => {
    const { account } = res.locals.session!;
    const list: CitizenRequest[] = [];
    for (const request of await visibleRequests(store, account)) list.push(await citizenRequest(store, cipher, request, account));
    res.json(list);
  });

  router.get('/requests/:id', ...guard, async (req, res) => {
    const { account } = res.locals.session!;
    const request = await store.requests.get(String(req.params.id));
    if (!request || !canSee(request, account)) throw new ApiError(404, 'not_found', 'No such request');
    res.json(await citizenRequest(store, cipher, request, account, { details: true }));
  });

  return router;
}
