// SPDX-License-Identifier: MIT
/**
 * The mock of sign-up and activation (journeys J1, J2): `GET /captcha` (ALTCHA challenges
 * made and checked with altcha-lib's WebCrypto functions, cheap enough to solve at once;
 * or a text image and its "audio"), `POST /accounts`, `POST /accounts/activation` and
 * `POST /accounts/activation/resend`, answering as the demo server does.
 *
 * Without a scenario it behaves like the server with the demo data: `marie.dupont` and her
 * e-mail are taken, the "Clé Enfance" `K7PQ-M4XW-9HTR` is known, the image text is
 * {@link MOCK_CAPTCHA_TEXT}, challenges are single use; the optional photo must be a JPEG or
 * PNG by its content. A scenario forces one answer.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { createChallenge, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { ActivationRequest, photoTypeOf, ResendActivationRequest, SignupRequest, type SignupResult } from '../schemas/account.js';
import type { CaptchaChallenge } from '../schemas/captcha.js';
import type { CaptchaKind, CityConfig } from '../schemas/city-config.js';
import { fieldErrors, type ApiErrorBody, type ErrorCode } from '../schemas/errors.js';
import { passwordSchema } from '../schemas/password-policy.js';
import { demoAccount, demoConfig } from './data.js';

export type SignupMockScenario =
  /** As the demo server: checks everything, answers 201 for a new family. */
  | 'default'
  /** The username is taken, with a suggestion. */
  | 'usernameTaken'
  /** The e-mail address already has an account. */
  | 'emailTaken'
  /** The service key is unknown. */
  | 'wrongServiceKey'
  /** The security check failed (or expired). */
  | 'captchaFailed'
  /** The password is one of the most common ones. */
  | 'commonPassword'
  /** Every sign-up fails with a 500. */
  | 'serverError'
  /** Every sign-up fails as if the network were down. */
  | 'networkError'
  /** Sign-ups answer after `latencyMs` (`Infinity`: never, to show the pending state). */
  | 'slow'
  /** The city activates accounts by hand: the config says so and sign-ups answer `staff`. */
  | 'staff';

export type ActivationMockScenario =
  /** Tokens that look right activate {@link MOCK_NEW_USERNAME}, once each. */
  | 'default'
  /** Every token is refused (`token_invalid`: expired, used, replaced or unknown). */
  | 'invalidToken'
  | 'serverError'
  /** Activations answer after `latencyMs` (`Infinity`: never). */
  | 'slow';

export interface SignupMockOptions {
  scenario?: SignupMockScenario;
  /** The security check's kind, in the config and in `GET /captcha`; default `altcha`. */
  captcha?: CaptchaKind;
  /** `GET /captcha` fails with a 500 (the "Réessayer" state). */
  captchaUnavailable?: boolean;
  activation?: ActivationMockScenario;
  /** Delay of `slow` scenarios; default 3000 ms. */
  latencyMs?: number;
}

/** The text of every mock image challenge. */
export const MOCK_CAPTCHA_TEXT = 'K7HM4R';
/** The "Clé Enfance" of the demo household, as in the README. */
export const MOCK_SERVICE_KEY = 'K7PQ-M4XW-9HTR';
/** Who a mock activation activates. */
export const MOCK_NEW_USERNAME = 'camille.martin';
/** A well-formed activation token for stories and tests (43 base64url characters, like 256 bits). */
export const MOCK_ACTIVATION_TOKEN = 'mYc1tY-aCt1vAt10n-t0k3n_0123456789abcdefghi';

