// SPDX-License-Identifier: MIT
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements/citizen-login/citizen-login.js';
import '../../src/elements/citizen-portal/citizen-portal.js';
import { CitizenLogin } from '../../src/elements/citizen-login/citizen-login.js';
import { sameOriginUrl, type SessionEventDetail } from '../../src/elements/citizen-login/citizen-login.component.js';
import { CitizenError } from '../../src/core/errors.js';
import { demoAccount } from '../../src/mocks/data.js';
import type { LoginResult } from '../../src/schemas/session.js';
import { lightFormStyles } from '../../src/styles/light-form.js';
import {
  FakeBackend,
  deepActiveElement,
  deferred,
  fakeSession,
  findInAccessibilityTree,
  getByLabel,
  getByRole,
  press,
  queryAllByRole,
  typeInto,
} from './helpers.js';

/** Records navigations instead of leaving the test page. */
class TestLogin extends CitizenLogin {
  navigations: string[] = [];
  protected override navigate(url: string) {
    this.navigations.push(url);
  }
}
customElements.define('test-citizen-login', TestLogin);

const USERNAME = "Nom d'utilisateur";
const PASSWORD = 'Mot de passe';

async function mount(template: TemplateResult): Promise<CitizenLogin> {
  const el = await fixture<CitizenLogin>(template);
  await waitUntil(() => el.querySelector('form') || el.shadowRoot?.querySelector('.greeting'), 'the element settled');
  return el;
}

async function mountWith(fake: FakeBackend, attributes: Partial<Record<'forgot-password-url' | 'lang', string>> = {}) {
  return mount(html`<citizen-login
    .backend=${fake.adapter}
    forgot-password-url=${attributes['forgot-password-url'] ?? '/mot-de-passe-oublie'}
    lang=${attributes.lang ?? 'fr'}
  ></citizen-login>`);
}

/** Types the demo credentials (or others) and presses Enter. */
async function logIn(el: Element, username: string = demoAccount.username, password: string = demoAccount.password) {
  await typeInto(getByLabel(el, USERNAME), username);
  await typeInto(getByLabel(el, PASSWORD), password);
  await press('Enter');
}

