// SPDX-License-Identifier: MIT
/**
 * What the sign-up wizard knows apart from rendering: its steps, its fields (named by the
 * API's dotted paths, so that a server error on `contact.email` lands on that very field),
 * validation with the shared schemas, the request it sends and what it keeps on reload.
 */
import * as z from 'zod/mini';
import {
  Address,
  Contact,
  Identity,
  PHOTO_MAX_BYTES,
  photoTypeOf,
  SignupRequest,
  Username,
  type PhotoType,
  type PhotoUpload,
} from '../../schemas/account.js';
import type { CaptchaAnswer, CaptchaChallenge } from '../../schemas/captcha.js';
import { fieldErrors } from '../../schemas/errors.js';
import { passwordSchema, type PasswordPolicy } from '../../schemas/password-policy.js';

export const STEPS = ['identity', 'address', 'contact', 'credentials', 'review'] as const;
export type StepId = (typeof STEPS)[number];

/** Field path → what the citizen typed or chose. Service keys are `serviceKeys.<id>`. */
export type Values = Record<string, string>;
/** Field path → error code (an i18n key under `signup.error.`, `field.` or `error.`). */
export type Errors = Record<string, string>;

export const IDENTITY_FIELDS = [
  'identity.civility',
  'identity.lastName',
  'identity.birthName',
  'identity.firstNames',
  'identity.birthDate',
  'identity.birthCountry',
  'identity.birthDepartment',
  'identity.birthCommune',
] as const;
export const ADDRESS_FIELDS = ['address.street', 'address.complement', 'address.postcode', 'address.commune'] as const;
export const CONTACT_FIELDS = ['contact.phone', 'contact.mobile', 'contact.fax', 'contact.email', 'contact.preferred'] as const;
/**
 * The photo of step 1: a File held by the wizard, never a value in `values` (so never in
 * sessionStorage: too big; after a reload the citizen chooses it again). Server errors on
 * `photo` land here.
 */
export const PHOTO_FIELD = 'identity.photo';
/** The security check's answer: the image text, or the ALTCHA payload (kept apart, never stored). */
export const CAPTCHA_FIELD = 'captcha';

/** Fields never written to sessionStorage: secrets, and the single-use captcha answer. */
export function isSecret(path: string) {
  return path === 'password' || path === 'passwordConfirmation' || path === CAPTCHA_FIELD || path.startsWith('serviceKeys.');
}

export function emptyValues(): Values {
  const values: Values = {};
  for (const path of [...IDENTITY_FIELDS, ...ADDRESS_FIELDS, ...CONTACT_FIELDS]) values[path] = '';
  values['contact.preferred'] = 'email';
  return values;
}

/** The step a field (or a server error's path) belongs to. */
export function stepOf(path: string): Exclude<StepId, 'review'> | undefined {
  const head = path.split('.')[0];
  switch (head) {
    case 'identity':
    case 'address':
    case 'contact':
      return head;
    case 'username':
    case 'password':
    case 'passwordConfirmation':
    case 'serviceKeys':
    case 'captcha':
      return 'credentials';
    default:
      return undefined;
  }
}

/**
 * Maps a server path to the field that shows it: `captcha.text` and `captcha.payload` are the
 * one security-check field; `address` alone (the whole object) is its first line.
 */
export function fieldOf(path: string): string {
  if (path.startsWith('captcha')) return CAPTCHA_FIELD;
  if (path === 'photo' || path.startsWith('photo.')) return PHOTO_FIELD;
  if (path === 'address') return 'address.street';
  if (path === 'identity' || path === 'contact') return `${path}.${path === 'identity' ? 'lastName' : 'email'}`;
  return path;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

/** Département and commune of birth are asked for births in France (or before a country is typed). */
export function isBornInFrance(values: Values) {
  const country = fold(values['identity.birthCountry'] ?? '');
  return country === '' || country === 'france';
}

const text = (values: Values, path: string) => (values[path] ?? '').trim();

/** The part of `values` under `prefix`, without empty strings (absent means not given). */
function group(values: Values, fields: readonly string[], prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of fields) {
    const value = text(values, path);
    if (value !== '') out[path.slice(prefix.length + 1)] = value;
  }
  return out;
}

