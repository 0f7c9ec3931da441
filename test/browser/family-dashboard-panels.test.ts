// SPDX-License-Identifier: MIT
/** The dashboard's panels, each alone on the page as a webmaster may use it, with a fake adapter. */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/elements/family-dashboard/panels/dashboard-header.js';
import '../../src/elements/family-dashboard/panels/profile-panel.js';
import '../../src/elements/family-dashboard/panels/service-keys-panel.js';
import '../../src/elements/family-dashboard/panels/household-panel.js';
import '../../src/elements/family-dashboard/panels/entourage-panel.js';
import '../../src/elements/family-dashboard/panels/requests-panel.js';
import '../../src/elements/family-dashboard/panels/news-panel.js';
import '../../src/elements/family-dashboard/panels/my-data-panel.js';
import type { CitizenMyDataPanel } from '../../src/elements/family-dashboard/panels/my-data-panel.js';
import { CitizenError } from '../../src/core/errors.js';
import { mockProfile } from '../../src/mocks/dashboard.js';
import type { StoredDocument } from '../../src/schemas/documents.js';
import { ageOn } from '../../src/elements/family-dashboard/format.js';
import { a11yNode, deepQuery, deepText, FakeDashboardBackend, focusedName, getControl, settle, waitForText } from './dashboard-helpers.js';
import { getByRole, press, queryAllByRole, typeInto } from './helpers.js';

let fake: FakeDashboardBackend;

async function mount<T extends HTMLElement>(template: TemplateResult): Promise<T> {
  const el = await fixture<T>(template);
  await waitUntil(() => !deepQuery(el, '.loading[aria-busy]'), 'the panel settled', { timeout: 3000 });
  return el;
}

const errorSummary = (el: Element) => deepQuery(el, '.citizen-feedback:not([hidden])');

/** Clears a field and types `text` into it (real key events). */
async function retype(input: HTMLInputElement, text: string) {
  input.focus();
  input.select();
  await press('Backspace');
  if (text) await typeInto(input, text);
}

beforeEach(() => {
  fake = new FakeDashboardBackend();
});

describe('<citizen-dashboard-header>', () => {
  it('asks the adapter for the session when used alone, and greets', async () => {
    const el = await mount(html`<citizen-dashboard-header .backend=${fake.adapter}></citizen-dashboard-header>`);
    await waitForText(el, 'Bonjour Madame Marie DUPONT');
    expect(await a11yNode('heading', 'Bonjour Madame Marie DUPONT')).to.include({ level: 2 });
    expect(deepText(el)).to.include('Dernière connexion le 14/03/2026 à 17:42');
    await expect(el).to.be.accessible();
  });

  it('says "Ceci est votre première connexion." without a previous login', async () => {
    const { previousLoginAt: _none, ...first } = fake.session!;
    fake.session = first;
    const el = await mount(html`<citizen-dashboard-header .backend=${fake.adapter}></citizen-dashboard-header>`);
    await waitForText(el, 'Ceci est votre première connexion.');
  });
});

