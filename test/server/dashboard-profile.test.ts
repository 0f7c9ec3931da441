// SPDX-License-Identifier: MIT
/**
 * "Mon espace" (issue 6): identity changed directly; address, phones and e-mail turned into
 * requests the city decides (seed 002, "Coordonnées"), or direct when the city says so;
 * `account.email` following `contact.email`; service keys entered later making the family
 * appear (seed 004); nothing stored changed by a refused change.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_ENFANCE_KEY, DEMO_PASSWORD } from '../../demo-server/seed.js';
import { Profile, ProfileUpdateResult } from '../../src/schemas/profile.js';
import { Client } from './helpers.js';
import { cityFile } from './signup-helpers.js';
import { accountOf, citizen, familylessAccount, startDashboardServer, type DashboardServer } from './dashboard-helpers.js';

const newAddress = { street: '3 place de la Mairie', complement: 'Bâtiment B', postcode: '45000', commune: 'Ville de Démo' };

describe('dashboard: profile changes (seed defaults: coordinates by request)', () => {
  let server: DashboardServer;
  let marie: Client;
  before(async () => {
    server = await startDashboardServer();
    marie = await citizen(server, 'marie.dupont');
  });
  after(() => server.stop());

  it('refuses invalid changes with field codes, and changes nothing', async () => {
    const before = await marie.call('GET', '/api/v1/profile');
    const requests = (await server.store.requests.list()).length;
    const cases: [unknown, Record<string, string>][] = [
      [{ address: { ...newAddress, postcode: '450' } }, { 'address.postcode': 'invalid_postcode' }],
      [{ identity: { civility: 'MME', lastName: '', firstNames: 'Marie' } }, { 'identity.lastName': 'required' }],
      [{ contact: { email: 'pas-une-adresse', mobile: '06 12 34 56 78' } }, { 'contact.email': 'invalid_email' }],
      [{ contact: { email: 'marie.dupont@example.fr', mobile: '12' } }, { 'contact.mobile': 'invalid_phone' }],
      // A valid identity beside an invalid address: the identity is not applied either.
      [{ identity: { civility: 'MME', lastName: 'Durand', firstNames: 'Marie' }, address: { street: '', postcode: '45000', commune: 'X' } }, { 'address.street': 'required' }],
      // An address already used by another account, for the e-mail change.
      [{ contact: { email: 'PAUL.dupont@example.fr' } }, { 'contact.email': 'email_taken' }],
    ];
    for (const [body, fields] of cases) {
      const res = await marie.call('PATCH', '/api/v1/profile', { body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.json.code, 'validation_failed');
      assert.deepEqual(res.json.fields, fields);
    }
    assert.equal((await marie.call('PATCH', '/api/v1/profile', { raw: '{"identity":', contentType: 'application/json' })).status, 400);
    assert.deepEqual((await marie.call('GET', '/api/v1/profile')).json, before.json);
    assert.equal((await server.store.requests.list()).length, requests);
  });

  it('applies an identity change directly', async () => {
    const identity = { civility: 'MME', lastName: 'Dupont', birthName: 'Leroy', firstNames: 'Marie Anne', birthCountry: 'France' };
    const res = await marie.call('PATCH', '/api/v1/profile', { body: { identity } });
    assert.equal(res.status, 200);
    const result = ProfileUpdateResult.parse(res.json);
    assert.deepEqual(result.requestIds, []);
    assert.deepEqual(result.profile.identity, identity);
    assert.deepEqual((await accountOf(server, 'marie.dupont')).identity, identity);
  });

  it('turns address, phones and e-mail changes into requests; the profile keeps the current values', async () => {
    const res = await marie.call('PATCH', '/api/v1/profile', {
      body: { address: newAddress, contact: { email: 'marie.d@example.fr', mobile: '07 00 11 22 33', preferred: 'mobile' } },
    });
    assert.equal(res.status, 200, res.text);
    const { profile, requestIds } = ProfileUpdateResult.parse(res.json);
    assert.equal(requestIds.length, 3);
    assert.equal(profile.address?.street, '12 rue des Lilas');
    assert.equal(profile.contact.email, 'marie.dupont@example.fr');
    assert.equal(profile.contact.mobile, '06 12 34 56 78');
    // The preferred means is the citizen's own choice: applied at once.
    assert.equal(profile.contact.preferred, 'mobile');

    const details = await Promise.all(requestIds.map(async (id) => (await marie.call('GET', `/api/v1/requests/${id}`)).json));
    const byType = Object.fromEntries(details.map((d) => [d.summary, d]));
    assert.deepEqual(Object.keys(byType).sort(), ["Changement d'adresse postale", 'Changement de courriel', 'Changement de téléphones']);
    assert.deepEqual(byType["Changement d'adresse postale"].details, { type: 'address-change', address: newAddress });
    assert.deepEqual(byType['Changement de courriel'].details, { type: 'contact-change', email: 'marie.d@example.fr' });
    assert.deepEqual(byType['Changement de téléphones'].details, { type: 'contact-change', phones: { mobile: '07 00 11 22 33' } });
    for (const d of details) assert.equal(d.status, 'sent');

    // Staff accept the e-mail and the address, refuse the phones.
    const id = (summary: string) => byType[summary].id;
    await server.staff('requests:decide', id('Changement de courriel'), 'accept');
    await server.staff('requests:decide', id("Changement d'adresse postale"), 'accept', '--reason', 'Justificatif reçu');
    await server.staff('requests:decide', id('Changement de téléphones'), 'reject', '--reason', 'Numéro injoignable');
    const after = Profile.parse((await marie.call('GET', '/api/v1/profile')).json);
    assert.deepEqual(after.address, newAddress);
    assert.equal(after.contact.email, 'marie.d@example.fr');
    assert.equal(after.contact.mobile, '06 12 34 56 78', 'a refused change leaves the stored value');
    const account = await accountOf(server, 'marie.d@example.fr');
    assert.equal(account.email, 'marie.d@example.fr', 'the login address follows the contact address');
    assert.equal((await new Client(server.url).logIn('marie.d@example.fr', DEMO_PASSWORD)).status, 200);
    assert.equal((await new Client(server.url).logIn('marie.dupont@example.fr', DEMO_PASSWORD)).status, 401);
    const rejected = (await marie.call('GET', `/api/v1/requests/${id('Changement de téléphones')}`)).json;
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.reason, 'Numéro injoignable');
  });

  it('an e-mail change whose address was taken meanwhile cannot be accepted; staff refuse it', async () => {
    const res = await marie.call('PATCH', '/api/v1/profile', { body: { contact: { email: 'nouvelle@example.fr', mobile: '06 12 34 56 78' } } });
    const [id] = res.json.requestIds;
    await server.staff('accounts:create', '--username', 'autre.personne', '--email', 'nouvelle@example.fr', '--civility', 'M',
      '--first-names', 'Autre', '--last-name', 'Personne', '--generate-password');
    await assert.rejects(server.staff('requests:decide', id, 'accept'), /now used by another account/);
    assert.equal((await server.store.requests.get(id))?.status, 'sent');
    await server.staff('requests:decide', id, 'reject', '--reason', 'Adresse déjà utilisée');
    assert.equal((await accountOf(server, 'marie.dupont')).email, 'marie.d@example.fr');
  });

  it('service keys: a wrong key is an error on its field and changes nothing; the right one makes the family appear', async () => {
    const fresh = await familylessAccount(server);
    assert.equal((await fresh.call('GET', '/api/v1/household')).status, 404);
    const wrong = await fresh.call('POST', '/api/v1/profile/service-keys', { body: { serviceId: 'enfance', key: 'AAAA-BBBB-CCCC' } });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.json.fields, { key: 'service_key_unknown' });
    const invalid: [unknown, Record<string, string>][] = [
      [{ serviceId: 'enfance', key: '   ' }, { key: 'required' }],
      [{ serviceId: 'enfance' }, { key: 'required' }],
      [{ serviceId: 'enfance', key: 'X'.repeat(41) }, { key: 'too_long' }],
      [{ serviceId: 'cantine', key: DEMO_ENFANCE_KEY }, { serviceId: 'service_key_unknown' }],
    ];
    for (const [body, fields] of invalid) {
      const res = await fresh.call('POST', '/api/v1/profile/service-keys', { body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.deepEqual(res.json.fields, fields);
    }
    const unchanged = await accountOf(server, 'nora.petit');
    assert.equal(unchanged.householdId, undefined);
    assert.deepEqual(unchanged.serviceKeys, []);
    assert.equal((await fresh.call('GET', '/api/v1/household')).status, 404);

    // Typed loosely, as on the letter: case, spaces and dashes do not matter.
    const right = await fresh.call('POST', '/api/v1/profile/service-keys', {
      body: { serviceId: 'enfance', key: ` ${DEMO_ENFANCE_KEY.toLowerCase().replace(/-/g, ' ')} ` },
    });
    assert.equal(right.status, 200, right.text);
    const profile = Profile.parse(right.json);
    assert.equal(profile.serviceKeys[0]?.linked, true);
    const household = await fresh.call('GET', '/api/v1/household');
    assert.equal(household.status, 200);
    assert.equal(household.json.id, 'foyer-dupont');
    assert.deepEqual(household.json.members.filter((m: { role: string }) => m.role === 'child').map((m: { firstNames: string }) => m.firstNames), ['Léa', 'Hugo']);
    // Entering it again is harmless.
    assert.equal((await fresh.call('POST', '/api/v1/profile/service-keys', { body: { serviceId: 'enfance', key: DEMO_ENFANCE_KEY } })).status, 200);
    assert.equal((await accountOf(server, 'nora.petit')).serviceKeys.length, 1);
  });
});

describe('dashboard: profile changes when the city applies coordinates directly', () => {
  let server: DashboardServer;
  before(async () => {
    server = await startDashboardServer({ CITY_CONFIG: await cityFile({ profileChangesByRequest: ['address'] }) });
  });
  after(() => server.stop());

  it('applies phones and e-mail at once (login address included), and still asks for the address', async () => {
    const marie = await citizen(server, 'marie.dupont');
    const res = await marie.call('PATCH', '/api/v1/profile', {
      body: { address: newAddress, contact: { email: 'marie.new@example.fr', phone: '02 38 00 00 00' } },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.requestIds.length, 1);
    assert.equal(res.json.profile.contact.email, 'marie.new@example.fr');
    assert.equal(res.json.profile.contact.phone, '02 38 00 00 00');
    assert.equal(res.json.profile.contact.mobile, undefined, 'a phone left out is removed');
    assert.equal(res.json.profile.address.street, '12 rue des Lilas');
    const account = await accountOf(server, 'marie.dupont');
    assert.equal(account.email, 'marie.new@example.fr');
    assert.equal(account.contact.email, 'marie.new@example.fr');
    const taken = await marie.call('PATCH', '/api/v1/profile', { body: { contact: { email: 'paul.dupont@example.fr' } } });
    assert.deepEqual(taken.json.fields, { 'contact.email': 'email_taken' });
  });
});
