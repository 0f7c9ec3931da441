// SPDX-License-Identifier: MIT
/**
 * The demo server's persistence contract. Routes and services talk to these repositories
 * only, so a real database can replace the embedded lowdb file without touching them.
 * Every write resolves only once it is durable: a route acknowledges after that.
 */
import type { Address, Contact, Identity, HouseholdMember } from '../../src/schemas/index.js';

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
  /** The family record the account is linked to by a service key. */
  householdId?: string | undefined;
  serviceKeys: { serviceId: string; linkedAt: string }[];
  /** A generated password must be replaced at first login. */
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt?: string | undefined;
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

export interface TermsAcceptanceRepository {
  /** Adds an acceptance; existing ones are never changed or removed. */
  insert(record: TermsAcceptanceRecord): Promise<void>;
  /** The account's acceptances, oldest first. */
  listForAccount(accountId: string): Promise<TermsAcceptanceRecord[]>;
}

export interface Store {
  accounts: AccountRepository;
  sessions: SessionRepository;
  throttles: ThrottleRepository;
  households: HouseholdRepository;
  mailTokens: MailTokenRepository;
  termsAcceptances: TermsAcceptanceRepository;
  franceConnectLinks: FranceConnectLinkRepository;
  /** Waits for pending writes, releases the data file's lock. */
  close(): Promise<void>;
}
