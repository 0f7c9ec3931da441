// SPDX-License-Identifier: MIT
/**
 * "Mes données" (RGPD): the copy of everything the city holds about an account and its
 * household (right of access and portability, art. 15 and 20), and closing the account
 * (right to erasure, art. 17, within what the law makes the city keep).
 */
import * as z from 'zod/mini';
import { Address, Contact, Identity, PasswordInput } from './account.js';
import { Id, IsoDateTime } from './common.js';
import { ChildRecord, HouseholdMember } from './household.js';
import { CitizenMessage } from './news.js';
import { CitizenRequest } from './requests.js';
import { Invoice } from './invoices.js';
import { StoredDocument } from './documents.js';

/** `GET /account/export?format=…`: the JSON below, or the same as a readable HTML page. */
export const ExportFormat = z.enum(['json', 'html']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Closing the account needs the password typed again (a session left open is not enough). */
export const CloseAccountRequest = z.object({ password: PasswordInput });
export type CloseAccountRequest = z.infer<typeof CloseAccountRequest>;

/** Who read a child's health data (allergies, PAI, doctor), from the access log. */
export const HealthDataRead = z.object({
  at: IsoDateTime,
  childId: Id,
  /** `you`, another representative of the household, or the city's staff deciding a request. */
  by: z.enum(['you', 'household', 'staff']),
  purpose: z.enum(['child-record', 'request-detail', 'export', 'staff-decision']),
});
export type HealthDataRead = z.infer<typeof HealthDataRead>;

export const AccountExport = z.object({
  format: z.literal('citizen-elements/account-export'),
  version: z.literal(1),
  exportedAt: IsoDateTime,
  city: z.object({ id: z.string(), name: z.string() }),
  account: z.object({
    id: Id,
    username: z.string(),
    status: z.string(),
    createdAt: IsoDateTime,
    lastLoginAt: z.optional(IsoDateTime),
    identity: Identity,
    address: z.optional(Address),
    contact: Contact,
    serviceKeys: z.array(z.object({ serviceId: z.string(), linkedAt: IsoDateTime })),
    /** When the account was linked to FranceConnect (the identifier FranceConnect gave it included). */
    franceConnect: z.optional(z.object({ sub: z.string(), linkedAt: IsoDateTime })),
  }),
  /** The family record the account is linked to, or null. */
  household: z.nullable(
    z.object({
      id: Id,
      name: z.optional(z.string()),
      members: z.array(HouseholdMember),
      childRecords: z.array(z.object({ childId: Id, firstNames: z.string(), record: ChildRecord })),
    }),
  ),
  requests: z.array(CitizenRequest),
  messages: z.array(CitizenMessage),
  termsAcceptances: z.array(z.object({ version: z.string(), textHash: z.string(), acceptedAt: IsoDateTime })),
  /** Open sessions (when and until when; never their ids). */
  sessions: z.array(z.object({ createdAt: IsoDateTime, lastSeenAt: IsoDateTime, expiresAt: IsoDateTime })),
  healthDataReads: z.array(HealthDataRead),
  /** The household's invoices (kept by the city after a closure: accounting records). */
  invoices: z.optional(z.array(Invoice)),
  /** The account's stored documents (metadata; the files are downloaded one by one). */
  documents: z.optional(z.array(StoredDocument)),
});
export type AccountExport = z.infer<typeof AccountExport>;
