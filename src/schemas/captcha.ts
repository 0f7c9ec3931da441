// SPDX-License-Identifier: MIT
/**
 * The security check of the sign-up form ("Contrôle de sécurité"). Kind chosen per city:
 * ALTCHA proof of work (no image to read: the accessible default), or the seeds' text image
 * with an audio version. Every challenge is verified on the server, once, before it expires.
 */
import * as z from 'zod/mini';

export const CaptchaChallenge = z.discriminatedUnion('kind', [
  /** `challenge` is the JSON altcha-lib's createChallenge() returns, for the altcha widget. */
  z.object({ kind: z.literal('altcha'), challenge: z.record(z.string(), z.unknown()) }),
  /** Image and audio of the same text, served by the back end; `id` names the challenge. */
  z.object({ kind: z.literal('image'), id: z.string(), imageUrl: z.string(), audioUrl: z.string() }),
  z.object({ kind: z.literal('none') }),
]);
export type CaptchaChallenge = z.infer<typeof CaptchaChallenge>;

export const CaptchaAnswer = z.discriminatedUnion('kind', [
  /** The base64 payload the altcha widget produces once solved. */
  z.object({ kind: z.literal('altcha'), payload: z.string().check(z.minLength(1, 'required'), z.maxLength(20_000, 'too_long')) }),
  z.object({
    kind: z.literal('image'),
    id: z.string().check(z.maxLength(100)),
    text: z.string('required').check(z.trim(), z.minLength(1, 'required'), z.maxLength(20, 'too_long')),
  }),
]);
export type CaptchaAnswer = z.infer<typeof CaptchaAnswer>;