export function identityOf(values: Values) {
  const identity = group(values, IDENTITY_FIELDS, 'identity');
  if (!isBornInFrance(values)) {
    delete identity['birthDepartment'];
    delete identity['birthCommune'];
  }
  return identity;
}

/** The address, or undefined when the citizen skipped the step (every field empty). */
export function addressOf(values: Values) {
  const address = group(values, ADDRESS_FIELDS, 'address');
  return Object.keys(address).length > 0 ? address : undefined;
}

export function contactOf(values: Values) {
  return group(values, CONTACT_FIELDS, 'contact');
}

export function serviceKeysOf(values: Values, ids: readonly string[]) {
  const keys: Record<string, string> = {};
  for (const id of ids) {
    const key = text(values, `serviceKeys.${id}`);
    if (key) keys[id] = key;
  }
  return keys;
}

/** What the citizen answered to the security check, if anything. */
export function captchaAnswerOf(
  challenge: CaptchaChallenge | undefined,
  values: Values,
  altchaPayload: string | undefined,
): CaptchaAnswer | undefined {
  if (challenge?.kind === 'altcha') return altchaPayload ? { kind: 'altcha', payload: altchaPayload } : undefined;
  if (challenge?.kind === 'image') {
    const typed = text(values, CAPTCHA_FIELD);
    return typed ? { kind: 'image', id: challenge.id, text: typed } : undefined;
  }
  return undefined;
}

export interface ValidationContext {
  policy: PasswordPolicy;
  serviceKeyIds: readonly string[];
  cityName?: string | undefined;
  challenge?: CaptchaChallenge | undefined;
  altchaPayload?: string | undefined;
  /** Why the last file chosen as the photo was refused (`photo_type`, `photo_too_large`), if it was. */
  photoError?: string | undefined;
  /** Today, as YYYY-MM-DD (a birth date must be before it). */
  today?: string;
}

const prefixed = (prefix: string, errors: Errors): Errors =>
  Object.fromEntries(Object.entries(errors).map(([path, code]) => [prefix ? `${prefix}.${path}` : path, code]));

function check(schema: z.ZodMiniType, input: unknown, prefix: string): Errors {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : prefixed(prefix, fieldErrors(parsed.error.issues));
}

/** The error code of a single value, or undefined when it is valid. */
function checkValue(schema: z.ZodMiniType, input: unknown): string | undefined {
  const parsed = schema.safeParse(input);
  return parsed.success ? undefined : (fieldErrors(parsed.error.issues)['_'] ?? 'invalid');
}

/** The errors of one step, by field path; `{}` when the step is valid. */
export function validateStep(step: StepId, values: Values, ctx: ValidationContext): Errors {
  switch (step) {
    case 'identity': {
      const errors = check(Identity, identityOf(values), 'identity');
      const birthDate = text(values, 'identity.birthDate');
      if (!errors['identity.birthDate'] && birthDate && birthDate > (ctx.today ?? new Date().toISOString().slice(0, 10))) {
        errors['identity.birthDate'] = 'birth_date_future';
      }
      if (ctx.photoError) errors[PHOTO_FIELD] = ctx.photoError;
      return errors;
    }
    case 'address': {
      const address = addressOf(values);
      return address ? check(Address, address, 'address') : {};
    }
    case 'contact':
      return check(Contact, contactOf(values), 'contact');
    case 'credentials':
      return validateCredentials(values, ctx);
    case 'review':
      return validateAll(values, ctx);
  }
}

function validateCredentials(values: Values, ctx: ValidationContext): Errors {
  const errors: Errors = {};
  const username = text(values, 'username');
  const usernameError = username ? checkValue(Username, username) : 'required';
  if (usernameError) errors['username'] = usernameError;
  const names = [values['identity.lastName'], values['identity.birthName'], values['identity.firstNames']];
  const password = values['password'] ?? '';
  const passwordError = checkValue(passwordSchema(ctx.policy, { username, names, city: ctx.cityName }), password);
  if (passwordError) errors['password'] = passwordError;
  const confirmation = values['passwordConfirmation'] ?? '';
  if (!confirmation) errors['passwordConfirmation'] = 'required';
  else if (confirmation !== password) errors['passwordConfirmation'] = 'password_mismatch';
  for (const id of ctx.serviceKeyIds) {
    if (text(values, `serviceKeys.${id}`).length > 40) errors[`serviceKeys.${id}`] = 'too_long';
  }
  if (ctx.challenge && ctx.challenge.kind !== 'none' && !captchaAnswerOf(ctx.challenge, values, ctx.altchaPayload)) {
    errors[CAPTCHA_FIELD] = 'required';
  }
  return errors;
}

