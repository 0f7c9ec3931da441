// SPDX-License-Identifier: MIT
/**
 * Terms of use (journey J6): the text, the citizen's status, the acceptance recorded as
 * proof, and `requireTermsAccepted`, which keeps family data from an account that has not
 * accepted the version in force (so skipping `<cgu-gate>` does not skip the terms).
 */
import { randomUUID } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { AcceptTermsRequest } from '../../src/schemas/terms.js';
import type { Sessions } from '../auth/sessions.js';
import { ApiError, parse } from '../http/api-error.js';
import type { Store } from '../store/types.js';
import type { TermsLibrary } from '../terms/library.js';
import { requireSession } from './session.js';

/**
 * After `requireSession`: 403 `terms_not_accepted` until the account accepted the current
 * terms. The elements answer this code by showing `<cgu-gate>` (see its documentation).
 */
export const requireTermsAccepted: RequestHandler = (_req, res, next) => {
  const session = res.locals.session;
  if (!session) return next(new ApiError(401, 'not_authenticated', 'No session'));
  if (session.mustAcceptTerms) {
    return next(new ApiError(403, 'terms_not_accepted', 'The current terms of use have not been accepted; see GET /api/v1/terms'));
  }
  next();
};

export function termsRoutes(deps: { store: Store; sessions: Sessions; terms: TermsLibrary }): Router {
  const { store, sessions, terms } = deps;
  const router = Router();

  // Public: the terms are read before logging in too (the /cgu page, a sign-up form's link).
  router.get('/terms', (req, res) => {
    const { version } = req.query;
    if (version === undefined) return void res.json(terms.current);
    if (typeof version !== 'string') {
      throw new ApiError(400, 'validation_failed', 'Invalid query: version (invalid)', { fields: { version: 'invalid' } });
    }
    const found = terms.get(version);
    if (!found) throw new ApiError(404, 'not_found', `No terms of version ${version}`);
    res.json(found);
  });

  router.get('/terms/status', requireSession(sessions), async (_req, res) => {
    const { account } = res.locals.session!;
    res.json(terms.status(await store.termsAcceptances.listForAccount(account.id)));
  });

  router.post('/terms/acceptances', requireSession(sessions), async (req, res) => {
    const { version, textHash } = parse(AcceptTermsRequest, req.body);
    const current = terms.current;
    if (version !== current.version) {
      if (!terms.get(version)) {
        throw new ApiError(400, 'validation_failed', `Invalid body: version (unknown_version): no terms of version ${version}`, {
          fields: { version: 'unknown_version' },
        });
      }
      // The page was opened before the city published a new version: it must show that one.
      throw new ApiError(409, 'conflict', `Version ${version} has been replaced by version ${current.version}`, {
        fields: { version: 'terms_outdated' },
      });
    }
    if (textHash !== current.textHash) {
      throw new ApiError(409, 'conflict', `textHash does not match the text of version ${version}`, {
        fields: { textHash: 'terms_text_changed' },
      });
    }
    const { account } = res.locals.session!;
    const acceptances = await store.termsAcceptances.listForAccount(account.id);
    // Accepting twice (two tabs, a double click) proves nothing more: the first record stands.
    if (!terms.mustAccept(acceptances)) return void res.json(terms.status(acceptances));
    const record = { id: randomUUID(), accountId: account.id, version, textHash, acceptedAt: new Date().toISOString() };
    await store.termsAcceptances.insert(record);
    res.status(201).json(terms.status([...acceptances, record]));
  });

  return router;
}
