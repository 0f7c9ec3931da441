// SPDX-License-Identifier: MIT
/**
 * "Mon espace": the citizen's profile (journey J7). Family data, so it needs the current
 * terms accepted. `PATCH /profile` applies identity changes at once and turns the changes
 * the city keeps under its control (`profileChangesByRequest`: address, phones, e-mail by
 * default, seed 002's "Coordonnées") into requests; `POST /profile/service-keys` links the
 * account to its family record ("SERVICE CLÉ – ENFANCE", seed 004).
 */
import { isDeepStrictEqual } from 'node:util';
import { Router } from 'express';
import type { CityConfig } from '../../src/schemas/city-config.js';
import { Profile, ProfileUpdate, ServiceKeySubmission, type ProfileUpdateResult } from '../../src/schemas/profile.js';
import type { Contact } from '../../src/schemas/account.js';
import type { PhoneChange } from '../../src/schemas/requests.js';
import type { FieldCipher } from '../auth/field-cipher.js';
import type { Sessions } from '../auth/sessions.js';
import { householdForKey, ServiceKeyLimits } from '../auth/service-keys.js';
import { createRequest, type RequestDraft } from '../family/requests.js';
import { ApiError, parse } from '../http/api-error.js';
import { StoreConflictError, type AccountRecord, type Store } from '../store/types.js';
import { requireSession } from './session.js';
import { requireTermsAccepted } from './terms.js';

/** The Profile payload of an account: identity, address, contact, and the city's service keys. */
export function profilePayload(account: AccountRecord, city: CityConfig): Profile {
  return Profile.parse({
    username: account.username,
    identity: account.identity,
    ...(account.address ? { address: account.address } : {}),
    contact: account.contact,
    serviceKeys: city.serviceKeys.map(({ id }) => {
      const link = account.serviceKeys.find((key) => key.serviceId === id);
      return link ? { serviceId: id, linked: true, linkedAt: link.linkedAt } : { serviceId: id, linked: false };
    }),
  });
}

const fieldError = (field: string, code: string, message: string) =>
  new ApiError(400, 'validation_failed', message, { fields: { [field]: code } });

const PHONES = ['phone', 'mobile', 'fax'] as const;
const same = (a: string | undefined, b: string | undefined) => (a ?? '') === (b ?? '');

export interface ProfileRoutesDeps {
  sessions: Sessions;
  city: CityConfig;
  store: Store;
  /** Seals the health data of requests (not used by the profile's own changes). */
  cipher: FieldCipher;
}

export function profileRoutes(deps: ProfileRoutesDeps): Router {
  const { sessions, city, store, cipher } = deps;
  const router = Router();
  // Wrong keys here count apart from those tried at sign-up (routes/accounts.ts has its own).
  const keyLimits = new ServiceKeyLimits();

  router.get('/profile', requireSession(sessions), requireTermsAccepted, (_req, res) => {
    res.json(profilePayload(res.locals.session!.account, city));
  });

  router.patch('/profile', requireSession(sessions), requireTermsAccepted, async (req, res) => {
    // Everything is checked before anything is written: a refused change leaves all as it was.
    const update = parse(ProfileUpdate, req.body);
    const account = (await store.accounts.get(res.locals.session!.account.id))!;
    const byRequest = new Set(city.profileChangesByRequest);
    const patch: Partial<AccountRecord> = {};
    const drafts: RequestDraft[] = [];

    if (update.identity && !isDeepStrictEqual(update.identity, account.identity)) patch.identity = update.identity;
    if (update.address && !isDeepStrictEqual(update.address, account.address)) {
      if (byRequest.has('address')) drafts.push({ type: 'address-change', address: update.address });
      else patch.address = update.address;
    }
    if (update.contact) {
      const wanted = update.contact;
      const contact: Contact = { ...account.contact, preferred: wanted.preferred };
      if (PHONES.some((field) => !same(wanted[field], account.contact[field]))) {
        const phones: PhoneChange = {};
        for (const field of PHONES) if (wanted[field] !== undefined) phones[field] = wanted[field];
        if (byRequest.has('phones')) drafts.push({ type: 'contact-change', phones });
        else for (const field of PHONES) contact[field] = wanted[field];
      }
      if (wanted.email !== account.contact.email) {
        const holder = await store.accounts.findByLogin(wanted.email, true);
        if (holder && holder.id !== account.id) {
          throw fieldError('contact.email', 'email_taken', 'That e-mail address is already used by another account');
        }
        if (byRequest.has('email')) drafts.push({ type: 'contact-change', email: wanted.email });
        else {
          // The login address and the contact address are one: they change together.
          contact.email = wanted.email;
          patch.email = wanted.email;
        }
      }
      for (const field of PHONES) if (contact[field] === undefined) delete contact[field];
      if (!isDeepStrictEqual(contact, account.contact)) patch.contact = contact;
    }

    let updated = account;
    if (Object.keys(patch).length > 0) {
      try {
        updated = await store.accounts.update(account.id, patch);
      } catch (error) {
        if (error instanceof StoreConflictError && error.field === 'email') {
          throw fieldError('contact.email', 'email_taken', 'That e-mail address is already used by another account');
        }
        throw error;
      }
    }
    const requestIds: string[] = [];
    for (const draft of drafts) requestIds.push((await createRequest(store, cipher, updated, draft)).id);
    const result: ProfileUpdateResult = { profile: profilePayload(updated, city), requestIds };
    res.json(result);
  });

  router.post('/profile/service-keys', requireSession(sessions), requireTermsAccepted, async (req, res) => {
    const { serviceId, key } = parse(ServiceKeySubmission, req.body);
    if (!city.serviceKeys.some((service) => service.id === serviceId)) {
      throw fieldError('serviceId', 'service_key_unknown', `The city has no service ${serviceId}`);
    }
    const wait = await keyLimits.retryAfter(req.ip, [serviceId]);
    if (wait > 0) throw new ApiError(429, 'too_many_attempts', `Too many wrong service keys; retry in ${wait} s`, { retryAfter: wait });
    const account = (await store.accounts.get(res.locals.session!.account.id))!;
    const household = await householdForKey(store, serviceId, key);
    if (!household) {
      await keyLimits.recordFailure(req.ip, serviceId);
      throw fieldError('key', 'service_key_unknown', 'No family record has this key');
    }
    // One family per account: a key of another family is refused, and nothing changes.
    if (account.householdId !== undefined && account.householdId !== household.id) {
      throw fieldError('key', 'service_key_mismatch', 'This key opens another family record than the one the account is linked to');
    }
    const linkedAt = new Date().toISOString();
    const serviceKeys = account.serviceKeys.some((link) => link.serviceId === serviceId)
      ? account.serviceKeys
      : [...account.serviceKeys, { serviceId, linkedAt }];
    const updated = await store.accounts.update(account.id, { householdId: household.id, serviceKeys });
    res.json(profilePayload(updated, city));
  });

  return router;
}
