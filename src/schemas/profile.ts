// SPDX-License-Identifier: MIT
/** "Mon espace": profile and service keys (journey J7, seeds 002 and 004). */
import * as z from 'zod/mini';
import { Address, Contact, Identity } from './account.js';
import { IsoDateTime } from './common.js';

export const ServiceKeyStatus = z.object({
  serviceId: z.string(),
  /** True once a valid key linked the account to the service's family record. */
  linked: z.boolean(),
  linkedAt: z.optional(IsoDateTime),
});

export const Profile = z.object({
  username: z.string(),
  identity: Identity,
  address: z.optional(Address),
  contact: Contact,
  serviceKeys: z.array(ServiceKeyStatus),
});
export type Profile = z.infer<typeof Profile>;

/**
 * A profile change. Parts the city keeps under its own control (address, phones, e-mail:
 * seed 002's "Coordonnées") come back as a request rather than a change.
 */
export const ProfileUpdate = z.object({
  identity: z.optional(Identity),
  address: z.optional(Address),
  contact: z.optional(Contact),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

export const ProfileUpdateResult = z.object({
  profile: Profile,
  /** Ids of the requests created for the parts the city must approve. */
  requestIds: z.array(z.string()),
});
export type ProfileUpdateResult = z.infer<typeof ProfileUpdateResult>;

export const ServiceKeySubmission = z.object({
  serviceId: z.string(),
  key: z.string('required').check(z.trim(), z.minLength(1, 'required'), z.maxLength(40, 'too_long')),
});
export type ServiceKeySubmission = z.infer<typeof ServiceKeySubmission>;
