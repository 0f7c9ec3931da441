// SPDX-License-Identifier: MIT
/** "Annuler ou réserver": <citizen-child-agenda> alone and from "Ma famille", fake adapter and MSW. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/family-dashboard/panels/child-agenda.js';
import '../../src/elements/family-dashboard/panels/household-panel.js';
import type { CitizenChildAgenda } from '../../src/elements/family-dashboard/panels/child-agenda.js';
import { CitizenError } from '../../src/core/errors.js';
import { RestBackend } from '../../src/core/rest-backend.js';
import { createActivitiesHandlers, MockAgenda } from '../../src/mocks/activities.js';
import { startMockApi, useMockScenario, worker } from '../../src/mocks/browser.js';
import { mockHousehold } from '../../src/mocks/dashboard.js';
import type { AgendaQuery, BookingBatch } from '../../src/schemas/activities.js';
import type { HouseholdMember } from '../../src/schemas/household.js';
import { deepQuery, deepText, FakeDashboardBackend, focusedName, getControl, waitForText } from './dashboard-helpers.js';
import { accessibleName, getByRole, press, queryAllByRole } from './helpers.js';

/** The dashboard's fake with the agenda's part of the contract, on the mocks' rules. */
class FakeAgendaBackend extends FakeDashboardBackend {
  agenda = new MockAgenda();
  readonly batches: BookingBatch[] = [];
  failNextSubmit?: CitizenError;
  /** While set, `submitBookings` answers only once it settles (the batch on its way). */
  holdSubmit?: Promise<unknown>;
  /** While set, `getAgenda` answers only once it settles, with the days as they were when asked. */
  holdAgenda?: Promise<unknown>;

  listActivities(childId: string) {
    this.calls.push(`listActivities ${childId}`);
    return Promise.resolve(structuredClone(this.agenda.activities));
  }
  getAgenda({ childId, from, to }: AgendaQuery) {
    this.calls.push(`getAgenda ${childId} ${from} ${to}`);
    const days = this.agenda.agenda(from, to);
    const hold = this.holdAgenda;
    return hold ? hold.then(() => days) : Promise.resolve(days);
  }
  getChildChecklist(childId: string) {
    this.calls.push(`getChildChecklist ${childId}`);
    return Promise.resolve({ childId, missing: [...this.agenda.missing] });
  }
  async submitBookings(batch: BookingBatch) {
    this.batches.push(structuredClone(batch));
    const failure = this.failNextSubmit;
    this.failNextSubmit = undefined;
    await this.holdSubmit;
    if (failure) throw failure;
    return this.agenda.submit(batch);
  }
}

let fake: FakeAgendaBackend;
const lea = () => mockHousehold().members.find((m) => m.id === 'm-lea') as HouseholdMember;
const hugo = () => mockHousehold().members.find((m) => m.id === 'm-hugo') as HouseholdMember;

async function mountAgenda(month = '2026-12', lang = 'fr', backend = fake.adapter) {
  const el = await fixture<CitizenChildAgenda>(
    html`<citizen-child-agenda lang=${lang} month=${month} .backend=${backend} .child=${lea()}></citizen-child-agenda>`,
  );
  await waitUntil(() => queryAllByRole(el, 'grid').length === 1 && !deepQuery(el, '[aria-busy="true"]'), 'the grid loaded', { timeout: 3000 });
  return el;
}

const cell = (el: Element, name: RegExp) => getByRole(el, 'gridcell', name);
/** Clicks the day named `name` and waits for the render. */
async function choose(el: CitizenChildAgenda, name: RegExp) {
  cell(el, name).click();
  await el.updateComplete;
}
const settled = (el: Element) => waitUntil(() => !deepQuery(el, '[aria-busy="true"]'), 'the month loaded', { timeout: 3000 });

beforeEach(() => {
  fake = new FakeAgendaBackend();
});

