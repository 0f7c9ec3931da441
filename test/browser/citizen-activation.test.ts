// SPDX-License-Identifier: MIT
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements/citizen-activation/citizen-activation.js';
import type { ActivatedEventDetail, CitizenActivation } from '../../src/elements/citizen-activation/citizen-activation.js';
import { CitizenError } from '../../src/core/errors.js';
import { RestBackend } from '../../src/core/rest-backend.js';
import { startMockApi, useMockScenario } from '../../src/mocks/browser.js';
import { MOCK_ACTIVATION_TOKEN, MOCK_NEW_USERNAME } from '../../src/mocks/signup.js';
import type { ActivationResult } from '../../src/schemas/account.js';
import { deepActiveElement, deferred, findInAccessibilityTree, getByLabel, getByRole, press, queryAllByRole, typeInto } from './helpers.js';
import { SignupFake, waitFor } from './signup-helpers.js';

const TOKEN = 'A'.repeat(43);
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const textOf = (el: CitizenActivation) => squash(el.shadowRoot!.textContent);

async function mount(template: TemplateResult) {
  const el = await fixture<CitizenActivation>(template);
  await waitUntil(() => el.shadowRoot!.querySelector('.citizen-form')?.childElementCount, 'the element rendered');
  return el;
}

const mountWith = (fake: SignupFake, token: string | undefined = TOKEN, lang = 'fr') =>
  mount(html`<citizen-activation .backend=${fake.adapter} .token=${token} lang=${lang}></citizen-activation>`);

