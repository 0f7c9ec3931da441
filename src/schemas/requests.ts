// SPDX-License-Identifier: MIT
/** Requests to the city ("démarches") and their status (seed 000: "Suivre l'état de traitement"). */
import * as z from 'zod/mini';
import { Address } from './account.js';
import { Email, FrenchPhone, Id, IsoDate, IsoDateTime } from './common.js';
import { ChildRecord, HouseholdAddition } from './household.js';

export const RequestType = z.enum([
  'address-change',
  'contact-change',
  'household-addition',
  'child-record-update',
  'activity-enrolment',
  'absence',
]);
export type RequestType = z.infer<typeof RequestType>;

export const RequestStatus = z.enum(['sent', 'in-progress', 'accepted', 'rejected']);
export type RequestStatus = z.infer<typeof RequestStatus>;

/** The phones asked for by a "Changement de téléphones": the new set (one left out is removed). */
export const PhoneChange = z.object({
  phone: z.optional(FrenchPhone),
  mobile: z.optional(FrenchPhone),
  fax: z.optional(FrenchPhone),
});
export type PhoneChange = z.infer<typeof PhoneChange>;

/**
 * What a request asks for, by type: given by `GET /requests/{id}` only (the list leaves it
 * out). `memberId` is the household member an accepted addition became.
 */
export const RequestDetails = z.discriminatedUnion('type', [
  z.object({ type: z.literal('address-change'), address: Address }),
  z.object({ type: z.literal('contact-change'), phones: z.optional(PhoneChange), email: z.optional(Email) }),
  z.object({ type: z.literal('household-addition'), addition: HouseholdAddition, memberId: z.optional(Id) }),
  z.object({ type: z.literal('child-record-update'), childId: Id, childName: z.string(), record: ChildRecord }),
  /** "Inscrire": a child in an activity for a period (issue 7). */
  z.object({
    type: z.literal('activity-enrolment'),
    childId: Id,
    childName: z.string(),
    activityId: Id,
    activityName: z.string(),
    from: IsoDate,
    to: IsoDate,
  }),
  /** "Signaler une absence" (issue 7): the days show as absent in the agenda. */
  z.object({
    type: z.literal('absence'),
    childId: Id,
    childName: z.string(),
    from: IsoDate,
    to: IsoDate,
    reason: z.enum(['illness', 'other']),
    comment: z.optional(z.string()),
  }),
]);
export type RequestDetails = z.infer<typeof RequestDetails>;

export const CitizenRequest = z.object({
  id: Id,
  type: RequestType,
  createdAt: IsoDateTime,
  status: RequestStatus,
  /** The city's reason, shown to the family when a request is refused. */
  reason: z.optional(z.string()),
  /** One line for the list, e.g. "Ajout de Léa DUPONT (enfant)". */
  summary: z.string(),
  history: z.array(z.object({ at: IsoDateTime, status: RequestStatus, note: z.optional(z.string()) })),
  /**
   * Who made it, when not the citizen reading it: the other representative of the household
   * (seed 003, two parents each with their own account) sees the family's requests too.
   */
  submittedBy: z.optional(z.string()),
  /** What the request asks for (detail only). */
  details: z.optional(RequestDetails),
  /** Stored documents attached by its author (an absence's certificate, a justificatif); names shown to their owner only. */
  attachments: z.optional(z.array(z.object({ id: Id, name: z.optional(z.string()) }))),
});
export type CitizenRequest = z.infer<typeof CitizenRequest>;
