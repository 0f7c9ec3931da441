// SPDX-License-Identifier: MIT
/**
 * "Dernières demandes": a request's details ("Voir le détail", from getRequest), its
 * attachments (a download link for their owner, "Document joint" for the other
 * representative) and history, with a fake adapter and through RestBackend + MSW.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/family-dashboard/panels/requests-panel.js';
import { CitizenError } from '../../src/core/errors.js';
import { RestBackend } from '../../src/core/rest-backend.js';
import { startMockApi, useMockScenario } from '../../src/mocks/browser.js';
import type { CitizenRequest } from '../../src/schemas/requests.js';
import { deepQuery, deepText, FakeDashboardBackend, waitForText } from './dashboard-helpers.js';
import { getByRole, queryAllByRole } from './helpers.js';

class FakeRequestsBackend extends FakeDashboardBackend {
  documentUrl(id: string) {
    return `/api/v1/documents/${id}/content`;
  }
  /** As the server: the list leaves the details out. */
  override listRequests() {
    return super.listRequests().then((requests) => requests.map(({ details: _details, ...rest }) => rest));
  }
}

const absence: CitizenRequest = {
  id: 'req-abs',
  type: 'absence',
  summary: 'Absence de Léa DUPONT du 01/12/2026 au 03/12/2026',
  createdAt: '2026-11-30T07:30:00Z',
  status: 'sent',
  history: [{ at: '2026-11-30T07:30:00Z', status: 'sent' }],
  details: { type: 'absence', childId: 'm-lea', childName: 'Léa DUPONT', from: '2026-12-01', to: '2026-12-03', reason: 'illness', comment: 'Angine, certificat joint.' },
  attachments: [{ id: 'doc-7', name: 'Certificat médical Léa.pdf' }],
};

const enrolment: CitizenRequest = {
  id: 'req-enr',
  type: 'activity-enrolment',
  summary: 'Inscription de Hugo DUPONT : Accueil du soir',
  createdAt: '2026-11-29T18:00:00Z',
  status: 'in-progress',
  history: [{ at: '2026-11-29T18:00:00Z', status: 'sent' }],
  details: { type: 'activity-enrolment', childId: 'm-hugo', childName: 'Hugo DUPONT', activityId: 'soir', activityName: 'Accueil du soir', from: '2026-12-07', to: '2027-07-02' },
};

let fake: FakeRequestsBackend;

async function mount(template = html`<citizen-requests-panel .backend=${fake.adapter}></citizen-requests-panel>`) {
  const el = await fixture(template);
  await waitUntil(() => !deepQuery(el, '.loading[aria-busy]'), 'the panel settled', { timeout: 3000 });
  return el;
}

/** The "Voir le détail" button of the request titled `summary`. */
function detailsButton(el: Element, summary: string, name = 'Voir le détail') {
  const title = queryAllByRole(el, 'heading', summary)[0]!;
  const button = queryAllByRole(el, 'button', name).find((b) => b.getAttribute('aria-describedby') === title.id);
  if (!button) throw new Error(`no "${name}" for ${summary}`);
  return button;
}

/** The label / value pairs shown in the request's details. */
function rows(region: Element) {
  return [...region.querySelectorAll('dt')].map((dt) => `${dt.textContent!.trim()} : ${dt.nextElementSibling!.textContent!.trim()}`);
}

async function open(el: Element, summary: string, name?: string) {
  const button = detailsButton(el, summary, name);
  button.click();
  await waitUntil(() => button.getAttribute('aria-expanded') === 'true');
  const region = (button.getRootNode() as ShadowRoot).getElementById(button.getAttribute('aria-controls')!)!;
  await waitUntil(() => !region.querySelector('[aria-busy]'), 'details loaded', { timeout: 3000 });
  return region;
}

beforeEach(() => {
  fake = new FakeRequestsBackend();
  fake.requests = [absence, enrolment, ...fake.requests];
});

