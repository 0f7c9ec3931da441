// SPDX-License-Identifier: MIT
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/elements/citizen-password-reset/citizen-password-reset.js';
import type { CitizenPasswordReset } from '../../src/elements/citizen-password-reset/citizen-password-reset.js';
import { CitizenError } from '../../src/core/errors.js';
import { RestBackend } from '../../src/core/rest-backend.js';
import { startMockApi, useMockScenario } from '../../src/mocks/browser.js';
import { demoAccount } from '../../src/mocks/data.js';
import { demoResetToken } from '../../src/mocks/password-reset.js';
import type { ForgotPasswordRequest, ResetPasswordRequest, ResetTokenInfo } from '../../src/schemas/account.js';
import { FakeBackend, deepActiveElement, deferred, getByLabel, getByRole, press, queryAllByRole, typeInto } from './helpers.js';

const TOKEN = 'A'.repeat(43);
const NEW_PASSWORD = 'Cerf-volant-Orage-4821';

/** The login adapter, plus the forgotten-password methods, with call logs. */
class ResetFake extends FakeBackend {
  readonly requestCalls: ForgotPasswordRequest[] = [];
  readonly resetCalls: ResetPasswordRequest[] = [];
  readonly checkCalls: string[] = [];
  onRequest = async (_request: ForgotPasswordRequest): Promise<void> => {};
  onReset = async (_request: ResetPasswordRequest): Promise<void> => {};
  onCheck = async (_token: string): Promise<ResetTokenInfo> => ({ username: demoAccount.username });
  requestPasswordReset(request: ForgotPasswordRequest) {
    this.requestCalls.push(request);
    return this.onRequest(request);
  }
  resetPassword(request: ResetPasswordRequest) {
    this.resetCalls.push(request);
    return this.onReset(request);
  }
  checkPasswordResetToken(token: string) {
    this.checkCalls.push(token);
    return this.onCheck(token);
  }
}

/** The same without the optional check (an adapter written before it existed). */
function uncheckedFake(): ResetFake {
  const fake = new ResetFake();
  (fake as unknown as { checkPasswordResetToken?: unknown }).checkPasswordResetToken = undefined;
  return fake;
}

/** Records the pages it would open instead of leaving the test page. */
class TestReset extends (customElements.get('citizen-password-reset') as typeof CitizenPasswordReset) {
  opened: string[] = [];
  protected override navigate(url: string) {
    this.opened.push(url);
  }
}
customElements.define('test-password-reset', TestReset);

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const feedbackOf = (el: Element) => el.querySelector<HTMLElement>('.citizen-feedback')!;
const outcomeOf = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('.outcome')!;

async function mount(fake: ResetFake, attributes: { step?: string; token?: string; lang?: string } = {}): Promise<TestReset> {
  const el = await fixture<TestReset>(html`
    <test-password-reset .backend=${fake.adapter} step=${attributes.step ?? 'request'} token=${attributes.token ?? ''} lang=${attributes.lang ?? 'fr'}></test-password-reset>
  `);
  await waitUntil(() => el.querySelector('form') || text(outcomeOf(el)) !== '', 'the element settled');
  return el;
}

