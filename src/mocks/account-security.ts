// SPDX-License-Identifier: MIT
/**
 * MSW handlers for the session's idle time and the password change, as the demo server
 * answers them: `POST /session/extend` and `POST /password/change` (the forced change of a
 * generated password, or a change with the current password), with the
 * `X-Citizen-Idle-Expires` header on authenticated answers.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { ChangePasswordRequest } from '../schemas/account.js';
import { fieldErrors, type ApiErrorBody, type ErrorCode } from '../schemas/errors.js';
import { passwordSchema } from '../schemas/password-policy.js';
import type { Session } from '../schemas/session.js';
import { demoConfig } from './data.js';

/** The mock server's one session, read and replaced by these handlers. */
export interface MockSessionState {
  get(): Session | null;
  set(session: Session | null): void;
  /** The demo account's current password (a change replaces it). */
  password: string;
}

export interface AccountSecurityMockOptions {
  /** Idle time of a session, in seconds; default 20 minutes (as `demoSession`). */
  idleSeconds?: number;
  /** Every password change fails with a 500. */
  changeFails?: boolean;
  /** Password changes never answer (the pending state). */
  changeHangs?: boolean;
}

/** Passwords the mock refuses as too common (the server asks zxcvbn). */
const COMMON = new Set(['motdepasse1234', 'azertyuiop123', 'password1234']);

export const IDLE_HEADER = 'X-Citizen-Idle-Expires';

function apiError(status: number, code: ErrorCode, message: string, fields?: Record<string, string>) {
  return HttpResponse.json({ code, message, ...(fields ? { fields } : {}) } satisfies ApiErrorBody, { status });
}

/** The session with its idle timer reset `now`. */
export function touched(session: Session, options: AccountSecurityMockOptions, now = Date.now()): Session {
  const idle = new Date(Math.min(now + (options.idleSeconds ?? 20 * 60) * 1000, Date.parse(session.expiresAt)));
  return { ...session, idleExpiresAt: idle.toISOString() };
}

/** A JSON answer carrying the session's idle expiry, as the demo server's authenticated answers do. */
export function withIdleHeader(body: unknown, session: Session, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.set(IDLE_HEADER, session.idleExpiresAt);
  return HttpResponse.json(body as Record<string, unknown>, { ...init, headers });
}

export function createAccountSecurityHandlers(api: string, state: MockSessionState, options: AccountSecurityMockOptions = {}): HttpHandler[] {
  const notAuthenticated = () => apiError(401, 'not_authenticated', 'No session');
  return [
    http.post(`${api}/session/extend`, ({ request }) => {
      if (request.headers.get('x-citizen-request') !== '1') return apiError(403, 'csrf_rejected', 'Missing X-Citizen-Request: 1 header');
      const session = state.get();
      if (!session) return apiError(401, 'session_expired', 'The session has expired or ended');
      const next = touched(session, options);
      state.set(next);
      return withIdleHeader(next, next);
    }),

    http.post(`${api}/password/change`, async ({ request }) => {
      if (request.headers.get('x-citizen-request') !== '1') return apiError(403, 'csrf_rejected', 'Missing X-Citizen-Request: 1 header');
      const session = state.get();
      if (!session) return notAuthenticated();
      if (options.changeFails) return apiError(500, 'server_error', 'Internal error');
      if (options.changeHangs) await delay('infinite');
      const parsed = ChangePasswordRequest.safeParse(await request.json().catch(() => undefined));
      if (!parsed.success) return apiError(400, 'validation_failed', 'Invalid body', fieldErrors(parsed.error.issues));
      const { currentPassword, newPassword, username } = parsed.data;
      const forced = session.mustChangePassword;
      if (!forced && currentPassword === undefined) return apiError(400, 'validation_failed', 'currentPassword', { currentPassword: 'required' });
      if (!forced && currentPassword !== state.password) {
        return apiError(400, 'validation_failed', 'currentPassword', { currentPassword: 'password_wrong' });
      }
      if (!forced && username !== undefined) return apiError(400, 'validation_failed', 'username', { username: 'invalid' });
      const { account } = session;
      const policy = passwordSchema(demoConfig.passwordPolicy, {
        username: username ?? account.username,
        names: [account.firstNames, account.lastName],
        city: demoConfig.name,
      }).safeParse(newPassword);
      if (!policy.success) {
        return apiError(400, 'validation_failed', 'newPassword', { newPassword: fieldErrors(policy.error.issues)['_'] ?? 'invalid' });
      }
      if (COMMON.has(newPassword.toLowerCase())) return apiError(400, 'validation_failed', 'newPassword', { newPassword: 'password_common' });
      if (newPassword === state.password) return apiError(400, 'validation_failed', 'newPassword', { newPassword: 'password_unchanged' });
      if (username && username.toLowerCase() === 'paul.dupont') {
        return apiError(409, 'conflict', 'username', { username: 'username_taken' });
      }
      state.password = newPassword;
      const next = touched(
        { ...session, mustChangePassword: false, account: { ...account, username: username ?? account.username } },
        options,
      );
      state.set(next);
      return withIdleHeader({ session: next }, next);
    }),
  ];
}

