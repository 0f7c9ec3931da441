// SPDX-License-Identifier: MIT
/**
 * The sign-up's security check ("Contrôle de sécurité"), of the city's kind:
 * - `altcha`: a proof of work made by altcha-lib (PBKDF2/SHA-256, HMAC-signed, 10 minutes),
 *   solved by the `altcha` widget in the browser; nothing to read or hear.
 * - `image`: six characters drawn as a distorted SVG, with an audio version.
 * - `none`: no check.
 * Every challenge is good for one answer (right or wrong) and expires. Nothing kept on the
 * server reveals an answer: image answers are kept as an HMAC, altcha ids as a hash.
 * State lives in memory: one server process per data file, and challenges are short-lived.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { CaptchaAnswer, CaptchaChallenge } from '../../src/schemas/captcha.js';
import type { CaptchaKind } from '../../src/schemas/city-config.js';
import { captchaSvg, normaliseCaptchaText, openText, randomCaptchaText, sealText, seededRandom } from './image-captcha.js';
import { captchaWav } from './audio-captcha.js';

export const CAPTCHA_TTL_MS = 10 * 60_000;
/** Live challenges kept at most; beyond it the oldest image challenges are dropped. */
const MAX_LIVE = 20_000;

export interface CaptchaOptions {
  /** CAPTCHA_SECRET, or random bytes made at start-up (challenges then die with the process). */
  secret: string | Buffer;
  /** PBKDF2 iterations per altcha attempt (ALTCHA_COST). */
  altchaCost: number;
  /** For tests: the clock. */
  now?: () => number;
}

/** The keys derived from the one secret, each for one use. Exported for the tests. */
export function captchaKeys(secret: string | Buffer) {
  const derive = (label: string) => createHmac('sha256', secret).update(`citizen-elements captcha ${label}`).digest();
  return {
    altchaSignature: derive('altcha signature').toString('hex'),
    altchaKeySignature: derive('altcha key signature').toString('hex'),
    seal: derive('image seal'),
    answer: derive('image answer'),
    media: derive('image media'),
  };
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export class Captchas {
  readonly #keys: ReturnType<typeof captchaKeys>;
  readonly #now: () => number;
  /** Image challenges not yet answered: sha256(id) → HMAC of the answer, expiry. */
  readonly #images = new Map<string, { answer: Buffer; expiresAt: number }>();
  /** Altcha challenges already answered: sha256(nonce) → expiry (after which the signature refuses them anyway). */
  readonly #usedAltcha = new Map<string, number>();

  constructor(
    readonly kind: CaptchaKind,
    private readonly options: CaptchaOptions,
  ) {
    this.#keys = captchaKeys(options.secret);
    this.#now = options.now ?? Date.now;
  }

  /** A new challenge. `apiBase` is where the API is mounted (e.g. `/api/v1`), for the media URLs. */
  async challenge(apiBase: string): Promise<CaptchaChallenge> {
    const expiresAt = this.#now() + CAPTCHA_TTL_MS;
    if (this.kind === 'none') return { kind: 'none' };
    if (this.kind === 'altcha') {
      const challenge = await createChallenge({
        algorithm: 'PBKDF2/SHA-256',
        cost: this.options.altchaCost,
        // Deterministic mode, as altcha-lib recommends: the solver must count up to this.
        counter: randomInt(5_000, 10_000),
        deriveKey,
        expiresAt: new Date(expiresAt),
        hmacSignatureSecret: this.#keys.altchaSignature,
        hmacKeySignatureSecret: this.#keys.altchaKeySignature,
      });
      return { kind: 'altcha', challenge: challenge as unknown as Record<string, unknown> };
    }
    const text = randomCaptchaText();
    const id = sealText(this.#keys.seal, text);
    this.#forgetExpired();
    if (this.#images.size >= MAX_LIVE) this.#images.delete(this.#images.keys().next().value!);
    this.#images.set(sha256(id), { answer: this.#answerMac(id, text), expiresAt });
    return {
      kind: 'image',
      id,
      imageUrl: `${apiBase}/captcha/${id}/image`,
      audioUrl: `${apiBase}/captcha/${id}/audio`,
    };
  }

  /**
   * Whether `answer` solves a live challenge of the city's kind. Any answer uses the
   * challenge up, right or wrong: one guess per picture, and no replay.
   */
  async verify(answer: CaptchaAnswer | undefined): Promise<boolean> {
    if (this.kind === 'none') return true;
    if (!answer || answer.kind !== this.kind) return false;
    if (answer.kind === 'image') {
      const key = sha256(answer.id);
      const live = this.#images.get(key);
      this.#images.delete(key);
      if (!live || live.expiresAt <= this.#now()) return false;
      return timingSafeEqual(live.answer, this.#answerMac(answer.id, normaliseCaptchaText(answer.text)));
    }
    return this.#verifyAltcha(answer.payload);
  }

  /** The SVG of a live image challenge, or undefined (unknown, answered or expired). */
  image(id: string): string | undefined {
    const text = this.#liveText(id);
    return text === undefined ? undefined : captchaSvg(text, seededRandom(this.#keys.media, id, 'image'));
  }

  /** The WAV of a live image challenge, or undefined. */
  audio(id: string): Buffer | undefined {
    const text = this.#liveText(id);
    return text === undefined ? undefined : captchaWav(text, seededRandom(this.#keys.media, id, 'audio'));
  }

  #liveText(id: string): string | undefined {
    const live = this.#images.get(sha256(id));
    if (!live || live.expiresAt <= this.#now()) return undefined;
    return openText(this.#keys.seal, id);
  }

  #answerMac(id: string, text: string): Buffer {
    return createHmac('sha256', this.#keys.answer).update(`${id}:${text}`).digest();
  }

  async #verifyAltcha(payload: string): Promise<boolean> {
    let parsed: { challenge?: Challenge; solution?: Solution };
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
    } catch {
      return false;
    }
    const { challenge, solution } = parsed;
    if (!challenge?.parameters || typeof challenge.parameters.nonce !== 'string' || !solution) return false;
    // The clock check is altcha-lib's too, but ours can be moved by the tests.
    const expiresAt = (challenge.parameters.expiresAt ?? 0) * 1000;
    if (expiresAt <= this.#now()) return false;
    let verified: boolean;
    try {
      const result = await verifySolution({
        challenge,
        solution,
        deriveKey,
        hmacSignatureSecret: this.#keys.altchaSignature,
        hmacKeySignatureSecret: this.#keys.altchaKeySignature,
      });
      verified = result.verified;
    } catch {
      return false;
    }
    if (!verified) return false;
    // Only signed, solved challenges are recorded (forged ones cannot fill the memory), and
    // the check and the mark run without an await between them: of two concurrent uses
    // of one payload, only the first passes.
    this.#forgetExpired();
    const used = sha256(challenge.parameters.nonce);
    if (this.#usedAltcha.has(used)) return false;
    // Full: refuse rather than forget a live id, which would allow its replay.
    if (this.#usedAltcha.size >= MAX_LIVE) return false;
    this.#usedAltcha.set(used, expiresAt);
    return true;
  }

  #forgetExpired() {
    const now = this.#now();
    // Both maps fill in time order, with one lifetime: the expired ones are at the front.
    for (const [key, live] of this.#images) {
      if (live.expiresAt > now) break;
      this.#images.delete(key);
    }
    for (const [key, expiresAt] of this.#usedAltcha) {
      if (expiresAt > now) break;
      this.#usedAltcha.delete(key);
    }
  }
}

/** The secret when CAPTCHA_SECRET is not set. */
export const randomCaptchaSecret = () => randomBytes(32);
