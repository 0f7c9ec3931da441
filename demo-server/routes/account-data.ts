// SPDX-License-Identifier: MIT
/**
 * "Mes données" (RGPD): `GET /account/export` — everything the city holds about the account
 * and its household, as JSON or (`?format=html`) a readable page, both as a download — and
 * `DELETE /account` — close the account, the password typed again.
 *
 * Both need a session (and a replaced generated password) but not the current terms: the
 * rights of access, portability and erasure do not depend on accepting new terms of use, and a
 * citizen who refuses them must still be able to take their data and leave.
 */
import { Router } from 'express';
import * as z from 'zod/mini';
import { CloseAccountRequest, ExportFormat } from '../../src/schemas/account-data.js';
import type { CityConfig } from '../../src/schemas/city-config.js';
import { closeAccount } from '../account-data/close.js';
import { buildAccountExport } from '../account-data/export.js';
import { renderExportHtml } from '../account-data/export-html.js';
import { verifyPassword } from '../auth/passwords.js';
import { recordFailure, secondsToWait } from '../auth/throttle.js';
import { ApiError, parse } from '../http/api-error.js';
import type { Mailer } from '../mail/mailer.js';
import type { FamilyRoutesDeps } from './household.js';
import { requireSession } from './session.js';

const ExportQuery = z.object({ format: z._default(ExportFormat, 'json') });

export interface AccountDataDeps extends FamilyRoutesDeps {
  city: CityConfig;
  mailer: Mailer;
  /** Stored documents' contents, deleted with the account (routes/documents.ts). */
  documentsDir?: string | undefined;
  /** Sign-up photos (store/photos.ts), the account's deleted with it. */
  photosDir?: string | undefined;
}

export function accountDataRoutes(deps: AccountDataDeps): Router {
  const { store, sessions, city } = deps;
  const router = Router();

  router.get('/account/export', requireSession(sessions), async (req, res) => {
    const { format } = parse(ExportQuery, req.query, 'query');
    const data = await buildAccountExport(deps, res.locals.session!.account);
    const name = `mes-donnees-${data.exportedAt.slice(0, 10)}.${format}`;
    res.attachment(name);
    if (format === 'json') {
      res.type('application/json').send(`${JSON.stringify(data, null, 2)}\n`);
    } else {
      res.type('text/html; charset=utf-8').send(renderExportHtml(data));
    }
  });

  router.delete('/account', requireSession(sessions), async (req, res) => {
    const { password } = parse(CloseAccountRequest, req.body);
    const { account } = res.locals.session!;
    // Wrong guesses count against the same back-off as failed logins (a session left open
    // on a shared computer must not become a way to try passwords).
    if (city.loginThrottling) {
      const wait = await secondsToWait(store, account.username);
      if (wait > 0) throw new ApiError(429, 'too_many_attempts', `Too many wrong passwords; retry in ${wait} s`, { retryAfter: wait });
    }
    if (!(await verifyPassword(account.passwordHash, password))) {
      if (city.loginThrottling) await recordFailure(store, account.username);
      throw new ApiError(400, 'validation_failed', 'password is not the current password', { fields: { password: 'password_wrong' } });
    }
    await closeAccount(deps, account);
    sessions.clearCookie(res);
    res.status(204).end();
  });

  return router;
}