/** Every step, then the whole request against the shared schema (what the server checks). */
export function validateAll(values: Values, ctx: ValidationContext): Errors {
  const errors: Errors = {};
  for (const step of STEPS.slice(0, -1)) Object.assign(errors, validateStep(step, values, ctx));
  if (Object.keys(errors).length > 0) return errors;
  const parsed = SignupRequest.safeParse(buildRequest(values, ctx));
  return parsed.success ? {} : fieldErrors(parsed.error.issues);
}

/** The request body: trimmed, empty fields left out, the skipped address absent. */
export function buildRequest(values: Values, ctx: ValidationContext, photo?: PhotoUpload): SignupRequest {
  const address = addressOf(values);
  const captcha = captchaAnswerOf(ctx.challenge, values, ctx.altchaPayload);
  return {
    identity: identityOf(values),
    ...(address ? { address } : {}),
    contact: contactOf(values),
    username: text(values, 'username'),
    password: values['password'] ?? '',
    serviceKeys: serviceKeysOf(values, ctx.serviceKeyIds),
    ...(captcha ? { captcha } : {}),
    ...(photo ? { photo } : {}),
  } as SignupRequest;
}

// ---------------------------------------------------------------------------------------
// The photo: checked on choice, read as base64 only when the form is sent.

/**
 * Checks a chosen file: JPEG or PNG by its first bytes (a renamed text file is refused, as
 * the server would), at most {@link PHOTO_MAX_BYTES}.
 */
export async function checkPhotoFile(file: Blob): Promise<{ type: PhotoType } | { error: 'photo_type' | 'photo_too_large' }> {
  const type = photoTypeOf(new Uint8Array(await file.slice(0, 8).arrayBuffer()));
  if (!type) return { error: 'photo_type' };
  if (file.size > PHOTO_MAX_BYTES) return { error: 'photo_too_large' };
  return { type };
}

/** The photo as the request carries it. */
export function photoUploadOf(file: Blob, type: PhotoType): Promise<PhotoUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ type, data: String(reader.result).slice(String(reader.result).indexOf(',') + 1) });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The fields in error, first step first, in the order of the form. */
export function firstStepWithErrors(errors: Errors): Exclude<StepId, 'review'> | undefined {
  for (const step of STEPS) if (Object.keys(errors).some((path) => stepOf(path) === step)) return step as Exclude<StepId, 'review'>;
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Progress kept across a reload, in sessionStorage: it dies with the tab, and never holds
// the password, the service keys (a key links an account to a family record) or the
// single-use captcha answer.

export interface SavedProgress {
  step: StepId;
  values: Values;
}

const STORAGE_VERSION = 1;

export function saveProgress(key: string, progress: SavedProgress) {
  const values = Object.fromEntries(Object.entries(progress.values).filter(([path, value]) => value !== '' && !isSecret(path)));
  try {
    sessionStorage.setItem(key, JSON.stringify({ v: STORAGE_VERSION, step: progress.step, values }));
  } catch {
    // Private browsing or a full quota: the wizard still works, only without reload safety.
  }
}

export function loadProgress(key: string): SavedProgress | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return undefined;
    const data = JSON.parse(raw) as { v?: unknown; step?: unknown; values?: unknown };
    if (data.v !== STORAGE_VERSION || !STEPS.includes(data.step as StepId) || typeof data.values !== 'object' || !data.values) {
      return undefined;
    }
    const values = emptyValues();
    for (const [path, value] of Object.entries(data.values as Record<string, unknown>)) {
      if (typeof value === 'string' && !isSecret(path) && value.length <= 1000) values[path] = value;
    }
    return { step: data.step as StepId, values };
  } catch {
    return undefined;
  }
}

export function clearProgress(key: string) {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing stored, then.
  }
}