describe('<citizen-profile-panel>', () => {
  const panel = () => mount(html`<citizen-profile-panel .backend=${fake.adapter}></citizen-profile-panel>`);

  it('shows identity, address, contact means and login details under their headings', async () => {
    const el = await panel();
    expect(await a11yNode('heading', 'Mon profil')).to.include({ level: 2 });
    for (const part of ['Identité', 'Adresse', 'Moyens de contact', 'Identifiants']) {
      expect(await a11yNode('heading', part), part).to.include({ level: 3 });
    }
    const text = deepText(el);
    for (const value of ['DUPONT', '14/03/1986', '12 rue des Lilas', '45000', '06 12 34 56 78', 'marie.dupont@example.fr', 'marie.dupont']) {
      expect(text).to.include(value);
    }
    getByRole(el, 'button', 'Modifier les identifiants de mon espace personnel');
    await expect(el).to.be.accessible();
  });

  it('shows "Chargement…", then the error with "Réessayer", which loads again', async () => {
    fake.hangs.add('getProfile');
    const el = await fixture(html`<citizen-profile-panel .backend=${fake.adapter}></citizen-profile-panel>`);
    await waitForText(el, 'Chargement…');
    await expect(el).to.be.accessible();
    fake.hangs.delete('getProfile');
    fake.fail('getProfile', 'server_error');
    const failing = await panel();
    await waitForText(failing, "Votre profil n'a pas pu être chargé.");
    expect(deepQuery(failing, '[role="alert"]')).to.exist;
    await expect(failing).to.be.accessible();
    fake.failures.delete('getProfile');
    getByRole(failing, 'button', 'Réessayer').click();
    await waitForText(failing, '12 rue des Lilas');
  });

  it('edits the identity at once: error summary first, then saved, focus back on the button', async () => {
    const el = await panel();
    getByRole(el, 'button', "Modifier l'identité").click();
    await waitUntil(() => focusedName() === "Modifier l'identité", 'focus on the form heading');
    await retype(getControl(el, 'Nom usuel'), '');
    await press('Enter');
    await waitUntil(() => errorSummary(el), 'the error summary');
    await waitUntil(() => focusedName().startsWith('Le formulaire contient des erreurs'), 'the summary has focus');
    const link = getByRole(el, 'link', 'Renseignez le champ « Nom usuel »');
    expect(getControl(el, 'Nom usuel').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    link.click();
    await waitUntil(() => focusedName() === 'Nom usuel', 'the link leads to the field');

    await typeInto(getControl(el, 'Nom usuel'), 'Martin');
    const updated = oneEvent(el, 'citizen-profile-updated');
    getByRole(el, 'button', 'Enregistrer').click();
    const { detail } = await updated;
    expect(detail.requestIds).to.deep.equal([]);
    expect(fake.updates[0]!.identity!.lastName).to.equal('Martin');
    await waitForText(el, 'Vos modifications ont été enregistrées.');
    await waitUntil(() => focusedName() === "Modifier l'identité", 'focus back on the button');
    expect(deepText(el)).to.include('MARTIN');
  });

  it('an address change becomes a request to the city, shown as pending', async () => {
    const el = await panel();
    getByRole(el, 'button', "Modifier l'adresse").click();
    await waitForText(el, "Un changement d'adresse est une demande");
    await retype(getControl(el, /Code postal/), '4500');
    await press('Enter');
    await waitForText(el, 'Saisissez un code postal à 5 chiffres');
    await retype(getControl(el, /Code postal/), '45100');
    await retype(getControl(el, /Numéro et voie/), '3 place de la Mairie');
    const sent = oneEvent(el, 'citizen-request-sent');
    await press('Enter');
    const { detail } = await sent;
    expect(detail.request).to.include({ type: 'address-change', status: 'sent' });
    await waitForText(el, 'Votre demande a été transmise aux services municipaux.');
    await waitForText(el, 'En attente de validation : Changement d’adresse : 3 place de la Mairie (demande du');
    // The address itself changes once the city accepts.
    expect(deepText(el)).to.include('12 rue des Lilas');
    await expect(el).to.be.accessible();
  });

  it('"Annuler" closes the form and gives focus back to its button', async () => {
    const el = await panel();
    getByRole(el, 'button', 'Modifier les moyens de contact').click();
    await waitUntil(() => queryAllByRole(el, 'button', 'Annuler').length === 1);
    getByRole(el, 'button', 'Annuler').click();
    await waitUntil(() => focusedName() === 'Modifier les moyens de contact');
  });

  it('"Modifier les identifiants…" opens the password change, focused on its heading', async () => {
    const el = await panel();
    getByRole(el, 'button', 'Modifier les identifiants de mon espace personnel').click();
    await waitUntil(() => focusedName() === 'Modifier mon mot de passe', 'the password change heading');
    getByRole(el, 'button', 'Annuler').click();
    await waitUntil(() => focusedName() === 'Modifier les identifiants de mon espace personnel');
  });
});

describe('<citizen-service-keys-panel>', () => {
  it('explains the keys as the seeds do and shows a validated key', async () => {
    const el = await mount(html`<citizen-service-keys-panel .backend=${fake.adapter}></citizen-service-keys-panel>`);
    await waitForText(el, 'Service clé – Enfance');
    expect(deepText(el)).to.include("Vous avez la possibilité de saisir les clés d'accès à différents services");
    expect(deepText(el)).to.include('Clé Enfance validée le 10/01/2026');
    expect(queryAllByRole(el, 'textbox')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says how long to wait after too many wrong keys', async () => {
    fake.profile = mockProfile(false);
    fake.failures.set('submitServiceKey', new CitizenError('too_many_attempts', { retryAfter: 600, status: 429 }));
    const el = await mount(html`<citizen-service-keys-panel .backend=${fake.adapter}></citizen-service-keys-panel>`);
    await typeInto(getControl(el, 'Clé Enfance'), 'AAAA');
    await press('Enter');
    await waitForText(el, 'Trop de tentatives : réessayez dans 10 minute(s).');
    await expect(el).to.be.accessible();
  });
});

describe('<citizen-household-panel>', () => {
  const panel = () => mount(html`<citizen-household-panel .backend=${fake.adapter}></citizen-household-panel>`);

  it('shows one card per member, children with first name, age and their actions', async () => {
    const el = await panel();
    await waitForText(el, 'Léa');
    const text = deepText(el);
    expect(text).to.include('Madame Marie DUPONT');
    expect(text).to.include('Monsieur Paul DUPONT');
    expect(text).to.include('Co-représentant');
    expect(text).to.include(`Enfant · ${ageOn('2017-04-12')!.years} ans`);
    expect(await a11yNode('heading', 'Hugo')).to.include({ level: 3 });
    expect(queryAllByRole(el, 'button', 'Dossier administratif')).to.have.length(2);
    expect(queryAllByRole(el, 'button', 'Annuler ou réserver')).to.have.length(2);
    for (const action of ['Signaler une absence', 'Consultation des tarifs', 'Ajouter à mon agenda']) {
      expect(queryAllByRole(el, 'button', action), action).to.have.length(2);
    }
    // This fake has no listCityActivities / requestEnrolment: no dead "Inscrire" button.
    expect(queryAllByRole(el, 'button', 'Inscrire')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says what to do when no family record is linked', async () => {
    fake.household = null;
    const el = await panel();
    await waitForText(el, "Aucun dossier famille n'est relié à votre espace.");
    await expect(el).to.be.accessible();
  });

  it('shows the error with "Réessayer"', async () => {
    fake.fail('getHousehold', 'server_error');
    const el = await panel();
    await waitForText(el, "Votre famille n'a pas pu être chargée.");
    await expect(el).to.be.accessible();
  });

  it('opens a child\'s record focused on its heading, and closes it back to the button', async () => {
    const el = await panel();
    const [lea] = queryAllByRole(el, 'button', 'Dossier administratif');
    lea!.click();
    await waitUntil(() => focusedName() === 'Dossier administratif de Léa DUPONT', 'focus on the record');
    await waitForText(el, 'Arachide');
    expect(lea!.getAttribute('aria-expanded')).to.equal('true');
    const text = deepText(el);
    for (const value of ['École élémentaire Jean-Jaurès', 'CE2', 'Oui', 'Dr Claire Martin — 01 23 45 67 89', 'Jeanne Dupont (grand-mère)', 'Le dossier est complet.']) {
      expect(text).to.include(value);
    }
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Fermer le dossier').click();
    await waitUntil(() => focusedName() === 'Dossier administratif', 'focus back on the button');
    expect(lea!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('lists the documents still missing, and shows a record that fails to load', async () => {
    const el = await panel();
    queryAllByRole(el, 'button', 'Dossier administratif')[1]!.click();
    await waitForText(el, 'Attestation d’assurance scolaire 2026-2027');
    expect(deepText(el)).to.include('Pièces à fournir à la mairie');
    fake.fail('getChildRecord', 'server_error');
    getByRole(el, 'button', 'Fermer le dossier').click();
    await settle();
    queryAllByRole(el, 'button', 'Dossier administratif')[0]!.click();
    await waitForText(el, "Le dossier n'a pas pu être chargé.");
  });

  it('asks for a record update as a request, checking each authorised person', async () => {
    const el = await panel();
    queryAllByRole(el, 'button', 'Dossier administratif')[0]!.click();
    await waitForText(el, 'Arachide');
    getByRole(el, 'button', 'Demander une mise à jour du dossier').click();
    await waitUntil(() => focusedName() === 'Mise à jour du dossier de Léa DUPONT');
    await retype(getControl(el, 'Allergies'), 'Arachide, kiwi');
    getByRole(el, 'button', 'Ajouter une personne').click();
    await waitUntil(() => focusedName() === 'Nom de la personne 2', 'focus in the new row');
    await typeInto(getControl(el, 'Téléphone de la personne 2'), '06 00 00 00 00');
    getByRole(el, 'button', 'Envoyer la demande').click();
    await waitForText(el, 'Saisissez le nom de la personne 2');
    await expect(el).to.be.accessible();
    await typeInto(getControl(el, 'Nom de la personne 2'), 'Paul Martin');
    const sent = oneEvent(el, 'citizen-request-sent');
    getByRole(el, 'button', 'Envoyer la demande').click();
    expect((await sent).detail.request.type).to.equal('child-record-update');
    const update = fake.recordUpdates[0]!;
    expect(update.childId).to.equal('m-lea');
    expect(update.record.allergies).to.equal('Arachide, kiwi');
    expect(update.record.authorisedPickup.map((p) => p.name)).to.deep.equal(['Jeanne Dupont (grand-mère)', 'Paul Martin']);
    await waitUntil(() => focusedName().startsWith('Votre demande a été transmise aux services municipaux.'), 'the confirmation has focus');
  });
});

describe('<citizen-entourage-panel>', () => {
  const panel = () => mount(html`<citizen-entourage-panel .backend=${fake.adapter}></citizen-entourage-panel>`);

  it('offers "Ajouter à mon entourage Enfance" and says when nothing is pending', async () => {
    const el = await panel();
    await waitForText(el, 'Aucune demande en attente.');
    getByRole(el, 'button', 'Ajouter à mon entourage Enfance');
    await expect(el).to.be.accessible();
  });

  it('asks who to add, then the fields that person needs, and sends the request (shown pending)', async () => {
    const el = await panel();
    getByRole(el, 'button', 'Ajouter à mon entourage Enfance').click();
    await waitUntil(() => focusedName() === 'Ajouter à mon entourage Enfance' && queryAllByRole(el, 'radio').length === 4);
    getByRole(el, 'button', 'Envoyer la demande').click();
    await waitForText(el, 'Choisissez qui vous souhaitez ajouter');
    getByRole(el, 'radio', 'Un enfant à naître').click();
    await waitUntil(() => queryAllByRole(el, 'textbox').length === 2, 'the fields of a child');
    await typeInto(getControl(el, /Nom usuel/), 'Dupont');
    await typeInto(getControl(el, /Prénom\(s\)/), 'Camille');
    getByRole(el, 'button', 'Envoyer la demande').click();
    await waitForText(el, 'Renseignez le champ « Date de naissance prévue »');
    await expect(el).to.be.accessible();
    const date = getControl(el, /Date de naissance prévue/);
    date.value = '2001-01-01';
    date.dispatchEvent(new Event('input', { bubbles: true }));
    getByRole(el, 'button', 'Envoyer la demande').click();
    await waitForText(el, 'La date de naissance prévue doit être à venir');
    const next = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    date.value = next;
    date.dispatchEvent(new Event('input', { bubbles: true }));
    const sent = oneEvent(el, 'citizen-request-sent');
    getByRole(el, 'button', 'Envoyer la demande').click();
    expect((await sent).detail.request.type).to.equal('household-addition');
    expect(fake.additions[0]).to.deep.include({ role: 'expected-child', firstNames: 'Camille', lastName: 'Dupont', birthDate: next });
    await waitUntil(() => focusedName().startsWith('Votre demande a été transmise'), 'the confirmation has focus');
    await waitForText(el, 'Ajout de Camille DUPONT');
    expect(deepText(el)).to.include('Envoyée');
    await expect(el).to.be.accessible();
  });

  it('attaches justificatifs from the secure storage "en un clic", and says a refused one on the picker', async () => {
    const stored: StoredDocument = { id: 'doc-1', name: 'Acte de naissance.pdf', type: 'application/pdf', sizeBytes: 48_000, uploadedAt: '2026-11-02T10:00:00Z' };
    Object.assign(fake, { listDocuments: () => Promise.resolve([stored]) });
    const el = await panel();
    getByRole(el, 'button', 'Ajouter à mon entourage Enfance').click();
    await waitUntil(() => queryAllByRole(el, 'radio').length === 4);
    getByRole(el, 'radio', 'Un enfant né').click();
    await waitUntil(() => queryAllByRole(el, 'checkbox', /Acte de naissance\.pdf/).length === 1, 'the stored documents offered');
    expect(deepText(el)).to.include('Justificatifs (facultatif)');
    await typeInto(getControl(el, /Nom usuel/), 'Dupont');
    await typeInto(getControl(el, /Prénom\(s\)/), 'Jeanne');
    const date = getControl(el, /Date de naissance/);
    date.value = '2026-10-01';
    date.dispatchEvent(new Event('input', { bubbles: true }));
    getByRole(el, 'checkbox', /Acte de naissance\.pdf/).click();
    await expect(el).to.be.accessible();

    // The document was deleted meanwhile: the server's refusal lands on the picker, nothing typed is lost.
    fake.fail('requestHouseholdAddition', 'validation_failed', { 'attachmentIds.0': 'unknown_document' });
    getByRole(el, 'button', 'Envoyer la demande').click();
    await waitForText(el, 'Ce document n’est plus dans votre espace de stockage');
    expect(getControl(el, /Prénom\(s\)/).value).to.equal('Jeanne');
    fake.failures.delete('requestHouseholdAddition');

    const sent = oneEvent(el, 'citizen-request-sent');
    getByRole(el, 'button', 'Envoyer la demande').click();
    await sent;
    expect(fake.additions.at(-1)).to.deep.include({ role: 'child', firstNames: 'Jeanne', attachmentIds: ['doc-1'] });
  });
});

describe('<citizen-requests-panel>', () => {
  const panel = () => mount(html`<citizen-requests-panel .backend=${fake.adapter}></citizen-requests-panel>`);

  it('lists requests newest first with type, date, status, the refusal reason and the history', async () => {
    const el = await panel();
    const titles = queryAllByRole(el, 'heading').map((h) => h.textContent!.trim()).slice(1);
    expect(titles[0]).to.equal('Mise à jour du dossier administratif de Hugo DUPONT');
    expect(titles.at(-1)).to.equal('Changement de téléphone mobile');
    const text = deepText(el);
    for (const word of ['Envoyée', 'En cours', 'Refusée', 'Acceptée', "Changement d'adresse", 'Demande du 02/10/2026']) expect(text).to.include(word);
    expect(text).to.include('Motif du refus : Merci de joindre une pièce d’identité du contact');
    const history = queryAllByRole(el, 'button', 'Voir le détail')[3]!;
    history.click();
    await waitUntil(() => history.getAttribute('aria-expanded') === 'true');
    await waitForText(el, 'Le 03/10/2026 à 11:00 : En cours — Pris en charge par le service Population');
    await expect(el).to.be.accessible();
  });

  it('shows the empty, loading and error states', async () => {
    fake.requests = [];
    const empty = await panel();
    await waitForText(empty, "Vous n'avez fait aucune demande pour l'instant.");
    await expect(empty).to.be.accessible();
    fake.hangs.add('listRequests');
    const loading = await fixture(html`<citizen-requests-panel .backend=${fake.adapter}></citizen-requests-panel>`);
    await waitForText(loading, 'Chargement…');
    fake.hangs.delete('listRequests');
    fake.fail('listRequests', 'network_error');
    const failing = await panel();
    await waitForText(failing, "Vos demandes n'ont pas pu être chargées.");
    expect(deepText(failing)).to.include('Le service est injoignable.');
    await expect(failing).to.be.accessible();
  });

  it('adds a request sent from another panel at once', async () => {
    const el = await panel();
    const request = { id: 'req-new', type: 'household-addition', summary: 'Ajout de Camille DUPONT (enfant à naître)', createdAt: '2026-11-24T10:00:00Z', status: 'sent', history: [] } as const;
    document.body.dispatchEvent(new CustomEvent('citizen-request-sent', { detail: { request }, bubbles: true, composed: true }));
    await waitForText(el, 'Ajout de Camille DUPONT (enfant à naître)');
  });
});

describe('<citizen-news-panel>', () => {
  const panel = () => mount(html`<citizen-news-panel .backend=${fake.adapter}></citizen-news-panel>`);

  it('shows the news (title, date, text, link) and the messages with the unread count', async () => {
    const el = await panel();
    expect(await a11yNode('heading', 'Actualités')).to.include({ level: 3 });
    expect(await a11yNode('heading', 'Inscriptions aux vacances de Noël')).to.include({ level: 4 });
    const text = deepText(el);
    expect(text).to.include('Publiée le 15/11/2026');
    expect(text).to.include('1 message non lu.');
    expect(text).to.include('Reçu le 18/11/2026 à 14:05');
    const link = getByRole(el, 'link', 'En savoir plus – Inscriptions aux vacances de Noël');
    expect(link.getAttribute('href')).to.equal('https://www.example.fr/vacances-noel');
    await expect(el).to.be.accessible();
  });

  it('marks a message as read: focus on its subject, count updated and announced, event fired', async () => {
    const el = await panel();
    const read = oneEvent(el, 'citizen-message-read');
    getByRole(el, 'button', 'Marquer comme lu').click();
    expect((await read).detail).to.deep.equal({ messageId: 'msg-2', unreadCount: 0 });
    await waitForText(el, 'Tous vos messages sont lus.');
    await waitUntil(() => focusedName() === 'Pièce manquante au dossier de Hugo', 'focus on the subject');
    await waitUntil(() => deepQuery(el, '.status')!.textContent === 'Message marqué comme lu. Tous vos messages sont lus.');
    expect(queryAllByRole(el, 'button', 'Marquer comme lu')).to.have.length(0);
  });

  it('keeps the messages when the news fail, and shows empty lists as such', async () => {
    fake.fail('listNews', 'server_error');
    const el = await panel();
    await waitForText(el, "Les actualités n'ont pas pu être chargées.");
    expect(deepText(el)).to.include('1 message non lu.');
    fake.failures.delete('listNews');
    fake.news = [];
    fake.messages = [];
    const empty = await panel();
    await waitForText(empty, 'Aucune actualité pour le moment.');
    expect(deepText(empty)).to.include("Vous n'avez reçu aucun message.");
    await expect(empty).to.be.accessible();
  });

  it('never renders a link that is not a web address', async () => {
    fake.news = [{ id: 'n', title: 'Piège', publishedAt: '2026-11-01T08:00:00Z', body: 'Texte', link: 'javascript:alert(1)' }];
    const el = await panel();
    await waitForText(el, 'Piège');
    expect(queryAllByRole(el, 'link')).to.have.length(0);
  });
});

describe('<citizen-my-data-panel>', () => {
  it('downloads the data, readable or JSON', async () => {
    const el = await mount<CitizenMyDataPanel>(html`<citizen-my-data-panel .backend=${fake.adapter}></citizen-my-data-panel>`);
    const saved: string[] = [];
    (el as unknown as { save(blob: Blob, name: string): void }).save = (_blob, name) => saved.push(name);
    getByRole(el, 'button', 'Télécharger le fichier de données (JSON)').click();
    await waitForText(el, 'Le fichier a été téléchargé.');
    expect(fake.calls).to.deep.equal(['exportAccount json']);
    expect(saved[0]).to.match(/^mes-donnees-\d{4}-\d{2}-\d{2}\.json$/);
    await expect(el).to.be.accessible();
  });

  it('closes the account only after the warning, the box ticked and the right password', async () => {
    const el = await mount(html`<citizen-my-data-panel .backend=${fake.adapter}></citizen-my-data-panel>`);
    expect(deepText(el)).to.include('Attention : la fermeture de votre espace est définitive.');
    getByRole(el, 'button', 'Fermer mon espace…').click();
    await waitUntil(() => focusedName() === 'Confirmer la fermeture de mon espace');
    getByRole(el, 'button', 'Fermer définitivement mon espace').click();
    await waitForText(el, 'Saisissez votre mot de passe actuel');
    expect(deepText(el)).to.include('Cochez la case pour confirmer');
    await expect(el).to.be.accessible();
    await typeInto(getControl(el, /Mot de passe actuel/), 'faux');
    getByRole(el, 'checkbox', 'Je comprends que la fermeture de mon espace est définitive').click();
    getByRole(el, 'button', 'Fermer définitivement mon espace').click();
    await waitForText(el, "Ce n'est pas votre mot de passe actuel");
    await retype(getControl(el, /Mot de passe actuel/), 'Famille-Demo-2026');
    const closed = oneEvent(el, 'citizen-account-closed');
    getByRole(el, 'button', 'Fermer définitivement mon espace').click();
    await closed;
    await waitForText(el, 'Votre espace a été fermé et vous avez été déconnecté.');
    expect(fake.closings).to.have.length(1);
  });
});

describe('panels in English', () => {
  it('speak English with lang="en"', async () => {
    const el = await mount(html`<citizen-household-panel lang="en" .backend=${fake.adapter}></citizen-household-panel>`);
    await waitForText(el, 'Administrative record');
    expect(deepText(el)).to.include('Co-representative');
    expect(deepText(el)).to.match(/Child · \d+ years old/);
    await expect(el).to.be.accessible();
  });
});