const feedbackOf = (el: Element) => el.querySelector<HTMLElement>('.citizen-feedback')!;
const alertText = (el: Element) => el.querySelector('.citizen-feedback [role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim();

describe('<citizen-login>', () => {
  let fake: FakeBackend;
  beforeEach(() => {
    fake = new FakeBackend();
  });

  describe('accessibility', () => {
    it('names its fields, buttons and link in the accessibility tree', async () => {
      await mountWith(fake);
      expect(await findInAccessibilityTree('heading', 'Mon espace perso')).to.include({ level: 2 });
      expect(await findInAccessibilityTree('textbox', USERNAME)).to.exist;
      expect(await findInAccessibilityTree('textbox', PASSWORD)).to.exist;
      expect(await findInAccessibilityTree('button', 'Connexion')).to.exist;
      expect(await findInAccessibilityTree('button', 'Afficher le mot de passe')).to.exist;
      expect(await findInAccessibilityTree('link', "J'ai oublié mon mot de passe")).to.exist;
    });

    it('is accessible when empty', async () => {
      const el = await mountWith(fake);
      await expect(el).to.be.accessible();
    });

    it('renders the form in the light DOM, fillable by password managers', async () => {
      const el = await mountWith(fake);
      const form = el.querySelector('form')!;
      expect(form.getRootNode()).to.equal(document);
      const username = getByLabel(el, USERNAME);
      const password = getByLabel(el, PASSWORD);
      expect(username.autocomplete).to.equal('username');
      expect(password.autocomplete).to.equal('current-password');
      expect(password.type).to.equal('password');
      expect(form.contains(getByRole(el, 'button', 'Connexion'))).to.be.true;
      const paste = new Event('paste', { bubbles: true, cancelable: true });
      expect(password.dispatchEvent(paste), 'paste is allowed').to.be.true;
    });

    it('gives each instance its own ids', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <citizen-login .backend=${fake.adapter}></citizen-login><citizen-login .backend=${fake.adapter}></citizen-login>
      </div>`);
      await waitUntil(() => wrapper.querySelectorAll('form').length === 2);
      const ids = [...wrapper.querySelectorAll('[id]')].map((node) => node.id);
      expect(new Set(ids).size).to.equal(ids.length);
    });

    it('adopts its light-DOM stylesheet once into the document, or into the enclosing shadow root', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <citizen-login .backend=${fake.adapter}></citizen-login><citizen-login .backend=${fake.adapter}></citizen-login>
      </div>`);
      const sheet = lightFormStyles.styleSheet!;
      expect(document.adoptedStyleSheets.filter((s) => s === sheet)).to.have.length(1);

      const host = document.createElement('div');
      wrapper.append(host);
      const root = host.attachShadow({ mode: 'open' });
      root.append(document.createElement('citizen-login'));
      expect(root.adoptedStyleSheets).to.include(sheet);
    });

    it('takes its heading level from heading-level, the greeting one below', async () => {
      fake.session = fakeSession();
      const el = await mount(html`<citizen-login heading-level="3" .backend=${fake.adapter}></citizen-login>`);
      expect(getByRole(el, 'heading', 'Mon espace perso').localName).to.equal('h3');
      expect(getByRole(el, 'heading', 'Bonjour Madame Marie DUPONT').localName).to.equal('h4');
    });
  });

  describe('validation', () => {
    it('shows an error summary that takes focus, and an error on each empty field', async () => {
      const el = await mountWith(fake);
      getByRole(el, 'button', 'Connexion').click();
      await waitUntil(() => !feedbackOf(el).hidden);

      expect(deepActiveElement()).to.equal(feedbackOf(el));
      const alert = feedbackOf(el).querySelector('[role="alert"]')!;
      expect(getByRole(alert as HTMLElement, 'heading', 'Le formulaire contient des erreurs')).to.exist;
      const links = queryAllByRole(alert as HTMLElement, 'link');
      expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
        "Saisissez votre nom d'utilisateur ou votre adresse de courriel",
        'Saisissez votre mot de passe',
      ]);

      const username = getByLabel(el, USERNAME);
      expect(username.getAttribute('aria-invalid')).to.equal('true');
      const [hintId, errorId] = username.getAttribute('aria-describedby')!.split(' ');
      expect(document.getElementById(hintId!)!.textContent).to.equal('Ou votre adresse de courriel.');
      expect(document.getElementById(errorId!)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        "Erreur : Saisissez votre nom d'utilisateur ou votre adresse de courriel",
      );
      const password = getByLabel(el, PASSWORD);
      expect(password.getAttribute('aria-invalid')).to.equal('true');
      expect(document.getElementById(password.getAttribute('aria-describedby')!)!.textContent).to.contain('Saisissez votre mot de passe');
      expect(fake.logInCalls).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('moves focus to the field when its summary link is followed', async () => {
      const el = await mountWith(fake);
      getByRole(el, 'button', 'Connexion').click();
      await waitUntil(() => !feedbackOf(el).hidden);
      getByRole(el, 'link', 'Saisissez votre mot de passe').click();
      expect(document.activeElement).to.equal(getByLabel(el, PASSWORD));
    });

    it('flags only the empty field, and clears errors once fixed', async () => {
      const el = await mountWith(fake);
      await typeInto(getByLabel(el, USERNAME), 'marie.dupont');
      await press('Enter');
      await waitUntil(() => !feedbackOf(el).hidden);
      expect(getByLabel(el, USERNAME).hasAttribute('aria-invalid')).to.be.false;
      expect(getByLabel(el, PASSWORD).getAttribute('aria-invalid')).to.equal('true');

      await typeInto(getByLabel(el, PASSWORD), demoAccount.password);
      await press('Enter');
      await waitUntil(() => el.shadowRoot!.querySelector('.greeting'));
      expect(fake.logInCalls).to.deep.equal([{ identifier: 'marie.dupont', password: demoAccount.password }]);
    });
  });

  describe('login', () => {
    it('sends what was typed, by Enter, with the username trimmed', async () => {
      const el = await mountWith(fake);
      await logIn(el, '  marie.dupont ');
      await waitUntil(() => fake.logInCalls.length === 1);
      expect(fake.logInCalls[0]).to.deep.equal({ identifier: 'marie.dupont', password: demoAccount.password });
    });

    it('says "Identifiant ou mot de passe incorrect" in an alert that takes focus', async () => {
      const el = await mountWith(fake);
      await logIn(el, 'marie.dupont', 'wrong');
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal('Identifiant ou mot de passe incorrect');
      expect(deepActiveElement()).to.equal(feedbackOf(el));
      await expect(el).to.be.accessible();

      // A second failure is a new alert, so screen readers announce it again.
      const first = el.querySelector('.citizen-feedback [role="alert"]');
      await press('Tab');
      await press('Enter');
      await waitUntil(() => fake.logInCalls.length === 2 && el.querySelector('.citizen-feedback [role="alert"]') !== first);
      expect(alertText(el)).to.equal('Identifiant ou mot de passe incorrect');
    });

    it('tells how many minutes to wait after too many attempts', async () => {
      fake.onLogIn = async () => {
        throw new CitizenError('too_many_attempts', { retryAfter: 300, status: 429 });
      };
      const el = await mountWith(fake);
      await logIn(el);
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal('Trop de tentatives : réessayez dans 5 minute(s).');
      await expect(el).to.be.accessible();
    });

    it('rounds the wait up to whole minutes, and counts seconds under a minute', async () => {
      let retryAfter = 61;
      fake.onLogIn = async () => {
        throw new CitizenError('too_many_attempts', { retryAfter, status: 429 });
      };
      const el = await mountWith(fake);
      await logIn(el);
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal('Trop de tentatives : réessayez dans 2 minute(s).');
      retryAfter = 45;
      getByRole(el, 'button', 'Connexion').click();
      await waitUntil(() => alertText(el)?.includes('seconde'));
      expect(alertText(el)).to.equal('Trop de tentatives : réessayez dans 45 seconde(s).');
    });

    it('shows the catalog text of network and server errors', async () => {
      let code: 'network_error' | 'server_error' = 'network_error';
      fake.onLogIn = async () => {
        throw new CitizenError(code);
      };
      const el = await mountWith(fake);
      await logIn(el);
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal('Le service est injoignable. Vérifiez votre connexion puis réessayez.');
      code = 'server_error';
      getByRole(el, 'button', 'Connexion').click();
      await waitUntil(() => alertText(el)?.startsWith('Une erreur'));
      expect(alertText(el)).to.equal('Une erreur est survenue de notre côté. Réessayez dans quelques instants.');
      await expect(el).to.be.accessible();
    });

    it('treats an unexpected exception from a custom adapter as a server error', async () => {
      fake.onLogIn = async () => {
        throw new TypeError('adapter bug');
      };
      const el = await mountWith(fake);
      await logIn(el);
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal('Une erreur est survenue de notre côté. Réessayez dans quelques instants.');
    });

    it('shows field errors the server returns beside the fields', async () => {
      fake.onLogIn = async () => {
        throw new CitizenError('validation_failed', { status: 400, fields: { identifier: 'too_long' } });
      };
      const el = await mountWith(fake);
      await logIn(el);
      await waitUntil(() => getByLabel(el, USERNAME).getAttribute('aria-invalid') === 'true');
      expect(getByRole(el, 'link', 'Ce texte est trop long')).to.exist;
    });

    it('is busy while the request runs and does not send it twice', async () => {
      const answer = deferred<LoginResult>();
      fake.onLogIn = () => answer.promise;
      const el = await mountWith(fake);
      await logIn(el);
      const form = el.querySelector('form')!;
      await waitUntil(() => form.getAttribute('aria-busy') === 'true');
      const button = getByRole(el, 'button', 'Connexion en cours…');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();

      await press('Enter');
      button.click();
      form.requestSubmit();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fake.logInCalls).to.have.length(1);

      answer.resolve({ session: fakeSession() });
      await waitUntil(() => el.shadowRoot!.querySelector('.greeting'));
      expect(fake.logInCalls).to.have.length(1);
    });

    it('fires citizen-logged-in, greets the citizen and moves focus to the greeting', async () => {
      const el = await mountWith(fake);
      const event = oneEvent(document, 'citizen-logged-in');
      await logIn(el);
      const { detail, bubbles, composed } = (await event) as CustomEvent<SessionEventDetail>;
      expect(bubbles && composed).to.be.true;
      expect(detail.session.account.username).to.equal('marie.dupont');

      await waitUntil(() => el.shadowRoot!.querySelector('.greeting'));
      const greeting = getByRole(el, 'heading', 'Bonjour Madame Marie DUPONT');
      expect(greeting.getAttribute('part')).to.equal('greeting');
      expect(deepActiveElement()).to.equal(greeting);
      expect(el.shadowRoot!.querySelector('.last-login')!.textContent!.trim()).to.equal('Dernière connexion le 14/03/2026 à 17:42');
      expect(el.querySelector('form'), 'the form is gone').to.be.null;
      expect(getByRole(el, 'button', 'Se déconnecter').getAttribute('part')).to.equal('logout-button');
      await expect(el).to.be.accessible();
    });

    it('says when it is the first login', async () => {
      fake.onLogIn = async () => ({ session: { ...fakeSession(), previousLoginAt: undefined } });
      const el = await mountWith(fake);
      await logIn(el);
      await waitUntil(() => el.shadowRoot!.querySelector('.last-login'));
      expect(el.shadowRoot!.querySelector('.last-login')!.textContent!.trim()).to.equal('Ceci est votre première connexion.');
    });

    it('shows the greeting at once when a session exists, without taking focus', async () => {
      fake.session = fakeSession();
      const el = await mountWith(fake);
      expect(fake.getSessionCalls).to.equal(1);
      expect(getByRole(el, 'heading', 'Bonjour Madame Marie DUPONT')).to.exist;
      expect(el.querySelector('form')).to.be.null;
      expect(document.activeElement).to.equal(document.body);
      await expect(el).to.be.accessible();
    });

    it('shows the form when the session check fails', async () => {
      fake.onGetSession = async () => {
        throw new CitizenError('network_error');
      };
      const el = await mountWith(fake);
      expect(getByLabel(el, USERNAME)).to.exist;
    });
  });

  describe('logout', () => {
    it('fires citizen-logged-out, shows the form again with focus on the username and says so', async () => {
      fake.session = fakeSession();
      const el = await mountWith(fake);
      const event = oneEvent(el, 'citizen-logged-out');
      getByRole(el, 'button', 'Se déconnecter').click();
      const { detail } = (await event) as CustomEvent<SessionEventDetail>;
      expect(detail.session.account.username).to.equal('marie.dupont');
      expect(fake.logOutCalls).to.equal(1);

      await waitUntil(() => el.querySelector('form'));
      expect(document.activeElement).to.equal(getByLabel(el, USERNAME));
      expect(getByRole(el, 'status').textContent!.trim()).to.equal('Vous êtes déconnecté.');
      await expect(el).to.be.accessible();
    });

    it('stays logged in and says why when the logout fails', async () => {
      fake.session = fakeSession();
      fake.onLogOut = async () => {
        throw new CitizenError('network_error');
      };
      const el = await mountWith(fake);
      getByRole(el, 'button', 'Se déconnecter').click();
      await waitUntil(() => queryAllByRole(el, 'alert').length === 1);
      expect(getByRole(el, 'alert').textContent!.trim()).to.equal(
        'Le service est injoignable. Vérifiez votre connexion puis réessayez.',
      );
      expect(getByRole(el, 'heading', 'Bonjour Madame Marie DUPONT')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('counts a session the server already ended as logged out', async () => {
      fake.session = fakeSession();
      fake.onLogOut = async () => {
        throw new CitizenError('session_expired', { status: 401 });
      };
      const el = await mountWith(fake);
      getByRole(el, 'button', 'Se déconnecter').click();
      await waitUntil(() => el.querySelector('form'));
    });
  });

  describe('password field', () => {
    it('shows and hides the password, saying so politely', async () => {
      const el = await mountWith(fake);
      const password = getByLabel(el, PASSWORD);
      getByRole(el, 'button', 'Afficher le mot de passe').click();
      await waitUntil(() => password.type === 'text');
      const toggle = getByRole(el, 'button', 'Masquer le mot de passe');
      expect(toggle.getAttribute('aria-controls')).to.equal(password.id);
      expect(el.querySelector('[aria-live="polite"]')!.textContent!.trim()).to.equal('Le mot de passe est affiché.');
      await expect(el).to.be.accessible();

      toggle.click();
      await waitUntil(() => password.type === 'password');
      expect(el.querySelector('[aria-live="polite"]')!.textContent!.trim()).to.equal('Le mot de passe est masqué.');
    });

    it('hides the password again on submit, so that browsers offer to save it', async () => {
      fake.onLogIn = async () => {
        throw new CitizenError('invalid_credentials');
      };
      const el = await mountWith(fake);
      getByRole(el, 'button', 'Afficher le mot de passe').click();
      await logIn(el, 'marie.dupont', 'secret');
      await waitUntil(() => alertText(el));
      expect(getByLabel(el, PASSWORD).type).to.equal('password');
      expect(getByLabel(el, PASSWORD).value, 'what was typed stays').to.equal('secret');
    });
  });

  describe('redirect', () => {
    async function mountTest(redirect: string) {
      const el = (await mount(html`<test-citizen-login .backend=${fake.adapter} redirect=${redirect}></test-citizen-login>`)) as TestLogin;
      await logIn(el);
      await waitUntil(() => el.shadowRoot!.querySelector('.greeting'));
      return el;
    }

    it('opens a page of the same origin after login', async () => {
      const el = await mountTest('/mon-espace?onglet=famille');
      expect(el.navigations).to.deep.equal([`${location.origin}/mon-espace?onglet=famille`]);
    });

    it('ignores other origins and other schemes', async () => {
      for (const redirect of ['https://evil.example/', '//evil.example/', 'javascript:alert(1)']) {
        const el = await mountTest(redirect);
        expect(el.navigations, redirect).to.deep.equal([]);
      }
    });

    it('stays on the page when citizen-logged-in is cancelled', async () => {
      const cancel = (event: Event) => event.preventDefault();
      document.addEventListener('citizen-logged-in', cancel);
      try {
        const el = await mountTest('/mon-espace');
        expect(el.navigations).to.deep.equal([]);
      } finally {
        document.removeEventListener('citizen-logged-in', cancel);
      }
    });

    it('accepts only same-origin URLs (sameOriginUrl)', () => {
      const base = 'https://ville.example/connexion';
      expect(sameOriginUrl('/mon-espace', base)?.href).to.equal('https://ville.example/mon-espace');
      expect(sameOriginUrl('mon-espace', base)?.href).to.equal('https://ville.example/mon-espace');
      expect(sameOriginUrl('https://ville.example/x', base)?.href).to.equal('https://ville.example/x');
      for (const url of ['https://evil.example/', '//evil.example', '/\\evil.example', 'http://ville.example/', 'data:text/html,x', 'javascript:alert(1)']) {
        expect(sameOriginUrl(url, base), url).to.be.null;
      }
    });
  });

  describe('languages and city config', () => {
    it('speaks English with lang="en"', async () => {
      const el = await mountWith(fake, { lang: 'en' });
      expect(getByRole(el, 'heading', 'My personal space')).to.exist;
      expect(getByLabel(el, 'Username')).to.exist;
      expect(getByLabel(el, 'Password')).to.exist;
      expect(getByRole(el, 'link', 'I forgot my password')).to.exist;
      getByRole(el, 'button', 'Log in').click();
      await waitUntil(() => !feedbackOf(el).hidden);
      expect(getByRole(el, 'heading', 'There is a problem')).to.exist;
      expect(el.querySelector('.citizen-error-message')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'Error: Enter your username or your e-mail address',
      );
      await expect(el).to.be.accessible();
    });

    it('follows a lang change made after it rendered', async () => {
      const el = await mountWith(fake);
      el.setAttribute('lang', 'en');
      await waitUntil(() => queryAllByRole(el, 'button', 'Log in').length === 1);
    });

    it('links to the city config forgotten-password page, the attribute first, none without either', async () => {
      fake.config = { ...fake.config, urls: { forgotPassword: '/oubli' } };
      const fromConfig = await mount(html`<citizen-login .backend=${fake.adapter}></citizen-login>`);
      await waitUntil(() => queryAllByRole(fromConfig, 'link').length === 1);
      expect(getByRole(fromConfig, 'link', "J'ai oublié mon mot de passe").getAttribute('href')).to.equal('/oubli');

      const fromAttribute = await mountWith(fake, { 'forgot-password-url': '/mot-de-passe' });
      await new Promise((resolve) => setTimeout(resolve));
      expect(getByRole(fromAttribute, 'link', "J'ai oublié mon mot de passe").getAttribute('href')).to.equal('/mot-de-passe');

      fake.config = { ...fake.config, urls: {} };
      const none = await mount(html`<citizen-login .backend=${fake.adapter}></citizen-login>`);
      await new Promise((resolve) => setTimeout(resolve));
      expect(queryAllByRole(none, 'link')).to.have.length(0);

      const unsafe = await mountWith(fake, { 'forgot-password-url': 'javascript:alert(1)' });
      expect(queryAllByRole(unsafe, 'link')).to.have.length(0);
    });

    it("uses the city's own texts", async () => {
      fake.config = { ...fake.config, texts: { fr: { 'login.heading': 'Espace Famille' } } };
      const el = await mountWith(fake);
      await waitUntil(() => queryAllByRole(el, 'heading', 'Espace Famille').length === 1);
    });

    it('gets its adapter from an enclosing <citizen-portal>', async () => {
      const portal = await fixture(html`<citizen-portal .backend=${fake.adapter}><citizen-login></citizen-login></citizen-portal>`);
      const el = portal.querySelector('citizen-login')!;
      await waitUntil(() => el.querySelector('form'));
      expect(fake.getSessionCalls).to.equal(1);
      await logIn(el);
      await waitUntil(() => el.shadowRoot!.querySelector('.greeting'));
      expect(fake.logInCalls).to.have.length(1);
    });

    it('says it is not connected when it has no adapter', async () => {
      const el = await mount(html`<citizen-login></citizen-login>`);
      await logIn(el);
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal("Ce composant n'est relié à aucun service : ajoutez l'attribut api.");
    });
  });

  describe('layout', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('fits 320 px with targets of at least 24 px', async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await mountWith(fake);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const target of [
        getByLabel(el, USERNAME),
        getByLabel(el, PASSWORD),
        getByRole(el, 'button', 'Connexion'),
        getByRole(el, 'button', 'Afficher le mot de passe'),
        getByRole(el, 'link', "J'ai oublié mon mot de passe"),
      ]) {
        const { width, height, right } = target.getBoundingClientRect();
        expect(Math.min(width, height), accessibleNameOf(target)).to.be.at.least(24);
        expect(right, accessibleNameOf(target)).to.be.at.most(320);
      }
    });

    it('shows a focus ring on keyboard focus', async () => {
      const el = await mountWith(fake);
      getByLabel(el, USERNAME).focus();
      await press('Tab');
      expect(deepActiveElement()).to.equal(getByLabel(el, PASSWORD));
      await press('Tab');
      expect(deepActiveElement()).to.equal(getByRole(el, 'button', 'Afficher le mot de passe'));
      const style = getComputedStyle(deepActiveElement()!);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });
  });
});

function accessibleNameOf(el: Element) {
  return el.textContent?.trim() || (el as HTMLInputElement).labels?.[0]?.textContent || el.localName;
}
