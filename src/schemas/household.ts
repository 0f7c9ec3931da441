// SPDX-License-Identifier: MIT
/** "Ma famille" and "Entourage" (journey J7, seeds 001, 003, 004). */
import * as z from 'zod/mini';
import { Civility, Id, IsoDate, optionalText, requiredText } from './common.js';

export const MemberRole = z.enum(['parent', 'co-representative', 'child', 'contact']);
export type MemberRole = z.infer<typeof MemberRole>;

export const HouseholdMember = z.object({
  id: Id,
  role: MemberRole,
  civility: z.optional(Civility),
  firstNames: z.string(),
  lastName: z.string(),
  birthDate: z.optional(IsoDate),
  /** A child not born yet ("enfant à naître", seed 004): `birthDate` is then the expected date. */
  expected: z.optional(z.boolean()),
  /** For a contact: who they are to the family, e.g. "grand-mère". */
  relation: z.optional(z.string()),
});
export type HouseholdMember = z.infer<typeof HouseholdMember>;

export const Household = z.object({ id: Id, members: z.array(HouseholdMember) });
export type Household = z.infer<typeof Household>;

const Person = z.object({ name: requiredText(120), phone: optionalText(30) });

/** A child's "Dossier administratif". */
export const ChildRecord = z.object({
  school: optionalText(120),
  schoolClass: optionalText(40),
  allergies: optionalText(500),
  /** Projet d'accueil individualisé. */
  hasPai: z._default(z.boolean(), false),
  doctor: z.optional(Person),
  authorisedPickup: z._default(z.array(Person), []),
  /** What the city still needs before the child can book (fiche sanitaire, assurance…). */
  missing: z._default(z.array(z.string()), []),
});
export type ChildRecord = z.infer<typeof ChildRecord>;

/** "Ajouter à mon entourage Enfance". */
export const HouseholdAddition = z.object({
  role: z.enum(['co-representative', 'child', 'expected-child', 'contact']),
  civility: z.optional(Civility),
  firstNames: requiredText(120),
  lastName: requiredText(80),
  /** Birth date, or expected date for a child not born yet. */
  birthDate: z.optional(IsoDate),
  email: optionalText(254),
  phone: optionalText(30),
  relation: optionalText(80),
  /** Stored documents of the account attached as justificatifs (e.g. a birth certificate). */
  attachmentIds: z.optional(z.array(Id).check(z.maxLength(10, 'too_long'))),
});
export type HouseholdAddition = z.infer<typeof HouseholdAddition>;
