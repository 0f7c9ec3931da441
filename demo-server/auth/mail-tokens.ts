// SPDX-License-Identifier: MIT
/**
 * Single-use links sent by mail (account activation now, password reset next). A token is
 * 256 random bits in base64url, exists in clear only in the mail, and is stored as its
 * SHA-256: a leaked data file opens no account. Each is bound to one account and one
 * purpose, expires, dies at its first use (two concurrent uses: one wins), and a new token
 * revokes the account's older ones of the same purpose.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MailTokenPurpose, Store } from '../store/types.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Creates a token for `accountId` and `purpose`, revoking older ones; returns it in clear. */
export async function issueMailToken(
  store: Store,
  accountId: string,
  purpose: MailTokenPurpose,
  ttlMs: number,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await store.mailTokens.issue({
    tokenHash: sha256(token),
    accountId,
    purpose,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
  });
  return token;
}

/**
 * Uses up a token: the account id it was issued for, or undefined when the token is
 * unknown, already used, revoked, expired or for another purpose (callers answer the
 * same in every case, so nothing tells them apart).
 */
export async function consumeMailToken(
  store: Store,
  token: string,
  purpose: MailTokenPurpose,
  now = new Date(),
): Promise<string | undefined> {
  return (await store.mailTokens.consume(sha256(token), purpose, now))?.accountId;
}

/**
 * The account a live token was issued for, without using it up (a page checking its link
 * before the citizen fills the form); undefined in every other case, as `consumeMailToken`.
 */
export async function findMailToken(
  store: Store,
  token: string,
  purpose: MailTokenPurpose,
  now = new Date(),
): Promise<string | undefined> {
  return (await store.mailTokens.find(sha256(token), purpose, now))?.accountId;
}

/** Kills every pending link of this purpose (e.g. staff activated the account meanwhile). */
export function revokeMailTokens(store: Store, accountId: string, purpose: MailTokenPurpose): Promise<number> {
  return store.mailTokens.revoke(accountId, purpose);
}

/** A link to a page of the public site carrying the token, built from PUBLIC_URL only. */
export function mailTokenLink(publicUrl: URL, path: string, token: string): string {
  // Relative to PUBLIC_URL's path, so that a site served under a prefix keeps it.
  const base = publicUrl.href.endsWith('/') ? publicUrl.href : `${publicUrl.href}/`;
  const url = new URL(path.replace(/^\/+/, ''), base);
  url.searchParams.set('token', token);
  return url.href;
}
