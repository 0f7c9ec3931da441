// SPDX-License-Identifier: MIT
/** Login, the current session and logout (journey J4). */
import * as z from 'zod/mini';
import { Civility, Id, IsoDateTime, requiredText } from './common.js';
import { PasswordInput } from './account.js';

export const LoginRequest = z.object({
  /** Username or e-mail address. */
  identifier: requiredText(254),
  password: PasswordInput,
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionAccount = z.object({
  id: Id,
  username: z.string(),
  civility: Civility,
  firstNames: z.string(),
  lastName: z.string(),
});
export type SessionAccount = z.infer<typeof SessionAccount>;

export const Session = z.object({
  account: SessionAccount,
  /** The login before this one, shown as "Dernière connexion le …"; absent the first time. */
  previousLoginAt: z.optional(IsoDateTime),
  /** When the session ends if the citizen does nothing. */
  idleExpiresAt: IsoDateTime,
  /** When the session ends whatever the citizen does. */
  expiresAt: IsoDateTime,
  /** A generated password must be replaced before anything else (seed 001). */
  mustChangePassword: z.boolean(),
  /** The current terms version has not been accepted yet (journey J6). */
  mustAcceptTerms: z.boolean(),
  /** Logged in with FranceConnect: logging out also ends the FranceConnect session. */
  franceConnect: z.optional(z.boolean()),
});
export type Session = z.infer<typeof Session>;

export const LoginResult = z.object({
  session: Session,
  /** Only in token mode (API on another site than the page): send as `Authorization: Bearer`. */
  token: z.optional(z.string()),
});
export type LoginResult = z.infer<typeof LoginResult>;
