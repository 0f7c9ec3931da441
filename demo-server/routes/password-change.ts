// SPDX-License-Identifier: MIT
/**
 * `POST /api/v1/password/change` (journey J3 and the profile's "Modifier mon mot de passe").
 *
 * Two cases, told apart by the account, never by the request:
 * - a generated password must be replaced (`mustChangePassword`, set by `accounts:create
 *   --generate-password`): no current password is asked, as on seed 001's screen. The login
 *   that opened this session has just proved the generated password, and until the change
 *   that session can do nothing else (`requireSession` answers 403 everywhere else). The
 *   username may be chosen at the same time.
 * - any other change: the current password is required, and wrong guesses count against the
 *   same per-username back-off as failed logins (a session left open on a shared computer
 *   must not become a way to try passwords).
 *
 * The new password follows the city's policy and is refused when common or guessable, or
 * equal to the old one. Every session of the account ends; the citizen's own continues
 * under a fresh id (cookie or token, as at login: a change of credentials renews the
 * session id), and a mail tells the holder.
 */
import { Router } from 'express';
import type { CityConfig } from '../../src/schemas/city-config.js';
import { ChangePasswordRequest } from '../../src/schemas/account.js';
import { assertAcceptablePassword, hashPassword, verifyPassword } from '../auth/passwords.js';
import type { Sessions } from '../auth/sessions.js';
import { clearFailures, recordFailure, secondsToWait } from '../auth/throttle.js';
import { ApiError, parse } from '../http/api-error.js';
import type { Mailer } from '../mail/mailer.js';
import { notifyPasswordChanged } from '../mail/password-changed.js';
import { StoreConflictError, type AccountRecord, type Store } from '../store/types.js';
import { requireSession, setIdleExpiresHeader } from './session.js';
import { sessionPayload } from './session-payload.js';

export interface PasswordChangeDeps {
  store: Store;
  sessions: Sessions;
  city: CityConfig;
  mailer: Mailer;
  publicUrl: URL;
}

const fieldError = (status: number, code: 'validation_failed' | 'conflict', field: string, fieldCode: string, message: string) =>
  new ApiError(status, code, message, { fields: { [field]: fieldCode } });

export function passwordChangeRoutes(deps: PasswordChangeDeps): Router {
  const { store, sessions, city, mailer, publicUrl } = deps;
  const router = Router();

  router.post('/password/change', requireSession(sessions, { allowPendingPasswordChange: true }), async (req, res) => {
    const request = parse(ChangePasswordRequest, req.body);
    const current = res.locals.session!;
    const { account } = current;
    const isForced = account.mustChangePassword;

    if (!isForced) {
      if (request.username !== undefined) {
        throw fieldError(400, 'validation_failed', 'username', 'invalid', 'The username can only be chosen when a generated password is replaced');
      }
      if (request.currentPassword === undefined) {
        throw fieldError(400, 'validation_failed', 'currentPassword', 'required', 'Invalid body: currentPassword (required)');
      }
      await checkCurrentPassword(store, city, account, request.currentPassword);
    }

    const username = isForced && request.username ? request.username : account.username;
    const names = [account.identity.firstNames, account.identity.lastName, account.identity.birthName];
    await assertAcceptablePassword(request.newPassword, city, { username, names }, 'newPassword');
    if (await verifyPassword(account.passwordHash, request.newPassword)) {
      throw fieldError(400, 'validation_failed', 'newPassword', 'password_unchanged', 'newPassword is the current password');
    }

    let updated: AccountRecord;
    try {
      updated = await store.accounts.update(account.id, {
        passwordHash: await hashPassword(request.newPassword),
        mustChangePassword: false,
        ...(username !== account.username ? { username } : {}),
      });
    } catch (error) {
      if (error instanceof StoreConflictError) {
        throw fieldError(409, 'conflict', 'username', 'username_taken', 'That username is already used by another account');
      }
      throw error;
    }

    // Every session of the account ends, this one included; the citizen continues under a new id.
    await store.sessions.deleteForAccount(account.id);
    if (city.loginThrottling) await clearFailures(store, account.username);
    const { id, session } = await sessions.create(updated, current.record.previousLoginAt, new Date(), {
      franceConnectIdToken: current.record.franceConnectIdToken,
    });
    await notifyPasswordChanged(mailer, updated, city, publicUrl);

    setIdleExpiresHeader(res, session);
    const payload = sessionPayload(session);
    if (req.get('x-citizen-auth') === 'token') {
      res.json({ session: payload, token: id });
    } else {
      sessions.setCookie(res, id);
      res.json({ session: payload });
    }
  });

  return router;
}

async function checkCurrentPassword(store: Store, city: CityConfig, account: AccountRecord, password: string) {
  if (city.loginThrottling) {
    const wait = await secondsToWait(store, account.username);
    if (wait > 0) throw new ApiError(429, 'too_many_attempts', `Too many wrong passwords; retry in ${wait} s`, { retryAfter: wait });
  }
  if (await verifyPassword(account.passwordHash, password)) return;
  if (city.loginThrottling) await recordFailure(store, account.username);
  throw fieldError(400, 'validation_failed', 'currentPassword', 'password_wrong', 'currentPassword is not the current password');
}
