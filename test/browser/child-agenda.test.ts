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
import { deepQuery, deepText, FakeDashboardBackend, focusedName, waitForText } from './dashboard-helpers.js';
import { accessibleName, getByRole, press, queryAllByRole } from './helpers.js';

/** The dashboard's fake with the agenda's part of the contract, on the mocks' rules. */
class FakeAgendaBackend extends FakeDashboardBackend {
  agenda = new MockAgenda();
  readonly batches: BookingBatch[] = [];
  failNextSubmit?: CitizenError;

  listActivities(childId: string) {
    this.calls.push(`listActivities ${childId}`);
    return Promise.resolve(structuredClone(this.agenda.activities));
  }
  getAgenda({ childId, from, to }: AgendaQuery) {
    this.calls.push(`getAgenda ${childId} ${from} ${to}`);
    return Promise.resolve(this.agenda.agenda(from, to));
  }
  submitBookings(batch: BookingBatch) {
    this.batches.push(structuredClone(batch));
    const failure = this.failNextSubmit;
    this.failNextSubmit = undefined;
    return failure ? Promise.reject(failure) : Promise.resolve(this.agenda.submit(batch));
  }
}

let fake: FakeAgendaBackend;
const lea = () => mockHousehold().members.find((m) => m.id === 'm-lea') as HouseholdMember;

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

  it('speaks English', async () => {
    const el = await mountAgenda('2026-12', 'en');
    expect(accessibleName(cell(el, /^Tuesday, December 1 /))).to.equal('Tuesday, December 1 : available, €3.60');
    await choose(el, /^Tuesday, December 1 /);
    await waitForText(el, 'You book 1 day : +€3.60');
    await expect(el).to.be.accessible();
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
});