describe('<citizen-password-reset>', () => {
  let fake: ResetFake;
  beforeEach(() => (fake = new ResetFake()));

  describe('step "request" (seed 002)', () => {
    it('asks for the username or address with the seed’s words, in the light DOM', async () => {
      const el = await mount(fake);
      expect(getByRole(el, 'heading', 'Oubli de mot de passe')).to.exist;
      expect(text(el.shadowRoot!.querySelector('.intro'))).to.equal(
        "Vous avez oublié votre mot de passe. Saisissez votre nom d'utilisateur ou votre adresse de courriel pour le réinitialiser.",
      );
      const input = getByLabel(el, "Nom d'utilisateur (ou adresse de courriel)");
      expect(input.autocomplete).to.equal('username');
      expect(input.getRootNode(), 'light DOM, for password managers').to.equal(document);
      expect(getByRole(el, 'button', 'Valider')).to.exist;
      expect(getByRole(el, 'button', 'Annuler')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('says what is missing, in the summary and beside the field, and sends nothing', async () => {
      const el = await mount(fake);
      getByRole(el, 'button', 'Valider').click();
      await waitUntil(() => !feedbackOf(el).hidden);
      expect(deepActiveElement()).to.equal(feedbackOf(el));
      expect(queryAllByRole(feedbackOf(el), 'link').map(text)).to.deep.equal(["Saisissez votre nom d'utilisateur ou votre adresse de courriel"]);
      const input = getByLabel(el, "Nom d'utilisateur (ou adresse de courriel)");
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(fake.requestCalls).to.have.length(0);
      await expect(el).to.be.accessible();
      // Fixed and left: the message goes.
      await typeInto(input, 'marie');
      await press('Tab');
      await waitUntil(() => input.getAttribute('aria-invalid') === null, 'the field is fixed');
    });

    it('answers the same whatever was typed, focused and announced, and can ask again', async () => {
      const el = await mount(fake);
      await typeInto(getByLabel(el, "Nom d'utilisateur (ou adresse de courriel)"), ' marie.dupont@example.fr ');
      const requested = oneEvent(el, 'citizen-password-reset-requested');
      await press('Enter');
      await requested;
      expect(fake.requestCalls).to.deep.equal([{ identifier: 'marie.dupont@example.fr' }]);
      const outcome = outcomeOf(el);
      await waitUntil(() => deepActiveElement() === outcome, 'focus on the answer');
      expect(outcome.getAttribute('role')).to.equal('status');
      expect(text(outcome)).to.contain('Si un compte correspond, un courriel vient de vous être envoyé.');
      expect(text(outcome)).to.contain('valable 30 minutes');
      expect(el.querySelector('form'), 'the form is gone').to.equal(null);
      expect(getByRole(el, 'link', 'Retour à la connexion').getAttribute('href')).to.equal('/connexion');
      await expect(el).to.be.accessible();

      getByRole(el, 'button', 'Faire une nouvelle demande').click();
      await waitUntil(() => el.querySelector('input'), 'the form again');
      const input = getByLabel(el, "Nom d'utilisateur (ou adresse de courriel)");
      await waitUntil(() => deepActiveElement() === input, 'focus in the field');
      expect(input.value).to.equal(' marie.dupont@example.fr ');
    });

    it('shows a refusal of the server with the time to wait', async () => {
      fake.onRequest = async () => {
        throw new CitizenError('too_many_attempts', { status: 429, retryAfter: 3600 });
      };
      const el = await mount(fake);
      await typeInto(getByLabel(el, "Nom d'utilisateur (ou adresse de courriel)"), 'marie.dupont');
      await press('Enter');
      await waitUntil(() => !feedbackOf(el).hidden);
      expect(text(feedbackOf(el))).to.equal('Trop de tentatives : réessayez dans 60 minute(s).');
      expect(deepActiveElement()).to.equal(feedbackOf(el));
      await expect(el).to.be.accessible();
    });

    it('is busy while the request runs, and sends it once', async () => {
      const pending = deferred<void>();
      fake.onRequest = () => pending.promise;
      const el = await mount(fake);
      await typeInto(getByLabel(el, "Nom d'utilisateur (ou adresse de courriel)"), 'marie.dupont');
      await press('Enter');
      await press('Enter');
      await waitUntil(() => queryAllByRole(el, 'button', 'Envoi en cours…').length === 1, 'busy');
      expect(getByRole(el, 'button', 'Envoi en cours…').getAttribute('aria-disabled')).to.equal('true');
      expect(el.querySelector('form')!.getAttribute('aria-busy')).to.equal('true');
      expect(fake.requestCalls).to.have.length(1);
      await expect(el).to.be.accessible();
      pending.resolve();
      await waitUntil(() => text(outcomeOf(el)) !== '');
    });

    it('"Annuler" goes back to the login page, unless the page cancels the event', async () => {
      const el = await mount(fake);
      const canceled = oneEvent(el, 'citizen-password-reset-canceled');
      getByRole(el, 'button', 'Annuler').click();
      await canceled;
      expect(el.opened).to.deep.equal(['/connexion']);
      el.addEventListener('citizen-password-reset-canceled', (event) => event.preventDefault());
      getByRole(el, 'button', 'Annuler').click();
      expect(el.opened).to.have.length(1);
      // Only web addresses are opened.
      const other = await fixture<TestReset>(html`<test-password-reset .backend=${fake.adapter} login-url="javascript:alert(1)"></test-password-reset>`);
      await waitUntil(() => other.querySelector('form'));
      getByRole(other, 'button', 'Annuler').click();
      expect(other.opened).to.deep.equal([]);
    });

    it('speaks English', async () => {
      const el = await mount(fake, { lang: 'en' });
      expect(getByRole(el, 'heading', 'Forgotten password')).to.exist;
      await typeInto(getByLabel(el, 'Username (or e-mail address)'), 'marie.dupont');
      await press('Enter');
      await waitUntil(() => text(outcomeOf(el)).includes('If an account matches, an e-mail has just been sent to you.'));
      await expect(el).to.be.accessible();
    });
  });

  describe('step "reset" (the mailed link)', () => {
    it('checks the link without using it, then asks for the new password with the account’s username', async () => {
      const el = await mount(fake, { step: 'reset', token: TOKEN });
      expect(fake.checkCalls).to.deep.equal([TOKEN]);
      expect(fake.resetCalls).to.have.length(0);
      expect(getByRole(el, 'heading', 'Réinitialisation de votre mot de passe')).to.exist;
      const username = getByLabel(el, "Nom d'utilisateur");
      expect(username.value).to.equal(demoAccount.username);
      expect(username.readOnly).to.equal(true);
      expect(username.autocomplete).to.equal('username');
      for (const label of ['Nouveau mot de passe', 'Confirmation du mot de passe']) {
        const input = getByLabel(el, label);
        expect(input.autocomplete, label).to.equal('new-password');
        expect(input.type).to.equal('password');
        expect(input.getRootNode()).to.equal(document);
      }
      const described = getByLabel(el, 'Nouveau mot de passe').getAttribute('aria-describedby')!.split(' ');
      expect(text(document.getElementById(described[0]!))).to.equal('Le mot de passe doit contenir au minimum 12 caractère(s)');
      expect(document.getElementById(described[1]!)!.localName, 'the checklist').to.equal('ul');
      await expect(el).to.be.accessible();
    });

    it('says "Vérification du lien…" while the link is checked', async () => {
      const pending = deferred<ResetTokenInfo>();
      fake.onCheck = () => pending.promise;
      const el = await fixture<TestReset>(html`<test-password-reset .backend=${fake.adapter} step="reset" token=${TOKEN}></test-password-reset>`);
      await waitUntil(() => text(el.shadowRoot!.querySelector('.loading')) === 'Vérification du lien…');
      expect(el.querySelector('form')).to.equal(null);
      await expect(el).to.be.accessible();
      pending.resolve({ username: 'marie.dupont' });
      await waitUntil(() => el.querySelector('form'));
    });

    it('reads the token from the page address', async () => {
      const before = location.href;
      history.replaceState(null, '', `?token=${TOKEN}`);
      try {
        await mount(fake, { step: 'reset' });
        expect(fake.checkCalls).to.deep.equal([TOKEN]);
        expect(location.search, 'the token leaves the address bar').to.equal('');
      } finally {
        sessionStorage.clear();
        history.replaceState(null, '', before);
      }
    });

    it('ticks the rules as the citizen types', async () => {
      fake.config = { ...fake.config, passwordPolicy: { ...fake.config.passwordPolicy, minLength: 8, minDigits: 1 } };
      const el = await mount(fake, { step: 'reset', token: TOKEN });
      const items = () => [...el.querySelectorAll('.citizen-checklist__item')].map((li) => `${li.getAttribute('data-rule')}:${li.classList.contains('citizen-checklist__item--met')}`);
      expect(items()).to.deep.equal(['length:false', 'digits:false', 'personal:false']);
      await typeInto(getByLabel(el, 'Nouveau mot de passe'), 'abcdefg1');
      expect(items()).to.deep.equal(['length:true', 'digits:true', 'personal:true']);
      await typeInto(getByLabel(el, 'Nouveau mot de passe'), 'marie.dupont');
      expect(items()).to.deep.equal(['length:true', 'digits:true', 'personal:false'], 'the username is personal');
    });

    it('checks both fields before sending', async () => {
      const el = await mount(fake, { step: 'reset', token: TOKEN });
      getByRole(el, 'button', 'Valider').click();
      await waitUntil(() => !feedbackOf(el).hidden);
      expect(deepActiveElement()).to.equal(feedbackOf(el));
      expect(queryAllByRole(feedbackOf(el), 'link').map(text)).to.deep.equal(['Choisissez un nouveau mot de passe', 'Saisissez de nouveau le mot de passe']);
      await expect(el).to.be.accessible();
      await typeInto(getByLabel(el, 'Nouveau mot de passe'), 'court');
      await typeInto(getByLabel(el, 'Confirmation du mot de passe'), 'autre');
      getByRole(el, 'button', 'Valider').click();
      await waitUntil(() => queryAllByRole(feedbackOf(el), 'link').length === 2 && text(feedbackOf(el)).includes('trop court'));
      expect(queryAllByRole(feedbackOf(el), 'link').map(text)).to.deep.equal([
        'Le mot de passe est trop court',
        'Les deux mots de passe ne sont pas identiques',
      ]);
      expect(getByLabel(el, 'Confirmation du mot de passe').getAttribute('aria-invalid')).to.equal('true');
      expect(fake.resetCalls).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('shows and hides both passwords', async () => {
      const el = await mount(fake, { step: 'reset', token: TOKEN });
      getByRole(el, 'button', 'Afficher les mots de passe').click();
      await waitUntil(() => getByLabel(el, 'Nouveau mot de passe').type === 'text');
      expect(getByLabel(el, 'Confirmation du mot de passe').type).to.equal('text');
      getByRole(el, 'button', 'Masquer les mots de passe').click();
      await waitUntil(() => getByLabel(el, 'Nouveau mot de passe').type === 'password');
    });

    it('sets the password, then offers to log in (focused) and fires citizen-password-reset-completed', async () => {
      const el = await mount(fake, { step: 'reset', token: TOKEN });
      await typeInto(getByLabel(el, 'Nouveau mot de passe'), NEW_PASSWORD);
      await typeInto(getByLabel(el, 'Confirmation du mot de passe'), NEW_PASSWORD);
      const completed = oneEvent(el, 'citizen-password-reset-completed');
      await press('Enter');
      expect((await completed).detail).to.deep.equal({ step: 'reset', username: 'marie.dupont' });
      expect(fake.resetCalls).to.deep.equal([{ token: TOKEN, password: NEW_PASSWORD }]);
      const outcome = outcomeOf(el);
      await waitUntil(() => deepActiveElement() === outcome, 'focus on the outcome');
      expect(text(outcome)).to.contain('Votre mot de passe a été modifié.');
      expect(getByRole(el, 'link', 'Me connecter à mon espace').getAttribute('href')).to.equal('/connexion');
      expect(el.querySelector('form')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows the server’s verdict beside the field', async () => {
      fake.onReset = async () => {
        throw new CitizenError('validation_failed', { status: 400, fields: { password: 'password_unchanged' } });
      };
      const el = await mount(fake, { step: 'reset', token: TOKEN });
      await typeInto(getByLabel(el, 'Nouveau mot de passe'), NEW_PASSWORD);
      await typeInto(getByLabel(el, 'Confirmation du mot de passe'), NEW_PASSWORD);
      await press('Enter');
      await waitUntil(() => !feedbackOf(el).hidden);
      expect(text(feedbackOf(el))).to.contain("Choisissez un mot de passe différent de l'ancien");
      expect(text(el.querySelector('.citizen-error-message'))).to.equal("Erreur : Choisissez un mot de passe différent de l'ancien");
      await expect(el).to.be.accessible();
    });

    it('says when the link is dead (at the check, or when sent) and offers a new one', async () => {
      fake.onCheck = async () => {
        throw new CitizenError('token_invalid', { status: 400 });
      };
      let el = await mount(fake, { step: 'reset', token: TOKEN });
      expect(text(outcomeOf(el))).to.contain("Ce lien n'est plus valable : il a déjà servi, a été remplacé par un lien plus récent ou a expiré.");
      expect(getByRole(el, 'link', 'Demander un nouveau lien').getAttribute('href')).to.equal('/mot-de-passe-oublie');
      expect(el.querySelector('form')).to.equal(null);
      await expect(el).to.be.accessible();

      fake = new ResetFake();
      fake.onReset = async () => {
        throw new CitizenError('token_invalid', { status: 400 });
      };
      el = await mount(fake, { step: 'reset', token: TOKEN });
      await typeInto(getByLabel(el, 'Nouveau mot de passe'), NEW_PASSWORD);
      await typeInto(getByLabel(el, 'Confirmation du mot de passe'), NEW_PASSWORD);
      await press('Enter');
      await waitUntil(() => deepActiveElement() === outcomeOf(el), 'focus on the dead link’s message');
      expect(text(outcomeOf(el))).to.contain("Ce lien n'est plus valable");
    });

    it('says when the address holds no token', async () => {
      const el = await mount(fake, { step: 'reset' });
      expect(text(outcomeOf(el))).to.contain('Ce lien est incomplet');
      expect(getByRole(el, 'link', 'Demander un nouveau lien')).to.exist;
      expect(fake.checkCalls).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('lets the citizen try the check again when it failed', async () => {
      let fail = true;
      fake.onCheck = async () => {
        if (fail) throw new CitizenError('network_error');
        return { username: 'marie.dupont' };
      };
      const el = await mount(fake, { step: 'reset', token: TOKEN });
      expect(text(outcomeOf(el))).to.contain("Le lien n'a pas pu être vérifié. Le service est injoignable.");
      await expect(el).to.be.accessible();
      fail = false;
      getByRole(el, 'button', 'Réessayer').click();
      await waitUntil(() => el.querySelector('form'), 'the form after the retry');
      expect(fake.checkCalls).to.have.length(2);
    });

    it('works with an adapter that cannot check links: no username field, the link judged when sent', async () => {
      const unchecked = uncheckedFake();
      const el = await mount(unchecked, { step: 'reset', token: TOKEN });
      expect(queryAllByRole(el, 'textbox', "Nom d'utilisateur")).to.have.length(0);
      await typeInto(getByLabel(el, 'Nouveau mot de passe'), NEW_PASSWORD);
      await typeInto(getByLabel(el, 'Confirmation du mot de passe'), NEW_PASSWORD);
      const completed = oneEvent(el, 'citizen-password-reset-completed');
      await press('Enter');
      expect((await completed).detail).to.deep.equal({ step: 'reset' });
    });
  });

  describe('step "setup" (an account created by the city)', () => {
    it('asks the holder to choose a password, and says the space is active', async () => {
      const el = await mount(fake, { step: 'setup', token: TOKEN });
      expect(getByRole(el, 'heading', 'Choisissez votre mot de passe')).to.exist;
      expect(text(el.shadowRoot!.querySelector('.intro'))).to.contain('créé par les services de la ville');
      await expect(el).to.be.accessible();
      await typeInto(getByLabel(el, 'Mot de passe'), NEW_PASSWORD);
      await typeInto(getByLabel(el, 'Confirmation du mot de passe'), NEW_PASSWORD);
      const completed = oneEvent(el, 'citizen-password-reset-completed');
      await press('Enter');
      expect((await completed).detail.step).to.equal('setup');
      await waitUntil(() => text(outcomeOf(el)).includes('Votre mot de passe est enregistré et votre espace est activé.'));
      await expect(el).to.be.accessible();
    });

    it('speaks English', async () => {
      const el = await mount(fake, { step: 'setup', token: TOKEN, lang: 'en' });
      expect(getByRole(el, 'heading', 'Choose your password')).to.exist;
      expect(getByLabel(el, 'Password')).to.exist;
      expect(getByLabel(el, 'Confirm the password')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('with RestBackend and the mock API', () => {
    before(() => startMockApi());
    beforeEach(() => useMockScenario());

    it('asks for a link, then sets the password from it once', async () => {
      const backend = new RestBackend('/api');
      await backend.requestPasswordReset({ identifier: 'quelqu.un@example.fr' });
      expect(await backend.checkPasswordResetToken(demoResetToken)).to.deep.equal({ username: demoAccount.username });
      const el = await fixture<CitizenPasswordReset>(html`<citizen-password-reset .backend=${backend} step="reset" token=${demoResetToken}></citizen-password-reset>`);
      await waitUntil(() => el.querySelector('form'), 'the form');
      await typeInto(getByLabel(el, 'Nouveau mot de passe'), NEW_PASSWORD);
      await typeInto(getByLabel(el, 'Confirmation du mot de passe'), NEW_PASSWORD);
      await press('Enter');
      await waitUntil(() => text(outcomeOf(el)).includes('Votre mot de passe a été modifié.'));
      let error: unknown;
      await backend.checkPasswordResetToken(demoResetToken).catch((e: unknown) => (error = e));
      expect((error as CitizenError).code).to.equal('token_invalid');
    });
  });
});
