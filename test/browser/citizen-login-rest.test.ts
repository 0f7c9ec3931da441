// SPDX-License-Identifier: MIT
/** <citizen-login> through the REST adapter, against the MSW mock of /api/v1. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/citizen-login/citizen-login.js';
import type { CitizenLogin } from '../../src/elements/citizen-login/citizen-login.js';
import { CitizenError } from '../../src/core/errors.js';
import { RestBackend } from '../../src/core/rest-backend.js';
import { startMockApi, useMockScenario } from '../../src/mocks/browser.js';
import { demoAccount } from '../../src/mocks/data.js';
import { getByLabel, getByRole, press, queryAllByRole, typeInto } from './helpers.js';

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

async function rejection(promise: Promise<unknown>): Promise<CitizenError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(CitizenError);
    return error as CitizenError;
  }
  throw new Error('expected a rejection');
}

async function mountRest(backend: RestBackend) {
  const el = await fixture<CitizenLogin>(html`<citizen-login .backend=${backend}></citizen-login>`);
  await waitUntil(() => el.querySelector('form') || el.shadowRoot!.querySelector('.greeting'), 'the element settled');
  return el;
}

async function logIn(el: Element, username: string, password: string) {
  await typeInto(getByLabel(el, "Nom d'utilisateur"), username);
  await typeInto(getByLabel(el, 'Mot de passe'), password);
  await press('Enter');
}

const alertText = (el: Element) => el.querySelector('.citizen-feedback [role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim();

describe('<citizen-login> with RestBackend and the mock API', () => {
  before(() => startMockApi());
  beforeEach(() => useMockScenario());

  describe('RestBackend', () => {
    it('sends X-Citizen-Request and JSON, and returns the session', async () => {
      const { backend, requests } = recordingBackend();
      const { session } = await backend.logIn({ identifier: 'Marie.Dupont@example.fr', password: demoAccount.password });
      expect(session.account.lastName).to.equal('Dupont');
      const [request] = requests;
      expect(request!.url).to.equal('/api/v1/session');
      expect(request!.headers.get('X-Citizen-Request')).to.equal('1');
      expect(request!.headers.get('Content-Type')).to.equal('application/json');
      expect(await backend.getSession()).to.deep.equal(session);
    });

    it('is refused by the mock, like the server, without X-Citizen-Request', async () => {
      const response = await fetch('/api/v1/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ identifier: demoAccount.username, password: demoAccount.password }),
      });
      expect(response.status).to.equal(403);
      expect(await response.json()).to.include({ code: 'csrf_rejected' });
    });

    it('maps error bodies to CitizenError with status, retryAfter and fields', async () => {
      const { backend } = recordingBackend();
      const wrong = await rejection(backend.logIn({ identifier: demoAccount.username, password: 'nope' }));
      expect(wrong).to.include({ code: 'invalid_credentials', status: 401 });

      const invalid = await rejection(backend.logIn({ identifier: '', password: '' }));
      expect(invalid).to.include({ code: 'validation_failed', status: 400 });
      expect(invalid.fields).to.deep.equal({ identifier: 'required', password: 'required' });

      useMockScenario({ scenario: 'tooManyAttempts', retryAfter: 120 });
      const locked = await rejection(backend.logIn({ identifier: demoAccount.username, password: 'x' }));
      expect(locked).to.include({ code: 'too_many_attempts', status: 429, retryAfter: 120 });

      useMockScenario({ scenario: 'serverError' });
      expect(await rejection(backend.logIn({ identifier: 'a', password: 'b' }))).to.include({ code: 'server_error', status: 500 });

      useMockScenario({ scenario: 'networkError' });
      expect(await rejection(backend.logIn({ identifier: 'a', password: 'b' }))).to.include({ code: 'network_error', status: 0 });
    });

    it('answers getSession with null when nobody is logged in, and logs out', async () => {
      const { backend, requests } = recordingBackend();
      expect(await backend.getSession()).to.be.null;
      await backend.logIn({ identifier: demoAccount.username, password: demoAccount.password });
      await backend.logOut();
      expect(requests.at(-1)).to.include({ method: 'DELETE' });
      expect(requests.at(-1)!.headers.get('X-Citizen-Request')).to.equal('1');
      expect(await backend.getSession()).to.be.null;
    });
  });

  describe('the element', () => {
    it('logs the demo account in and out', async () => {
      const { backend } = recordingBackend();
      const el = await mountRest(backend);
      await waitUntil(() => queryAllByRole(el, 'link', "J'ai oublié mon mot de passe").length === 1, 'link from the config');
      expect(getByRole(el, 'link', "J'ai oublié mon mot de passe").getAttribute('href')).to.equal('/mot-de-passe-oublie');

      await logIn(el, demoAccount.username, demoAccount.password);
      await waitUntil(() => el.shadowRoot!.querySelector('.greeting'));
      expect(getByRole(el, 'heading', 'Bonjour Madame Marie DUPONT')).to.exist;
      expect(el.shadowRoot!.querySelector('.last-login')!.textContent!.trim()).to.equal('Dernière connexion le 14/03/2026 à 17:42');

      getByRole(el, 'button', 'Se déconnecter').click();
      await waitUntil(() => el.querySelector('form'));
      expect(await backend.getSession()).to.be.null;
    });

    it('shows the logged-in view when the API has a session', async () => {
      useMockScenario({ scenario: 'loggedIn' });
      const el = await mountRest(recordingBackend().backend);
      expect(getByRole(el, 'heading', 'Bonjour Madame Marie DUPONT')).to.exist;
    });

    it('connects by the api attribute alone', async () => {
      useMockScenario({ scenario: 'loggedIn' });
      const el = await fixture<CitizenLogin>(html`<citizen-login api="/api"></citizen-login>`);
      await waitUntil(() => el.shadowRoot!.querySelector('.greeting'), 'greeting');
    });

    it('says the password is wrong', async () => {
      const el = await mountRest(recordingBackend().backend);
      await logIn(el, demoAccount.username, 'Famille-Demo-2025');
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal('Identifiant ou mot de passe incorrect');
    });

    it('says how long to wait when throttled', async () => {
      useMockScenario({ scenario: 'tooManyAttempts', retryAfter: 600 });
      const el = await mountRest(recordingBackend().backend);
      await logIn(el, demoAccount.username, 'x');
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal('Trop de tentatives : réessayez dans 10 minute(s).');
    });

    it('sends one request however often the citizen submits while waiting', async () => {
      useMockScenario({ scenario: 'slow', latencyMs: 400 });
      const { backend, requests } = recordingBackend();
      const el = await mountRest(backend);
      await logIn(el, demoAccount.username, demoAccount.password);
      await waitUntil(() => el.querySelector('form')?.getAttribute('aria-busy') === 'true');
      await press('Enter');
      getByRole(el, 'button', 'Connexion en cours…').click();
      await waitUntil(() => el.shadowRoot!.querySelector('.greeting'), 'logged in', { timeout: 3000 });
      expect(requests.filter((r) => r.method === 'POST')).to.have.length(1);
    });
  });
});
