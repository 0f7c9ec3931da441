// SPDX-License-Identifier: MIT
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/elements/citizen-franceconnect-button/citizen-franceconnect-button.js';
import '../../src/elements/citizen-login/citizen-login.js';
import { CitizenFranceConnectButton } from '../../src/elements/citizen-franceconnect-button/citizen-franceconnect-button.js';
import { CitizenLogin } from '../../src/elements/citizen-login/citizen-login.js';
import { CitizenError } from '../../src/core/errors.js';
import { demoAccount } from '../../src/mocks/data.js';
import { demoFranceConnectIdentity } from '../../src/mocks/franceconnect.js';
import type { FranceConnectIdentity, LogoutResult } from '../../src/schemas/franceconnect.js';
import type { LoginRequest, LoginResult } from '../../src/schemas/session.js';
import { FakeBackend, deepActiveElement, fakeSession, findInAccessibilityTree, getByLabel, getByRole, press, queryAllByRole, typeInto } from './helpers.js';

/** Records navigations instead of leaving the test page. */
class TestButton extends CitizenFranceConnectButton {
  navigations: string[] = [];
  protected override navigate(url: string) {
    this.navigations.push(url);
  }
}
customElements.define('test-franceconnect-button', TestButton);

class TestLogin extends CitizenLogin {
  navigations: string[] = [];
  protected override navigate(url: string) {
    this.navigations.push(url);
  }
}
customElements.define('test-franceconnect-login', TestLogin);