describe('<citizen-activation>', () => {
  let fake: SignupFake;
  beforeEach(() => {
    fake = new SignupFake();
  });

  describe('activation', () => {
    it('changes nothing on opening: it waits for "Activer mon espace"', async () => {
      const el = await mountWith(fake);
      expect(await findInAccessibilityTree('heading', 'Activation de votre espace')).to.include({ level: 2 });
      expect(textOf(el)).to.contain('Pour activer votre espace personnel, cliquez sur le bouton ci-dessous.');
      expect(getByRole(el, 'button', 'Activer mon espace')).to.exist;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fake.activateCalls, 'no request until the click').to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('activates on click, says "Votre espace a bien été activé pour le nom d\'utilisateur : X", links to login', async () => {
      const el = await mountWith(fake);
      const activated = oneEvent(el, 'citizen-activated');
      getByRole(el, 'button', 'Activer mon espace').click();
      const event = (await activated) as CustomEvent<ActivatedEventDetail>;
      expect(event.bubbles && event.composed).to.be.true;
      expect(event.detail).to.deep.equal({ username: 'camille.martin' });
      expect(fake.activateCalls).to.deep.equal([TOKEN]);
      const result = await waitFor(() =>
        queryAllByRole(el, 'heading', "Votre espace a bien été activé pour le nom d'utilisateur : camille.martin.")[0],
      );
      expect(result.localName).to.equal('h3');
      expect(deepActiveElement()).to.equal(result);
      const login = getByRole(el, 'link', 'Me connecter à mon espace');
      expect(login.getAttribute('href')).to.equal('/connexion');
      expect(login.getAttribute('part')).to.equal('login-link');
      await expect(el).to.be.accessible();
    });

    it('reads the token from the page address, then takes it out of the address bar (a reload still works)', async () => {
      const url = new URL(location.href);
      history.replaceState(null, '', `${location.pathname}?token=${TOKEN}B&utm_source=mail#haut`);
      try {
        const el = await mount(html`<citizen-activation .backend=${fake.adapter}></citizen-activation>`);
        expect(el.token).to.equal(`${TOKEN}B`);
        expect(location.search, 'no token left for analytics, the history or a Referer').to.equal('?utm_source=mail');
        expect(location.hash).to.equal('#haut');
        getByRole(el, 'button', 'Activer mon espace').click();
        await waitUntil(() => fake.activateCalls.length === 1);
        expect(fake.activateCalls).to.deep.equal([`${TOKEN}B`]);
        const reloaded = await mount(html`<citizen-activation .backend=${fake.adapter}></citizen-activation>`);
        expect(reloaded.token, 'the same tab keeps it').to.equal(`${TOKEN}B`);
      } finally {
        sessionStorage.clear();
        history.replaceState(null, '', url.href);
      }
    });

    it('is busy while the request runs and does not send it twice', async () => {
      const answer = deferred<ActivationResult>();
      fake.onActivate = () => answer.promise;
      const el = await mountWith(fake);
      getByRole(el, 'button', 'Activer mon espace').click();
      const button = await waitFor(() => queryAllByRole(el, 'button', 'Activation en cours…')[0]);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      button.click();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fake.activateCalls).to.have.length(1);
      answer.resolve({ username: 'camille.martin' });
      await waitUntil(() => queryAllByRole(el, 'link', 'Me connecter à mon espace').length === 1);
    });

    it('keeps the button after a network or server error, in an alert that takes focus', async () => {
      fake.onActivate = async () => {
        throw new CitizenError('network_error');
      };
      const el = await mountWith(fake);
      getByRole(el, 'button', 'Activer mon espace').click();
      const alert = await waitFor(() => queryAllByRole(el, 'alert')[0]);
      expect(squash(alert.textContent)).to.equal('Le service est injoignable. Vérifiez votre connexion puis réessayez.');
      expect(deepActiveElement()).to.equal(alert.parentElement);
      await expect(el).to.be.accessible();
      fake.onActivate = async () => ({ username: 'camille.martin' });
      getByRole(el, 'button', 'Activer mon espace').click();
      await waitUntil(() => queryAllByRole(el, 'link', 'Me connecter à mon espace').length === 1);
    });
  });

  describe('invalid links', () => {
    it('explains an expired, used or unknown link, and sends a new one whatever the account', async () => {
      fake.onActivate = async () => {
        throw new CitizenError('token_invalid', { status: 400 });
      };
      const el = await mountWith(fake);
      getByRole(el, 'button', 'Activer mon espace').click();
      const problem = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('[data-focus="problem"]'));
      await waitUntil(() => deepActiveElement() === problem);
      expect(squash(problem.textContent)).to.equal(
        "Ce lien d'activation n'est plus valable : il a expiré, a déjà servi, ou un lien plus récent l'a remplacé.",
      );
      expect(textOf(el)).to.contain('Si votre espace est déjà activé, vous pouvez vous connecter.');
      expect(getByRole(el, 'heading', 'Recevoir un nouveau lien')).to.exist;
      await expect(el).to.be.accessible();

      getByRole(el, 'button', 'Envoyer un nouveau lien').click();
      await waitUntil(() => getByLabel(el, "Nom d'utilisateur ou adresse de courriel").getAttribute('aria-invalid') === 'true');
      expect(deepActiveElement()).to.equal(getByLabel(el, "Nom d'utilisateur ou adresse de courriel"));
      expect(textOf(el)).to.contain("Saisissez votre nom d'utilisateur ou votre adresse de courriel");
      expect(fake.resendCalls).to.deep.equal([]);
      await expect(el).to.be.accessible();

      await typeInto(getByLabel(el, "Nom d'utilisateur ou adresse de courriel"), ' camille.martin@example.fr ');
      await press('Enter');
      const status = await waitFor(() => queryAllByRole(el, 'status').find((s) => s.textContent!.trim()));
      expect(squash(status!.textContent)).to.equal(
        "C'est noté : si un espace en attente d'activation correspond à cet identifiant, un nouveau lien d'activation vient d'être envoyé par courriel.",
      );
      expect(fake.resendCalls).to.deep.equal(['camille.martin@example.fr']);
      expect(getByLabel(el, "Nom d'utilisateur ou adresse de courriel").value).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('offers the new-link form at once when the page has no token', async () => {
      const el = await mountWith(fake, '');
      expect(textOf(el)).to.contain("Ce lien d'activation est incomplet.");
      expect(queryAllByRole(el, 'button', 'Activer mon espace')).to.have.length(0);
      expect(getByRole(el, 'button', 'Envoyer un nouveau lien')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('says how long to wait when new links are asked for too often', async () => {
      fake.onResend = async () => {
        throw new CitizenError('too_many_attempts', { status: 429, retryAfter: 600 });
      };
      const el = await mountWith(fake, '');
      await typeInto(getByLabel(el, "Nom d'utilisateur ou adresse de courriel"), 'camille.martin');
      await press('Enter');
      const alert = await waitFor(() => queryAllByRole(el, 'alert')[0]);
      expect(squash(alert.textContent)).to.equal('Trop de tentatives : réessayez dans 10 minute(s).');
    });
  });

  describe('languages, config and layout', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('speaks English with lang="en"', async () => {
      const el = await mountWith(fake, TOKEN, 'en');
      expect(getByRole(el, 'heading', 'Activating your space')).to.exist;
      getByRole(el, 'button', 'Activate my space').click();
      await waitFor(() => queryAllByRole(el, 'heading', 'Your space has been activated for the username: camille.martin.')[0]);
      expect(getByRole(el, 'link', 'Log in to my space')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('links to login-url first, the city config otherwise, nowhere unsafe', async () => {
      const el = await mount(html`<citizen-activation .backend=${fake.adapter} token=${TOKEN} login-url="/se-connecter"></citizen-activation>`);
      getByRole(el, 'button', 'Activer mon espace').click();
      const link = await waitFor(() => queryAllByRole(el, 'link', 'Me connecter à mon espace')[0]);
      expect(link.getAttribute('href')).to.equal('/se-connecter');
      const unsafe = await mount(html`<citizen-activation .backend=${fake.adapter} token=${TOKEN} login-url="javascript:alert(1)"></citizen-activation>`);
      getByRole(unsafe, 'button', 'Activer mon espace').click();
      await waitFor(() => queryAllByRole(unsafe, 'heading', /Votre espace a bien été activé/)[0]);
      expect(queryAllByRole(unsafe, 'link')).to.have.length(0);
    });

    it('fits 320 px', async () => {
      await setViewport({ width: 320, height: 640 });
      fake.onActivate = async () => {
        throw new CitizenError('token_invalid', { status: 400 });
      };
      const el = await mountWith(fake);
      getByRole(el, 'button', 'Activer mon espace').click();
      await waitFor(() => queryAllByRole(el, 'button', 'Envoyer un nouveau lien')[0]);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    });
  });

  describe('with RestBackend and the mock API', () => {
    before(() => startMockApi());
    afterEach(() => useMockScenario());

    it('activates a token once; the second time the link is no longer valid', async () => {
      useMockScenario();
      const backend = new RestBackend('/api');
      const first = await mount(html`<citizen-activation .backend=${backend} token=${MOCK_ACTIVATION_TOKEN}></citizen-activation>`);
      getByRole(first, 'button', 'Activer mon espace').click();
      await waitFor(() => queryAllByRole(first, 'heading', `Votre espace a bien été activé pour le nom d'utilisateur : ${MOCK_NEW_USERNAME}.`)[0]);

      const again = await mount(html`<citizen-activation .backend=${backend} token=${MOCK_ACTIVATION_TOKEN}></citizen-activation>`);
      getByRole(again, 'button', 'Activer mon espace').click();
      await waitFor(() => queryAllByRole(again, 'heading', 'Recevoir un nouveau lien')[0]);
      await typeInto(getByLabel(again, "Nom d'utilisateur ou adresse de courriel"), 'inconnu@example.fr');
      await press('Enter');
      await waitFor(() => queryAllByRole(again, 'status').find((s) => s.textContent!.includes("C'est noté")));
    });
  });
});
