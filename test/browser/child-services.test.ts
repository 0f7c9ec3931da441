// SPDX-License-Identifier: MIT
/**
 * A child card's other actions — "Signaler une absence", "Inscrire", "Consultation des
 * tarifs", "Ajouter à mon agenda" — and the document picker: alone and from "Ma famille",
 * with a fake adapter and through RestBackend + MSW.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/elements/family-dashboard/panels/household-panel.js';
import '../../src/elements/family-dashboard/panels/absence-form.js';
import '../../src/elements/family-dashboard/panels/enrolment-form.js';
import '../../src/elements/family-dashboard/panels/tariffs-panel.js';
import '../../src/elements/family-dashboard/panels/calendar-feed.js';
import '../../src/elements/family-dashboard/panels/document-picker.js';
import type { CitizenDocumentPicker } from '../../src/elements/family-dashboard/panels/document-picker.js';
import type { CitizenHouseholdPanel } from '../../src/elements/family-dashboard/panels/household-panel.js';
import { CitizenError } from '../../src/core/errors.js';
import { RestBackend } from '../../src/core/rest-backend.js';
import { MockAgenda, mockActivities } from '../../src/mocks/activities.js';
import { startMockApi, useMockScenario, worker } from '../../src/mocks/browser.js';
import { createChildServicesHandlers, mockCityActivities, mockTariffs } from '../../src/mocks/child-services.js';
import { mockHousehold } from '../../src/mocks/dashboard.js';
import { createDocumentsHandlers, mockDocuments } from '../../src/mocks/documents.js';
import type { AbsenceReport, Activity, CalendarFeedStatus, EnrolmentRequest } from '../../src/schemas/activities.js';
import type { StoredDocument } from '../../src/schemas/documents.js';
import type { HouseholdMember } from '../../src/schemas/household.js';
import type { CitizenRequest } from '../../src/schemas/requests.js';
import { deepQuery, deepText, FakeDashboardBackend, focusedName, getControl, waitForText } from './dashboard-helpers.js';
import { accessibleName, getByRole, queryAllByRole, within } from './helpers.js';

/** The dashboard's fake with the child actions' part of the contract, on the mocks' data. */
class FakeChildServicesBackend extends FakeDashboardBackend {
  documents: StoredDocument[] = mockDocuments();
  readonly absences: AbsenceReport[] = [];
  readonly enrolments: { childId: string; request: EnrolmentRequest }[] = [];
  readonly uploads: string[] = [];
  feed: CalendarFeedStatus = { active: false };
  readonly revoked: string[] = [];
  absenceFailure?: CitizenError;

