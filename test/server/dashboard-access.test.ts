// SPDX-License-Identifier: MIT
/**
 * The dashboard's access rule (issue 6), endpoint by endpoint: a family reaches only its own
 * household and an account only its own data. Another family's ids, even guessed right,
 * answer 404 like unknown ones (never 403, which would confirm them), and change nothing.
 * Every route also needs a session and the current terms (except "Mes données", see
 * dashboard-account-data.test.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { Client } from './helpers.js';
import { accountOf, citizen, martinFamily, startDashboardServer, type DashboardServer } from './dashboard-helpers.js';

describe('dashboard: one family cannot reach another family’s data', () => {
  let server: DashboardServer;
  let marie: Client;
  let paul: Client;
  let martin: Awaited<ReturnType<typeof martinFamily>>;
  let marieRequestId: string;
  let marieMessageId: string;

  before(async () => {
    server = await startDashboardServer();
    marie = await citizen(server, 'marie.dupont');
    paul = await citizen(server, 'paul.dupont');
    martin = await martinFamily(server);
    const update = await marie.call('POST', '/api/v1/household/children/m-lea/record-updates', {
      body: { school: 'École élémentaire Jean Moulin', schoolClass: 'CM1', allergies: 'Kiwi', hasPai: true },
    });
    assert.equal(update.status, 201, update.text);
    marieRequestId = update.json.id;
    marieMessageId = (await marie.call('GET', '/api/v1/messages')).json[0].id;
  });
  after(() => server.stop());

  it('needs a session and the current terms on every route', async () => {
    const routes: [string, string][] = [
      ['PATCH', '/api/v1/profile'],
      ['POST', '/api/v1/profile/service-keys'],
      ['GET', '/api/v1/household'],
      ['GET', '/api/v1/household/children/m-lea/record'],
      ['POST', '/api/v1/household/children/m-lea/record-updates'],
      ['POST', '/api/v1/household/additions'],
      ['GET', '/api/v1/requests'],
      ['GET', `/api/v1/requests/${marieRequestId}`],
      ['GET', '/api/v1/news'],
      ['GET', '/api/v1/messages'],
      ['POST', `/api/v1/messages/${marieMessageId}/read`],
      ['GET', '/api/v1/account/export'],
      ['DELETE', '/api/v1/account'],
    ];
    const anonymous = new Client(server.url);
    // A fresh login that has not accepted the terms yet (Paul's acceptance is his own).
    await server.staff('accounts:create', '--username', 'sans.cgu', '--email', 'sans.cgu@example.fr', '--civility', 'M',
      '--first-names', 'Sam', '--last-name', 'Cgu', '--password', 'Tournesol-Violette-8412', '--household', 'foyer-dupont');
    const noTerms = new Client(server.url);
    assert.equal((await noTerms.logIn('sans.cgu', 'Tournesol-Violette-8412')).status, 200);
    for (const [method, path] of routes) {
      const options = method === 'GET' ? {} : { body: {} };
      const res = await anonymous.call(method, path, options);
      assert.equal(res.status, 401, `${method} ${path} without a session`);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      if (path.startsWith('/api/v1/account')) continue;
      const refused = await noTerms.call(method, path, options);
      assert.equal(refused.status, 403, `${method} ${path} before the terms`);
      assert.equal(refused.json.code, 'terms_not_accepted');
    }
  });

  it('GET /household gives each family its own record, the same one to both Dupont parents (seed 003)', async () => {
    const dupont = await marie.call('GET', '/api/v1/household');
    const dupont2 = await paul.call('GET', '/api/v1/household');
    const martins = await martin.client.call('GET', '/api/v1/household');
    assert.equal(dupont.json.id, 'foyer-dupont');
    assert.deepEqual(dupont2.json, dupont.json);
    assert.equal(martins.json.id, 'foyer-martin');
    assert.ok(!JSON.stringify(martins.json).includes('Léa'));
    assert.equal(dupont.headers.get('cache-control'), 'no-store');
  });

  it('GET …/children/:id/record: another family’s child, a parent or an unknown id → 404', async () => {
    for (const id of ['m-lea', 'm-hugo', 'm-marie', 'nope', '..%2Fm-lea']) {
      const res = await martin.client.call('GET', `/api/v1/household/children/${id}/record`);
      assert.equal(res.status, 404, id);
      assert.equal(res.json.code, 'not_found');
      assert.ok(!res.text.includes('Arachide'));
    }
    // The Dupont parents do not reach the Martins' child either, whose id is guessable (m-2).
    assert.equal((await marie.call('GET', `/api/v1/household/children/${martin.childId}/record`)).status, 404);
    assert.equal((await martin.client.call('GET', `/api/v1/household/children/${martin.childId}/record`)).status, 200);
    assert.equal((await paul.call('GET', '/api/v1/household/children/m-lea/record')).json.allergies, 'Arachide et fruits à coque');
  });

  it('POST …/children/:id/record-updates on another family’s child → 404 and no request', async () => {
    const before = (await server.store.requests.list()).length;
    const res = await martin.client.call('POST', '/api/v1/household/children/m-lea/record-updates', { body: { allergies: 'Rien' } });
    assert.equal(res.status, 404);
    // Even with an invalid body: the answer does not tell the id exists.
    const invalid = await martin.client.call('POST', '/api/v1/household/children/m-lea/record-updates', { body: { allergies: 42 } });
    assert.equal(invalid.status, 404);
    assert.equal((await server.store.requests.list()).length, before);
  });

  it('POST /household/additions lands in the asking family only', async () => {
    const res = await martin.client.call('POST', '/api/v1/household/additions', {
      body: { role: 'child', firstNames: 'Zoé', lastName: 'Martin', birthDate: '2024-02-01' },
    });
    assert.equal(res.status, 201);
    const stored = await server.store.requests.get(res.json.id);
    assert.equal(stored?.householdId, 'foyer-martin');
    assert.ok(!(await marie.call('GET', '/api/v1/requests')).json.some((r: { id: string }) => r.id === res.json.id));
  });

  it('GET /requests lists the family’s requests only; GET /requests/:id of another family → 404', async () => {
    const mine = await martin.client.call('GET', '/api/v1/requests');
    assert.ok(!mine.json.some((r: { id: string }) => r.id === marieRequestId));
    const guessed = await martin.client.call('GET', `/api/v1/requests/${marieRequestId}`);
    assert.equal(guessed.status, 404);
    assert.ok(!guessed.text.includes('Kiwi'));
    assert.equal((await martin.client.call('GET', '/api/v1/requests/00000000-0000-4000-8000-000000000000')).status, 404);
    // The other Dupont parent sees the family's request, and who made it.
    const shared = await paul.call('GET', `/api/v1/requests/${marieRequestId}`);
    assert.equal(shared.status, 200);
    assert.equal(shared.json.submittedBy, 'Marie DUPONT');
    assert.equal(shared.json.details.record.allergies, 'Kiwi');
  });

  it('profile changes of a parent stay that parent’s: the other parent and other families do not see them', async () => {
    const res = await marie.call('PATCH', '/api/v1/profile', {
      body: { address: { street: '3 place de la Mairie', postcode: '45000', commune: 'Ville de Démo' } },
    });
    assert.equal(res.status, 200);
    const [id] = res.json.requestIds;
    assert.equal((await paul.call('GET', `/api/v1/requests/${id}`)).status, 404);
    assert.equal((await martin.client.call('GET', `/api/v1/requests/${id}`)).status, 404);
  });

  it('GET /messages and POST /messages/:id/read: another account’s message → 404, still unread', async () => {
    assert.ok(!(await martin.client.call('GET', '/api/v1/messages')).json.some((m: { id: string }) => m.id === marieMessageId));
    for (const client of [martin.client, paul]) {
      const res = await client.call('POST', `/api/v1/messages/${marieMessageId}/read`);
      assert.equal(res.status, 404);
    }
    const message = (await marie.call('GET', '/api/v1/messages')).json.find((m: { id: string }) => m.id === marieMessageId);
    assert.equal(message.readAt, undefined);
  });

  it('POST /profile/service-keys with another family’s key: refused, the account stays with its family', async () => {
    const { DEMO_ENFANCE_KEY } = await import('../../demo-server/seed.js');
    const res = await martin.client.call('POST', '/api/v1/profile/service-keys', { body: { serviceId: 'enfance', key: DEMO_ENFANCE_KEY } });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json.fields, { key: 'service_key_mismatch' });
    assert.equal((await accountOf(server, 'lucie.martin')).householdId, 'foyer-martin');
    assert.equal((await martin.client.call('GET', '/api/v1/household')).json.id, 'foyer-martin');
  });

  it('GET /account/export holds the family’s own data only', async () => {
    const res = await martin.client.call('GET', '/api/v1/account/export');
    assert.equal(res.status, 200);
    for (const other of ['Dupont', 'DUPONT', 'Léa', 'Arachide', 'Kiwi', marieRequestId, marieMessageId]) {
      assert.ok(!res.text.includes(other), `export of the Martins holds ${other}`);
    }
    assert.equal(res.json.household.id, 'foyer-martin');
  });

  it('DELETE /account closes only the logged-in account, with its own password', async () => {
    const res = await martin.client.call('DELETE', '/api/v1/account', { body: { password: DEMO_PASSWORD } });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json.fields, { password: 'password_wrong' });
    assert.equal((await accountOf(server, 'marie.dupont')).status, 'active');
    assert.equal((await accountOf(server, 'lucie.martin')).status, 'active');
    assert.equal((await marie.call('GET', '/api/v1/household')).status, 200);
  });
});
