// SPDX-License-Identifier: MIT
/**
 * MSW handlers for the FranceConnect endpoints, as the demo server answers them once the
 * citizen is back from FranceConnect with an identity linked to no account: the identity,
 * linking an account (the demo account's credentials), creating one from it, cancelling.
 * (The round trip to FranceConnect itself is a page navigation, which the mocks do not play.)
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ApiErrorBody, ErrorCode } from '../schemas/errors.js';
import type { FranceConnectIdentity } from '../schemas/franceconnect.js';
import { LoginRequest, type Session } from '../schemas/session.js';
import { demoAccount } from './data.js';
import type { MockSessionState } from './account-security.js';

export interface FranceConnectMockOptions {
  /** The city offers FranceConnect (the config's `franceConnect`); default false, as the mocks' city. */
  enabled?: boolean;
  /** A certified identity waits for the citizen's choice; default true when enabled. */
  pending?: boolean;
  /** Creating the account finds its e-mail already used (409 email_taken). */
  emailTaken?: boolean;
}

/** The certified identity of the stories and tests (FranceConnect's claims, camelCased). */
export const demoFranceConnectIdentity: FranceConnectIdentity = {
  givenName: 'Camille Jeanne',
  familyName: 'MARTIN',
  birthdate: '1985-05-12',
  gender: 'female',
  birthplace: '75056',
  birthcountry: '99100',
  email: 'camille.martin@example.fr',
};

function apiError(status: number, code: ErrorCode, message: string, fields?: Record<string, string>) {
  return HttpResponse.json({ code, message, ...(fields ? { fields } : {}) } satisfies ApiErrorBody, { status });
}

export function createFranceConnectHandlers(
  api: string,
  state: MockSessionState,
  newSession: () => Session,
  options: FranceConnectMockOptions = {},
): HttpHandler[] {
  if (!options.enabled) return [];
  let pending = options.pending !== false;
  const csrf = (request: Request) =>
    request.headers.get('x-citizen-request') === '1' ? undefined : apiError(403, 'csrf_rejected', 'Missing X-Citizen-Request: 1 header');
  const none = () => apiError(404, 'not_found', 'No FranceConnect identity waiting; log in with FranceConnect again');
  return [
    http.get(`${api}/franceconnect/identity`, () => (pending ? HttpResponse.json(demoFranceConnectIdentity) : none())),
    http.delete(`${api}/franceconnect/identity`, ({ request }) => {
      pending = false;
      return csrf(request) ?? new HttpResponse(null, { status: 204 });
    }),
    http.post(`${api}/franceconnect/link`, async ({ request }) => {
      const rejected = csrf(request);
      if (rejected) return rejected;
      if (!pending) return none();
      const parsed = LoginRequest.safeParse(await request.json().catch(() => undefined));
      const id = parsed.success ? parsed.data.identifier.toLowerCase() : '';
      if (!parsed.success || (id !== demoAccount.username && id !== demoAccount.email) || parsed.data.password !== state.password) {
        return apiError(401, 'invalid_credentials', 'Unknown identifier or wrong password');
      }
      pending = false;
      const session = { ...newSession(), franceConnect: true };
      state.set(session);
      return HttpResponse.json({ session });
    }),
    http.post(`${api}/franceconnect/accounts`, ({ request }) => {
      const rejected = csrf(request);
      if (rejected) return rejected;
      if (!pending) return none();
      if (options.emailTaken) {
        return apiError(409, 'conflict', 'An account already uses this e-mail address: link it instead', { email: 'email_taken' });
      }
      pending = false;
      const base = newSession();
      const session: Session = {
        ...base,
        account: { id: 'acc-camille-martin', username: 'camille.martin', civility: 'MME', firstNames: 'Camille Jeanne', lastName: 'MARTIN' },
        franceConnect: true,
        mustAcceptTerms: true,
      };
      delete session.previousLoginAt;
      state.set(session);
      return HttpResponse.json({ session }, { status: 201 });
    }),
  ];
}
