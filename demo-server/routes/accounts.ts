// SPDX-License-Identifier: MIT
/**
 * Sign-up and activation (journeys J1, J2): `POST /accounts` creates a pending account,
 * `POST /accounts/activation` activates it from the mailed link, and
 * `POST /accounts/activation/resend` mails a new link, saying nothing about the account.
 */
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { MemoryStore } from 'express-rate-limit';
import { ActivationRequest, ResendActivationRequest, SignupRequest, type SignupResult } from '../../src/schemas/account.js';
import type { CityConfig } from '../../src/schemas/city-config.js';
import { assertAcceptablePassword, hashPassword } from '../auth/passwords.js';
import { consumeMailToken, issueMailToken, mailTokenLink } from '../auth/mail-tokens.js';
import { householdForKey, ServiceKeyLimits } from '../auth/service-keys.js';
import type { Captchas } from '../captcha/captchas.js';
import { ApiError, parse } from '../http/api-error.js';
import { perIpLimit } from '../http/rate-limit.js';
import { activationMail } from '../mail/account-mails.js';
import type { Mailer } from '../mail/mailer.js';
import { checkPhoto, removePhoto, writePhoto, type CheckedPhoto } from '../store/photos.js';
import { StoreConflictError, type AccountRecord, type Store } from '../store/types.js';

export interface AccountRoutesDeps {
  store: Store;
  city: CityConfig;
  mailer: Mailer;
  /** PUBLIC_URL: the only base of links in mails. */
  publicUrl: URL;
  captchas: Captchas;
  /** Where sign-up photos are written (store/photos.ts `photosDirOf`). */
  photosDir: string;
}

/**
 * Body limit of `POST /accounts` alone, mounted before the API's 100 kB parser (app.ts):
 * the optional photo travels inside the JSON, ≤ 2 MB decoded, so ≤ ~2.7 MB of base64.
 */
export const SIGNUP_BODY_LIMIT = '3mb';

const HOUR_MS = 60 * 60_000;
/** Path of the demo site's activation page, which holds `<citizen-activation>`. */
export const ACTIVATION_PATH = '/activation';

const invalid = (fields: Record<string, string>, extra: { suggestion?: string } = {}) =>
  new ApiError(
    400,
    'validation_failed',
    `Invalid sign-up: ${Object.entries(fields).map(([f, c]) => `${f} (${c})`).join(', ')}`,
    { fields, ...extra },
  );

const TOKEN_INVALID = () =>
  new ApiError(400, 'token_invalid', 'The link is unknown, already used, replaced by a newer one or expired');

/** Issues an activation link and mails it. */
export async function sendActivationLink(deps: AccountRoutesDeps, account: AccountRecord): Promise<void> {
  const token = await issueMailToken(deps.store, account.id, 'activation', deps.city.activationLinkHours * HOUR_MS);
  await deps.mailer.send(activationMail(deps.city, account, mailTokenLink(deps.publicUrl, ACTIVATION_PATH, token)));
}

/** A free username close to a taken one ("jean.martin" → "jean.martin2"). */
async function suggestUsername(store: Store, taken: string): Promise<string | undefined> {
  const base = taken.replace(/\d+$/, '').slice(0, 56) || taken.slice(0, 56);
  for (let n = 2; n < 100; n++) {
    const candidate = `${base}${n}`;
    if (!(await store.accounts.findByLogin(candidate, true))) return candidate;
  }
  return undefined;
}

