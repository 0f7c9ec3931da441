// SPDX-License-Identifier: MIT
/**
 * The demo server's persistence contract. Routes and services talk to these repositories
 * only, so a real database can replace the embedded lowdb file without touching them.
 * Every write resolves only once it is durable: a route acknowledges after that.
 */
import type { Address, Contact, Identity, HouseholdMember } from '../../src/schemas/index.js';
import type { HouseholdAddition, PhoneChange, RequestStatus, RequestType } from '../../src/schemas/index.js';

export type AccountStatus = 'pending-email' | 'pending-staff' | 'active' | 'disabled';

export interface AccountRecord {
  id: string;
  username: string;
  email: string;
  /** PHC string (argon2id), parameters included. */
  passwordHash: string;
  status: AccountStatus;
  identity: Identity;
  address?: Address | undefined;
  contact: Contact;
  /** The sign-up photo's file name in the photos folder (store/photos.ts); the bytes are never in the store. */
  photo?: string | undefined;
  /** The family record the account is linked to by a service key. */
  householdId?: string | undefined;
  serviceKeys: { serviceId: string; linkedAt: string }[];
  /** A generated password must be replaced at first login. */
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt?: string | undefined;
  /**
   * Set when the holder closed the account ("Mes données"): the record stays as an anonymised
   * tombstone (status `disabled`), listing what the city keeps and why.
   */
  closure?: AccountClosure | undefined;
}

/** What closing an account kept, each with its legal reason (see account-data/close.ts). */
export interface AccountClosure {
  closedAt: string;
  kept: { what: string; reason: string }[];
}

export interface SessionRecord {
  /** SHA-256 of the session id: a leaked data file reveals no live session. */
  idHash: string;
  accountId: string;
  createdAt: string;
  lastSeenAt: string;
  /** Absolute expiry (12 h after login). */
  expiresAt: string;
  /** The login before this one, shown as "Dernière connexion". */
  previousLoginAt?: string | undefined;
  /**
   * The ID token of a FranceConnect login: logging out sends it to FranceConnect's
   * end-session endpoint (`id_token_hint`), which ends the FranceConnect session too.
   */
  franceConnectIdToken?: string | undefined;
}

export interface ThrottleRecord {
  /** e.g. `login:marie.dupont` (normalised identifier, whether or not an account exists). */
  key: string;
  failures: number;
  lockedUntil?: string | undefined;
  updatedAt: string;
}

export interface HouseholdRecord {
  id: string;
  /** How staff call the family record, e.g. "Famille Martin" (set by `households:create`). */
  name?: string | undefined;
  members: HouseholdMember[];
  /** Service id → SHA-256 of the key printed on the city's letter. */
  keyHashes: Record<string, string>;
  /** "Quotient familial" known to the city (sets the tariff bracket); absent: the highest bracket. */
  quotientFamilial?: number | undefined;
}

/**
 * What a mail token is for: one token never serves another purpose. `account-setup` is the
 * link mailed to the holder of an account imported by staff, to choose a first password.
 */
export type MailTokenPurpose = 'activation' | 'password-reset' | 'account-setup';

/** A single-use link sent by mail (see auth/mail-tokens.ts). */
export interface MailTokenRecord {
  /** SHA-256 (hex) of the token: the token itself exists only in the mail. */
  tokenHash: string;
  accountId: string;
  purpose: MailTokenPurpose;
  createdAt: string;
  expiresAt: string;
}

/**
 * Proof that an account accepted a version of the terms (journey J6). Acceptances are only
 * ever added: the history shows what each citizen accepted, and when.
 */
export interface TermsAcceptanceRecord {
  id: string;
  accountId: string;
  version: string;
  /** SHA-256 (hex) of the exact terms file the citizen was shown. */
  textHash: string;
  acceptedAt: string;
}

/** Thrown by inserts that would break a uniqueness rule; `field` names it. */
export class StoreConflictError extends Error {
  override name = 'StoreConflictError';
  constructor(readonly field: string) {
    super(`${field} already exists`);
  }
}

