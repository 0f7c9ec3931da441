// SPDX-License-Identifier: MIT
/**
 * "S'identifier avec FranceConnect" (journey J4, when the city enables it):
 *
 * | route | what |
 * | --- | --- |
 * | `GET /franceconnect/login?returnTo=/page` | starts the flow: 303 to FranceConnect |
 * | `GET /franceconnect/callback` | FranceConnect's return: checks state, nonce, PKCE; logs in, or keeps the identity for the citizen's choice |
 * | `GET /franceconnect/identity` | the certified identity waiting for that choice (404 without one) |
 * | `DELETE /franceconnect/identity` | drops it (the citizen cancels) |
 * | `POST /franceconnect/link` | `{ identifier, password }`: links the identity to that account, logs in |
 * | `POST /franceconnect/accounts` | creates the account from the certified identity, logs in |
 * | `DELETE /session` (for a FranceConnect session) | logs out and answers `{ redirect }`: FranceConnect's end-session URL |
 * | `GET /franceconnect/logged-out` | FranceConnect's return after its logout: back to the login page |
 *
 * Browser round trips answer by redirecting to `returnTo` (a page of this site) with
 * `?franceconnect=connected|choose|error|canceled|logged-out`, which `<citizen-login>` reads.
 * FranceConnect needs the session cookie: token mode (a CMS on another site) is not offered.
 *
 * Following FranceConnect's guidance, an account created from the certified identity asks
 * for no username or password and does not verify the e-mail again; its password is random
 * and unknown (the holder may set one with "J'ai oublié mon mot de passe").
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { CityConfig } from '../../src/schemas/city-config.js';
import { IsoDate } from '../../src/schemas/common.js';
import { Username } from '../../src/schemas/account.js';
import type { FranceConnectIdentity, FranceConnectResult } from '../../src/schemas/franceconnect.js';
import { LoginRequest } from '../../src/schemas/session.js';
import type { FranceConnectClient, PendingIdentity } from '../auth/franceconnect.js';
import { burnVerifyTime, hashPassword, verifyPassword } from '../auth/passwords.js';
import type { Sessions } from '../auth/sessions.js';
import { clearFailures, recordFailure, secondsToWait } from '../auth/throttle.js';
import { ApiError, parse } from '../http/api-error.js';
import { StoreConflictError, type AccountRecord, type Store } from '../store/types.js';
import { IpFailureLimit, setIdleExpiresHeader } from './session.js';
import { sessionPayload } from './session-payload.js';

export interface FranceConnectDeps {
  store: Store;
  sessions: Sessions;
  city: CityConfig;
  client: FranceConnectClient;
  publicUrl: URL;
  secureCookies: boolean;
}

const LOGIN_COOKIE = 'citizen_fc_login';
const IDENTITY_COOKIE = 'citizen_fc_identity';

/** A path of this site to come back to; anything else (another site, `//host`) falls back. */
export function safeReturnTo(value: unknown, publicUrl: URL, fallback: string): string {
  if (typeof value !== 'string' || value.length > 500 || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return fallback;
  }
  try {
    const url = new URL(value, publicUrl);
    return url.origin === publicUrl.origin ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}

function withResult(returnTo: string, result: FranceConnectResult | undefined, publicUrl: URL): string {
  const url = new URL(returnTo, publicUrl);
  if (result) url.searchParams.set('franceconnect', result);
  else url.searchParams.delete('franceconnect');
  return `${url.pathname}${url.search}${url.hash}`;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** "Camille Jeanne" "MARTIN" → camille.martin, then camille.martin2… if taken. */
async function freeUsername(store: Store, identity: FranceConnectIdentity, caseInsensitive: boolean): Promise<string> {
  const first = fold(identity.givenName.split(/\s+/)[0] ?? '') || 'usager';
  const base = `${first}.${fold(identity.familyName) || 'fc'}`.slice(0, 50);
  for (let n = 1; n <= 50; n++) {
    const candidate = n === 1 ? base : `${base}${n}`;
    if (Username.safeParse(candidate).success && !(await store.accounts.findByLogin(candidate, caseInsensitive))) return candidate;
  }
  return `${base}.${randomBytes(3).toString('hex')}`;
}

/** The account a certified identity becomes: civility from the gender, names as certified. */
function accountFrom(pending: PendingIdentity, username: string, passwordHash: string, now: Date): AccountRecord {
  const { identity } = pending;
  const email = identity.email!;
  const birthDate = identity.birthdate && IsoDate.safeParse(identity.birthdate).success ? identity.birthdate : undefined;
  return {
    id: randomUUID(),
    username,
    email,
    passwordHash,
    status: 'active',
    identity: {
      civility: identity.gender === 'male' ? 'M' : 'MME',
      lastName: identity.familyName,
      firstNames: identity.givenName,
      ...(birthDate ? { birthDate } : {}),
      // INSEE's code of France; other countries' codes would need INSEE's table to be named.
      ...(identity.birthcountry === '99100' ? { birthCountry: 'France' } : {}),
    },
    contact: { email, preferred: 'email' },
    serviceKeys: [],
    mustChangePassword: false,
    createdAt: now.toISOString(),
  };
}

export function franceConnectRoutes(deps: FranceConnectDeps): Router {
  const { store, sessions, city, client, publicUrl, secureCookies } = deps;
  const router = Router();
  const ipLimit = new IpFailureLimit();
  const loginPage = city.urls.login ?? '/';

  const cookiePath = (req: Request) => `${req.baseUrl}/franceconnect`;
  const readCookie = (req: Request, name: string) => {
    const header = req.get('cookie');
    return header ? parseCookie(header)[name] : undefined;
  };
  const setCookie = (req: Request, res: Response, name: string, value: string, maxAge: number) =>
    res.append(
      'Set-Cookie',
      // Lax: FranceConnect's redirect back is a top-level GET navigation, which Lax cookies follow.
      stringifySetCookie({ name, value, httpOnly: true, secure: secureCookies, sameSite: 'lax', path: cookiePath(req), maxAge }),
    );
  const clearCookie = (req: Request, res: Response, name: string) => setCookie(req, res, name, '', 0);

  const enabled = (_req: Request, _res: Response, next: (error?: unknown) => void) =>
    next(city.franceConnect ? undefined : new ApiError(404, 'not_found', 'FranceConnect is not offered by this city'));

  /** Opens the session (cookie only) and answers with the LoginResult. */
  const logIn = async (res: Response, account: AccountRecord, idToken: string, status = 200) => {
    const now = new Date();
    const updated = await store.accounts.update(account.id, { lastLoginAt: now.toISOString() });
    const { id, session } = await sessions.create(updated, account.lastLoginAt, now, { franceConnectIdToken: idToken });
    sessions.setCookie(res, id);
    setIdleExpiresHeader(res, session);
    return { status, body: { session: sessionPayload(session) } };
  };

  const pendingIdentity = (req: Request) => {
    const pending = client.pendingIdentities.get(readCookie(req, IDENTITY_COOKIE));
    if (!pending) throw new ApiError(404, 'not_found', 'No FranceConnect identity waiting; log in with FranceConnect again');
    return pending;
  };

  router.get('/franceconnect/login', enabled, async (req, res) => {
    const returnTo = safeReturnTo(req.query['returnTo'], publicUrl, loginPage);
    const { url, handle } = await client.start(returnTo);
    setCookie(req, res, LOGIN_COOKIE, handle, 600);
    res.redirect(303, url.href);
  });

  router.get('/franceconnect/callback', enabled, async (req, res) => {
    const pending = client.pendingLogins.take(readCookie(req, LOGIN_COOKIE));
    clearCookie(req, res, LOGIN_COOKIE);
    const back = (result: FranceConnectResult | undefined, returnTo = pending?.returnTo ?? loginPage) =>
      res.redirect(303, withResult(returnTo, result, publicUrl));
    if (!pending) return back('error');
    if (req.query['error'] === 'access_denied') return back('canceled');
    let result: Awaited<ReturnType<FranceConnectClient['finish']>>;
    try {
      // The URL FranceConnect called: openid-client checks state and iss in it.
      result = await client.finish(new URL(req.originalUrl, publicUrl), pending);
    } catch (error) {
      // The reason goes to the log (never the code or tokens); the citizen gets a plain error.
      console.error(`[demo-server] FranceConnect callback refused: ${(error as Error).message}`);
      return back('error');
    }
    const link = await store.franceConnectLinks.findBySub(result.sub);
    const account = link && (await store.accounts.get(link.accountId));
    if (account) {
      if (account.status !== 'active') return back('error');
      await sessions.destroy(req);
      await logIn(res, account, result.idToken);
      return back('connected');
    }
    const handle = client.pendingIdentities.add({ ...result, returnTo: pending.returnTo });
    setCookie(req, res, IDENTITY_COOKIE, handle, 15 * 60);
    back('choose');
  });

  router.get('/franceconnect/identity', enabled, (req, res) => {
    res.json(pendingIdentity(req).identity);
  });

  router.delete('/franceconnect/identity', enabled, (req, res) => {
    client.pendingIdentities.delete(readCookie(req, IDENTITY_COOKIE));
    clearCookie(req, res, IDENTITY_COOKIE);
    res.status(204).end();
  });

  router.post('/franceconnect/link', enabled, ipLimit.check, async (req, res) => {
    const pending = pendingIdentity(req);
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
      throw new ApiError(401, 'invalid_credentials', 'Unknown identifier or wrong password');
    }
    if (account.status !== 'active') throw new ApiError(403, 'account_not_active', `Account is ${account.status}`);
    if (city.loginThrottling) await clearFailures(store, identifier);
    try {
      await store.franceConnectLinks.insert({ sub: pending.sub, accountId: account.id, linkedAt: new Date().toISOString() });
    } catch (error) {
      if (error instanceof StoreConflictError) {
        throw new ApiError(409, 'conflict', 'This account is already linked to another FranceConnect identity', {
          fields: { identifier: 'franceconnect_already_linked' },
        });
      }
      throw error;
    }
    client.pendingIdentities.delete(readCookie(req, IDENTITY_COOKIE));
    clearCookie(req, res, IDENTITY_COOKIE);
    await sessions.destroy(req);
    const { status, body } = await logIn(res, account, pending.idToken);
    res.status(status).json(body);
  });

  router.post('/franceconnect/accounts', enabled, async (req, res) => {
    const pending = pendingIdentity(req);
    if (!pending.identity.email) {
      throw new ApiError(400, 'validation_failed', 'FranceConnect gave no e-mail address', { fields: { email: 'required' } });
    }
    if (await store.franceConnectLinks.findBySub(pending.sub)) {
      throw new ApiError(409, 'conflict', 'This FranceConnect identity is already linked to an account');
    }
    const now = new Date();
    // Nobody knows this password: the account opens with FranceConnect (or after a reset).
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    let account: AccountRecord | undefined;
    for (let attempt = 0; attempt < 3 && !account; attempt++) {
      const candidate = accountFrom(pending, await freeUsername(store, pending.identity, city.caseInsensitiveLogin), passwordHash, now);
      try {
        await store.accounts.insert(candidate);
        account = candidate;
      } catch (error) {
        if (!(error instanceof StoreConflictError)) throw error;
        if (error.field === 'email') {
          throw new ApiError(409, 'conflict', 'An account already uses this e-mail address: link it instead', {
            fields: { email: 'email_taken' },
          });
        }
        // A username taken between the check and the insert: try the next one.
      }
    }
    if (!account) throw new ApiError(409, 'conflict', 'Could not find a free username');
    await store.franceConnectLinks.insert({ sub: pending.sub, accountId: account.id, linkedAt: now.toISOString() });
    client.pendingIdentities.delete(readCookie(req, IDENTITY_COOKIE));
    clearCookie(req, res, IDENTITY_COOKIE);
    await sessions.destroy(req);
    const { body } = await logIn(res, account, pending.idToken, 201);
    res.status(201).json(body);
  });

  // Before sessionRoutes' DELETE /session: a FranceConnect session also ends at FranceConnect.
  router.delete('/session', async (req, res, next) => {
    const session = await sessions.resolve(req, new Date(), { touch: false });
    const idToken = typeof session === 'object' ? session.record.franceConnectIdToken : undefined;
    if (!idToken) return next();
    await sessions.destroy(req);
    sessions.clearCookie(res);
    let redirect: string | undefined;
    try {
      redirect = await client.endSessionUrl(idToken);
    } catch (error) {
      // Our session is over whatever happens; FranceConnect's may outlive it if it is unreachable.
      console.error(`[demo-server] FranceConnect end-session URL unavailable: ${(error as Error).message}`);
    }
    res.json(redirect ? { redirect } : {});
  });

  router.get('/franceconnect/logged-out', (_req, res) => {
    res.redirect(303, withResult(loginPage, 'logged-out', publicUrl));
  });

  return router;
}
