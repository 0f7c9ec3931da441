// SPDX-License-Identifier: MIT
/**
 * Building blocks shared by every payload. Each check's message is an error code that is
 * also an i18n key (see src/i18n), so the element and the server speak the same words.
 */
import * as z from 'zod/mini';

/** Opaque identifier issued by the back end. */
export const Id = z.string().check(z.minLength(1, 'required'), z.maxLength(100, 'too_long'));

/** Calendar date, ISO 8601 (YYYY-MM-DD). */
export const IsoDate = z.iso.date('invalid_date');
/** Instant, ISO 8601 with offset. */
export const IsoDateTime = z.iso.datetime({ offset: true, message: 'invalid_datetime' });

/** A required line of text: trimmed, not empty, bounded. */
export const requiredText = (max = 100) =>
  z.string('required').check(z.trim(), z.minLength(1, 'required'), z.maxLength(max, 'too_long'));

/** An optional line of text: trimmed; an empty string counts as absent. */
export const optionalText = (max = 100) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, 'too_long')));

/** "Civilité" as in the seeds: Monsieur or Madame. */
export const Civility = z.enum(['M', 'MME'], 'required');
export type Civility = z.infer<typeof Civility>;

export const Email = z.string('required').check(
  z.trim(),
  z.minLength(1, 'required'),
  z.maxLength(254, 'too_long'),
  z.email('invalid_email'),
);

/** French phone numbers, with or without spaces, dots or the +33 prefix. */
export const FrenchPhone = z.string().check(
  z.trim(),
  z.regex(/^(?:(?:\+|00)33[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}$/, 'invalid_phone'),
);

/** French postcodes: five digits, Corsica's 20xxx included. */
export const FrenchPostcode = z.string('required').check(z.trim(), z.regex(/^\d{5}$/, 'invalid_postcode'));

/** Amounts are integer cents: floating euros are how invoices go wrong. */
export const Cents = z.int().check(z.minimum(0));

export type Id = z.infer<typeof Id>;
