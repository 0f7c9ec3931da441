// SPDX-License-Identifier: MIT
/** Login, current session, idle extension, logout (journey J4). */
import { Router, type RequestHandler, type Response } from 'express';
import { MemoryStore, ipKeyGenerator } from 'express-rate-limit';
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

/**
 * Per IP: 20 failed logins in 10 minutes, then 429 with Retry-After. Only failures count:
 * a town hall or a mobile carrier puts many families behind one address, and their
 * successful logins must not use up the allowance. express-rate-limit's MemoryStore keeps
 * the windows; IPv6 addresses are grouped by /56 as it recommends.
 */
export class IpFailureLimit {
  static readonly LIMIT = 20;
  static readonly WINDOW_MS = 10 * 60_000;
  readonly #store = new MemoryStore();

  constructor() {
    this.#store.init({ windowMs: IpFailureLimit.WINDOW_MS } as Parameters<MemoryStore['init']>[0]);
  }

  readonly check: RequestHandler = async (req, _res, next) => {
    const info = await this.#store.get(ipKeyGenerator(req.ip ?? ''));
    if (info && info.totalHits >= IpFailureLimit.LIMIT) {
      const retryAfter = Math.max(1, Math.ceil(((info.resetTime?.getTime() ?? Date.now()) - Date.now()) / 1000));
      return next(new ApiError(429, 'too_many_attempts', 'Too many failed logins from this address', { retryAfter }));
    }
    next();
  };

  async recordFailure(ip: string | undefined) {
    await this.#store.increment(ipKeyGenerator(ip ?? ''));
  }
}

/**
 * Header of every authenticated answer: when the session ends if the citizen does nothing
 * more (ISO 8601). Activity anywhere on the page pushes it back; the REST adapter reads it so
 * that `<citizen-session-timeout>` warns at the right time.
 */
export const IDLE_EXPIRES_HEADER = 'X-Citizen-Idle-Expires';

export function setIdleExpiresHeader(res: Response, session: ActiveSession) {
  res.set(IDLE_EXPIRES_HEADER, session.idleExpiresAt.toISOString());
}

export interface RequireSessionOptions {
  /**
   * Let a session whose generated password must still be replaced through. Only the routes
   * that session needs (the change itself, reading, extending and ending the session) say
   * so; every other authenticated route answers 403 `password_change_required` (seed 001:
   * the change screen comes before anything else, the API included).
   */
  allowPendingPasswordChange?: boolean;
  /**
   * `?passive=1` in the query leaves the idle timer alone: asking whether the session still
   * lives (the time-out warning does) is not the citizen's activity.
   */
  allowPassive?: boolean;
}

/** Requires a live session; puts it in `res.locals.session`. */
export function requireSession(sessions: Sessions, options: RequireSessionOptions = {}): RequestHandler {
  return async (req, res, next) => {
    const passive = options.allowPassive === true && req.query['passive'] === '1';
    const session = await sessions.resolve(req, new Date(), { touch: !passive });
    if (session === 'none') return next(new ApiError(401, 'not_authenticated', 'No session'));
    if (session === 'expired') {
      sessions.clearCookie(res);
      return next(new ApiError(401, 'session_expired', 'The session has expired or ended'));
    }
    res.locals.session = session;
    setIdleExpiresHeader(res, session);
    if (session.account.mustChangePassword && !options.allowPendingPasswordChange) {
      return next(
        new ApiError(403, 'password_change_required', 'The generated password must be replaced first; see POST /api/v1/password/change'),
      );
    }
    next();
  };
}

export function sessionRoutes(deps: { store: Store; sessions: Sessions; city: CityConfig }): Router {
  const { store, sessions, city } = deps;
  const router = Router();
  const ipLimit = new IpFailureLimit();

  router.post('/session', ipLimit.check, async (req, res) => {
    const { identifier, password } = parse(LoginRequest, req.body);
    if (city.loginThrottling) {
      const wait = await secondsToWait(store, identifier);
      if (wait > 0) throw new ApiError(429, 'too_many_attempts', `Too many failed logins; retry in ${wait} s`, { retryAfter: wait });
    }
    const account = await store.accounts.findByLogin(identifier, city.caseInsensitiveLogin);
    const ok = account ? await verifyPassword(account.passwordHash, password) : (await burnVerifyTime(password), false);
    if (!account || !ok) {
      await ipLimit.recordFailure(req.ip);
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
    setIdleExpiresHeader(res, session);
    if (req.get('x-citizen-auth') === 'token') {
      res.json({ session: payload, token: id });
    } else {
      sessions.setCookie(res, id);
      res.json({ session: payload });
    }
  });

  router.get('/session', requireSession(sessions, { allowPendingPasswordChange: true, allowPassive: true }), (_req, res) => {
    res.json(sessionPayload(res.locals.session!));
  });

  router.post('/session/extend', requireSession(sessions, { allowPendingPasswordChange: true }), async (_req, res) => {
    const session = await sessions.extend(res.locals.session!);
    setIdleExpiresHeader(res, session);
    res.json(sessionPayload(session));
  });

  router.delete('/session', async (req, res) => {
    await sessions.destroy(req);
    sessions.clearCookie(res);
    res.status(204).end();
  });

  return router;
}