describe('<citizen-child-agenda>', () => {
  it('shows each day with its state, and is accessible', async () => {
    const el = await mountAgenda('2026-11');
    expect(accessibleName(getByRole(el, 'grid'))).to.equal('novembre 2026');
    expect(accessibleName(cell(el, /^lundi 23 novembre/))).to.include('réservé, non annulable, délai de prévenance de 48 h dépassé');
    expect(accessibleName(cell(el, /^mardi 24 novembre/))).to.include('non réservable');
    expect(accessibleName(cell(el, /^jeudi 26 novembre/))).to.equal('jeudi 26 novembre : réservé, 3,60 €');
    expect(accessibleName(cell(el, /^vendredi 27 novembre/))).to.equal('vendredi 27 novembre : complet');
    expect(accessibleName(cell(el, /^mercredi 11 novembre/))).to.include("pas d'activité");
    expect(accessibleName(cell(el, /^mardi 10 novembre/))).to.include('passé');
    expect(getByRole(el, 'combobox', 'Activité')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('moves by day, week, week ends and month with the keyboard; one tab stop', async () => {
    const el = await mountAgenda('2026-12');
    expect(deepQuery(el, 'td[tabindex="0"]')?.dataset['date']).to.equal('2026-12-01');
    deepQuery(el, 'td[tabindex="0"]')!.focus();
    await press('ArrowRight');
    expect(focusedName()).to.match(/^mercredi 2 décembre/);
    await press('ArrowDown');
    expect(focusedName()).to.match(/^mercredi 9 décembre/);
    await press('End');
    expect(focusedName()).to.match(/^dimanche 13 décembre/);
    await press('Home');
    expect(focusedName()).to.match(/^lundi 7 décembre/);
    await press('PageDown');
    await settled(el);
    expect(focusedName()).to.match(/^jeudi 7 janvier/);
    expect(accessibleName(getByRole(el, 'grid'))).to.equal('janvier 2027');
    expect(fake.calls).to.include('getAgenda m-lea 2027-01-01 2027-01-31');
    await press('PageUp');
    await settled(el);
    await press('ArrowUp');
    expect(focusedName()).to.match(/^lundi 30 novembre/);
    expect(queryAllByRole(el, 'gridcell').filter((c) => c.tabIndex === 0)).to.have.length(1);
  });

  it('builds a batch with its cost, sends it once with an idempotency key, and shows the new days', async () => {
    const el = await mountAgenda('2026-12');
    await choose(el, /^mardi 1 décembre/);
    cell(el, /^vendredi 4 décembre/).focus();
    await press('Enter');
    await press('ArrowRight'); // samedi 5
    await press('ArrowRight'); // dimanche 6
    await press('ArrowRight'); // lundi 7, booked
    await press(' ');
    await choose(el, /^mardi 8 décembre/);
    expect(accessibleName(cell(el, /^lundi 7 décembre/))).to.include('à annuler (non envoyé)');
    await waitForText(el, 'Vous réservez 3 jours, vous annulez 1 jour : +7,20 €');
    await waitForText(el, 'Annuler le lundi 7 décembre — Restauration scolaire');
    await expect(el).to.be.accessible();

    getByRole(el, 'button', 'Valider mes modifications').click();
    await waitForText(el, 'C’est enregistré. Vous réservez 3 jours, vous annulez 1 jour.');
    expect(fake.batches).to.have.length(1);
    expect(fake.batches[0]!.changes).to.have.length(4);
    expect(fake.batches[0]!.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    await settled(el);
    expect(accessibleName(cell(el, /^mardi 1 décembre/))).to.include('réservé');
    expect(accessibleName(cell(el, /^lundi 7 décembre/))).to.include('disponible');
    expect(focusedName()).to.include('C’est enregistré');
  });

  it('a locked day says why and stays out of the batch; undoing a choice empties it', async () => {
    const el = await mountAgenda('2026-11');
    await choose(el, /^mardi 24 novembre/);
    await waitForText(el, 'Choisissez les jours');
    expect(deepText(el)).not.to.include('Vos modifications');
    expect(deepQuery(el, '[role="status"]')!.textContent).to.include('délai de prévenance de 48 h dépassé');
    await choose(el, /^lundi 30 novembre/);
    await waitForText(el, /Vous annulez 1 jour : [−-]3,60 €/);
    await choose(el, /^lundi 30 novembre/);
    await waitForText(el, 'Choisissez les jours');
  });

  it('shows per-day conflicts on the days and in a list; the rest of the batch stands', async () => {
    const el = await mountAgenda('2026-12');
    await choose(el, /^mardi 1 décembre/);
    await choose(el, /^mardi 8 décembre/);
    // Another parent takes the last place meanwhile.
    fake.agenda.full.add('cantine|2026-12-08');
    getByRole(el, 'button', 'Valider mes modifications').click();
    await waitForText(el, "Ces jours n'ont pas pu être modifiés : mardi 8 décembre, Restauration scolaire : plus de place");
    await waitForText(el, 'Vous réservez 1 jour.');
    await settled(el);
    expect(accessibleName(cell(el, /^mardi 8 décembre/))).to.include('refusé : plus de place');
    expect(accessibleName(cell(el, /^mardi 1 décembre/))).to.include('réservé');
    await expect(el).to.be.accessible();
  });

  it("says each of the server's refusals in words, not a generic refusal", async () => {
    const el = await mountAgenda('2026-12');
    await choose(el, /^mardi 1 décembre/);
    // An absence reported meanwhile by the other parent.
    fake.agenda.absent.add('cantine|2026-12-01');
    getByRole(el, 'button', 'Valider mes modifications').click();
    await waitForText(el, "Ces jours n'ont pas pu être modifiés : mardi 1 décembre, Restauration scolaire : absence signalée ce jour");
  });

  it('a failed send keeps the batch and its idempotency key for the retry', async () => {
    const el = await mountAgenda('2026-12');
    await choose(el, /^mardi 1 décembre/);
    fake.failNextSubmit = new CitizenError('server_error', { status: 500 });
    getByRole(el, 'button', 'Valider mes modifications').click();
    await waitForText(el, "Vos modifications n'ont pas été enregistrées");
    getByRole(el, 'button', 'Renvoyer mes modifications').click();
    await waitForText(el, 'C’est enregistré. Vous réservez 1 jour.');
    expect(fake.batches).to.have.length(2);
    expect(fake.batches[1]!.idempotencyKey).to.equal(fake.batches[0]!.idempotencyKey);
  });

  it('days chosen while the batch is on its way stay for the next send, with another key', async () => {
    const el = await mountAgenda('2026-12');
    await choose(el, /^mardi 1 décembre/);
    let answer!: () => void;
    fake.holdSubmit = new Promise<void>((resolve) => (answer = resolve));
    getByRole(el, 'button', 'Valider mes modifications').click();
    await waitForText(el, 'Envoi en cours');
    await choose(el, /^mardi 8 décembre/);
    answer();
    await waitForText(el, 'C’est enregistré. Vous réservez 1 jour.');
    await waitForText(el, 'Réserver le mardi 8 décembre — Restauration scolaire');
    expect(deepText(el)).not.to.include('Réserver le mardi 1 décembre');
    fake.holdSubmit = undefined;
    getByRole(el, 'button', 'Valider mes modifications').click();
    await waitUntil(() => fake.batches.length === 2, 'sent again');
    expect(fake.batches[1]!.changes).to.deep.equal([{ activityId: 'cantine', date: '2026-12-08', action: 'book' }]);
    expect(fake.batches[1]!.idempotencyKey).not.to.equal(fake.batches[0]!.idempotencyKey);
  });

  it('a change undone while the batch is on its way keeps the key for the retry of that batch', async () => {
    const el = await mountAgenda('2026-12');
    await choose(el, /^mardi 1 décembre/);
    let answer!: () => void;
    fake.holdSubmit = new Promise<void>((resolve) => (answer = resolve));
    fake.failNextSubmit = new CitizenError('server_error', { status: 500 });
    getByRole(el, 'button', 'Valider mes modifications').click();
    await waitForText(el, 'Envoi en cours');
    await choose(el, /^mardi 8 décembre/);
    await choose(el, /^mardi 8 décembre/);
    answer();
    await waitForText(el, "Vos modifications n'ont pas été enregistrées");
    fake.holdSubmit = undefined;
    getByRole(el, 'button', 'Renvoyer mes modifications').click();
    await waitForText(el, 'C’est enregistré. Vous réservez 1 jour.');
    expect(fake.batches[1]!.changes).to.deep.equal(fake.batches[0]!.changes);
    expect(fake.batches[1]!.idempotencyKey).to.equal(fake.batches[0]!.idempotencyKey);
  });

  it('an agenda answer asked before a send cannot bring back the days as they were', async () => {
    const el = await mountAgenda('2026-12');
    await choose(el, /^mardi 1 décembre/);
    let answer!: () => void;
    fake.holdAgenda = new Promise<void>((resolve) => (answer = resolve));
    // Asks the next weeks (1 December among them) before the batch is saved.
    const asked = fake.calls.length;
    getByRole(el, 'button', 'Réserver ou annuler plusieurs jours').click();
    await waitUntil(() => fake.calls.length > asked, 'asked');
    fake.holdAgenda = undefined;
    getByRole(el, 'button', 'Valider mes modifications').click();
    await waitForText(el, 'C’est enregistré. Vous réservez 1 jour.');
    await settled(el);
    expect(accessibleName(cell(el, /^mardi 1 décembre/))).to.include('réservé');
    answer();
    await waitUntil(() => queryAllByRole(el, 'heading', 'Réserver ou annuler plusieurs jours').length === 1, 'the form opened', { timeout: 3000 });
    await el.updateComplete;
    expect(accessibleName(cell(el, /^mardi 1 décembre/))).to.equal('mardi 1 décembre : réservé, 3,60 €');
  });

  it('"Abandonner mes modifications" empties the batch and puts focus back on the grid', async () => {
    const el = await mountAgenda('2026-12');
    await choose(el, /^mardi 1 décembre/);
    const discard = getByRole(el, 'button', 'Abandonner mes modifications');
    discard.focus();
    discard.click();
    await waitForText(el, 'Choisissez les jours');
    await el.updateComplete;
    expect(focusedName()).to.equal('mardi 1 décembre : disponible, 3,60 €');
  });

  it('another child, month or view after the first render: loads again, the last child\'s batch gone', async () => {
    const el = await mountAgenda('2026-12');
    await choose(el, /^mardi 1 décembre/);
    await waitForText(el, 'Réserver le mardi 1 décembre — Restauration scolaire');
    el.child = hugo();
    await el.updateComplete;
    await settled(el);
    expect(fake.calls).to.include.members(['listActivities m-hugo', 'getAgenda m-hugo 2026-12-01 2026-12-31']);
    await waitForText(el, 'Choisissez les jours');
    expect(deepText(el)).not.to.include('Réserver le mardi 1 décembre');
    el.month = '2027-01';
    await el.updateComplete;
    await settled(el);
    expect(fake.calls).to.include('getAgenda m-hugo 2027-01-01 2027-01-31');
    expect(accessibleName(getByRole(el, 'grid'))).to.equal('janvier 2027');
    el.view = 'week';
    await el.updateComplete;
    await settled(el);
    expect(fake.calls).to.include('getAgenda m-hugo 2026-12-28 2027-01-03');
    expect(accessibleName(cell(el, /^Restauration scolaire, lundi 28 décembre/))).to.include('fermé — Vacances de Noël');
  });

  it('days still loading say so, not "pas d\'activité"', async () => {
    let answer!: () => void;
    fake.holdAgenda = new Promise<void>((resolve) => (answer = resolve));
    const el = await fixture<CitizenChildAgenda>(
      html`<citizen-child-agenda lang="fr" month="2026-12" .backend=${fake.adapter} .child=${lea()}></citizen-child-agenda>`,
    );
    await waitUntil(() => queryAllByRole(el, 'grid').length === 1, 'the grid drawn', { timeout: 3000 });
    expect(accessibleName(cell(el, /^mardi 1 décembre/))).to.equal('mardi 1 décembre : chargement en cours');
    cell(el, /^mardi 1 décembre/).focus();
    await press('Enter');
    await waitUntil(() => deepQuery(el, '[role="status"]')!.textContent!.includes('chargement en cours'), 'loading said');
    answer();
    await settled(el);
    expect(accessibleName(cell(el, /^mercredi 2 décembre/))).to.equal("mercredi 2 décembre : pas d'activité ce jour");
  });

  it('speaks English', async () => {
    const el = await mountAgenda('2026-12', 'en');
    expect(accessibleName(cell(el, /^Tuesday, December 1 /))).to.equal('Tuesday, December 1 : available, €3.60');
    await choose(el, /^Tuesday, December 1 /);
    await waitForText(el, 'You book 1 day : +€3.60');
    await expect(el).to.be.accessible();
  });
});

describe('<citizen-child-agenda>: closures, week view, several days, "ce qu\'il manque"', () => {
  /** Chooses a view in the "Affichage" group and waits for its days. */
  async function showView(el: CitizenChildAgenda, name: string) {
    getByRole(el, 'radio', name).click();
    await el.updateComplete;
    await settled(el);
  }
  /** Types a date into the field labelled `label` (the input event, as a date picker sends it). */
  async function setDate(el: CitizenChildAgenda, label: string, value: string) {
    const input = getControl(el, label);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
  }
  async function openRepeat(el: CitizenChildAgenda) {
    getByRole(el, 'button', 'Réserver ou annuler plusieurs jours').click();
    await waitUntil(() => queryAllByRole(el, 'heading', 'Réserver ou annuler plusieurs jours').length === 1, 'the form opened', { timeout: 3000 });
    await el.updateComplete;
  }

  it('names closed days by their holidays', async () => {
    const el = await mountAgenda('2026-12');
    expect(accessibleName(cell(el, /^lundi 21 décembre/))).to.equal('lundi 21 décembre : fermé — Vacances de Noël');
    expect(accessibleName(cell(el, /^vendredi 25 décembre/))).to.equal('vendredi 25 décembre : fermé — Noël');
  });

  it('shows the week as a grid of activities by day, with its headers', async () => {
    const el = await mountAgenda('2026-12');
    await showView(el, 'Semaine');
    const grid = getByRole(el, 'grid');
    expect(accessibleName(grid)).to.equal('Semaine du 30 novembre au 4 décembre 2026');
    expect(queryAllByRole(el, 'combobox', 'Activité')).to.have.length(0);
    // Row and column headers by HTML-AAM: <th scope="row"> is a rowheader, <th scope="col"> a columnheader.
    const headers = (scope: string) => [...grid.querySelectorAll(`th[scope="${scope}"]`)].map((th) => accessibleName(th));
    expect(headers('row')).to.deep.equal(['Restauration scolaire', 'Accueil du soir', 'Mercredi au centre de loisirs']);
    expect(headers('col')).to.deep.equal(['Activité', 'lun. 30 nov.', 'mar. 1 déc.', 'mer. 2 déc.', 'jeu. 3 déc.', 'ven. 4 déc.']);
    expect(queryAllByRole(el, 'gridcell')).to.have.length(15);
    expect(accessibleName(cell(el, /^Restauration scolaire, lundi 30 novembre/))).to.equal('Restauration scolaire, lundi 30 novembre : réservé, 3,60 €');
    expect(accessibleName(cell(el, /^Mercredi au centre de loisirs, lundi 30 novembre/))).to.include("pas d'activité ce jour");
    expect(accessibleName(cell(el, /^Accueil du soir, mardi 1 décembre/))).to.include('disponible, 2,50 €');
    await expect(el).to.be.accessible();
  });

  it('moves by day, activity, row ends and week with the keyboard; one tab stop', async () => {
    const el = await mountAgenda('2026-12');
    await showView(el, 'Semaine');
    deepQuery(el, 'td[tabindex="0"]')!.focus();
    expect(focusedName()).to.match(/^Restauration scolaire, mardi 1 décembre/);
    await press('ArrowDown');
    expect(focusedName()).to.match(/^Accueil du soir, mardi 1 décembre/);
    await press('ArrowRight');
    expect(focusedName()).to.match(/^Accueil du soir, mercredi 2 décembre/);
    await press('End');
    expect(focusedName()).to.match(/^Accueil du soir, vendredi 4 décembre/);
    await press('ArrowRight');
    await settled(el);
    expect(focusedName()).to.match(/^Accueil du soir, lundi 7 décembre : réservé/);
    expect(accessibleName(getByRole(el, 'grid'))).to.equal('Semaine du 7 décembre au 11 décembre 2026');
    await press('PageDown');
    await settled(el);
    expect(focusedName()).to.match(/^Accueil du soir, lundi 14 décembre/);
    expect(fake.calls).to.include('getAgenda m-lea 2026-12-14 2026-12-20');
    await press('ArrowUp');
    await press('ArrowUp');
    await press('ArrowUp');
    expect(focusedName()).to.match(/^Restauration scolaire, lundi 14 décembre/);
    await press('Home');
    await press('ArrowLeft');
    await settled(el);
    expect(focusedName()).to.match(/^Restauration scolaire, vendredi 11 décembre/);
    await press('PageUp');
    await settled(el);
    expect(focusedName()).to.match(/^Restauration scolaire, vendredi 4 décembre/);
    expect(queryAllByRole(el, 'gridcell').filter((c) => c.tabIndex === 0)).to.have.length(1);
  });

  it('shares the batch between the views: chosen in the week, seen in the month', async () => {
    const el = await mountAgenda('2026-12');
    await showView(el, 'Semaine');
    deepQuery(el, 'td[tabindex="0"]')!.focus();
    await press('PageDown');
    await settled(el);
    await press('Home');
    await press(' '); // canteen, Monday 7th, booked: cancel
    await choose(el, /^Accueil du soir, mardi 8 décembre/);
    expect(accessibleName(cell(el, /^Restauration scolaire, lundi 7 décembre/))).to.include('à annuler (non envoyé)');
    await waitForText(el, /Vous réservez 1 jour, vous annulez 1 jour : [−-]1,10 €/);
    await showView(el, 'Mois');
    expect(accessibleName(getByRole(el, 'grid'))).to.equal('décembre 2026');
    expect(accessibleName(cell(el, /^lundi 7 décembre/))).to.include('à annuler (non envoyé)');
    await waitForText(el, 'Réserver le mardi 8 décembre — Accueil du soir');
    getByRole(el, 'button', 'Valider mes modifications').click();
    await waitForText(el, 'C’est enregistré. Vous réservez 1 jour, vous annulez 1 jour.');
    expect(fake.batches[0]!.changes).to.deep.equal([
      { activityId: 'cantine', date: '2026-12-07', action: 'cancel' },
      { activityId: 'soir', date: '2026-12-08', action: 'book' },
    ]);
  });

  it('adds a repeating pattern to the batch with its cost, and says what was left out and why', async () => {
    const el = await mountAgenda('2026-12');
    await openRepeat(el);
    expect(focusedName()).to.equal('Réserver ou annuler plusieurs jours');
    expect(getByRole(el, 'button', 'Réserver ou annuler plusieurs jours').getAttribute('aria-expanded')).to.equal('true');
    getByRole(el, 'checkbox', 'mardi').click();
    getByRole(el, 'checkbox', 'vendredi').click();
    await setDate(el, 'Du', '2026-11-23');
    await setDate(el, 'Jusqu’au', '2026-12-18');
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Ajouter à mes modifications').click();
    await waitForText(el, '6 jours ajoutés à vos modifications.');
    await waitForText(el, '2 jours laissés de côté : délai de prévenance dépassé : 1 complet : 1');
    expect(focusedName()).to.match(/^6 jours ajoutés à vos modifications\./);
    await waitForText(el, 'Vous réservez 6 jours : +21,60 €');
    await waitForText(el, 'Réserver le vendredi 18 décembre — Restauration scolaire');
    expect(accessibleName(cell(el, /^mardi 15 décembre/))).to.include('à réserver (non envoyé)');
    await expect(el).to.be.accessible();

    // Cancelling the Mondays: the booked ones go, the locked one is left out.
    getByRole(el, 'radio', 'Annuler').click();
    getByRole(el, 'checkbox', 'mardi').click();
    getByRole(el, 'checkbox', 'vendredi').click();
    getByRole(el, 'checkbox', 'lundi').click();
    await el.updateComplete;
    getByRole(el, 'button', 'Ajouter à mes modifications').click();
    await waitForText(el, '3 jours ajoutés à vos modifications.');
    await waitForText(el, '1 jour laissé de côté : délai de prévenance dépassé : 1');
    await waitForText(el, 'Vous réservez 6 jours, vous annulez 3 jours : +10,80 €');

    getByRole(el, 'button', 'Fermer').click();
    await el.updateComplete;
    expect(focusedName()).to.equal('Réserver ou annuler plusieurs jours');
    getByRole(el, 'button', 'Valider mes modifications').click();
    await waitForText(el, 'C’est enregistré. Vous réservez 6 jours, vous annulez 3 jours.');
    expect(fake.batches[0]!.changes).to.have.length(9);
  });

  it('"Jusqu’aux vacances" fills the last day before the Christmas holidays', async () => {
    const el = await mountAgenda('2026-11');
    await openRepeat(el);
    await setDate(el, 'Du', '2026-11-30');
    getByRole(el, 'button', 'Jusqu’aux vacances').click();
    await waitForText(el, 'Jusqu’au vendredi 18 décembre, veille des Vacances de Noël.');
    expect(getControl(el, 'Jusqu’au').value).to.equal('2026-12-18');
    expect(getControl(el, 'Du').value).to.equal('2026-11-30');
  });

  it('"Jusqu’aux vacances" from a day in the holidays fills the day before the next ones', async () => {
    const el = await mountAgenda('2026-12');
    await openRepeat(el);
    await setDate(el, 'Du', '2026-12-21');
    getByRole(el, 'button', 'Jusqu’aux vacances').click();
    await waitForText(el, "Jusqu’au vendredi 19 février, veille des Vacances d'hiver.");
    expect(getControl(el, 'Jusqu’au').value).to.equal('2027-02-19');
  });

  it('a pattern takes back the opposite change already in the batch', async () => {
    const el = await mountAgenda('2026-12');
    await choose(el, /^lundi 7 décembre/);
    await waitForText(el, 'Annuler le lundi 7 décembre — Restauration scolaire');
    await openRepeat(el);
    getByRole(el, 'checkbox', 'lundi').click();
    await setDate(el, 'Du', '2026-12-07');
    await setDate(el, 'Jusqu’au', '2026-12-07');
    getByRole(el, 'button', 'Ajouter à mes modifications').click();
    await waitForText(el, '1 jour ajouté à vos modifications.');
    expect(deepText(el)).not.to.include('Annuler le lundi 7 décembre');
    expect(deepText(el)).not.to.include('laissé de côté');
    expect(accessibleName(cell(el, /^lundi 7 décembre/))).to.equal('lundi 7 décembre : réservé, 3,60 €');
  });

  it('"Jusqu’aux vacances" keeps focus while it looks, and answers once', async () => {
    const el = await mountAgenda('2026-11');
    await openRepeat(el);
    await setDate(el, 'Du', '2026-11-30');
    let answer!: () => void;
    fake.holdAgenda = new Promise<void>((resolve) => (answer = resolve));
    const button = getByRole(el, 'button', 'Jusqu’aux vacances');
    button.focus();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(focusedName()).to.equal('Jusqu’aux vacances');
    const asked = fake.calls.length;
    button.click();
    await el.updateComplete;
    expect(fake.calls.length, 'a second click asks nothing').to.equal(asked);
    fake.holdAgenda = undefined;
    answer();
    await waitForText(el, 'Jusqu’au vendredi 18 décembre, veille des Vacances de Noël.');
    expect(focusedName()).to.equal('Jusqu’aux vacances');
  });

  it('checks the pattern: errors in words on the fields and summarised, nothing typed lost', async () => {
    const el = await mountAgenda('2026-12');
    await openRepeat(el);
    await setDate(el, 'Du', '2026-12-10');
    await setDate(el, 'Jusqu’au', '2026-12-01');
    getByRole(el, 'button', 'Ajouter à mes modifications').click();
    await waitForText(el, 'Le formulaire contient des erreurs');
    await waitForText(el, 'Choisissez au moins un jour.');
    await waitForText(el, 'La date de fin doit être le même jour que la date de début ou après.');
    expect(focusedName()).to.include('Le formulaire contient des erreurs');
    expect(getControl(el, 'Jusqu’au').getAttribute('aria-invalid')).to.equal('true');
    expect(getControl(el, 'Du').value).to.equal('2026-12-10');
    await expect(el).to.be.accessible();

    getByRole(el, 'checkbox', 'jeudi').click();
    await setDate(el, 'Jusqu’au', '2028-01-10');
    getByRole(el, 'button', 'Ajouter à mes modifications').click();
    await waitForText(el, 'La période ne peut pas dépasser une année scolaire');
    expect(deepText(el)).not.to.include('Choisissez au moins un jour.');
    expect(fake.batches).to.have.length(0);
    expect(deepText(el)).not.to.include('Vos modifications');
  });

  it('"ce qu’il manque": the list above the grid, booking refused, cancelling allowed', async () => {
    fake.agenda.missing = ['Fiche sanitaire 2026-2027', 'Attestation d’assurance extrascolaire 2026-2027'];
    const el = await mountAgenda('2026-12');
    await waitForText(el, 'Avant de pouvoir réserver, la mairie a besoin de : Fiche sanitaire 2026-2027 Attestation d’assurance extrascolaire 2026-2027');
    await waitForText(el, 'Vous pouvez compléter le « Dossier administratif » de Léa ou déposer ces pièces dans votre espace de stockage sécurisé.');
    await choose(el, /^mardi 1 décembre/);
    await waitUntil(() => deepQuery(el, '[role="status"]')!.textContent!.includes('Réservation impossible'), 'refusal said');
    expect(deepText(el)).not.to.include('Vos modifications');
    await choose(el, /^lundi 7 décembre/);
    await waitForText(el, /Vous annulez 1 jour : [−-]3,60 €/);
    await expect(el).to.be.accessible();

    await openRepeat(el);
    getByRole(el, 'checkbox', 'mardi').click();
    await setDate(el, 'Jusqu’au', '2026-12-18');
    getByRole(el, 'button', 'Ajouter à mes modifications').click();
    await waitForText(el, 'Réservation impossible tant que la mairie attend des pièces');
    expect(getByRole(el, 'radio', 'Réserver').getAttribute('aria-invalid')).to.equal('true');
  });

  it('speaks English in the week view', async () => {
    const el = await mountAgenda('2026-12', 'en');
    await showView(el, 'Week');
    expect(accessibleName(getByRole(el, 'grid'))).to.equal('Week of November 30 to December 4, 2026');
    expect(accessibleName(cell(el, /^Accueil du soir, Tuesday, December 1 /))).to.equal('Accueil du soir, Tuesday, December 1 : available, €2.50');
    await expect(el).to.be.accessible();
  });
});

describe('<citizen-child-agenda>: the week on a phone, drawn by day', () => {
  /** The week view in a container `width` px wide; resolves once drawn by day (or not, for a wide one). */
  async function mountWeekIn(width: number) {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: ${width}px">
        <citizen-child-agenda lang="fr" month="2026-12" view="week" .backend=${fake.adapter} .child=${lea()}></citizen-child-agenda>
      </div>`,
    );
    const el = wrapper.querySelector<CitizenChildAgenda>('citizen-child-agenda')!;
    await waitUntil(() => queryAllByRole(el, 'grid').length === 1 && !deepQuery(el, '[aria-busy="true"]'), 'the grid loaded', { timeout: 3000 });
    return { wrapper, el };
  }
  const rowHeaders = (grid: Element) => [...grid.querySelectorAll('th[scope="row"]')].map((th) => accessibleName(th));
  const colHeaders = (grid: Element) => [...grid.querySelectorAll('th[scope="col"]')].map((th) => accessibleName(th));
  const byDay = (el: Element) => deepQuery(el, 'th[scope="row"]')?.textContent?.trim() === 'lun. 30 nov.';

  it('a row per day, a column per activity, named headers, no sideways scroll; accessible', async () => {
    const { el } = await mountWeekIn(300);
    await waitUntil(() => byDay(el), 'drawn by day', { timeout: 3000 });
    const grid = getByRole(el, 'grid');
    expect(accessibleName(grid)).to.equal('Semaine du 30 novembre au 4 décembre 2026');
    // Row and column headers by HTML-AAM, as in the week drawn by activity.
    expect(rowHeaders(grid)).to.deep.equal(['lun. 30 nov.', 'mar. 1 déc.', 'mer. 2 déc.', 'jeu. 3 déc.', 'ven. 4 déc.']);
    expect(colHeaders(grid)).to.deep.equal(['Jour', 'Restauration scolaire', 'Accueil du soir', 'Mercredi au centre de loisirs']);
    // A long word is cut on screen; `abbr` keeps the whole name for the cells' headers.
    const canteen = grid.querySelectorAll('th[scope="col"]')[1]!;
    expect(canteen.querySelector('[aria-hidden="true"]')!.textContent).to.equal('Restaur. scolaire');
    expect(canteen.getAttribute('abbr')).to.equal('Restauration scolaire');
    const firstRow = [...grid.querySelectorAll('tbody tr')[0]!.querySelectorAll('td')].map((td) => accessibleName(td));
    expect(firstRow).to.deep.equal([
      'Restauration scolaire, lundi 30 novembre : réservé, 3,60 €',
      'Accueil du soir, lundi 30 novembre : réservé, 2,50 €',
      "Mercredi au centre de loisirs, lundi 30 novembre : pas d'activité ce jour",
    ]);
    expect(queryAllByRole(el, 'gridcell')).to.have.length(15);
    const help = el.shadowRoot!.getElementById(grid.getAttribute('aria-describedby')!)!;
    expect(help.textContent).to.include('Flèches haut et bas : jour précédent ou suivant ; flèches gauche et droite : autre activité');
    const box = grid.closest('.agenda-box')!;
    expect(box.scrollWidth, 'no sideways scroll in the grid').to.be.at.most(box.clientWidth);
    expect(grid.getBoundingClientRect().width).to.be.at.most(300);
    await expect(el).to.be.accessible();
  });

  it('arrows follow what is seen: Up/Down by day, Left/Right by activity, Home/End along the day; one tab stop', async () => {
    const { el } = await mountWeekIn(300);
    await waitUntil(() => byDay(el), 'drawn by day', { timeout: 3000 });
    deepQuery(el, 'td[tabindex="0"]')!.focus();
    expect(focusedName()).to.match(/^Restauration scolaire, mardi 1 décembre/);
    await press('ArrowDown');
    expect(focusedName()).to.match(/^Restauration scolaire, mercredi 2 décembre/);
    await press('ArrowRight');
    expect(focusedName()).to.match(/^Accueil du soir, mercredi 2 décembre/);
    await press('End');
    expect(focusedName()).to.match(/^Mercredi au centre de loisirs, mercredi 2 décembre/);
    await press('Home');
    expect(focusedName()).to.match(/^Restauration scolaire, mercredi 2 décembre/);
    await press('ArrowLeft');
    expect(focusedName()).to.match(/^Restauration scolaire, mercredi 2 décembre/);
    await press('ArrowUp');
    await press('ArrowUp');
    await press('ArrowUp');
    await settled(el);
    expect(focusedName()).to.match(/^Restauration scolaire, vendredi 27 novembre/);
    expect(accessibleName(getByRole(el, 'grid'))).to.equal('Semaine du 23 novembre au 27 novembre 2026');
    await press('PageDown');
    await settled(el);
    expect(focusedName()).to.match(/^Restauration scolaire, vendredi 4 décembre/);
    await press('ArrowDown');
    await settled(el);
    expect(focusedName()).to.match(/^Restauration scolaire, lundi 7 décembre : réservé/);
    await press('ArrowRight');
    await press('Enter');
    expect(focusedName()).to.match(/^Accueil du soir, lundi 7 décembre : à annuler \(non envoyé\)/);
    await waitForText(el, /Vous annulez 1 jour : [−-]2,50 €/);
    expect(queryAllByRole(el, 'gridcell').filter((c) => c.tabIndex === 0)).to.have.length(1);
    expect(rowHeaders(getByRole(el, 'grid'))[0]).to.equal('lun. 7 déc.');
  });

  it('a wider container draws the week by activity again, focus kept on the same day', async () => {
    const { wrapper, el } = await mountWeekIn(300);
    await waitUntil(() => byDay(el), 'drawn by day', { timeout: 3000 });
    deepQuery(el, 'td[tabindex="0"]')!.focus();
    await press('ArrowRight');
    expect(focusedName()).to.match(/^Accueil du soir, mardi 1 décembre/);
    wrapper.style.width = '900px';
    await waitUntil(() => rowHeaders(getByRole(el, 'grid'))[0] === 'Restauration scolaire', 'drawn by activity', { timeout: 3000 });
    await el.updateComplete;
    expect(focusedName()).to.match(/^Accueil du soir, mardi 1 décembre/);
    expect(deepQuery(el, '.agenda-week--by-day')).to.equal(null);
  });
});

describe('<citizen-child-agenda>: the week opened on a day without a column', () => {
  it('opened on a Saturday, the week view has one tab stop on the next Monday, and Page Down keeps to Mondays', async () => {
    const el = await fixture<CitizenChildAgenda>(
      html`<citizen-child-agenda lang="fr" month="2027-05" view="week" .backend=${fake.adapter} .child=${lea()}></citizen-child-agenda>`,
    );
    await waitUntil(() => queryAllByRole(el, 'grid').length === 1 && !deepQuery(el, '[aria-busy="true"]'), 'the grid loaded', { timeout: 3000 });
    await settled(el);
    expect(accessibleName(getByRole(el, 'grid'))).to.equal('Semaine du 3 mai au 7 mai 2027');
    const stops = queryAllByRole(el, 'gridcell').filter((c) => c.tabIndex === 0);
    expect(stops.map((c) => accessibleName(c))).to.have.length(1);
    stops[0]!.focus();
    expect(focusedName()).to.match(/^Restauration scolaire, lundi 3 mai/);
    await press('PageDown');
    await settled(el);
    expect(focusedName()).to.match(/^Restauration scolaire, lundi 10 mai/);
  });

  it('activities that give no weekdays get Monday to Friday columns', async () => {
    fake.agenda = new MockAgenda(undefined, [{ id: 'cantine', name: 'Restauration scolaire', noticeHours: 48, weekdays: [], season: 'school' }]);
    const el = await fixture<CitizenChildAgenda>(
      html`<citizen-child-agenda lang="fr" month="2026-12" view="week" .backend=${fake.adapter} .child=${lea()}></citizen-child-agenda>`,
    );
    await waitUntil(() => queryAllByRole(el, 'grid').length === 1 && !deepQuery(el, '[aria-busy="true"]'), 'the grid loaded', { timeout: 3000 });
    expect(accessibleName(getByRole(el, 'grid'))).to.equal('Semaine du 30 novembre au 4 décembre 2026');
    expect(queryAllByRole(el, 'gridcell')).to.have.length(5);
    expect(queryAllByRole(el, 'gridcell').filter((c) => c.tabIndex === 0)).to.have.length(1);
  });
});

describe('"Annuler ou réserver" on a child\'s card', () => {
  it('opens the child\'s agenda under the cards, focus on its heading; closing returns focus', async () => {
    const el = await fixture(html`<citizen-household-panel .backend=${fake.adapter}></citizen-household-panel>`);
    await waitUntil(() => queryAllByRole(el, 'button', 'Annuler ou réserver').length === 2, 'one per child', { timeout: 3000 });
    const button = queryAllByRole(el, 'button', 'Annuler ou réserver')[0]!;
    button.click();
    await waitUntil(() => queryAllByRole(el, 'grid').length === 1, 'the agenda opened', { timeout: 3000 });
    expect(focusedName()).to.equal('Annuler ou réserver — Léa');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => !deepQuery(el, '[aria-busy="true"]'), 'loaded', { timeout: 3000 });
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Fermer l’agenda').click();
    await waitUntil(() => queryAllByRole(el, 'grid').length === 0, 'closed');
    expect(focusedName()).to.equal('Annuler ou réserver');
  });
});

describe('<citizen-child-agenda> with RestBackend and the mock API', () => {
  before(() => startMockApi());

  it('loads the month and posts the batch with its Idempotency-Key header', async () => {
    useMockScenario({ scenario: 'loggedIn', terms: { state: 'accepted' } });
    worker.use(...createActivitiesHandlers('/api/v1'));
    const requests: { method: string; url: string; headers: Headers }[] = [];
    const backend = new RestBackend('/api', {
      fetch: (input, init) => {
        requests.push({ method: init?.method ?? 'GET', url: String(input), headers: new Headers(init?.headers) });
        return fetch(input, init);
      },
    });
    const el = await mountAgenda('2026-12', 'fr', backend);
    await choose(el, /^vendredi 4 décembre/);
    getByRole(el, 'button', 'Valider mes modifications').click();
    await waitForText(el, 'C’est enregistré. Vous réservez 1 jour.');
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.url).to.equal('/api/v1/bookings');
    expect(post?.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(requests.map((r) => `${r.method} ${r.url}`)).to.include('GET /api/v1/children/m-lea/agenda?from=2026-12-01&to=2026-12-31');
  });

  it('shows Hugo’s checklist from GET /children/m-hugo/checklist', async () => {
    useMockScenario({ scenario: 'loggedIn', terms: { state: 'accepted' } });
    worker.use(...createActivitiesHandlers('/api/v1'));
    const el = await fixture<CitizenChildAgenda>(
      html`<citizen-child-agenda month="2026-12" .backend=${new RestBackend('/api')} .child=${hugo()}></citizen-child-agenda>`,
    );
    await waitForText(el, 'Avant de pouvoir réserver, la mairie a besoin de : Attestation d’assurance scolaire 2026-2027');
  });
});