  listActivities(childId: string) {
    this.calls.push(`listActivities ${childId}`);
    const activities: Activity[] = mockActivities().map((a) => ({ ...a, enrolment: { from: '2026-09-01', to: '2027-07-02' } }));
    return Promise.resolve(activities);
  }
  listCityActivities() {
    return Promise.resolve(mockCityActivities());
  }
  getTariffs(activityId: string) {
    return Promise.resolve(mockTariffs(activityId));
  }
  listDocuments() {
    return Promise.resolve(structuredClone(this.documents));
  }
  uploadDocument(file: Blob, name: string) {
    this.uploads.push(name);
    const stored: StoredDocument = { id: 'doc-new', name, type: file.type, sizeBytes: file.size, uploadedAt: '2026-11-23T10:00:00Z' };
    this.documents.push(stored);
    return Promise.resolve(stored);
  }
  #request(type: CitizenRequest['type'], summary: string): CitizenRequest {
    const at = '2026-11-23T09:30:00Z';
    return { id: 'req-900', type, summary, createdAt: at, status: 'sent', history: [{ at, status: 'sent' }] };
  }
  reportAbsence(report: AbsenceReport) {
    this.absences.push(structuredClone(report));
    const failure = this.absenceFailure;
    this.absenceFailure = undefined;
    if (failure) return Promise.reject(failure);
    return Promise.resolve(this.#request('absence', `Absence de Léa du ${report.from} au ${report.to} (maladie)`));
  }
  requestEnrolment(childId: string, request: EnrolmentRequest) {
    this.enrolments.push({ childId, request: structuredClone(request) });
    return Promise.resolve(this.#request('activity-enrolment', 'Inscription de Léa : Accueil du matin'));
  }
  getCalendarFeedUrl(childId: string) {
    this.feed = { active: true, createdAt: '2026-11-23T10:00:00Z' };
    return Promise.resolve(`https://mairie.example/api/v1/calendar/${childId}-secret.ics`);
  }
  getCalendarFeedStatus() {
    return Promise.resolve(structuredClone(this.feed));
  }
  revokeCalendarFeed(childId: string) {
    this.revoked.push(childId);
    this.feed = { active: false };
    return Promise.resolve();
  }
}

let fake: FakeChildServicesBackend;
const lea = () => mockHousehold().members.find((m) => m.id === 'm-lea') as HouseholdMember;
const loaded = (el: Element) => waitUntil(() => !deepQuery(el, '[aria-busy="true"]'), 'loaded', { timeout: 3000 });

/** Sets a date field as the browser's date picker would, and waits for the render. */
async function setDate(el: Element, label: string, value: string) {
  const input = getControl(el, label);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await (el as LitElement).updateComplete;
}

/** Fieldsets (role group) named by their legend; the shared helpers know no implicit group role. */
const groups = (root: Element, legend: RegExp) =>
  [...within(root)].filter((e) => e.localName === 'fieldset' && legend.test(e.querySelector('legend')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
/** Tables by caption, and their header cells by scope (columnheader / rowheader). */
const tables = (root: Element) => [...within(root)].filter((e): e is HTMLTableElement => e instanceof HTMLTableElement);
const tableNamed = (root: Element, caption: string) => {
  const found = tables(root).filter((t) => t.caption?.textContent?.trim() === caption);
  if (found.length !== 1) throw new Error(`Expected one table captioned ${caption}, found ${found.length}`);
  return found[0]!;
};
const headers = (table: HTMLTableElement, scope: 'col' | 'row') => [...table.querySelectorAll(`th[scope="${scope}"]`)];

function chooseFile(input: HTMLInputElement, file: File) {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

beforeEach(() => {
  fake = new FakeChildServicesBackend();
});

describe("a child's card in \"Ma famille\"", () => {
  it('offers the actions in the seeds\' order, opens each under the cards with focus on its heading, and closing returns focus', async () => {
    const el = await fixture(html`<citizen-household-panel .backend=${fake.adapter}></citizen-household-panel>`);
    await waitUntil(() => queryAllByRole(el, 'button', 'Inscrire').length === 2, 'one per child', { timeout: 3000 });
    const card = getByRole(el, 'heading', 'Léa').closest('li')!;
    expect(queryAllByRole(card, 'button').map(accessibleName)).to.deep.equal([
      'Dossier administratif',
      'Annuler ou réserver',
      'Signaler une absence',
      'Inscrire',
      'Consultation des tarifs',
      'Ajouter à mon agenda',
    ]);
    const tools: [string, string, string][] = [
      ['Signaler une absence', 'Signaler une absence — Léa', 'Fermer le signalement'],
      ['Inscrire', 'Inscrire Léa à une activité', 'Fermer l’inscription'],
      ['Consultation des tarifs', 'Consultation des tarifs — Léa', 'Fermer les tarifs'],
      ['Ajouter à mon agenda', 'Ajouter à mon agenda — Léa', 'Fermer « Ajouter à mon agenda »'],
    ];
    for (const [trigger, heading, close] of tools) {
      const button = getByRole(card, 'button', trigger);
      button.click();
      await waitUntil(() => focusedName() === heading, `${heading} focused`, { timeout: 3000 });
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(getByRole(el, 'region', heading)).to.exist;
      // One action open at a time.
      expect(queryAllByRole(el, 'button', /^Fermer/)).to.have.length(1);
      await loaded(el);
      await expect(el).to.be.accessible();
      getByRole(el, 'button', close).click();
      await waitUntil(() => focusedName() === trigger, `focus back on ${trigger}`);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    }
  });

  it('keeps an open action and what was typed in it when "Ma famille" asks for the family again', async () => {
    const el = await fixture<CitizenHouseholdPanel>(html`<citizen-household-panel .backend=${fake.adapter}></citizen-household-panel>`);
    await waitUntil(() => queryAllByRole(el, 'button', 'Signaler une absence').length === 2, 'loaded', { timeout: 3000 });
    queryAllByRole(el, 'button', 'Signaler une absence')[0]!.click();
    await waitUntil(() => queryAllByRole(el, 'radio', 'Maladie').length === 1, 'the form', { timeout: 3000 });
    const form = getByRole(el, 'region', 'Signaler une absence — Léa');
    await setDate(form, 'Du', '2026-12-03');
    let answer!: () => void;
    const original = fake.getHousehold.bind(fake);
    fake.getHousehold = () => new Promise((resolve) => (answer = () => resolve(original())));
    // Reopening the section refreshes it: the family is asked again.
    el.refresh();
    await el.updateComplete;
    expect(getControl(el, 'Du').value, 'kept while the family loads again').to.equal('2026-12-03');
    answer();
    await waitUntil(() => getControl(el, 'Du').value === '2026-12-03' && !deepQuery(el, '[aria-busy="true"]'), 'kept after');
    expect(getByRole(el, 'region', 'Signaler une absence — Léa')).to.equal(form);
  });

  it('hides "Inscrire" when the adapter cannot enrol', async () => {
    const limited = new FakeChildServicesBackend() as Partial<FakeChildServicesBackend>;
    Object.defineProperty(limited, 'requestEnrolment', { value: undefined });
    const el = await fixture(html`<citizen-household-panel .backend=${(limited as FakeChildServicesBackend).adapter}></citizen-household-panel>`);
    await waitUntil(() => queryAllByRole(el, 'button', 'Signaler une absence').length === 2, 'loaded', { timeout: 3000 });
    expect(queryAllByRole(el, 'button', 'Inscrire')).to.have.length(0);
  });
});

describe('<citizen-absence-form>', () => {
  const mount = async (lang = 'fr') => {
    const el = await fixture(html`<citizen-absence-form lang=${lang} .backend=${fake.adapter} .child=${lea()}></citizen-absence-form>`);
    await loaded(el);
    return el;
  };

  it('says what is missing or wrong on each field and in a focused summary, keeping what was typed', async () => {
    const el = await mount();
    getControl(el, 'Commentaire (facultatif)').value = 'Fièvre';
    getControl(el, 'Commentaire (facultatif)').dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    getByRole(el, 'button', 'Envoyer le signalement').click();
    await waitForText(el, 'Le formulaire contient des erreurs');
    expect(deepText(el)).to.include('Indiquez le premier jour d’absence');
    expect(deepText(el)).to.include('Choisissez le motif de l’absence');
    expect(focusedName()).to.include('Le formulaire contient des erreurs');
    expect(getControl(el, 'Commentaire (facultatif)').value).to.equal('Fièvre');
    await expect(el).to.be.accessible();

    await setDate(el, 'Du', '2026-12-01');
    await setDate(el, 'Au', '2027-03-15');
    getByRole(el, 'radio', 'Autre motif').click();
    getByRole(el, 'button', 'Envoyer le signalement').click();
    await waitForText(el, 'Un signalement couvre 93 jours au plus');
    await setDate(el, 'Au', '2026-11-30');
    getByRole(el, 'button', 'Envoyer le signalement').click();
    await waitForText(el, 'La date de fin doit être le même jour que la date de début ou après');
    expect(fake.absences).to.have.length(0);
    expect(getControl(el, 'Commentaire (facultatif)').value).to.equal('Fièvre');
  });

  it('"Au" follows "Du"; sends the certificate chosen from the stored documents, then focuses and announces the notice', async () => {
    const el = await mount();
    const sent: CustomEvent[] = [];
    el.addEventListener('citizen-request-sent', (e) => sent.push(e as CustomEvent));
    await setDate(el, 'Du', '2026-11-30');
    expect(getControl(el, 'Au').value).to.equal('2026-11-30');
    getByRole(el, 'radio', 'Maladie').click();
    await waitUntil(() => groups(el, /^Certificat médical/).length === 1, 'the picker shows');
    await waitUntil(() => queryAllByRole(el, 'radio', /Attestation d’assurance/).length === 1, 'the documents listed', { timeout: 3000 });
    expect(getByRole(el, 'radio', 'Aucun document').matches(':checked')).to.equal(true);
    expect(deepText(el)).to.include('Joignez le certificat médical : sans lui, les jours d’absence peuvent vous être facturés.');
    expect(accessibleName(getByRole(el, 'radio', /Carnet de vaccination/))).to.equal('Carnet de vaccination Léa.jpg JPEG, ajouté le 14/10/2026');
    getByRole(el, 'radio', /Carnet de vaccination/).click();
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Envoyer le signalement').click();
    await waitForText(el, "Votre signalement d'absence a été envoyé à la mairie.");
    expect(fake.absences).to.deep.equal([{ childId: 'm-lea', from: '2026-11-30', to: '2026-11-30', reason: 'illness', certificateId: 'doc-2' }]);
    expect(focusedName()).to.include('Les jours concernés apparaissent comme « absence signalée » dans l\'agenda.');
    expect(deepText(el)).to.include('Démarche : Absence de Léa du 2026-11-30 au 2026-11-30 (maladie)');
    expect(deepQuery(el, '[role="status"]')!.textContent, 'read once, by focus').not.to.include("Votre signalement d'absence a été envoyé");
    expect(sent).to.have.length(1);
    expect(sent[0]!.detail.request.id).to.equal('req-900');
    expect(sent[0]!.composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('uploads a new certificate, which is chosen at once and sent; the server\'s refusal lands on the picker', async () => {
    const el = await mount();
    await setDate(el, 'Du', '2026-11-30');
    await setDate(el, 'Au', '2026-12-01');
    getByRole(el, 'radio', 'Maladie').click();
    await waitUntil(() => queryAllByRole(el, 'radio', /Attestation d’assurance/).length === 1, 'the documents listed', { timeout: 3000 });
    const input = getControl(el, 'Ajouter un nouveau document');
    chooseFile(input, new File(['gif'], 'photo.gif', { type: 'image/gif' }));
    await waitForText(el, 'Ce type de fichier n’est pas accepté');
    expect(fake.uploads).to.have.length(0);
    chooseFile(input, new File([new Uint8Array(2048)], 'Certificat Léa.pdf', { type: 'application/pdf' }));
    await waitUntil(() => queryAllByRole(el, 'radio', /^Certificat Léa\.pdf/).length === 1, 'the new document listed', { timeout: 3000 });
    expect(getByRole(el, 'radio', /^Certificat Léa\.pdf/).matches(':checked')).to.equal(true);
    await waitForText(el, '« Certificat Léa.pdf » a été ajouté à votre espace de stockage et choisi.');

    fake.absenceFailure = new CitizenError('validation_failed', { status: 400, fields: { certificateId: 'unknown_document' } });
    getByRole(el, 'button', 'Envoyer le signalement').click();
    await waitForText(el, 'Ce document n’est plus dans votre espace de stockage : choisissez-en un autre');
    expect(fake.absences[0]).to.include({ certificateId: 'doc-new', from: '2026-11-30', to: '2026-12-01' });
    expect(getControl(el, 'Au').value).to.equal('2026-12-01');
    await expect(el).to.be.accessible();
    // The summary's link leads to the picker's chosen document.
    getByRole(el, 'link', 'Ce document n’est plus dans votre espace de stockage : choisissez-en un autre').click();
    expect(focusedName()).to.match(/^Certificat Léa\.pdf/);
  });

  it('speaks English', async () => {
    const el = await mount('en');
    expect(getByRole(el, 'button', 'Send the report')).to.exist;
    expect(queryAllByRole(el, 'radio').map(accessibleName)).to.deep.equal(['Illness', 'Other reason']);
  });
});

describe('<citizen-document-picker>', () => {
  it('offers checkboxes without "Aucun document" when several may be chosen, and tells the choice', async () => {
    const el = await fixture<CitizenDocumentPicker>(
      html`<citizen-document-picker multiple legend="Justificatifs" .backend=${fake.adapter}></citizen-document-picker>`,
    );
    await waitUntil(() => queryAllByRole(el, 'checkbox').length === 2, 'listed', { timeout: 3000 });
    expect(groups(el, /^Justificatifs$/)).to.have.length(1);
    const chosen: string[][] = [];
    el.addEventListener('citizen-documents-chosen', (e) => chosen.push(e.detail.documentIds));
    getByRole(el, 'checkbox', /^Attestation/).click();
    getByRole(el, 'checkbox', /^Carnet/).click();
    getByRole(el, 'checkbox', /^Attestation/).click();
    expect(chosen).to.deep.equal([['doc-1'], ['doc-1', 'doc-2'], ['doc-2']]);
    expect(el.value).to.deep.equal(['doc-2']);
    await expect(el).to.be.accessible();
  });
});

describe('<citizen-tariffs-panel>', () => {
  it("shows each activity's grid as a table, the family's bracket said and marked in words", async () => {
    const el = await fixture(html`<citizen-tariffs-panel .backend=${fake.adapter} .child=${lea()}></citizen-tariffs-panel>`);
    await waitUntil(() => tables(el).length === 3, 'three tables', { timeout: 3000 });
    const table = tableNamed(el, 'Restauration scolaire');
    expect(headers(table, 'col').map(accessibleName)).to.deep.equal(['Tranche (quotient familial)', 'Prix par jour']);
    const marked = headers(table, 'row').filter((th) => accessibleName(th).includes('Votre tranche'));
    expect(marked.map(accessibleName)).to.deep.equal(['Tranche C (QF de 751 à 1 100 €) Votre tranche']);
    expect(deepText(marked[0]!.closest('tr')!)).to.equal('Tranche C (QF de 751 à 1 100 €) Votre tranche 3,60 €');
    expect(headers(table, 'row')).to.have.length(5);
    expect(deepText(el)).to.include(
      'Votre famille est en « Tranche C (QF de 751 à 1 100 €) ». La tranche dépend de votre quotient familial, celui qu’indique votre attestation de la CAF.',
    );
    expect(queryAllByRole(el, 'button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});

describe('<citizen-enrolment-form>', () => {
  it('lists the city\'s activities, says which the child is in, prefills the period and sends the request', async () => {
    const el = await fixture(html`<citizen-enrolment-form today="2026-11-23" .backend=${fake.adapter} .child=${lea()}></citizen-enrolment-form>`);
    await waitUntil(() => queryAllByRole(el, 'combobox', /Activité/).length === 1, 'loaded', { timeout: 3000 });
    const select = getByRole(el, 'combobox', /Activité/) as unknown as HTMLSelectElement;
    const options = [...select.options].map((o) => o.textContent!.trim());
    expect(options).to.include('Restauration scolaire — déjà inscrit(e) jusqu’au 02/07/2027');
    expect(options).to.include('Accueil du matin');
    expect(getControl(el, 'Du').value).to.equal('2026-11-30');
    expect(getControl(el, 'Au').value).to.equal('2027-07-02');
    const sent: CustomEvent[] = [];
    el.addEventListener('citizen-request-sent', (e) => sent.push(e as CustomEvent));

    getByRole(el, 'button', 'Envoyer la demande d’inscription').click();
    await waitForText(el, 'Choisissez une activité');
    expect(fake.enrolments).to.have.length(0);
    await expect(el).to.be.accessible();

    select.value = 'matin';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    getByRole(el, 'button', 'Envoyer la demande d’inscription').click();
    await waitForText(el, "Votre demande d'inscription a été envoyée à la mairie. Vous suivrez sa réponse dans « Dernières demandes ».");
    expect(fake.enrolments).to.deep.equal([{ childId: 'm-lea', request: { activityId: 'matin', from: '2026-11-30', to: '2027-07-02' } }]);
    expect(focusedName()).to.include("Votre demande d'inscription a été envoyée");
    expect(sent).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});

describe('<citizen-calendar-feed>', () => {
  it('never turns an address that is not a web address into a link', async () => {
    fake.getCalendarFeedUrl = () => Promise.resolve('javascript:alert(document.cookie)');
    const el = await fixture(html`<citizen-calendar-feed .backend=${fake.adapter} .child=${lea()}></citizen-calendar-feed>`);
    await waitForText(el, "Aucun lien n'est actif pour le moment.");
    getByRole(el, 'button', 'Créer mon lien d’abonnement').click();
    await waitUntil(() => queryAllByRole(el, 'button', 'Copier le lien').length === 1, 'created', { timeout: 3000 });
    expect(queryAllByRole(el, 'link', 'Ouvrir dans mon agenda')).to.have.length(0);
  });

  it('creates the link, shows it once with copy and webcal, then revokes it after a confirmation', async () => {
    const el = await fixture(html`<citizen-calendar-feed .backend=${fake.adapter} .child=${lea()}></citizen-calendar-feed>`);
    await waitForText(el, "Aucun lien n'est actif pour le moment.");
    expect(queryAllByRole(el, 'button', 'Révoquer le lien')).to.have.length(0);
    getByRole(el, 'button', 'Créer mon lien d’abonnement').click();
    await waitUntil(() => focusedName().startsWith('Votre lien d’abonnement est prêt.'), 'the notice focused', { timeout: 3000 });
    const url = getControl(el, 'Lien d’abonnement');
    expect(url.readOnly).to.equal(true);
    expect(url.value).to.equal('https://mairie.example/api/v1/calendar/m-lea-secret.ics');
    expect(getByRole(el, 'link', 'Ouvrir dans mon agenda').getAttribute('href')).to.equal('webcal://mairie.example/api/v1/calendar/m-lea-secret.ics');
    expect(deepText(el)).to.include('Ce lien est personnel : toute personne qui le connaît voit les réservations de Léa.');
    expect(deepText(el)).to.match(/Un lien est actif depuis le \d+ novembre 2026\./);
    expect(getByRole(el, 'button', 'Créer un nouveau lien')).to.exist;
    await expect(el).to.be.accessible();

    getByRole(el, 'button', 'Copier le lien').click();
    await waitUntil(() => /Lien copié|n’a pas pu être copié/.test(deepQuery(el, '[role="status"]')!.textContent ?? ''), 'the copy announced');

    const revoke = getByRole(el, 'button', 'Révoquer le lien');
    revoke.click();
    await waitUntil(() => focusedName().startsWith('Révoquer le lien ?'), 'the confirmation focused');
    expect(revoke.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Oui, révoquer').click();
    await waitForText(el, "Aucun lien n'est actif pour le moment.");
    expect(fake.revoked).to.deep.equal(['m-lea']);
    expect(queryAllByRole(el, 'textbox', 'Lien d’abonnement')).to.have.length(0);
    expect(deepQuery(el, '[role="status"]')!.textContent).to.include('Le lien a été révoqué : il ne fonctionne plus.');
    expect(focusedName()).to.equal('Créer mon lien d’abonnement');
  });
});

describe('the child actions with RestBackend and the mock API', () => {
  before(() => startMockApi());

  it('reports an absence with a certificate uploaded through the picker, and enrols', async () => {
    useMockScenario({ scenario: 'loggedIn', terms: { state: 'accepted' } });
    const documents = mockDocuments();
    const agendas = new Map([['m-lea', new MockAgenda()]]);
    worker.use(...createDocumentsHandlers('/api/v1', documents), ...createChildServicesHandlers('/api/v1', { documents: () => documents, agendas }));
    const posts: { url: string; body: unknown }[] = [];
    const backend = new RestBackend('/api', {
      fetch: async (input, init) => {
        if (init?.method === 'POST' && typeof init.body === 'string') posts.push({ url: String(input), body: JSON.parse(init.body) });
        return fetch(input, init);
      },
    });
    const el = await fixture(html`<citizen-absence-form .backend=${backend} .child=${lea()}></citizen-absence-form>`);
    await setDate(el, 'Du', '2026-12-03');
    getByRole(el, 'radio', 'Maladie').click();
    await waitUntil(() => queryAllByRole(el, 'radio', /Attestation d’assurance/).length === 1, 'listed', { timeout: 3000 });
    chooseFile(getControl(el, 'Ajouter un nouveau document'), new File([new Uint8Array(1024)], 'Certificat.pdf', { type: 'application/pdf' }));
    await waitUntil(() => queryAllByRole(el, 'radio', /^Certificat\.pdf/).length === 1, 'uploaded', { timeout: 3000 });
    getByRole(el, 'button', 'Envoyer le signalement').click();
    await waitForText(el, 'Démarche : Absence de Léa du 03/12/2026 au 03/12/2026 (maladie)');
    const stored = documents.find((d) => d.name === 'Certificat.pdf')!;
    expect(posts.find((p) => p.url === '/api/v1/absences')?.body).to.deep.equal({
      childId: 'm-lea',
      from: '2026-12-03',
      to: '2026-12-03',
      reason: 'illness',
      certificateId: stored.id,
    });
    expect(agendas.get('m-lea')!.day(mockActivities()[0]!, '2026-12-03')?.state).to.equal('absent');

    const enrol = await fixture(html`<citizen-enrolment-form today="2026-11-23" .backend=${backend} .child=${lea()}></citizen-enrolment-form>`);
    await waitUntil(() => queryAllByRole(enrol, 'combobox', /Activité/).length === 1, 'loaded', { timeout: 3000 });
    const select = getByRole(enrol, 'combobox', /Activité/) as unknown as HTMLSelectElement;
    select.value = 'vacances';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    getByRole(enrol, 'button', 'Envoyer la demande d’inscription').click();
    await waitForText(enrol, 'Démarche : Inscription de Léa : Vacances au centre de loisirs du 30/11/2026 au 02/07/2027');
    expect(posts.find((p) => p.url === '/api/v1/children/m-lea/enrolments')?.body).to.deep.equal({ activityId: 'vacances', from: '2026-11-30', to: '2027-07-02' });
  });

  it('with the composed mocks, a reported absence shows in the agenda and in the requests, as on the server', async () => {
    useMockScenario({ scenario: 'loggedIn', terms: { state: 'accepted' } });
    const backend = new RestBackend('/api');
    const el = await fixture(html`<citizen-absence-form .backend=${backend} .child=${lea()}></citizen-absence-form>`);
    await setDate(el, 'Du', '2026-12-03');
    getByRole(el, 'radio', 'Autre motif').click();
    getByRole(el, 'button', 'Envoyer le signalement').click();
    await waitForText(el, 'Démarche : Absence de Léa du 03/12/2026 au 03/12/2026 (autre motif)');
    const days = await backend.getAgenda({ childId: 'm-lea', from: '2026-12-03', to: '2026-12-03' });
    expect(days.length).to.be.greaterThan(0);
    expect(days.every((day) => day.state === 'absent')).to.be.true;
    expect((await backend.listRequests())[0]).to.include({ type: 'absence', summary: 'Absence de Léa du 03/12/2026 au 03/12/2026 (autre motif)' });
  });

  it('creates, shows and revokes a calendar link', async () => {
    useMockScenario({ scenario: 'loggedIn', terms: { state: 'accepted' } });
    const el = await fixture(html`<citizen-calendar-feed .backend=${new RestBackend('/api')} .child=${lea()}></citizen-calendar-feed>`);
    await waitForText(el, "Aucun lien n'est actif pour le moment.");
    getByRole(el, 'button', 'Créer mon lien d’abonnement').click();
    await waitUntil(() => queryAllByRole(el, 'textbox', 'Lien d’abonnement').length === 1, 'created', { timeout: 3000 });
    expect(getControl(el, 'Lien d’abonnement').value).to.match(/^http:\/\/localhost:\d+\/api\/v1\/calendar\/[0-9a-f]{32}\.ics$/);
    getByRole(el, 'button', 'Révoquer le lien').click();
    await waitUntil(() => queryAllByRole(el, 'button', 'Oui, révoquer').length === 1, 'confirm');
    getByRole(el, 'button', 'Oui, révoquer').click();
    await waitForText(el, 'Le lien a été révoqué : il ne fonctionne plus.');
  });
});