export class StoreNotFoundError extends Error {
  override name = 'StoreNotFoundError';
}

export interface AccountRepository {
  get(id: string): Promise<AccountRecord | undefined>;
  /** By username or e-mail address. */
  findByLogin(identifier: string, caseInsensitive: boolean): Promise<AccountRecord | undefined>;
  list(): Promise<AccountRecord[]>;
  /** Rejects with StoreConflictError('username' | 'email') when taken (case-insensitively). */
  insert(account: AccountRecord): Promise<void>;
  /**
   * Inserts all of them in one write, or none: rejects with StoreConflictError when any
   * would break a uniqueness rule (against the store or another of them). For imports.
   */
  insertMany(accounts: readonly AccountRecord[]): Promise<void>;
  /** Applies `patch` and returns the updated record; StoreNotFoundError if absent. */
  update(id: string, patch: Partial<Omit<AccountRecord, 'id'>>): Promise<AccountRecord>;
}

export interface SessionRepository {
  get(idHash: string): Promise<SessionRecord | undefined>;
  insert(session: SessionRecord): Promise<void>;
  touch(idHash: string, lastSeenAt: string): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteForAccount(accountId: string): Promise<number>;
  /** The account's sessions, oldest first (the data export lists them, without their hashes). */
  listForAccount(accountId: string): Promise<SessionRecord[]>;
  /** Removes sessions whose idle or absolute expiry is before `now`. */
  deleteExpired(now: Date, idleMs: number): Promise<number>;
}

