// SPDX-License-Identifier: MIT
/** <family-dashboard> through RestBackend, against the MSW mock of /api/v1 (src/mocks/dashboard.ts). */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/cgu-gate/cgu-gate.js';
import '../../src/elements/family-dashboard/family-dashboard.js';
import type { FamilyDashboard } from '../../src/elements/family-dashboard/family-dashboard.js';
import { RestBackend } from '../../src/core/rest-backend.js';
import { startMockApi, useMockScenario } from '../../src/mocks/browser.js';
import { MOCK_ENFANCE_KEY } from '../../src/mocks/dashboard.js';
import { deepText, getControl, waitForText } from './dashboard-helpers.js';
import { getByRole, press, queryAllByRole, typeInto } from './helpers.js';

/** A REST adapter whose requests are recorded (they still go through fetch, hence MSW). */
function recordingBackend() {
  const requests: { method: string; url: string; headers: Headers }[] = [];
  const backend = new RestBackend('/api', {
    fetch: (input, init) => {
      requests.push({ method: init?.method ?? 'GET', url: String(input), headers: new Headers(init?.headers) });
      return fetch(input, init);
    },
  });
  return { backend, requests };
}

async function openSection(el: Element, name: string) {
  await waitUntil(() => queryAllByRole(el, 'button', name).length === 1, `${name} shown`);
  getByRole(el, 'button', name).click();
  await waitUntil(() => queryAllByRole(el, 'region', name).length === 1, `${name} opened`);
  return getByRole(el, 'region', name);
}

describe('<family-dashboard> with RestBackend and the mock API', () => {
  before(() => startMockApi());

  it('a fresh account enters its "Clé Enfance" and "Ma famille" appears, without a reload', async () => {
    useMockScenario({ scenario: 'loggedIn', terms: { state: 'accepted' }, dashboard: { family: 'fresh' } });
    const { backend, requests } = recordingBackend();
    const el = await fixture<FamilyDashboard>(html`<family-dashboard .backend=${backend}></family-dashboard>`);
    await waitForText(el, 'Bonjour Madame Marie DUPONT');
    await waitForText(el, 'Saisir ma clé');
    expect(queryAllByRole(el, 'button', 'Ma famille')).to.have.length(0);
    expect(requests.map((r) => `${r.method} ${r.url}`)).to.include.members(['GET /api/v1/session', 'GET /api/v1/profile', 'GET /api/v1/household']);

    const services = await openSection(el, 'Services et clés');
    await waitForText(services, 'Service clé – Enfance');
    await typeInto(getControl(services, 'Clé Enfance'), 'nope');
    await press('Enter');
    await waitForText(services, "Cette clé n'est pas reconnue");
    const key = getControl(services, 'Clé Enfance');
    key.select();
    await typeInto(key, MOCK_ENFANCE_KEY.toLowerCase());
    await press('Enter');
    await waitUntil(() => queryAllByRole(el, 'button', 'Ma famille').length === 1, '"Ma famille" appeared');
    const post = requests.find((r) => r.method === 'POST' && r.url === '/api/v1/profile/service-keys')!;
    expect(post.headers.get('X-Citizen-Request')).to.equal('1');

    const family = await openSection(el, 'Ma famille');
    await waitForText(family, 'Hugo');
    expect(deepText(family)).to.include('Monsieur Paul DUPONT');
    await expect(el).to.be.accessible();
  });

  it('inside <cgu-gate>: a terms refusal shows the gate, and acceptance brings the dashboard back', async () => {
    useMockScenario({ scenario: 'loggedIn', terms: { state: 'mustAccept', text: 'short' } });
    const backend = new RestBackend('/api');
    const gate = await fixture(html`<cgu-gate .backend=${backend}><family-dashboard .backend=${backend}></family-dashboard></cgu-gate>`);
    const ACCEPT = "J'accepte les conditions générales d'utilisation";
    await waitUntil(
      () => queryAllByRole(gate, 'button', ACCEPT).some((b) => b.getAttribute('aria-disabled') !== 'true'),
      'the gate shows the terms, ready to accept',
      { timeout: 3000 },
    );
    const accept = getByRole(gate, 'button', ACCEPT);
    const dashboard = gate.querySelector('family-dashboard')!;
    expect(dashboard.checkVisibility(), 'the dashboard stays hidden').to.be.false;
    accept.click();
    await waitUntil(() => dashboard.checkVisibility(), 'the dashboard shows');
    await waitForText(dashboard, '12 rue des Lilas');
    await openSection(dashboard, 'Dernières demandes');
    await waitForText(dashboard, 'Changement de téléphone mobile');
  });

  it('shows a route failing on the server in its own section only', async () => {
    useMockScenario({ scenario: 'loggedIn', terms: { state: 'accepted' }, dashboard: { failures: ['news'] } });
    const el = await fixture<FamilyDashboard>(html`<family-dashboard .backend=${new RestBackend('/api')}></family-dashboard>`);
    await waitForText(el, '12 rue des Lilas');
    const news = await openSection(el, 'Actualités et messages');
    await waitForText(news, "Les actualités n'ont pas pu être chargées.");
    await waitForText(news, '1 message non lu.');
    await expect(el).to.be.accessible();
  });
});
