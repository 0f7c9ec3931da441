// SPDX-License-Identifier: MIT
/** Requests to the city ("démarches") and their status (seed 000: "Suivre l'état de traitement"). */
import * as z from 'zod/mini';
import { Id, IsoDateTime } from './common.js';

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
});
export type CitizenRequest = z.infer<typeof CitizenRequest>;