export interface ThrottleRepository {
  get(key: string): Promise<ThrottleRecord | undefined>;
  put(record: ThrottleRecord): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface HouseholdRepository {
  get(id: string): Promise<HouseholdRecord | undefined>;
  list(): Promise<HouseholdRecord[]>;
  insert(household: HouseholdRecord): Promise<void>;
  /** The household whose key for `serviceId` has this hash (see seed.ts hashServiceKey). */
  findByServiceKey(serviceId: string, keyHash: string): Promise<HouseholdRecord | undefined>;
  /** Adds a member; StoreNotFoundError if the household is absent, StoreConflictError('id') if the member id is taken. */
  addMember(householdId: string, member: HouseholdMember): Promise<HouseholdRecord>;
}

export interface MailTokenRepository {
  /**
   * Stores a new token and, in the same write, removes the account's other tokens of the
   * same purpose (a new link revokes the older one) and every expired token.
   */
  issue(record: MailTokenRecord): Promise<void>;
  /**
   * Removes and returns the token with this hash if it is live and of this purpose, in one
   * write: of two concurrent uses, exactly one gets the record. Undefined otherwise.
   */
  consume(tokenHash: string, purpose: MailTokenPurpose, now: Date): Promise<MailTokenRecord | undefined>;
  /** The live token with this hash and purpose, left in place (a page asking whether a link is good). */
  find(tokenHash: string, purpose: MailTokenPurpose, now: Date): Promise<MailTokenRecord | undefined>;
  /** Removes the account's tokens of this purpose; returns how many. */
  revoke(accountId: string, purpose: MailTokenPurpose): Promise<number>;
}

/**
 * A FranceConnect identity linked to an account: `sub` is the identifier FranceConnect gives
 * that person for this city's client (stable, pseudonymous). One account per identity and
 * one identity per account.
 */
export interface FranceConnectLinkRecord {
  sub: string;
  accountId: string;
  linkedAt: string;
}

export interface FranceConnectLinkRepository {
  findBySub(sub: string): Promise<FranceConnectLinkRecord | undefined>;
  findByAccount(accountId: string): Promise<FranceConnectLinkRecord | undefined>;
  /** Rejects with StoreConflictError('sub' | 'accountId') when either is already linked. */
  insert(link: FranceConnectLinkRecord): Promise<void>;
  /** Unlinks the account; returns how many links were removed (0 or 1). */
  deleteForAccount(accountId: string): Promise<number>;
}

/**
 * A value encrypted by auth/field-cipher.ts (AES-256-GCM, the key outside the data file):
 * `v1.<key id>.<iv>.<ciphertext and tag>`, base64url. Health data is only ever stored so.
 */
export type SealedValue = string;

/**
 * A child's "Dossier administratif" as stored: the health fields (allergies, PAI, doctor)
 * sealed one by one, each bound to its child and field so that a sealed value cannot be
 * moved to another child or field unnoticed.
 */
export interface StoredChildRecordFields {
  school?: string | undefined;
  schoolClass?: string | undefined;
  authorisedPickup: { name: string; phone?: string | undefined }[];
  health: { allergies: SealedValue; hasPai: SealedValue; doctor: SealedValue };
}

export interface ChildRecordRecord extends StoredChildRecordFields {
  householdId: string;
  /** The member id, unique within its household only. */
  childId: string;
  /** What the city still needs (set by staff; a parent's update does not change it). */
  missing: string[];
  updatedAt: string;
}

/** What a request asks for, by type (the citizen's input, validated by the shared schemas). */
export type RequestPayload =
  | { type: 'address-change'; address: Address }
  | { type: 'contact-change'; phones?: PhoneChange | undefined; email?: string | undefined }
  | { type: 'household-addition'; addition: HouseholdAddition; memberId?: string | undefined }
  | { type: 'child-record-update'; childId: string; childName: string; record: StoredChildRecordFields }
  | { type: 'activity-enrolment'; childId: string; childName: string; activityId: string; activityName: string; from: string; to: string }
  | {
      type: 'absence';
      childId: string;
      childName: string;
      from: string;
      to: string;
      reason: 'illness' | 'other';
      comment?: string | undefined;
    };

/** A request to the city ("démarche") and its history. */
export interface RequestRecord {
  id: string;
  /** Who made it. */
  accountId: string;
  /** For household requests: the family, whose other representatives see it too. */
  householdId?: string | undefined;
  type: RequestType;
  createdAt: string;
  status: RequestStatus;
  /** The city's reason (required for a refusal). */
  reason?: string | undefined;
  summary: string;
  history: { at: string; status: RequestStatus; note?: string | undefined }[];
  payload: RequestPayload;
  /** Stored documents of the author attached to it (an absence's certificate, a justificatif). */
  attachmentIds?: string[] | undefined;
  /** Kept after its author closed the account: why (e.g. public archives). */
  retainedReason?: string | undefined;
}

/** "Actualités": published by the city for everyone. */
export interface NewsRecord {
  id: string;
  title: string;
  body: string;
  link?: string | undefined;
  publishedAt: string;
}

/** A personal message from the city to one account. */
export interface MessageRecord {
  id: string;
  accountId: string;
  subject: string;
  body: string;
  sentAt: string;
  readAt?: string | undefined;
  /** The request whose decision it announces, if any. */
  requestId?: string | undefined;
}

/** One read of a child's health data: who, when, why; never the data itself. */
export interface HealthAuditRecord {
  id: string;
  at: string;
  action: 'health-data-read';
  /** The account that read, or `staff` (an admin command). */
  actor: { kind: 'account'; accountId: string } | { kind: 'staff' };
  householdId: string;
  childId: string;
  purpose: 'child-record' | 'request-detail' | 'export' | 'staff-decision';
  requestId?: string | undefined;
}

export interface TermsAcceptanceRepository {
  /** Adds an acceptance; existing ones are never changed or removed. */
  insert(record: TermsAcceptanceRecord): Promise<void>;
  /** The account's acceptances, oldest first. */
  listForAccount(accountId: string): Promise<TermsAcceptanceRecord[]>;
}

export interface ChildRecordRepository {
  get(householdId: string, childId: string): Promise<ChildRecordRecord | undefined>;
  listForHousehold(householdId: string): Promise<ChildRecordRecord[]>;
  /** Every record (the start-up check that the data key opens them). */
  list(): Promise<ChildRecordRecord[]>;
  /**
   * Inserts or replaces the record of (householdId, childId). With `keepMissing`, an existing
   * record's `missing` (the city's list) is kept as it is at the time of writing.
   */
  put(record: ChildRecordRecord, options?: { keepMissing?: boolean }): Promise<void>;
  /** Sets the city's `missing` list of an existing record; false if there is none. */
  setMissing(householdId: string, childId: string, missing: string[], updatedAt: string): Promise<boolean>;
}

export interface RequestRepository {
  get(id: string): Promise<RequestRecord | undefined>;
  /** Every request, oldest first (staff). */
  list(): Promise<RequestRecord[]>;
  /** The account's own requests and its household's, oldest first. */
  listVisibleTo(accountId: string, householdId: string | undefined): Promise<RequestRecord[]>;
  insert(request: RequestRecord): Promise<void>;
  /**
   * Moves a request to `status` with a history entry, only from one of `from`: of two
   * concurrent decisions, one wins. StoreNotFoundError if absent, StoreConflictError('status')
   * if its status is not in `from` any more.
   */
  transition(
    id: string,
    from: readonly RequestStatus[],
    change: { status: RequestStatus; at: string; note?: string | undefined; reason?: string | undefined; memberId?: string | undefined },
  ): Promise<RequestRecord>;
  /**
   * For a closed account: removes its requests still waiting for a decision, flags the
   * decided ones with `retainedReason`; returns how many of each.
   */
  closeForAccount(accountId: string, retainedReason: string): Promise<{ removed: number; retained: number }>;
}

export interface NewsRepository {
  /** Newest first. */
  list(): Promise<NewsRecord[]>;
  insert(item: NewsRecord): Promise<void>;
}

export interface MessageRepository {
  /** Newest first. */
  listForAccount(accountId: string): Promise<MessageRecord[]>;
  insert(message: MessageRecord): Promise<void>;
  /** Marks the account's message read (the first time counts); false if it has no such message. */
  markRead(id: string, accountId: string, at: string): Promise<boolean>;
  deleteForAccount(accountId: string): Promise<number>;
}

export interface HealthAuditRepository {
  /** Adds an entry; entries are never changed or removed. */
  insert(record: HealthAuditRecord): Promise<void>;
  /** The reads of these households' children, oldest first. */
  listForHouseholds(householdIds: readonly string[]): Promise<HealthAuditRecord[]>;
  /** The reads made by this account, oldest first. */
  listByAccount(accountId: string): Promise<HealthAuditRecord[]>;
}

/** A child enrolled in an activity for a period (seeded, or an accepted "Inscrire" request). */
export interface EnrolmentRecord {
  id: string;
  householdId: string;
  childId: string;
  activityId: string;
  /** First and last day (YYYY-MM-DD), inclusive. */
  from: string;
  to: string;
  createdAt: string;
  requestId?: string | undefined;
}

/** One booked day: a child, an activity, a date. */
export interface BookingRecord {
  householdId: string;
  childId: string;
  activityId: string;
  date: string;
  bookedAt: string;
  /** The account that booked it. */
  bookedBy: string;
}

/** A change of a batch, with the refusal the route found before queueing it (closed, notice period…). */
export interface BookingChangeInput {
  activityId: string;
  date: string;
  action: 'book' | 'cancel';
  refusal?: string | undefined;
}

export interface BookingBatchInput {
  accountId: string;
  householdId: string;
  childId: string;
  idempotencyKey: string;
  /** SHA-256 of the batch: the same key with another batch is refused. */
  bodyHash: string;
  at: string;
  changes: BookingChangeInput[];
  /** Places per day, by activity id. */
  capacity: Record<string, number>;
  /** The family's price of one day, by activity id (cents). */
  unitPriceCents: Record<string, number>;
}

export interface BookingBatchOutcome {
  applied: { activityId: string; date: string; action: 'book' | 'cancel' }[];
  conflicts: { activityId: string; date: string; code: string }[];
  totalCents: number;
}

/** The stored answer to a batch, by (account, key): a retry gets it again, applied once. */
export interface IdempotencyRecord {
  scope: 'bookings';
  accountId: string;
  key: string;
  bodyHash: string;
  result: BookingBatchOutcome;
  createdAt: string;
}

/** A child's private calendar feed ("Ajouter à mon agenda"): the token's hash only. */
export interface CalendarFeedRecord {
  /** SHA-256 (hex) of the token in the feed's address. */
  tokenHash: string;
  householdId: string;
  childId: string;
  createdBy: string;
  createdAt: string;
}

export interface InvoiceLineRecord {
  label: string;
  childId?: string | undefined;
  activityId?: string | undefined;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
  /** The billed days (YYYY-MM-DD). */
  dates?: string[] | undefined;
}

/** "Mes factures": one household's invoice of a month. Kept after an account's closure (accounting). */
export interface InvoiceRecord {
  id: string;
  /** e.g. FAC-2026-10-0001, in issue order per month. */
  number: string;
  householdId: string;
  /** YYYY-MM */
  period: string;
  lines: InvoiceLineRecord[];
  amountCents: number;
  issuedAt: string;
  dueDate: string;
  paidAt?: string | undefined;
  paymentId?: string | undefined;
}

export type PaymentStatus = 'pending' | 'succeeded' | 'refused' | 'abandoned';

/** An online payment of an invoice through the payment provider. */
export interface PaymentRecord {
  id: string;
  invoiceId: string;
  householdId: string;
  accountId: string;
  idempotencyKey: string;
  /** SHA-256 of what was asked (invoice, return address): the same key for another payment is refused. */
  bodyHash: string;
  amountCents: number;
  provider: string;
  returnUrl: string;
  status: PaymentStatus;
  createdAt: string;
  updatedAt: string;
  transactionId?: string | undefined;
  receiptNumber?: string | undefined;
  /** Succeeded on an invoice another payment (this id) had already paid: staff refund it. */
  duplicateOf?: string | undefined;
}

/** "Espace de stockage sécurisé": metadata only; the content is a file outside the JSON. */
export interface DocumentRecord {
  id: string;
  accountId: string;
  name: string;
  /** Detected from the content. */
  type: string;
  sizeBytes: number;
  uploadedAt: string;
  category?: string | undefined;
  /** Path of the content, relative to the documents folder (`<accountId>/<random id>`). */
  file: string;
}

export interface EnrolmentRepository {
  listForChild(householdId: string, childId: string): Promise<EnrolmentRecord[]>;
  insert(enrolment: EnrolmentRecord): Promise<void>;
}

export interface BookingRepository {
  /** The child's booked days between `from` and `to` (inclusive), by date. */
  listForChild(householdId: string, childId: string, from: string, to: string): Promise<BookingRecord[]>;
  /** Every booking between `from` and `to` (billing). */
  listBetween(from: string, to: string): Promise<BookingRecord[]>;
  /** How many places are taken, by `activityId|date`, between `from` and `to`. */
  countsBetween(from: string, to: string): Promise<Map<string, number>>;
  /** Inserts bookings as they are (seed data): no rule is checked. */
  insertMany(bookings: readonly BookingRecord[]): Promise<void>;
  /**
   * Applies a batch in one queued mutation: capacity is counted there, so of two families
   * taking the last place at once exactly one gets it. The same (account, key) and batch
   * returns the first outcome without applying anything again (`replayed`); the same key
   * with another batch rejects with StoreConflictError('idempotencyKey').
   */
  applyBatch(batch: BookingBatchInput): Promise<{ outcome: BookingBatchOutcome; replayed: boolean }>;
}

export interface CalendarFeedRepository {
  findByTokenHash(tokenHash: string): Promise<CalendarFeedRecord | undefined>;
  findForChild(householdId: string, childId: string): Promise<CalendarFeedRecord | undefined>;
  /** Stores the child's feed, revoking the previous one. */
  put(feed: CalendarFeedRecord): Promise<void>;
  /** Revokes the child's feed; returns how many were removed (0 or 1). */
  delete(householdId: string, childId: string): Promise<number>;
  /** Revokes the feeds an account created (account closure). */
  deleteCreatedBy(accountId: string): Promise<number>;
}

export interface InvoiceRepository {
  get(id: string): Promise<InvoiceRecord | undefined>;
  listForHousehold(householdId: string): Promise<InvoiceRecord[]>;
  list(): Promise<InvoiceRecord[]>;
  /**
   * Issues the drafts in one write, numbering them in the queue; a household already invoiced
   * for the period is skipped. Returns the invoices created.
   */
  issue(drafts: readonly Omit<InvoiceRecord, 'id' | 'number'>[]): Promise<InvoiceRecord[]>;
}

/**
 * How long a started payment holds its invoice against another payment (another tab, the other
 * parent). Long enough to fill in a card on the provider's page; and bounded, because a
 * provider's session that was never finished (tab closed, no notification) would otherwise
 * leave the invoice "in progress" and the family unable to pay it at all.
 */
export const PENDING_PAYMENT_HOLD_MS = 20 * 60 * 1000;

export interface PaymentRepository {
  get(id: string): Promise<PaymentRecord | undefined>;
  listForHousehold(householdId: string): Promise<PaymentRecord[]>;
  /**
   * Starts a payment, in the queue: the same (account, key) and body returns the existing
   * one (`created: false`); the same key with another body rejects with
   * StoreConflictError('idempotencyKey'); a paid invoice with StoreConflictError('invoice');
   * an invoice with another payment still pending and started less than
   * PENDING_PAYMENT_HOLD_MS before this one's `createdAt` with
   * StoreConflictError('paymentInProgress').
   */
  start(payment: PaymentRecord): Promise<{ payment: PaymentRecord; created: boolean }>;
  /**
   * Records the provider's verified outcome, once: a payment no longer pending is returned as
   * it is (`changed: false`). A success marks the invoice paid in the same write; a success on
   * an invoice another payment already paid is recorded as succeeded with `duplicateOf` set.
   */
  settle(
    id: string,
    outcome: { status: Exclude<PaymentStatus, 'pending'>; at: string; transactionId: string; receiptNumber?: string | undefined },
  ): Promise<{ payment: PaymentRecord; changed: boolean }>;
}

export interface DocumentRepository {
  get(id: string): Promise<DocumentRecord | undefined>;
  listForAccount(accountId: string): Promise<DocumentRecord[]>;
  /** Inserts unless the account's documents would exceed `quotaBytes`: StoreConflictError('quota'). */
  insertWithinQuota(document: DocumentRecord, quotaBytes: number): Promise<void>;
  /** Renames the account's document; undefined if it has no such document. */
  rename(id: string, accountId: string, name: string): Promise<DocumentRecord | undefined>;
  /** Removes the account's document's metadata and returns it (the caller removes the file). */
  delete(id: string, accountId: string): Promise<DocumentRecord | undefined>;
  deleteForAccount(accountId: string): Promise<DocumentRecord[]>;
}

export interface Store {
  accounts: AccountRepository;
  sessions: SessionRepository;
  throttles: ThrottleRepository;
  households: HouseholdRepository;
  mailTokens: MailTokenRepository;
  termsAcceptances: TermsAcceptanceRepository;
  franceConnectLinks: FranceConnectLinkRepository;
  childRecords: ChildRecordRepository;
  requests: RequestRepository;
  news: NewsRepository;
  messages: MessageRepository;
  healthAudit: HealthAuditRepository;
  enrolments: EnrolmentRepository;
  bookings: BookingRepository;
  calendarFeeds: CalendarFeedRepository;
  invoices: InvoiceRepository;
  payments: PaymentRepository;
  documents: DocumentRepository;
  /** Waits for pending writes, releases the data file's lock. */
  close(): Promise<void>;
}
