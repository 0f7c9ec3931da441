// SPDX-License-Identifier: MIT
/**
 * Server-side sessions. The id is 256 random bits, sent once to the browser (httpOnly
 * cookie, or a bearer token in token mode) and stored only as its SHA-256. Idle expiry
 * 30 min, absolute 12 h; a new id at every login; logout deletes it on the server.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { AccountRecord, SessionRecord, Store } from '../store/types.js';

export const SESSION_COOKIE = 'citizen_sid';
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;
// Writing lastSeenAt on every request would turn each read into a disk write.
const TOUCH_EVERY_MS = 60_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface ActiveSession {
  record: SessionRecord;
  account: AccountRecord;
  idleExpiresAt: Date;
  /** The account has not accepted the terms in force (journey J6); see `TermsCheck`. */
  mustAcceptTerms: boolean;
}

/**
 * Whether an account must still accept the current terms. Asked with every session
 * resolved, so that the session payload and `requireTermsAccepted` say the same thing.
 */
export type TermsCheck = (accountId: string) => Promise<boolean>;

export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly secureCookies: boolean,
    private readonly termsCheck: TermsCheck,
  ) {}

  /**
   * Creates a session for a fresh login and returns its id (the only time it exists in clear).
   * A FranceConnect login keeps its ID token, for the logout.
   */
  async create(
    account: AccountRecord,
    previousLoginAt: string | undefined,
    now = new Date(),
    extra: { franceConnectIdToken?: string | undefined } = {},
  ): Promise<{ id: string; session: ActiveSession }> {
    const id = randomBytes(32).toString('base64url');
    const record: SessionRecord = {
      idHash: sha256(id),
      accountId: account.id,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ABSOLUTE_MS).toISOString(),
      previousLoginAt,
      ...(extra.franceConnectIdToken ? { franceConnectIdToken: extra.franceConnectIdToken } : {}),
    };
    await this.store.sessions.insert(record);
    const mustAcceptTerms = await this.termsCheck(account.id);
    return { id, session: { record, account, idleExpiresAt: idleExpiry(record), mustAcceptTerms } };
  }

  /** The session id a request carries: bearer token first, then the cookie. */
  idFrom(req: Request): string | undefined {
    const auth = req.get('authorization');
    if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || undefined;
    const header = req.get('cookie');
    return header ? parseCookie(header)[SESSION_COOKIE] : undefined;
  }

  /**
   * Resolves the request's session, or why there is none. Touches the idle timer, unless
   * `touch` is false (a time-out warning asking whether the session still lives is not activity).
   */
  async resolve(req: Request, now = new Date(), options: { touch?: boolean } = {}): Promise<ActiveSession | 'none' | 'expired'> {
    const id = this.idFrom(req);
    if (!id) return 'none';
    const record = await this.store.sessions.get(sha256(id));
    if (!record) return 'expired';
    const lastSeen = Date.parse(record.lastSeenAt);
    if (Date.parse(record.expiresAt) <= now.getTime() || lastSeen + IDLE_MS <= now.getTime()) {
      await this.store.sessions.delete(record.idHash);
      return 'expired';
    }
    const account = await this.store.accounts.get(record.accountId);
    if (!account || account.status !== 'active') {
      await this.store.sessions.delete(record.idHash);
      return 'expired';
    }
    if (options.touch !== false && now.getTime() - lastSeen >= TOUCH_EVERY_MS) {
      await this.store.sessions.touch(record.idHash, now.toISOString());
      record.lastSeenAt = now.toISOString();
    }
    return { record, account, idleExpiresAt: idleExpiry(record), mustAcceptTerms: await this.termsCheck(account.id) };
  }

  /** Resets the idle timer now (the "extend my session" button). */
  async extend(session: ActiveSession, now = new Date()): Promise<ActiveSession> {
    await this.store.sessions.touch(session.record.idHash, now.toISOString());
    const record = { ...session.record, lastSeenAt: now.toISOString() };
    return { ...session, record, idleExpiresAt: idleExpiry(record) };
  }

  async destroy(req: Request): Promise<void> {
    const id = this.idFrom(req);
    if (id) await this.store.sessions.delete(sha256(id));
  }

  setCookie(res: Response, id: string) {
    res.append(
      'Set-Cookie',
      stringifySetCookie({
        name: SESSION_COOKIE,
        value: id,
        httpOnly: true,
        secure: this.secureCookies,
        sameSite: 'lax',
        path: '/',
        // A session cookie (no Max-Age): the browser forgets it on close; the server enforces expiry.
      }),
    );
  }

  clearCookie(res: Response) {
    res.append(
      'Set-Cookie',
      stringifySetCookie({ name: SESSION_COOKIE, value: '', httpOnly: true, secure: this.secureCookies, sameSite: 'lax', path: '/', maxAge: 0 }),
    );
  }
}

function idleExpiry(record: SessionRecord): Date {
  const idle = Date.parse(record.lastSeenAt) + IDLE_MS;
  return new Date(Math.min(idle, Date.parse(record.expiresAt)));
}
