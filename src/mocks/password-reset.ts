// SPDX-License-Identifier: MIT
/**
 * MSW handlers for "J'ai oublié mon mot de passe", as the demo server answers them:
 * `POST /password/forgot` (always 202, whatever the identifier), `POST /password/reset/check`
 * and `POST /password/reset` (the link `demoResetToken` is good once; any other is dead).
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { ForgotPasswordRequest, MailToken, ResetPasswordRequest } from '../schemas/account.js';
import { fieldErrors, type ApiErrorBody, type ErrorCode } from '../schemas/errors.js';
import { passwordSchema } from '../schemas/password-policy.js';
import { demoAccount, demoConfig } from './data.js';

/** The good link's token, for stories and tests (`?token=` or the element's `token`). */
export const demoResetToken = 'demo-reset-token-0123456789abcdefghijklmnopq';

export interface PasswordResetMockOptions {
  /** How `POST /password/forgot` answers: 202 (default), 429 with `retryAfter`, 500, or never. */
  forgot?: 'accepted' | 'tooManyAttempts' | 'serverError' | 'never';
  /** Seconds to wait, for `tooManyAttempts`; default 3600. */
  retryAfter?: number;
  /** The link `demoResetToken`: good (default), or already dead (used, replaced or expired). */
  link?: 'valid' | 'invalid';
  /** How `POST /password/reset` answers a good link and password: 204 (default), 500, or never. */
  reset?: 'ok' | 'serverError' | 'never';
}

/** Passwords the mock refuses as too common (the server asks zxcvbn). */
const COMMON = new Set(['motdepasse1234', 'azertyuiop123', 'password1234']);

function apiError(status: number, code: ErrorCode, message: string, extra: Omit<ApiErrorBody, 'code' | 'message'> = {}) {
  const headers = extra.retryAfter === undefined ? undefined : { 'Retry-After': String(extra.retryAfter) };
  return HttpResponse.json({ code, message, ...extra } satisfies ApiErrorBody, { status, headers });
}

const csrf = (request: Request) =>
  request.headers.get('x-citizen-request') === '1' ? undefined : apiError(403, 'csrf_rejected', 'Missing X-Citizen-Request: 1 header');

export function createPasswordResetHandlers(api: string, options: PasswordResetMockOptions = {}): HttpHandler[] {
  let isLinkLive = options.link !== 'invalid';
  const invalid = () => apiError(400, 'token_invalid', 'The link is unknown, already used, replaced by a newer one or expired');
  const isGood = (token: unknown) => isLinkLive && MailToken.safeParse(token).success && token === demoResetToken;

  return [
    http.post(`${api}/password/forgot`, async ({ request }) => {
      const rejection = csrf(request);
      if (rejection) return rejection;
      const parsed = ForgotPasswordRequest.safeParse(await request.json().catch(() => undefined));
      if (!parsed.success) return apiError(400, 'validation_failed', 'Invalid body', { fields: fieldErrors(parsed.error.issues) });
      switch (options.forgot) {
        case 'tooManyAttempts': {
          const retryAfter = options.retryAfter ?? 3600;
          return apiError(429, 'too_many_attempts', 'Too many password reset requests', { retryAfter });
        }
        case 'serverError':
          return apiError(500, 'server_error', 'Internal error');
        case 'never':
          await delay('infinite');
      }
      return new HttpResponse(null, { status: 202 });
    }),

    http.post(`${api}/password/reset/check`, async ({ request }) => {
      const rejection = csrf(request);
      if (rejection) return rejection;
      const body = (await request.json().catch(() => undefined)) as { token?: unknown } | undefined;
      return isGood(body?.token) ? HttpResponse.json({ username: demoAccount.username }) : invalid();
    }),

    http.post(`${api}/password/reset`, async ({ request }) => {
      const rejection = csrf(request);
      if (rejection) return rejection;
      const body = (await request.json().catch(() => undefined)) as { token?: unknown } | undefined;
      if (!isGood(body?.token)) return invalid();
      const parsed = ResetPasswordRequest.safeParse(body);
      if (!parsed.success) return apiError(400, 'validation_failed', 'Invalid body', { fields: fieldErrors(parsed.error.issues) });
      const { password } = parsed.data;
      const policy = passwordSchema(demoConfig.passwordPolicy, {
        username: demoAccount.username,
        names: [demoAccount.firstNames, demoAccount.lastName],
        city: demoConfig.name,
      }).safeParse(password);
      const fail = (code: string) => apiError(400, 'validation_failed', 'password', { fields: { password: code } });
      if (!policy.success) return fail(fieldErrors(policy.error.issues)['_'] ?? 'invalid');
      if (COMMON.has(password.toLowerCase())) return fail('password_common');
      if (password === demoAccount.password) return fail('password_unchanged');
      if (options.reset === 'serverError') return apiError(500, 'server_error', 'Internal error');
      if (options.reset === 'never') await delay('infinite');
      isLinkLive = false;
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
