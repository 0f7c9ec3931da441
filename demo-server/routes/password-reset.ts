// SPDX-License-Identifier: MIT
/**
 * "J'ai oublié mon mot de passe" (journey J5, seed 002), and the first password of an
 * account imported by staff (journey J3):
 *
 * - `POST /password/forgot {identifier}` answers 202 with an empty body at once, whatever
 *   the identifier, and only then looks the account up and mails it a reset link: neither
 *   the answer nor its timing tells whether an account exists. Limited per address and per
 *   identifier (the same for known and unknown ones), and at most 3 mails an hour to one
 *   account, so that nobody can flood a mailbox.
 * - `POST /password/reset/check {token}` tells the page whether its link is still good and
 *   whose it is (200 `{ username }`), without using it up: opening the link changes nothing.
 * - `POST /password/reset {token, password}` sets the password under the city's policy,
 *   uses the link up and kills the account's other reset and first-password links, ends
 *   every session of the account, clears the login back-off of its username and address,
 *   clears `mustChangePassword`, activates an account still waiting for its e-mail link (the
 *   link proves the address), and mails the holder that the password changed. 204.
 *
 * Links are single-use tokens of auth/mail-tokens.ts (256 bits, stored as SHA-256), of
 * purpose `password-reset` (valid `resetLinkMinutes`, 30 by default; a new one revokes the
 * older one) or `account-setup` (mailed by `accounts:import`, valid `setupLinkHours`). Every
 * bad link gets the same 400 `token_invalid`: unknown, used, replaced or expired alike.
 */
import { Router } from 'express';
import { MemoryStore } from 'express-rate-limit';
import { ForgotPasswordRequest, MailToken, ResetPasswordRequest } from '../../src/schemas/account.js';
import type { CityConfig } from '../../src/schemas/city-config.js';
import { consumeMailToken, findMailToken, issueMailToken, mailTokenLink, revokeMailTokens } from '../auth/mail-tokens.js';
import { assertAcceptablePassword, hashPassword, verifyPassword } from '../auth/passwords.js';
import { clearFailures } from '../auth/throttle.js';
import { ApiError, parse } from '../http/api-error.js';
import { perIpLimit } from '../http/rate-limit.js';
import type { Mailer } from '../mail/mailer.js';
import { notifyPasswordChanged } from '../mail/password-changed.js';
import { passwordResetMail } from '../mail/password-reset-mails.js';
import type { AccountRecord, MailTokenPurpose, Store } from '../store/types.js';

export interface PasswordResetDeps {
  store: Store;
  city: CityConfig;
  mailer: Mailer;
  /** PUBLIC_URL: the only base of links in mails. */
  publicUrl: URL;
}

/** Page of the demo site that holds `<citizen-password-reset step="reset">`. */
export const RESET_PATH = '/reinitialisation';
/** Page of the demo site that holds `<citizen-password-reset step="setup">` (imported accounts). */
export const SETUP_PATH = '/choix-du-mot-de-passe';

/** Requests per identifier (known or not) in an hour; then 429 for that identifier only. */
export const FORGOT_PER_IDENTIFIER = 5;
/** Reset mails to one account in an hour; more requests are answered the same and mail nothing. */
export const RESET_MAILS_PER_ACCOUNT = 3;

const HOUR_MS = 60 * 60_000;
const LINK_PURPOSES: readonly MailTokenPurpose[] = ['password-reset', 'account-setup'];

const TOKEN_INVALID = () =>
  new ApiError(400, 'token_invalid', 'The link is unknown, already used, replaced by a newer one or expired');

/** Accounts a mailed link may set the password of: not disabled, and not waiting for staff. */
const canReset = (account: AccountRecord | undefined): account is AccountRecord =>
  account?.status === 'active' || account?.status === 'pending-email';

/** Issues a reset link for the account and mails it. */
export async function sendPasswordResetLink(deps: PasswordResetDeps, account: AccountRecord): Promise<void> {
  const token = await issueMailToken(deps.store, account.id, 'password-reset', deps.city.resetLinkMinutes * 60_000);
  await deps.mailer.send(passwordResetMail(deps.city, account, mailTokenLink(deps.publicUrl, RESET_PATH, token)));
}

/** An hour's window of hits per key (express-rate-limit's store, which the per-IP limits use too). */
function hourlyCounter() {
  const store = new MemoryStore();
  store.init({ windowMs: HOUR_MS } as Parameters<MemoryStore['init']>[0]);
  return store;
}

