// SPDX-License-Identifier: MIT
/**
 * FranceConnect (journey J4, optional per city): the certified identity the State's
 * service hands over, shown read-only to the citizen when it is not linked to an account
 * yet, and what the citizen chooses then.
 */
import * as z from 'zod/mini';

/**
 * The identity FranceConnect certifies (its "identité pivot" and e-mail), as the back end
 * passes it on. Names as FranceConnect writes them (family name often in capitals).
 */
export const FranceConnectIdentity = z.object({
  givenName: z.string(),
  familyName: z.string(),
  /** YYYY-MM-DD; FranceConnect may give `YYYY-00-00` when only the year is known. */
  birthdate: z.optional(z.string()),
  gender: z.optional(z.enum(['male', 'female'])),
  /** INSEE code of the birth commune (only for people born in France). */
  birthplace: z.optional(z.string()),
  /** INSEE code of the birth country (99100: France). */
  birthcountry: z.optional(z.string()),
  email: z.optional(z.string()),
});
export type FranceConnectIdentity = z.infer<typeof FranceConnectIdentity>;

/** What `logOut()` may answer: a page to open to end the identity provider's session too. */
export const LogoutResult = z.object({
  /** E.g. FranceConnect's end-session URL; the element navigates there after logging out. */
  redirect: z.optional(z.string()),
});
export type LogoutResult = z.infer<typeof LogoutResult>;

/**
 * What the login element reads in its page's query string after the FranceConnect round
 * trip: `connected` (logged in), `choose` (an identity to link or to turn into an account),
 * `error`, `canceled` (the citizen stopped at FranceConnect), `logged-out` (back from
 * FranceConnect's logout).
 */
export const FRANCECONNECT_RESULT_PARAM = 'franceconnect';
export const FranceConnectResult = z.enum(['connected', 'choose', 'error', 'canceled', 'logged-out']);
export type FranceConnectResult = z.infer<typeof FranceConnectResult>;
