// SPDX-License-Identifier: MIT
/**
 * "Mes données" (issue 6, RGPD): the export holds everything kept about the account and its
 * household (JSON, and a readable HTML page where every value is escaped); closing the
 * account needs the password again, ends every session and erases or anonymises personal
 * data, keeping only what the law requires, each with its reason.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { AccountExport } from '../../src/schemas/account-data.js';
import { Client } from './helpers.js';
import { citizen, startDashboardServer, type DashboardServer } from './dashboard-helpers.js';

describe('dashboard: "Mes données"', () => {
  let server: DashboardServer;
  let marie: Client;
  before(async () => {
    server = await startDashboardServer();
    marie = await citizen(server, 'marie.dupont');
  });
  after(() => server.stop());

  it('exports everything about the account and its household as a JSON download', async () => {
    const res = await marie.call('GET', '/api/v1/account/export');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^application\/json/);
    assert.match(res.headers.get('content-disposition')!, /^attachment; filename="?mes-donnees-\d{4}-\d{2}-\d{2}\.json"?$/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const data = AccountExport.parse(res.json);
    assert.equal(data.account.username, 'marie.dupont');
    assert.equal(data.account.contact.email, 'marie.dupont@example.fr');
    assert.equal(data.account.address?.street, '12 rue des Lilas');
    assert.equal(data.household?.id, 'foyer-dupont');
    assert.equal(data.household?.members.length, 4);
    const lea = data.household?.childRecords.find((c) => c.childId === 'm-lea');
    assert.equal(lea?.record.allergies, 'Arachide et fruits à coque');
    assert.deepEqual(data.household?.childRecords.find((c) => c.childId === 'm-hugo')?.record.missing, ["Attestation d'assurance 2026-2027"]);
    assert.deepEqual(data.requests.map((r) => r.status), ['sent', 'accepted']);
    assert.ok(data.requests.every((r) => r.details), 'requests with what they asked for');
    assert.equal(data.messages.length, 2);
    assert.equal(data.termsAcceptances.length, 1);
    assert.equal(data.sessions.length, 1);
    assert.ok(!res.text.includes('idHash') && !res.text.includes('passwordHash'));
    // The export's own reading of the children's health data is logged, and listed.
    assert.deepEqual(data.healthDataReads.filter((r) => r.purpose === 'export').map((r) => [r.by, r.childId]), [['you', 'm-lea'], ['you', 'm-hugo']]);
  });

  it('exports a readable HTML page, every value escaped', async () => {
    const evil = '<script>alert("x")</script>';
    const set = await marie.call('PATCH', '/api/v1/profile', {
      body: { identity: { civility: 'MME', lastName: 'Dupont', firstNames: evil, birthCommune: '<img src=x onerror=alert(1)>' } },
    });
    assert.equal(set.status, 200);
    await server.staff('messages:send', 'marie.dupont', '--subject', 'a & b <i>c</i>', '--body', "l'été \"chaud\"");
    const res = await marie.call('GET', '/api/v1/account/export?format=html');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/html; charset=utf-8/);
    assert.match(res.headers.get('content-disposition')!, /^attachment; filename="?mes-donnees-[\d-]+\.html"?$/);
    const html = res.text;
    assert.match(html, /^<!doctype html>\n<html lang="fr">/);
    assert.ok(!html.includes('<script') && !html.includes('<img') && !html.includes('<i>'), 'no markup from the data');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.ok(html.includes('a &amp; b &lt;i&gt;c&lt;/i&gt;'));
    assert.ok(html.includes('l&#39;été &quot;chaud&quot;'));
    for (const text of ['Dossier administratif de Léa', 'Arachide et fruits à coque', 'marie.dupont@example.fr', 'Changement d&#39;adresse postale', '<h2>Messages de la ville</h2>']) {
      assert.ok(html.includes(text), text);
    }
    const bad = await marie.call('GET', '/api/v1/account/export?format=pdf');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.json.fields, { format: 'invalid' });
  });

  it('lets a citizen who has not accepted new terms export the data and close the account', async () => {
    await server.staff('accounts:create', '--username', 'refus.cgu', '--email', 'refus.cgu@example.fr', '--civility', 'M',
      '--first-names', 'Rémi', '--last-name', 'Fuse', '--password', 'Tournesol-Violette-8412');
    const client = new Client(server.url);
    await client.logIn('refus.cgu', 'Tournesol-Violette-8412');
    assert.equal((await client.call('GET', '/api/v1/messages')).status, 403);
    const res = await client.call('GET', '/api/v1/account/export');
    assert.equal(res.status, 200);
    assert.equal(res.json.household, null);
    assert.equal((await client.call('DELETE', '/api/v1/account', { body: { password: 'Tournesol-Violette-8412' } })).status, 204);
  });

  it('closing needs the password again; a wrong one changes nothing', async () => {
    for (const [body, fields] of [
      [{}, { password: 'required' }],
      [{ password: 'pas-le-bon-mot-de-passe' }, { password: 'password_wrong' }],
    ] as const) {
      const res = await marie.call('DELETE', '/api/v1/account', { body });
      assert.equal(res.status, 400);
      assert.deepEqual(res.json.fields, fields);
    }
    assert.equal((await marie.call('GET', '/api/v1/household')).status, 200);
    assert.equal((await server.store.accounts.findByLogin('marie.dupont', true))?.status, 'active');
  });

  it('closing revokes every session and erases or anonymises personal data, keeping the legal rest with its reason', async () => {
    const otherTab = await citizen(server, 'marie.dupont');
    const paul = await citizen(server, 'paul.dupont');
    const accountId = (await server.store.accounts.findByLogin('marie.dupont', true))!.id;
    const before = await server.store.requests.listVisibleTo(accountId, undefined);
    const decided = before.filter((r) => r.status === 'accepted' || r.status === 'rejected').map((r) => r.id);
    assert.ok(decided.length > 0 && before.length > decided.length);

    const res = await marie.call('DELETE', '/api/v1/account', { body: { password: DEMO_PASSWORD } });
    assert.equal(res.status, 204);
    assert.match(res.headers.get('set-cookie') ?? '', /citizen_sid=;/);
    // Her username, e-mail address and mobile are gone from the file (her
    // place in the family record stays: that record is the city's, see below).
    const file = await server.dataFile();
    for (const text of ['marie.dupont', '06 12 34 56 78']) assert.ok(!file.includes(text), `"${text}" still in the data file`);
    for (const client of [marie, otherTab]) assert.equal((await client.call('GET', '/api/v1/session')).status, 401);
    assert.equal((await new Client(server.url).logIn('marie.dupont', DEMO_PASSWORD)).status, 401);
    assert.equal((await new Client(server.url).logIn('marie.dupont@example.fr', DEMO_PASSWORD)).status, 401);

    const tombstone = (await server.store.accounts.get(accountId))!;
    assert.equal(tombstone.status, 'disabled');
    assert.equal(tombstone.passwordHash, '');
    assert.equal(tombstone.householdId, undefined);
    assert.equal(tombstone.address, undefined);
    assert.deepEqual(tombstone.closure?.kept.map((k) => k.what).sort(), ['healthAudit', 'household', 'invoices', 'requests', 'termsAcceptances']);
    assert.ok(tombstone.closure?.kept.every((k) => k.reason.length > 20));
    assert.equal((await server.store.sessions.listForAccount(accountId)).length, 0);
    assert.equal((await server.store.messages.listForAccount(accountId)).length, 0);
    const kept = await server.store.requests.listVisibleTo(accountId, undefined);
    assert.deepEqual(kept.map((r) => r.id).sort(), [...decided].sort(), 'pending requests removed, decided ones kept');
    assert.ok(kept.every((r) => /archives publiques/.test(r.retainedReason ?? '')));
    assert.equal((await server.store.termsAcceptances.listForAccount(accountId)).length, 1);

    // The family record is the city's and the other parent's: Paul still sees it.
    assert.equal((await paul.call('GET', '/api/v1/household')).json.members.length, 4);
  });
});
