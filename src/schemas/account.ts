// SPDX-License-Identifier: MIT
/**
 * The citizen's identity, address and contact means (the sign-up wizard's steps, the
 * profile), and the account flows: sign-up, activation, password reset and change.
 */
import * as z from 'zod/mini';
import { Civility, Email, FrenchPhone, FrenchPostcode, IsoDate, optionalText, requiredText } from './common.js';
import { PASSWORD_MAX_LENGTH } from './password-policy.js';
import { CaptchaAnswer } from './captcha.js';

/** Étape "Identité". */
export const Identity = z.object({
  civility: Civility,
  lastName: requiredText(80),
  birthName: optionalText(80),
  firstNames: requiredText(120),
  birthDate: z.optional(IsoDate),
  birthCountry: optionalText(80),
  /** Only when the birth country is France. */
  birthDepartment: optionalText(80),
  birthCommune: optionalText(120),
});
export type Identity = z.infer<typeof Identity>;

/** Étape "Adresse" (may be skipped at sign-up: the city already knows it). */
export const Address = z.object({
  street: requiredText(150),
  complement: optionalText(150),
  postcode: FrenchPostcode,
  commune: requiredText(120),
});
export type Address = z.infer<typeof Address>;

export const ContactMeans = z.enum(['email', 'phone', 'mobile']);

/** Étape "Moyens de contact". */
export const Contact = z.object({
  phone: z.optional(FrenchPhone),
  mobile: z.optional(FrenchPhone),
  fax: z.optional(FrenchPhone),
  email: Email,
  preferred: z._default(ContactMeans, 'email'),
});
export type Contact = z.infer<typeof Contact>;

/** Usernames as in the seeds ("Oliv-Test"): letters, digits, dot, dash, underscore, @. */
export const Username = z.string('required').check(
  z.trim(),
  z.minLength(3, 'username_too_short'),
  z.maxLength(60, 'too_long'),
  z.regex(/^[\p{L}\p{Nd}._@-]+$/u, 'username_invalid'),
);

/**
 * A password as the transport sees it. The city's rules are checked with
 * `passwordSchema(policy)`, which needs the config; this only bounds the input.
 */
export const PasswordInput = z.string('required').check(
  z.minLength(1, 'required'),
  z.maxLength(PASSWORD_MAX_LENGTH * 4, 'password_too_long'),
);

/**
 * Largest photo accepted at sign-up, decoded: 2 MB. A constant for now; a city setting
 * later (the client, the mock and the server all read it from here).
 */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
/** Photo formats every browser shows and no image library is needed to check. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** The type a photo's first bytes say it is (PNG or JPEG magic numbers), whatever its name or declared type. */
export function photoTypeOf(head: Uint8Array): PhotoType | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, i) => head[i] === byte)) return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  return undefined;
}

/** Bytes encoded by a base64 string of `length` characters, `padding` of them `=`. */
export const base64Bytes = (length: number, padding: number) => Math.floor((length * 3) / 4) - padding;

/**
 * The optional photo of step "Identité", inside the JSON body (`data` in base64, ≤ ~2.7 MB).
 * Every problem is reported on `photo` itself (one field on screen): `photo_type`,
 * `photo_too_large`, or `invalid` for data that is not base64. The server checks the real
 * type from the decoded content again: `type` is only what the browser said.
 */
export const PhotoUpload = z
  .object({ type: z.string(), data: z.string() })
  .check(
    z.superRefine((photo, ctx) => {
      const fail = (message: string) => ctx.addIssue({ code: 'custom', message, input: photo });
      if (!(PHOTO_TYPES as readonly string[]).includes(photo.type)) return fail('photo_type');
      const padding = photo.data.endsWith('==') ? 2 : photo.data.endsWith('=') ? 1 : 0;
      if (base64Bytes(photo.data.length, padding) > PHOTO_MAX_BYTES) return fail('photo_too_large');
      if (photo.data.length === 0 || photo.data.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(photo.data)) fail('invalid');
    }),
  );
export type PhotoUpload = z.infer<typeof PhotoUpload>;

export const SignupRequest = z.object({
  identity: Identity,
  address: z.optional(Address),
  contact: Contact,
  username: Username,
  password: PasswordInput,
  /** Service id → key, e.g. `{ enfance: 'K7PQ-4M2X-…' }`. */
  serviceKeys: z._default(z.record(z.string(), z.string().check(z.trim(), z.maxLength(40, 'too_long'))), {}),
  /** The answer to the city's security check; required unless its captcha kind is `none`. */
  captcha: z.optional(CaptchaAnswer),
  /** The optional photo of step "Identité"; stored apart from the account record. */
  photo: z.optional(PhotoUpload),
});
export type SignupRequest = z.infer<typeof SignupRequest>;

export const SignupResult = z.object({
  /** What the citizen must wait for: the e-mail link, or the city's staff. */
  activation: z.enum(['email', 'staff']),
});
export type SignupResult = z.infer<typeof SignupResult>;

/** Single-use tokens from mails: 256 bits in base64url. */
export const MailToken = z.string('required').check(z.regex(/^[A-Za-z0-9_-]{32,128}$/, 'invalid_token'));

export const ActivationRequest = z.object({ token: MailToken });
export const ActivationResult = z.object({ username: z.string() });
export type ActivationResult = z.infer<typeof ActivationResult>;

export const ResendActivationRequest = z.object({ identifier: requiredText(254) });

export const ForgotPasswordRequest = z.object({ identifier: requiredText(254) });
export type ForgotPasswordRequest = z.infer<typeof ForgotPasswordRequest>;

export const ResetPasswordRequest = z.object({ token: MailToken, password: PasswordInput });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

/** Asks whether a reset (or first-password) link is still good, without using it up. */
export const CheckResetTokenRequest = z.object({ token: MailToken });
export type CheckResetTokenRequest = z.infer<typeof CheckResetTokenRequest>;

/** A live reset link: whose it is, so that the page shows (and password managers save) the right username. */
export const ResetTokenInfo = z.object({ username: z.string() });
export type ResetTokenInfo = z.infer<typeof ResetTokenInfo>;

export const ChangePasswordRequest = z.object({
  /**
   * Required, except when a generated password is replaced (the session's
   * `mustChangePassword`): the login that opened that session has just proved it, and the
   * session can do nothing else until the change (seed 001 asks for no current password).
   */
  currentPassword: z.optional(PasswordInput),
  newPassword: PasswordInput,
  /** Only when a generated password is replaced and the username may be chosen too. */
  username: z.optional(Username),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
