// SPDX-License-Identifier: MIT
/** Login, current session, idle extension, logout (journey J4). */
import { Router, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { LoginRequest } from '../../src/schemas/session.js';
import { ApiError, parse } from '../http/api-error.js';
import type { Store } from '../store/types.js';
import type { CityConfig } from '../../src/schemas/city-config.js';
import { burnVerifyTime, verifyPassword } from '../auth/passwords.js';
import { clearFailures, recordFailure, secondsToWait } from '../auth/throttle.js';
import type { ActiveSession, Sessions } from '../auth/sessions.js';
import { sessionPayload } from './session-payload.js';

declare module 'express-serve-static-core' {
  interface Locals {
    session?: ActiveSession;
  }
}

const INVALID = () => new ApiError(401, 'invalid_credentials', 'Unknown identifier or wrong password');

/** Per IP: 20 failed logins in 10 minutes, then 429 with Retry-After. */
export function loginIpLimiter(): RequestHandler {
  return rateLimit({
    windowMs: 10 * 60_000,
    limit: 20,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next, options) => {
      const retryAfter = Math.ceil(options.windowMs / 1000);
      next(new ApiError(429, 'too_many_attempts', 'Too many failed logins from this address', { retryAfter }));
    },
  });
}

/** Requires a live session; puts it in `res.locals.session`. */
export function requireSession(sessions: Sessions): RequestHandler {
  return async (req, res, next) => {
    const session = await sessions.resolve(req);
    if (session === 'none') return next(new ApiError(401, 'not_authenticated', 'No session'));
    if (session === 'expired') {
      sessions.clearCookie(res);
      return next(new ApiError(401, 'session_expired', 'The session has expired or ended'));
    }
    res.locals.session = session;
    next();
  };
}

export function sessionRoutes(deps: { store: Store; sessions: Sessions; city: CityConfig }): Router {
  const { store, sessions, city } = deps;
  const router = Router();

  router.post('/session', loginIpLimiter(), async (req, res) => {
    const { identifier, password } = parse(LoginRequest, req.body);
    if (city.loginThrottling) {
      const wait = await secondsToWait(store, identifier);
      if (wait > 0) throw new ApiError(429, 'too_many_attempts', `Too many failed logins; retry in ${wait} s`, { retryAfter: wait });
    }
    const account = await store.accounts.findByLogin(identifier, city.caseInsensitiveLogin);
    const ok = account ? await verifyPassword(account.passwordHash, password) : (await burnVerifyTime(password), false);
    if (!account || !ok) {
      if (city.loginThrottling) await recordFailure(store, identifier);
      throw INVALID();
    }
    // The right password proves ownership, so saying the account is not active yet reveals nothing.
    if (account.status !== 'active') {
      throw new ApiError(403, 'account_not_active', `Account is ${account.status}`);
    }
    if (city.loginThrottling) await clearFailures(store, identifier);
    // A fresh id at every login: a session id planted before login is worthless (fixation).
    await sessions.destroy(req);
    const now = new Date();
    const updated = await store.accounts.update(account.id, { lastLoginAt: now.toISOString() });
    const { id, session } = await sessions.create(updated, account.lastLoginAt, now);
    const payload = sessionPayload(session);
    if (req.get('x-citizen-auth') === 'token') {
      res.json({ session: payload, token: id });
    } else {
      sessions.setCookie(res, id);
      res.json({ session: payload });
    }
  });

  router.get('/session', requireSession(sessions), (_req, res) => {
    res.json(sessionPayload(res.locals.session!));
  });

  router.post('/session/extend', requireSession(sessions), async (_req, res) => {
    res.json(sessionPayload(await sessions.extend(res.locals.session!)));
  });

  router.delete('/session', async (req, res) => {
    await sessions.destroy(req);
    sessions.clearCookie(res);
    res.status(204).end();
  });

  return router;
}
