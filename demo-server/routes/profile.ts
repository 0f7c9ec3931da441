// SPDX-License-Identifier: MIT
/**
 * "Mon espace": the citizen's profile (journey J7). Family data, so it needs the current
 * terms accepted. The dashboard's issue extends this file (changes, service keys).
 */
import { Router } from 'express';
import type { CityConfig } from '../../src/schemas/city-config.js';
import { Profile } from '../../src/schemas/profile.js';
import type { Sessions } from '../auth/sessions.js';
import type { AccountRecord } from '../store/types.js';
import { requireSession } from './session.js';
import { requireTermsAccepted } from './terms.js';

/** The Profile payload of an account: identity, address, contact, and the city's service keys. */
export function profilePayload(account: AccountRecord, city: CityConfig): Profile {
  return Profile.parse({
    username: account.username,
    identity: account.identity,
    ...(account.address ? { address: account.address } : {}),
    contact: account.contact,
    serviceKeys: city.serviceKeys.map(({ id }) => {
      const link = account.serviceKeys.find((key) => key.serviceId === id);
      return link ? { serviceId: id, linked: true, linkedAt: link.linkedAt } : { serviceId: id, linked: false };
    }),
  });
}

export function profileRoutes(deps: { sessions: Sessions; city: CityConfig }): Router {
  const { sessions, city } = deps;
  const router = Router();

  router.get('/profile', requireSession(sessions), requireTermsAccepted, (_req, res) => {
    res.json(profilePayload(res.locals.session!.account, city));
  });

  return router;
}