export function accountRoutes(deps: AccountRoutesDeps): Router {
  const { store, city, captchas } = deps;
  const router = Router();
  const keyLimits = new ServiceKeyLimits();

  /**
   * A failed write does not undo the sign-up (the account exists, its activation link is
   * due): the account is kept without a photo and the failure logged.
   */
  async function savePhoto(accountId: string, photo: CheckedPhoto) {
    let name: string | undefined;
    try {
      name = await writePhoto(deps.photosDir, accountId, photo);
      await store.accounts.update(accountId, { photo: name });
    } catch (error) {
      console.error(`[demo-server] photo of account ${accountId} not saved:`, (error as Error).message);
      if (name) await removePhoto(deps.photosDir, name).catch(() => {});
    }
  }

  // A sign-up's field errors say whether a username or an e-mail is taken: the captcha makes
  // asking costly, and this per-address limit bounds it even where the city has no captcha.
  // Generous (a family retrying a form, a library's shared computers), still far from a scan.
  const signupPerIp = perIpLimit({ windowMs: 15 * 60_000, limit: 60, message: 'Too many sign-up attempts from this address' });

  router.post('/accounts', signupPerIp, async (req, res) => {
    const body = parse(SignupRequest, req.body);
    const fields: Record<string, string> = {};

    // Checks that cost the citizen nothing come first: the captcha is only used up once
    // the form itself is right.
    try {
      const names = [body.identity.firstNames, body.identity.lastName, body.identity.birthName];
      await assertAcceptablePassword(body.password, city, { username: body.username, names });
    } catch (error) {
      if (!(error instanceof ApiError) || !error.extra.fields) throw error;
      Object.assign(fields, error.extra.fields);
    }
    const keys = Object.entries(body.serviceKeys).filter(([, key]) => key !== '');
    for (const [serviceId] of keys) {
      if (!city.serviceKeys.some((service) => service.id === serviceId)) fields[`serviceKeys.${serviceId}`] = 'service_key_unknown';
    }
    if (city.captcha !== 'none' && !body.captcha) fields.captcha = 'required';
    let photo: CheckedPhoto | undefined;
    if (body.photo) {
      const checked = await checkPhoto(body.photo);
      if ('error' in checked) fields.photo = checked.error;
      else photo = checked;
    }
    if (Object.keys(fields).length > 0) throw invalid(fields);

    if (keys.length > 0) {
      const wait = await keyLimits.retryAfter(req.ip, keys.map(([id]) => id));
      if (wait > 0) {
        throw new ApiError(429, 'too_many_attempts', `Too many wrong service keys; retry in ${wait} s`, { retryAfter: wait });
      }
    }
    // Before anything that tells whether a username, an address or a key exists: each
    // such answer costs a solved challenge.
    if (!(await captchas.verify(body.captcha))) throw invalid({ captcha: 'captcha_failed' });

    let householdId: string | undefined;
    const linked: string[] = [];
    for (const [serviceId, key] of keys) {
      const household = await householdForKey(store, serviceId, key);
      if (!household) {
        fields[`serviceKeys.${serviceId}`] = 'service_key_unknown';
        await keyLimits.recordFailure(req.ip, serviceId);
      } else if (householdId !== undefined && household.id !== householdId) {
        fields[`serviceKeys.${serviceId}`] = 'service_key_mismatch';
      } else {
        householdId = household.id;
        linked.push(serviceId);
      }
    }
    // A username must not match another account's e-mail address either (and the other
    // way round): the login form accepts both.
    if (await store.accounts.findByLogin(body.username, true)) fields.username = 'username_taken';
    if (await store.accounts.findByLogin(body.contact.email, true)) fields['contact.email'] = 'email_taken';
    if (Object.keys(fields).length > 0) {
      const suggestion = fields.username ? await suggestUsername(store, body.username) : undefined;
      throw invalid(fields, suggestion ? { suggestion } : {});
    }

    const now = new Date().toISOString();
    const byEmail = city.activationModes.includes('email');
    const account: AccountRecord = {
      id: randomUUID(),
      username: body.username,
      email: body.contact.email,
      passwordHash: await hashPassword(body.password),
      status: byEmail ? 'pending-email' : 'pending-staff',
      identity: body.identity,
      address: body.address,
      contact: body.contact,
      householdId,
      serviceKeys: linked.map((serviceId) => ({ serviceId, linkedAt: now })),
      mustChangePassword: false,
      createdAt: now,
    };
    try {
      await store.accounts.insert(account);
    } catch (error) {
      // Two sign-ups raced past the checks above: the store's atomic check decides.
      if (!(error instanceof StoreConflictError)) throw error;
      if (error.field === 'username') {
        const suggestion = await suggestUsername(store, body.username);
        throw invalid({ username: 'username_taken' }, suggestion ? { suggestion } : {});
      }
      if (error.field === 'email') throw invalid({ 'contact.email': 'email_taken' });
      throw error;
    }
    // Only now, with the account in: a refused sign-up leaves no file behind. The record
    // names the file once it is written, so it never points at a missing one.
    if (photo) await savePhoto(account.id, photo);
    if (byEmail) {
      try {
        await sendActivationLink(deps, account);
      } catch (error) {
        // The account exists: "send a new link" is the way out, so say created all the same.
        console.error(`[demo-server] activation mail for account ${account.id} failed:`, (error as Error).message);
      }
    }
    const result: SignupResult = { activation: byEmail ? 'email' : 'staff' };
    res.status(201).json(result);
  });

  router.post('/accounts/activation', async (req, res) => {
    // A malformed token gets the same answer as a used one: the page offers a new link.
    const parsed = ActivationRequest.safeParse(req.body);
    if (!parsed.success) throw TOKEN_INVALID();
    const accountId = await consumeMailToken(store, parsed.data.token, 'activation');
    const account = accountId ? await store.accounts.get(accountId) : undefined;
    if (!account || account.status === 'disabled') throw TOKEN_INVALID();
    if (account.status !== 'active') await store.accounts.update(account.id, { status: 'active' });
    res.json({ username: account.username });
  });

  // "Send a new link": 10 asks per address in 10 minutes, and at most 3 mails an hour to
  // one account, so that nobody can flood a mailbox. The answer is always the same 202,
  // sent before the lookup, so neither its content nor its timing tells whether an
  // account exists, is active or is pending.
  const resendPerIp = perIpLimit({ windowMs: 10 * 60_000, limit: 10, message: 'Too many requests for new links from this address' });
  const mailsPerAccount = new MemoryStore();
  mailsPerAccount.init({ windowMs: HOUR_MS } as Parameters<MemoryStore['init']>[0]);

  router.post('/accounts/activation/resend', resendPerIp, (req, res) => {
    const { identifier } = parse(ResendActivationRequest, req.body);
    res.status(202).end();
    void (async () => {
      const account = await store.accounts.findByLogin(identifier, city.caseInsensitiveLogin);
      if (account?.status !== 'pending-email') return;
      const { totalHits } = await mailsPerAccount.increment(account.id);
      if (totalHits > 3) return;
      await sendActivationLink(deps, account);
    })().catch((error: unknown) => {
      console.error('[demo-server] resending an activation link failed:', (error as Error).message);
    });
  });

  return router;
}