const HMAC_SECRET = 'citizen-elements-mock-secret';
const COMMON_PASSWORDS = new Set(['motdepasse123', 'azertyuiop123', '123456789012', 'password1234', 'soleil123456']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function apiError(status: number, code: ErrorCode, message: string, extra: Omit<ApiErrorBody, 'code' | 'message'> = {}) {
  return HttpResponse.json({ code, message, ...extra } satisfies ApiErrorBody, { status });
}

const invalid = (fields: Record<string, string>, extra: { suggestion?: string } = {}) =>
  apiError(400, 'validation_failed', 'Invalid sign-up', { fields, ...extra });

function csrfRejection(request: Request) {
  if (SAFE_METHODS.has(request.method) || request.headers.get('x-citizen-request') === '1') return undefined;
  return apiError(403, 'csrf_rejected', 'Missing X-Citizen-Request: 1 header');
}

/** What the config says for these options (captcha kind, activation mode). */
export function signupConfig(options: SignupMockOptions = {}): Partial<CityConfig> {
  return {
    captcha: options.captcha ?? demoConfig.captcha,
    activationModes: options.scenario === 'staff' ? ['staff'] : demoConfig.activationModes,
  };
}

/** An SVG of the text, noisy enough to look like the seeds' "texte de contrôle coloré". */
function captchaSvg(text: string) {
  const letters = [...text]
    .map((char, i) => {
      const x = 18 + i * 34;
      const rotate = (i % 2 ? 1 : -1) * (6 + i * 2);
      const colour = ['#7a1f5c', '#1d4f91', '#1a6b3a', '#8a4b00'][i % 4];
      return `<text x="${x}" y="44" font-family="monospace" font-size="34" font-weight="700" fill="${colour}" transform="rotate(${rotate} ${x + 10} 34)">${char}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="64" viewBox="0 0 240 64"><rect width="240" height="64" fill="#f4f1e8"/><path d="M0 40 C60 10, 120 60, 240 24" stroke="#999" stroke-width="2" fill="none"/>${letters}</svg>`;
}

/** A short WAV of beeps standing in for the spoken text (one beep per character). */
function captchaWav(text: string): ArrayBuffer {
  const rate = 8000;
  const samples = new Int16Array(rate * (0.3 + text.length * 0.3));
  for (let c = 0; c < text.length; c++) {
    const start = Math.floor(rate * (0.3 + c * 0.3));
    const frequency = 440 + (text.charCodeAt(c) % 12) * 40;
    for (let i = 0; i < rate * 0.15; i++) samples[start + i] = Math.round(Math.sin((2 * Math.PI * frequency * i) / rate) * 8000);
  }
  const buffer = new ArrayBuffer(44 + samples.byteLength);
  const view = new DataView(buffer);
  const write = (at: number, s: string) => [...s].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  write(0, 'RIFF');
  view.setUint32(4, 36 + samples.byteLength, true);
  write(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  write(36, 'data');
  view.setUint32(40, samples.byteLength, true);
  new Int16Array(buffer, 44).set(samples);
  return buffer;
}

export function createSignupHandlers(api: string, options: SignupMockOptions = {}): HttpHandler[] {
  const { scenario = 'default', activation = 'default', latencyMs = 3000 } = options;
  const kind = options.captcha ?? demoConfig.captcha;
  const wait = () => (Number.isFinite(latencyMs) ? delay(latencyMs) : delay('infinite'));
  const liveImages = new Set<string>();
  const usedPayloads = new Set<string>();
  const usedTokens = new Set<string>();
  let serial = 0;

  async function captchaPasses(answer: SignupRequest['captcha']): Promise<boolean> {
    if (kind === 'none') return true;
    if (!answer || answer.kind !== kind) return false;
    if (answer.kind === 'image') {
      const live = liveImages.delete(answer.id);
      return live && answer.text.toUpperCase().replace(/[\s-]/g, '') === MOCK_CAPTCHA_TEXT;
    }
    if (usedPayloads.has(answer.payload)) return false;
    usedPayloads.add(answer.payload);
    try {
      const payload = JSON.parse(atob(answer.payload)) as Parameters<typeof verifySolution>[0];
      const result = await verifySolution({ ...payload, deriveKey, hmacSignatureSecret: HMAC_SECRET });
      return result.verified;
    } catch {
      return false;
    }
  }

  return [
    http.get(`${api}/captcha`, async () => {
      if (options.captchaUnavailable) return apiError(500, 'server_error', 'Internal error');
      if (kind === 'none') return HttpResponse.json({ kind: 'none' } satisfies CaptchaChallenge);
      if (kind === 'image') {
        const id = `mock-${++serial}`;
        liveImages.add(id);
        return HttpResponse.json({
          kind: 'image',
          id,
          imageUrl: `${api}/captcha/${id}/image`,
          audioUrl: `${api}/captcha/${id}/audio`,
        } satisfies CaptchaChallenge);
      }
      // A proof of work of a few PBKDF2 rounds: the real widget solves it in no time.
      const challenge = await createChallenge({
        algorithm: 'PBKDF2/SHA-256',
        cost: 1,
        counter: 1 + Math.floor(Math.random() * 20),
        deriveKey,
        hmacSignatureSecret: HMAC_SECRET,
        expiresAt: new Date(Date.now() + 10 * 60_000),
      });
      return HttpResponse.json({ kind: 'altcha', challenge: challenge as unknown as Record<string, unknown> } satisfies CaptchaChallenge);
    }),

    http.get(`${api}/captcha/:id/image`, () =>
      HttpResponse.text(captchaSvg(MOCK_CAPTCHA_TEXT), { headers: { 'Content-Type': 'image/svg+xml' } }),
    ),
    http.get(`${api}/captcha/:id/audio`, () => HttpResponse.arrayBuffer(captchaWav(MOCK_CAPTCHA_TEXT), { headers: { 'Content-Type': 'audio/wav' } })),

    http.post(`${api}/accounts`, async ({ request }) => {
      const rejection = csrfRejection(request);
      if (rejection) return rejection;
      const parsed = SignupRequest.safeParse(await request.json().catch(() => undefined));
      switch (scenario) {
        case 'serverError':
          return apiError(500, 'server_error', 'Internal error');
        case 'networkError':
          return HttpResponse.error();
        case 'slow':
          await wait();
          break;
        case 'usernameTaken':
          return invalid({ username: 'username_taken' }, { suggestion: `${parsed.data?.username ?? 'famille'}2` });
        case 'emailTaken':
          return invalid({ 'contact.email': 'email_taken' });
        case 'wrongServiceKey':
          return invalid({ 'serviceKeys.enfance': 'service_key_unknown' });
        case 'captchaFailed':
          return invalid({ captcha: 'captcha_failed' });
        case 'commonPassword':
          return invalid({ password: 'password_common' });
      }
      if (!parsed.success) return invalid(fieldErrors(parsed.error.issues));
      const body = parsed.data;

      // In the server's order: what costs nothing, then the captcha, then what tells whether things exist.
      const fields: Record<string, string> = {};
      const names = [body.identity.lastName, body.identity.birthName, body.identity.firstNames];
      const password = passwordSchema(demoConfig.passwordPolicy, { username: body.username, names, city: demoConfig.name }).safeParse(
        body.password,
      );
      if (!password.success) fields['password'] = fieldErrors(password.error.issues)['_'] ?? 'invalid';
      else if (COMMON_PASSWORDS.has(body.password.toLowerCase())) fields['password'] = 'password_common';
      if (kind !== 'none' && !body.captcha) fields['captcha'] = 'required';
      // The schema checked the declared type and the size; the content must say the same (the server uses file-type).
      if (body.photo) {
        const head = Uint8Array.from(atob(body.photo.data.slice(0, 12)), (char) => char.charCodeAt(0));
        if (photoTypeOf(head) !== body.photo.type) fields['photo'] = 'photo_type';
      }
      if (Object.keys(fields).length > 0) return invalid(fields);
      if (!(await captchaPasses(body.captcha))) return invalid({ captcha: 'captcha_failed' });

      for (const [serviceId, key] of Object.entries(body.serviceKeys)) {
        if (key && (serviceId !== 'enfance' || key.toUpperCase() !== MOCK_SERVICE_KEY)) fields[`serviceKeys.${serviceId}`] = 'service_key_unknown';
      }
      const login = (s: string) => s.toLowerCase();
      if ([demoAccount.username, demoAccount.email].includes(login(body.username) as never)) fields['username'] = 'username_taken';
      if ([demoAccount.username, demoAccount.email].includes(login(body.contact.email) as never)) fields['contact.email'] = 'email_taken';
      if (Object.keys(fields).length > 0) return invalid(fields, fields['username'] ? { suggestion: `${body.username}2` } : {});

      const result: SignupResult = { activation: scenario === 'staff' ? 'staff' : 'email' };
      return HttpResponse.json(result, { status: 201 });
    }),

    http.post(`${api}/accounts/activation`, async ({ request }) => {
      const rejection = csrfRejection(request);
      if (rejection) return rejection;
      switch (activation) {
        case 'serverError':
          return apiError(500, 'server_error', 'Internal error');
        case 'slow':
          await wait();
          break;
        case 'invalidToken':
          return apiError(400, 'token_invalid', 'The link is unknown, already used, replaced by a newer one or expired');
      }
      const parsed = ActivationRequest.safeParse(await request.json().catch(() => undefined));
      if (!parsed.success || usedTokens.has(parsed.data.token)) {
        return apiError(400, 'token_invalid', 'The link is unknown, already used, replaced by a newer one or expired');
      }
      usedTokens.add(parsed.data.token);
      return HttpResponse.json({ username: MOCK_NEW_USERNAME });
    }),

    http.post(`${api}/accounts/activation/resend`, async ({ request }) => {
      const rejection = csrfRejection(request);
      if (rejection) return rejection;
      const parsed = ResendActivationRequest.safeParse(await request.json().catch(() => undefined));
      if (!parsed.success) return apiError(400, 'validation_failed', 'Invalid body', { fields: fieldErrors(parsed.error.issues) });
      // The same answer whoever asks: nothing tells whether the account exists.
      return new HttpResponse(null, { status: 202 });
    }),
  ];
}