describe('<citizen-requests-panel> "Voir le détail"', () => {
  it('shows an absence: child, days, reason in words, comment; the certificate linked for download', async () => {
    const el = await mount();
    expect(deepText(el)).not.to.include('Angine');
    const region = await open(el, absence.summary);
    expect(fake.calls).to.include('getRequest req-abs');
    expect(rows(region)).to.deep.equal([
      'Enfant : Léa DUPONT',
      'Période : du 1 décembre 2026 au 3 décembre 2026',
      'Motif : Maladie',
      'Commentaire : Angine, certificat joint.',
    ]);
    expect(getByRole(el, 'heading', 'Pièces jointes').tagName).to.equal('H4');
    const link = getByRole(el, 'link', 'Certificat médical Léa.pdf');
    expect(link.getAttribute('href')).to.equal('/api/v1/documents/doc-7/content');
    expect(link.getAttribute('download')).to.equal('Certificat médical Léa.pdf');
    expect(deepText(region)).to.include('Le 30/11/2026 à 08:30 : Envoyée');
    expect(detailsButton(el, absence.summary, 'Masquer le détail').getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows "Document joint" without a link when the name is not given (the other representative\'s document)', async () => {
    fake.requests = [{ ...absence, submittedBy: 'Paul DUPONT', attachments: [{ id: 'doc-paul' }], details: { ...absence.details!, reason: 'other' } as CitizenRequest['details'] }];
    const el = await mount();
    const region = await open(el, absence.summary);
    expect(deepText(region)).to.include('Document joint (seule la personne qui l’a joint peut le consulter)');
    expect(queryAllByRole(el, 'link')).to.have.length(0);
    expect(rows(region)).to.include('Motif : Autre motif');
  });

  it('shows an enrolment: child, activity and period; a one-day absence says "le"', async () => {
    fake.requests = [enrolment, { ...absence, details: { ...absence.details!, to: '2026-12-01' } as CitizenRequest['details'] }];
    const el = await mount();
    expect(rows(await open(el, enrolment.summary))).to.deep.equal([
      'Enfant : Hugo DUPONT',
      'Activité : Accueil du soir',
      'Période : du 7 décembre 2026 au 2 juillet 2027',
    ]);
    expect(rows(await open(el, absence.summary))).to.include('Période : le 1 décembre 2026');
    await expect(el).to.be.accessible();
  });

  it('closes and reopens without asking again; a failure says so with "Réessayer", history still shown', async () => {
    const el = await mount();
    await open(el, absence.summary);
    detailsButton(el, absence.summary, 'Masquer le détail').click();
    await waitUntil(() => !deepText(el).includes('Pièces jointes'));
    await open(el, absence.summary);
    expect(fake.calls.filter((call) => call === 'getRequest req-abs')).to.have.length(1);

    fake.fail('getRequest', 'server_error');
    const region = await open(el, enrolment.summary);
    expect(deepText(region)).to.include("Le détail de cette demande n'a pas pu être chargé.");
    expect(deepText(region)).to.include('Le 29/11/2026 à 19:00 : Envoyée');
    await expect(el).to.be.accessible();
    fake.failures.delete('getRequest');
    getByRole(region, 'button', 'Réessayer').click();
    await waitForText(region, 'Accueil du soir');
  });

  it('reads well in English', async () => {
    const el = await mount(html`<citizen-requests-panel lang="en" .backend=${fake.adapter}></citizen-requests-panel>`);
    const region = await open(el, absence.summary, 'Show the details');
    expect(rows(region)).to.deep.equal(['Child : Léa DUPONT', 'Period : from 1 December 2026 to 3 December 2026', 'Reason : Illness', 'Comment : Angine, certificat joint.']);
    expect(deepText(region)).to.include('Attachments');
    expect(rows(await open(el, enrolment.summary, 'Show the details'))).to.include('Activity : Accueil du soir');
  });
});

describe('<citizen-requests-panel> with RestBackend and the mock API', () => {
  before(() => startMockApi());

  it('asks GET /requests/:id for the details the list leaves out; the other parent\'s certificate is "Document joint"', async () => {
    useMockScenario({ scenario: 'loggedIn', terms: { state: 'accepted' } });
    const backend = new RestBackend('/api');
    expect((await backend.listRequests()).every((request) => request.details === undefined)).to.equal(true);
    const el = await mount(html`<citizen-requests-panel .backend=${backend}></citizen-requests-panel>`);
    const region = await open(el, 'Absence de Léa DUPONT du 16/11/2026 au 18/11/2026');
    expect(rows(region)).to.deep.equal(['Enfant : Léa DUPONT', 'Période : du 16 novembre 2026 au 18 novembre 2026', 'Motif : Maladie', 'Commentaire : Varicelle.']);
    expect(deepText(region)).to.include('Document joint');
    expect(deepText(el)).to.include('faite par Paul DUPONT');
    const refused = await backend.getRequest('req-unknown').catch((error: unknown) => error as CitizenError);
    expect((refused as CitizenError).code).to.equal('not_found');
  });
});