export function passwordResetRoutes(deps: PasswordResetDeps): Router {
  const { store, city, mailer, publicUrl } = deps;
  const router = Router();

  // A town hall or a mobile carrier puts many families behind one address: generous, but
  // enough to stop one machine from mailing a list of addresses.
  const forgotPerIp = perIpLimit({ windowMs: 15 * 60_000, limit: 20, message: 'Too many password reset requests from this address' });
  const checkPerIp = perIpLimit({ windowMs: 10 * 60_000, limit: 60, message: 'Too many link checks from this address' });
  const resetPerIp = perIpLimit({ windowMs: 10 * 60_000, limit: 30, message: 'Too many password resets from this address' });
  const perIdentifier = hourlyCounter();
  const mailsPerAccount = hourlyCounter();

  router.post('/password/forgot', forgotPerIp, async (req, res) => {
    const { identifier } = parse(ForgotPasswordRequest, req.body);
    // Counted on the identifier as typed, whether or not an account has it: the 429 says
    // nothing about accounts, and one mailbox cannot be flooded from many addresses.
    const { totalHits, resetTime } = await perIdentifier.increment(`forgot:${identifier.normalize('NFC').toLowerCase()}`);
    if (totalHits > FORGOT_PER_IDENTIFIER) {
      const retryAfter = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + HOUR_MS) - Date.now()) / 1000));
      throw new ApiError(429, 'too_many_attempts', 'Too many password reset requests for this identifier', { retryAfter });
    }
    // Answered before the lookup, so that the time it takes says nothing either.
    res.status(202).end();
    void (async () => {
      const account = await store.accounts.findByLogin(identifier, city.caseInsensitiveLogin);
      if (!canReset(account)) return;
      if ((await mailsPerAccount.increment(account.id)).totalHits > RESET_MAILS_PER_ACCOUNT) return;
      await sendPasswordResetLink(deps, account);
    })().catch((error: unknown) => {
      // The identifier and the token stay out of the log.
      console.error('[demo-server] sending a password reset link failed:', (error as Error).message);
    });
  });

  /** The live link's account and purpose, or a 400 token_invalid; nothing is used up. */
  async function liveLink(body: unknown): Promise<{ account: AccountRecord; purpose: MailTokenPurpose; token: string }> {
    // A malformed token gets the same answer as a used one: the page offers a new link.
    const parsed = MailToken.safeParse((body as { token?: unknown } | undefined)?.token);
    if (!parsed.success) throw TOKEN_INVALID();
    for (const purpose of LINK_PURPOSES) {
      const accountId = await findMailToken(store, parsed.data, purpose);
      if (!accountId) continue;
      const account = await store.accounts.get(accountId);
      if (!canReset(account)) break;
      return { account, purpose, token: parsed.data };
    }
    throw TOKEN_INVALID();
  }

  router.post('/password/reset/check', checkPerIp, async (req, res) => {
    const { account } = await liveLink(req.body);
    res.json({ username: account.username });
  });

  router.post('/password/reset', resetPerIp, async (req, res) => {
    const { account, purpose, token } = await liveLink(req.body);
    const { password } = parse(ResetPasswordRequest, req.body);
    // Checked before the link is used up: a refused password leaves it good for another try.
    const { identity } = account;
    await assertAcceptablePassword(password, city, { username: account.username, names: [identity.firstNames, identity.lastName, identity.birthName] });
    // A generated password (mailed in clear) must not come back through a reset and lose its
    // "must change" mark; any other old one need not either.
    if (await verifyPassword(account.passwordHash, password)) {
      throw new ApiError(400, 'validation_failed', 'password is the current password', { fields: { password: 'password_unchanged' } });
    }
    const passwordHash = await hashPassword(password);
    // Of two submits of one link, exactly one gets here with it.
    if ((await consumeMailToken(store, token, purpose)) !== account.id) throw TOKEN_INVALID();

    const updated = await store.accounts.update(account.id, {
      passwordHash,
      mustChangePassword: false,
      // The link reached the account's address: as good as the activation link.
      ...(account.status === 'pending-email' ? { status: 'active' as const } : {}),
    });
    // Every other link that could set the password dies with this one.
    for (const other of ['password-reset', 'account-setup', 'activation'] as const) await revokeMailTokens(store, account.id, other);
    await store.sessions.deleteForAccount(account.id);
    // The holder must not stay locked out by guesses made before (theirs or someone else's).
    await clearFailures(store, account.username);
    await clearFailures(store, account.email);
    // A first password chosen from the import mail is not a change to warn about.
    if (purpose === 'password-reset') await notifyPasswordChanged(mailer, updated, city, publicUrl);
    res.status(204).end();
  });

  return router;
}
