// SPDX-License-Identifier: MIT
/**
 * MSW handlers that play the reference API (`/api/v1`) for stories, browser tests and
 * integrators' own tests. Each `createHandlers()` call is a fresh little server with its own
 * session; a `scenario` makes the login answer one way (wrong password, throttled, slow…).
 *
 * ```ts
 * worker.resetHandlers(...createHandlers({ scenario: 'tooManyAttempts', retryAfter: 300 }));
 * ```
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { fieldErrors, type ApiErrorBody, type ErrorCode } from '../schemas/errors.js';
import { LoginRequest, type Session } from '../schemas/session.js';
import { demoAccount, demoConfig, demoSession } from './data.js';
import { createTermsHandlers, type TermsMockOptions } from './terms.js';

export type MockScenario =
  /** The demo account logs in; anything else is refused. */
  | 'default'
  /** Someone is already logged in when the page opens. */
  | 'loggedIn'
  /** Every login is refused as a wrong password. */
  | 'wrongPassword'
  /** Every login is refused with 429 and `retryAfter`. */
  | 'tooManyAttempts'
  /** Logins answer after `latencyMs` (`Infinity`: never, to show the loading state). */
  | 'slow'
  /** Every login fails with a 500. */
  | 'serverError'
  /** Every login fails as if the network were down. */
  | 'networkError';

export interface MockOptions {
  /** Where the API is mounted, as given to `RestBackend`; default `/api`. */
  baseUrl?: string;
  scenario?: MockScenario;
  /** Seconds to wait, for `tooManyAttempts`; default 300. */
  retryAfter?: number;
  /** Delay of a login, for `slow`; default 3000 ms. */
  latencyMs?: number;
  /** How the terms endpoints answer (src/mocks/terms.ts); default: the long text, not accepted yet. */
  terms?: TermsMockOptions;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function apiError(status: number, code: ErrorCode, message: string, extra: Omit<ApiErrorBody, 'code' | 'message'> = {}) {
  const headers = extra.retryAfter === undefined ? undefined : { 'Retry-After': String(extra.retryAfter) };
  return HttpResponse.json({ code, message, ...extra } satisfies ApiErrorBody, { status, headers });
}

/** The server's CSRF rule: a write without `X-Citizen-Request: 1` is refused. */
function csrfRejection(request: Request) {
  if (SAFE_METHODS.has(request.method) || request.headers.get('x-citizen-request') === '1') return undefined;
  return apiError(403, 'csrf_rejected', 'Missing X-Citizen-Request: 1 header');
}

function isDemoAccount(identifier: string, password: string) {
  const id = identifier.toLowerCase();
  return (id === demoAccount.username || id === demoAccount.email) && password === demoAccount.password;
}

export function createHandlers(options: MockOptions = {}): HttpHandler[] {
  const { scenario = 'default', retryAfter = 300, latencyMs = 3000 } = options;
  const api = `${(options.baseUrl ?? '/api').replace(/\/+$/, '')}/v1`;
  let lastLoginAt: string | undefined = demoAccount.lastLoginAt;
  let session: Session | null = scenario === 'loggedIn' ? demoSession(lastLoginAt) : null;

  return [
    http.get(`${api}/config`, () => HttpResponse.json(demoConfig)),

    http.post(`${api}/session`, async ({ request }) => {
      const rejection = csrfRejection(request);
      if (rejection) return rejection;
      switch (scenario) {
        case 'wrongPassword':
          return apiError(401, 'invalid_credentials', 'Unknown identifier or wrong password');
        case 'tooManyAttempts':
          return apiError(429, 'too_many_attempts', `Too many failed logins; retry in ${retryAfter} s`, { retryAfter });
        case 'serverError':
          return apiError(500, 'server_error', 'Internal error');
        case 'networkError':
          return HttpResponse.error();
        case 'slow':
          await (Number.isFinite(latencyMs) ? delay(latencyMs) : delay('infinite'));
          break;
      }
      const parsed = LoginRequest.safeParse(await request.json().catch(() => undefined));
      if (!parsed.success) {
        return apiError(400, 'validation_failed', 'Invalid body', { fields: fieldErrors(parsed.error.issues) });
      }
      if (!isDemoAccount(parsed.data.identifier, parsed.data.password)) {
        return apiError(401, 'invalid_credentials', 'Unknown identifier or wrong password');
      }
      const now = new Date();
      session = demoSession(lastLoginAt, now);
      lastLoginAt = now.toISOString();
      return HttpResponse.json({ session });
    }),

    http.get(`${api}/session`, () => (session ? HttpResponse.json(session) : apiError(401, 'not_authenticated', 'No session'))),

    http.delete(`${api}/session`, ({ request }) => {
      const rejection = csrfRejection(request);
      if (rejection) return rejection;
      session = null;
      return new HttpResponse(null, { status: 204 });
    }),

    ...createTermsHandlers(api, options.terms ?? {}, () => session !== null),
  ];
}

/** The default handlers: the demo account, nobody logged in. */
export const handlers = createHandlers();
