// SPDX-License-Identifier: MIT
/**
 * The error body every API answer uses, and the list of codes. A code is also the i18n key
 * of the French/English message, so elements never match on message text.
 */
import * as z from 'zod/mini';

export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_credentials',
  'account_not_active',
  'too_many_attempts',
  'not_authenticated',
  'session_expired',
  'password_change_required',
  'terms_not_accepted',
  'forbidden',
  'csrf_rejected',
  /** A mail link that is unknown, already used, replaced by a newer one or expired (one answer for all). */
  'token_invalid',
  'not_found',
  'conflict',
  /** Another payment of the invoice (another tab, the other parent) is not finished yet. */
  'payment_in_progress',
  'network_error',
  'server_error',
] as const;

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * JSON body of every 4xx/5xx answer.
 * `fields` maps a dotted field path (e.g. `contact.email`) to a field error code.
 */
export const ApiErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  fields: z.optional(z.record(z.string(), z.string())),
  /** Seconds to wait before trying again (429). */
  retryAfter: z.optional(z.int()),
  /** A free value to offer instead, e.g. a username when the one chosen is taken. */
  suggestion: z.optional(z.string()),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Turns zod issues into `{ 'a.b': code }`, keeping the first issue of each field. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[]) {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    // zod's built-in messages are English sentences, ours are codes: keep only codes.
    fields[key] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
  }
  return fields;
}
