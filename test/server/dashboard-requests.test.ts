// SPDX-License-Identifier: MIT
/**
 * "Entourage", "Dossier administratif", "Dernières demandes", news and messages (issue 6):
 * a request is created, staff decide it with the admin commands, and the citizen sees the
 * status, the reason, the history, the member added or the record changed, and a message.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AdminUsageError } from '../../demo-server/admin/commands.js';
import { CitizenRequest } from '../../src/schemas/requests.js';
import { CitizenMessage, NewsItem } from '../../src/schemas/news.js';
import { Client } from './helpers.js';
import { accountOf, citizen, familylessAccount, startDashboardServer, type DashboardServer } from './dashboard-helpers.js';

describe('dashboard: requests, news and messages', () => {
  let server: DashboardServer;
  let marie: Client;
  let paul: Client;
  before(async () => {
    server = await startDashboardServer();
    marie = await citizen(server, 'marie.dupont');
    paul = await citizen(server, 'paul.dupont');
  });
  after(() => server.stop());

  it('shows the seeded requests, newest first, with their history', async () => {
    const res = await marie.call('GET', '/api/v1/requests');
    assert.equal(res.status, 200);
    const list = res.json.map((r: unknown) => CitizenRequest.parse(r));
    assert.deepEqual(list.map((r: CitizenRequest) => r.status), ['sent', 'accepted']);
    assert.deepEqual(list[1].history.map((h: { status: string }) => h.status), ['sent', 'in-progress', 'accepted']);
    assert.equal(list[0].details, undefined, 'the list leaves the details out');
    // The household's request is Paul's to see too; Marie's address change is hers alone.
    const paulsView = (await paul.call('GET', '/api/v1/requests')).json;
    assert.deepEqual(paulsView.map((r: CitizenRequest) => r.summary), ['Ajout de Jeanne DUPONT (contact)']);
    assert.equal(paulsView[0].submittedBy, 'Marie DUPONT');
  });

  it('validates an addition with the shared schema, field by field', async () => {
    const before = (await server.store.requests.list()).length;
    const cases: [unknown, Record<string, string>][] = [
      [{ role: 'child', lastName: 'Dupont' }, { firstNames: 'required' }],
      [{ role: 'cousin', firstNames: 'Max', lastName: 'Dupont' }, { role: 'invalid' }],
      [{ role: 'child', firstNames: 'Max', lastName: 'Dupont', birthDate: '31/12/2025' }, { birthDate: 'invalid_date' }],
      [{ role: 'contact', firstNames: 'Max', lastName: 'D'.repeat(81) }, { lastName: 'too_long' }],
    ];
    for (const [body, fields] of cases) {
      const res = await marie.call('POST', '/api/v1/household/additions', { body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.deepEqual(res.json.fields, fields);
    }
    assert.equal((await server.store.requests.list()).length, before);
  });

  it('an addition: sent → staff accept → the child appears for both parents, with a message', async () => {
    const created = await marie.call('POST', '/api/v1/household/additions', {
      body: { role: 'expected-child', firstNames: 'Jules', lastName: 'Dupont', birthDate: '2027-03-01' },
    });
    assert.equal(created.status, 201, created.text);
    const request = CitizenRequest.parse(created.json);
    assert.equal(request.status, 'sent');
    assert.equal(request.summary, 'Ajout de Jules DUPONT (enfant à naître)');
    assert.equal((await marie.call('GET', '/api/v1/requests')).json[0].id, request.id, 'newest first');

    const pending = await server.staff('requests:list', '--status', 'sent');
    assert.match(pending, new RegExp(`${request.id}\\t\\S+\\tsent\\thousehold-addition\\tmarie\\.dupont\\tAjout de Jules DUPONT`));
    assert.match(await server.staff('requests:show', request.id), /"firstNames": "Jules"/);
    await server.staff('requests:start', request.id, '--note', 'Dossier en cours de vérification');
    assert.equal((await marie.call('GET', `/api/v1/requests/${request.id}`)).json.status, 'in-progress');

    const out = await server.staff('requests:decide', request.id, 'accept');
    assert.match(out, /accepted \("Ajout de Jules DUPONT \(enfant à naître\)"\); marie\.dupont has a message/);
    const seen = CitizenRequest.parse((await marie.call('GET', `/api/v1/requests/${request.id}`)).json);
    assert.equal(seen.status, 'accepted');
    assert.deepEqual(seen.history.map((h) => [h.status, h.note]), [['sent', undefined], ['in-progress', 'Dossier en cours de vérification'], ['accepted', undefined]]);
    assert.ok(seen.details?.type === 'household-addition' && seen.details.memberId);
    for (const parent of [marie, paul]) {
      const members = (await parent.call('GET', '/api/v1/household')).json.members;
      const jules = members.find((m: { firstNames: string }) => m.firstNames === 'Jules');
      assert.deepEqual(jules, { id: (seen.details as { memberId: string }).memberId, role: 'child', firstNames: 'Jules', lastName: 'Dupont', birthDate: '2027-03-01', expected: true });
    }
    const messages = (await marie.call('GET', '/api/v1/messages')).json.map((m: unknown) => CitizenMessage.parse(m));
    assert.equal(messages[0].subject, 'Votre demande « Ajout de Jules DUPONT (enfant à naître) » a été acceptée');
    assert.equal(messages[0].readAt, undefined);

    await assert.rejects(server.staff('requests:decide', request.id, 'reject', '--reason', 'Trop tard'), /already accepted/);
  });

  it('a refusal needs a reason, which the citizen reads; nothing is added', async () => {
    const created = await marie.call('POST', '/api/v1/household/additions', {
      body: { role: 'co-representative', civility: 'M', firstNames: 'Marc', lastName: 'Durand', email: 'marc@example.fr' },
    });
    const { id } = created.json;
    await assert.rejects(server.staff('requests:decide', id, 'reject'), (e: Error) => e instanceof AdminUsageError && /needs --reason/.test(e.message));
    await assert.rejects(server.staff('requests:decide', id, 'maybe'), AdminUsageError);
    await assert.rejects(server.staff('requests:decide', 'no-such-id', 'accept'), /No request no-such-id/);
    await assert.rejects(server.staff('requests:list', '--status', 'lost'), /lost is not one of/);
    await server.staff('requests:decide', id, 'reject', '--reason', 'Merci de joindre le jugement de garde.');
    const seen = (await marie.call('GET', `/api/v1/requests/${id}`)).json;
    assert.equal(seen.status, 'rejected');
    assert.equal(seen.reason, 'Merci de joindre le jugement de garde.');
    assert.ok(!(await marie.call('GET', '/api/v1/household')).json.members.some((m: { firstNames: string }) => m.firstNames === 'Marc'));
    const message = (await marie.call('GET', '/api/v1/messages')).json[0];
    assert.match(message.body, /Motif : Merci de joindre le jugement de garde\./);
  });

  it('two decisions at once: one is taken, the other refused before anything is applied', async () => {
    for (const [first, second] of [['accept', 'reject'], ['accept', 'accept'], ['reject', 'accept']] as const) {
      const created = await marie.call('POST', '/api/v1/household/additions', { body: { role: 'child', firstNames: `Zoé ${first}${second}`, lastName: 'Dupont', birthDate: '2020-05-05' } });
      assert.equal(created.status, 201, created.text);
      const decide = (decision: 'accept' | 'reject') =>
        server.staff('requests:decide', created.json.id, decision, ...(decision === 'reject' ? ['--reason', 'Doublon'] : []));
      const outcomes = await Promise.allSettled([decide(first), decide(second)]);
      assert.deepEqual(outcomes.map((o) => o.status).sort(), ['fulfilled', 'rejected'], `${first} + ${second}`);
      const status = (await marie.call('GET', `/api/v1/requests/${created.json.id}`)).json.status;
      const added = (await marie.call('GET', '/api/v1/household')).json.members.filter((m: { firstNames: string }) => m.firstNames === `Zoé ${first}${second}`);
      assert.equal(added.length, status === 'accepted' ? 1 : 0, `${first} + ${second}: ${status}, ${added.length} added`);
    }
  });

  it('a child-record update: validated, sent, applied on acceptance (the city’s missing list kept)', async () => {
    const invalid = await marie.call('POST', '/api/v1/household/children/m-hugo/record-updates', {
      body: { allergies: 'x'.repeat(501), authorisedPickup: [{ name: '' }], hasPai: 'oui' },
    });
    assert.equal(invalid.status, 400);
    assert.deepEqual(invalid.json.fields, { allergies: 'too_long', hasPai: 'invalid', 'authorisedPickup.0.name': 'required' });
    assert.equal((await marie.call('POST', '/api/v1/household/children/m-marie/record-updates', { body: {} })).status, 404, 'a parent has no child record');

    const record = {
      school: 'École élémentaire Jean Moulin',
      schoolClass: 'CP',
      allergies: 'Lactose',
      hasPai: false,
      doctor: { name: 'Dr Yann Le Goff', phone: '02 38 99 88 77' },
      authorisedPickup: [{ name: 'Jeanne Dupont (grand-mère)', phone: '06 11 22 33 44' }],
      missing: ['ignored: the city keeps this list'],
    };
    const created = await paul.call('POST', '/api/v1/household/children/m-hugo/record-updates', { body: record });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.summary, 'Mise à jour du dossier administratif de Hugo');
    assert.equal((await marie.call('GET', '/api/v1/household/children/m-hugo/record')).json.allergies, undefined, 'not applied before staff accept');
    await server.staff('requests:decide', created.json.id, 'accept');
    const now = (await marie.call('GET', '/api/v1/household/children/m-hugo/record')).json;
    assert.deepEqual(now, { ...record, missing: ["Attestation d'assurance 2026-2027"] });
    const reads = await server.store.healthAudit.listForHouseholds(['foyer-dupont']);
    assert.ok(reads.some((r) => r.actor.kind === 'staff' && r.purpose === 'staff-decision' && r.requestId === created.json.id));
  });

  it('an account without a family asks to add a child; accepting creates its family record with keys', async () => {
    const nora = await familylessAccount(server);
    assert.equal((await nora.call('GET', '/api/v1/household')).status, 404);
    const created = await nora.call('POST', '/api/v1/household/additions', {
      body: { role: 'child', firstNames: 'Inès', lastName: 'Petit', birthDate: '2021-10-05' },
    });
    assert.equal(created.status, 201);
    const out = await server.staff('requests:decide', created.json.id, 'accept');
    assert.match(out, /New household foyer-petit-[0-9a-f]{6} for nora\.petit; service key\(s\)/);
    const key = /Clé Enfance: (\S+)/.exec(out)![1]!;
    const household = (await nora.call('GET', '/api/v1/household')).json;
    assert.deepEqual(household.members.map((m: { role: string; firstNames: string }) => `${m.role}:${m.firstNames}`), ['parent:Nora', 'child:Inès']);
    // The printed key opens that record (for the other parent's account).
    const other = await familylessAccount(server, 'yves.petit');
    const linked = await other.call('POST', '/api/v1/profile/service-keys', { body: { serviceId: 'enfance', key } });
    assert.equal(linked.status, 200);
    assert.equal((await accountOf(server, 'yves.petit')).householdId, household.id);
  });

  it('news: published by staff (validated), listed newest first', async () => {
    await assert.rejects(server.staff('news:publish', '--body', 'Sans titre'), /--title: required/);
    await assert.rejects(server.staff('news:publish', '--title', 'T', '--body', 'B', '--link', 'javascript:alert(1)'), /--link/);
    await assert.rejects(server.staff('news:publish', '--title', 'T'), /--body: required/);
    const out = await server.staff('news:publish', '--title', 'Fête de l’école', '--body', 'Samedi 27 juin, à partir de 14 h.', '--link', 'https://ville.example.fr/fete');
    assert.match(out, /^Published news /);
    const news = (await paul.call('GET', '/api/v1/news')).json.map((n: unknown) => NewsItem.parse(n));
    assert.equal(news.length, 3);
    assert.deepEqual(news[0], { ...news[0], title: 'Fête de l’école', link: 'https://ville.example.fr/fete' });
    assert.ok(news[0].publishedAt >= news[1].publishedAt && news[1].publishedAt >= news[2].publishedAt);
  });

  it('messages: sent by staff to one account, unread until marked read (once)', async () => {
    await assert.rejects(server.staff('messages:send', 'personne', '--subject', 'S', '--body', 'B'), /No account with username personne/);
    await assert.rejects(server.staff('messages:send', 'paul.dupont', '--body', 'B'), /--subject: required/);
    await server.staff('messages:send', 'paul.dupont', '--subject', 'Rendez-vous', '--body', 'Merci de passer au service Enfance.');
    const list = (await paul.call('GET', '/api/v1/messages')).json.map((m: unknown) => CitizenMessage.parse(m));
    // Newest first: the staff's message, then the decision on Paul's record update.
    assert.deepEqual(list.map((m: CitizenMessage) => m.subject), ['Rendez-vous', 'Votre demande « Mise à jour du dossier administratif de Hugo » a été acceptée']);
    assert.equal(list[0].readAt, undefined);
    const read = await paul.call('POST', `/api/v1/messages/${list[0].id}/read`);
    assert.equal(read.status, 204);
    const after = (await paul.call('GET', '/api/v1/messages')).json;
    const readAt = after[0].readAt;
    assert.ok(readAt);
    assert.equal(after[1].readAt, undefined, 'only that message');
    assert.equal((await paul.call('POST', `/api/v1/messages/${list[0].id}/read`)).status, 204);
    assert.equal((await paul.call('GET', '/api/v1/messages')).json[0].readAt, readAt, 'the first reading counts');
    assert.equal((await paul.call('POST', '/api/v1/messages/unknown/read')).status, 404);
    // The seeded unread message of Marie's.
    const maries = (await marie.call('GET', '/api/v1/messages')).json;
    assert.ok(maries.some((m: CitizenMessage) => m.subject === "Dossier de Hugo : attestation d'assurance" && m.readAt === undefined));
  });
});