/** The login adapter plus FranceConnect's optional methods, for a city that offers it. */
class FranceConnectFake extends FakeBackend {
  identity: FranceConnectIdentity | null = demoFranceConnectIdentity;
  readonly linkCalls: LoginRequest[] = [];
  createCalls = 0;
  cancelCalls = 0;
  logoutResult: LogoutResult | void = undefined;
  onCreate = async (): Promise<LoginResult> => ({ session: { ...fakeSession(), franceConnect: true } });
  constructor() {
    super();
    this.config = { ...this.config, franceConnect: true };
    this.onLogOut = async () => undefined;
  }
  franceConnectLoginUrl(returnTo: string) {
    return `/api/v1/franceconnect/login?returnTo=${encodeURIComponent(returnTo)}`;
  }
  async getFranceConnectIdentity() {
    return this.identity;
  }
  async linkFranceConnect(request: LoginRequest): Promise<LoginResult> {
    this.linkCalls.push(request);
    if (request.password !== demoAccount.password) throw new CitizenError('invalid_credentials', { status: 401 });
    return { session: { ...fakeSession(), franceConnect: true } };
  }
  createAccountFromFranceConnect() {
    this.createCalls++;
    return this.onCreate();
  }
  async cancelFranceConnect() {
    this.cancelCalls++;
  }
  override logOut() {
    this.logOutCalls++;
    return Promise.resolve(this.logoutResult) as Promise<void>;
  }
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Puts `?franceconnect=…` in the test page's address, as the server's redirect does. */
function landWith(result: string | undefined) {
  const url = new URL(location.href);
  if (result) url.searchParams.set('franceconnect', result);
  else url.searchParams.delete('franceconnect');
  history.replaceState(history.state, '', url.href);
}

describe('FranceConnect', () => {
  let fake: FranceConnectFake;
  beforeEach(() => {
    fake = new FranceConnectFake();
  });
  afterEach(() => landWith(undefined));

  describe('<citizen-franceconnect-button>', () => {
    it('follows FranceConnect’s button: its words, its link in a new window, and "OU"', async () => {
      const el = await fixture<TestButton>(html`<test-franceconnect-button separator .backend=${fake.adapter} .config=${fake.config}></test-franceconnect-button>`);
      const button = getByRole(el, 'button', "S'identifier avec FranceConnect");
      expect(getComputedStyle(button).backgroundColor).to.equal('rgb(0, 0, 145)');
      const link = getByRole(el, 'link', "Qu'est-ce que FranceConnect ? (nouvelle fenêtre)");
      expect(link.getAttribute('href')).to.equal('https://franceconnect.gouv.fr/');
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.getAttribute('rel')).to.equal('noopener');
      expect(text(el.shadowRoot!.querySelector('[part="separator"]'))).to.equal('OU');
      expect(el.shadowRoot!.querySelector('svg')!.getAttribute('aria-hidden'), 'the mark is decoration').to.equal('true');
      expect(await findInAccessibilityTree('button', "S'identifier avec FranceConnect")).to.exist;
      await expect(el).to.be.accessible();
    });

    it('starts the login, coming back to this page', async () => {
      const el = await fixture<TestButton>(html`<test-franceconnect-button .backend=${fake.adapter} .config=${fake.config}></test-franceconnect-button>`);
      getByRole(el, 'button', "S'identifier avec FranceConnect").click();
      expect(el.navigations).to.deep.equal([`/api/v1/franceconnect/login?returnTo=${encodeURIComponent(location.pathname + location.search)}`]);
      getByRole(el, 'button', "S'identifier avec FranceConnect").click();
      expect(el.navigations, 'once').to.have.length(1);
    });

    it('is not shown when the city does not offer FranceConnect, nor in token mode', async () => {
      const off = await fixture<TestButton>(html`<test-franceconnect-button .backend=${fake.adapter} .config=${{ ...fake.config, franceConnect: false }}></test-franceconnect-button>`);
      expect(off.hidden).to.be.true;
      expect(queryAllByRole(off, 'button')).to.have.length(0);
      const token = await fixture<TestButton>(html`<test-franceconnect-button auth="token" .backend=${fake.adapter} .config=${fake.config}></test-franceconnect-button>`);
      expect(token.hidden).to.be.true;
    });

    it('speaks English', async () => {
      const el = await fixture<TestButton>(html`<test-franceconnect-button lang="en" separator .backend=${fake.adapter} .config=${fake.config}></test-franceconnect-button>`);
      expect(getByRole(el, 'button', 'Sign in with FranceConnect')).to.exist;
      expect(getByRole(el, 'link', 'What is FranceConnect? (new window)')).to.exist;
      expect(text(el.shadowRoot!.querySelector('[part="separator"]'))).to.equal('OR');
    });
  });

  describe('in <citizen-login>', () => {
    async function mount(lang = 'fr'): Promise<TestLogin> {
      const el = await fixture<TestLogin>(html`<test-franceconnect-login lang=${lang} .backend=${fake.adapter}></test-franceconnect-login>`);
      await waitUntil(() => el.querySelector('form') || el.shadowRoot?.querySelector('.greeting'), 'the element settled');
      return el;
    }

    it('offers FranceConnect first, above the form and an "OU"', async () => {
      const el = await mount();
      const fc = getByRole(el, 'button', "S'identifier avec FranceConnect");
      const username = getByLabel(el, "Nom d'utilisateur");
      expect(fc.getBoundingClientRect().bottom).to.be.below(username.getBoundingClientRect().top);
      await expect(el).to.be.accessible();
    });

    it('shows the certified identity read-only and creates the account from it', async () => {
      landWith('choose');
      const el = await mount();
      await waitUntil(() => queryAllByRole(el, 'heading', 'Votre identité FranceConnect').length === 1, 'the choice');
      await waitUntil(() => deepActiveElement() === queryAllByRole(el, 'heading', 'Votre identité FranceConnect')[0], 'focus on the choice');
      expect(new URL(location.href).searchParams.has('franceconnect'), 'the address is cleaned').to.be.false;
      const rows = [...el.querySelectorAll('.citizen-certified__row')].map((row) => `${text(row.querySelector('dt'))} ${text(row.querySelector('dd'))}`);
      expect(rows).to.deep.equal([
        'Prénom(s) Camille Jeanne',
        'Nom MARTIN',
        'Date de naissance 12/05/1985',
        'Sexe Féminin',
        'Adresse de courriel camille.martin@example.fr',
      ]);
      expect(el.querySelector('.citizen-certified input'), 'not editable').to.equal(null);
      expect(queryAllByRole(el, 'button', "S'identifier avec FranceConnect"), 'no second FranceConnect button').to.have.length(0);
      await expect(el).to.be.accessible();

      const loggedIn = oneEvent(el, 'citizen-logged-in');
      getByRole(el, 'button', 'Créer mon espace avec cette identité').click();
      expect((await loggedIn).detail.session.franceConnect).to.be.true;
      expect(fake.createCalls).to.equal(1);
      await waitUntil(() => el.shadowRoot!.querySelector('.greeting'));
    });

    it('links an existing account with its username and password', async () => {
      landWith('choose');
      const el = await mount();
      await waitUntil(() => queryAllByRole(el, 'heading', 'Votre identité FranceConnect').length === 1);
      await typeInto(getByLabel(el, "Nom d'utilisateur"), demoAccount.username);
      await typeInto(getByLabel(el, 'Mot de passe'), 'pas-le-bon');
      await press('Enter');
      await waitUntil(() => text(el.querySelector('.citizen-feedback')) !== '');
      expect(text(el.querySelector('.citizen-feedback'))).to.equal('Identifiant ou mot de passe incorrect');
      expect(fake.logInCalls, 'not a plain login').to.have.length(0);

      getByLabel(el, 'Mot de passe').select();
      await typeInto(getByLabel(el, 'Mot de passe'), demoAccount.password);
      const loggedIn = oneEvent(el, 'citizen-logged-in');
      getByRole(el, 'button', 'Relier mon espace').click();
      await loggedIn;
      expect(fake.linkCalls.map((call) => call.password)).to.deep.equal(['pas-le-bon', demoAccount.password]);
    });

    it('says when the certified e-mail already has an account, and cancels back to the login form', async () => {
      landWith('choose');
      fake.onCreate = async () => {
        throw new CitizenError('conflict', { status: 409, fields: { email: 'email_taken' } });
      };
      const el = await mount();
      await waitUntil(() => queryAllByRole(el, 'heading', 'Votre identité FranceConnect').length === 1);
      getByRole(el, 'button', 'Créer mon espace avec cette identité').click();
      await waitUntil(() => text(el.querySelector('.citizen-feedback')) !== '');
      expect(text(el.querySelector('.citizen-feedback'))).to.contain('Un espace citoyen existe déjà avec cette adresse de courriel');
      expect(deepActiveElement()).to.equal(el.querySelector('.citizen-feedback'));
      await expect(el).to.be.accessible();

      getByRole(el, 'button', 'Annuler').click();
      await waitUntil(() => queryAllByRole(el, 'heading', 'Votre identité FranceConnect').length === 0);
      expect(fake.cancelCalls).to.equal(1);
      expect(getByRole(el, 'button', 'Connexion')).to.exist;
    });

    it('says the FranceConnect login failed, or was cancelled', async () => {
      landWith('error');
      const el = await mount();
      await waitUntil(() => text(el.querySelector('.citizen-feedback')) !== '');
      expect(text(el.querySelector('.citizen-feedback'))).to.equal(
        "La connexion avec FranceConnect n'a pas abouti. Réessayez, ou connectez-vous avec votre nom d'utilisateur et votre mot de passe.",
      );
      await expect(el).to.be.accessible();

      landWith('canceled');
      const other = await mount();
      await waitUntil(() => text(other.shadowRoot!.querySelector('[role="status"]')) !== '');
      expect(text(other.shadowRoot!.querySelector('[role="status"]'))).to.equal('Vous avez annulé la connexion avec FranceConnect.');
    });

    it('announces a FranceConnect login as a login, and logs out of FranceConnect too', async () => {
      landWith('connected');
      fake.session = { ...fakeSession(), franceConnect: true };
      const el = document.createElement('test-franceconnect-login') as TestLogin;
      el.backend = fake.adapter;
      el.redirect = '/mon-espace';
      const loggedIn = oneEvent(el, 'citizen-logged-in');
      document.body.append(el);
      try {
        expect((await loggedIn).detail.session.franceConnect).to.be.true;
        expect(el.navigations).to.deep.equal([new URL('/mon-espace', location.href).href]);
        await waitUntil(() => el.shadowRoot!.querySelector('.greeting'));

        fake.logoutResult = { redirect: 'http://localhost:3000/franceconnect-demo/session/end?id_token_hint=x' };
        getByRole(el, 'button', 'Se déconnecter').click();
        await waitUntil(() => el.navigations.length === 2);
        expect(el.navigations[1]).to.equal(fake.logoutResult.redirect);
      } finally {
        el.remove();
      }
    });

    it('speaks English on the choice screen', async () => {
      landWith('choose');
      const el = await mount('en');
      await waitUntil(() => queryAllByRole(el, 'heading', 'Your FranceConnect identity').length === 1);
      expect(getByRole(el, 'button', 'Create my account with this identity')).to.exist;
      expect(getByRole(el, 'button', 'Link my account')).to.exist;
      await expect(el).to.be.accessible();
    });
  });
});
