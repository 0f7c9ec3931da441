// SPDX-License-Identifier: MIT
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/elements/citizen-login/citizen-login.js';
import '../../src/elements/citizen-password-change/citizen-password-change.js';
import type { CitizenLogin } from '../../src/elements/citizen-login/citizen-login.js';
import type { CitizenPasswordChange } from '../../src/elements/citizen-password-change/citizen-password-change.js';
import { CitizenError } from '../../src/core/errors.js';
import { demoAccount } from '../../src/mocks/data.js';
import type { ChangePasswordRequest } from '../../src/schemas/account.js';
import type { Session } from '../../src/schemas/session.js';
import { FakeBackend, deepActiveElement, fakeSession, getByLabel, getByRole, press, queryAllByRole, typeInto } from './helpers.js';

const NEW_PASSWORD = 'Cerf-volant-Orage-4821';

/** The login adapter, plus the password change. */
class PasswordFake extends FakeBackend {
  readonly changeCalls: ChangePasswordRequest[] = [];
  onChangePassword = async (request: ChangePasswordRequest): Promise<Session> => ({
    ...fakeSession(),
    mustChangePassword: false,
    account: { ...fakeSession().account, username: request.username ?? demoAccount.username },
  });
  changePassword(request: ChangePasswordRequest) {
    this.changeCalls.push(request);
    return this.onChangePassword(request);
  }
}

const forcedSession = (): Session => ({ ...fakeSession(), mustChangePassword: true });
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const changeOf = (el: Element) => el.querySelector<CitizenPasswordChange>('citizen-password-change')!;
const feedbackOf = (el: Element) => el.querySelector<HTMLElement>('citizen-password-change .citizen-feedback')!;

async function mountLogin(fake: FakeBackend, lang = 'fr'): Promise<CitizenLogin> {
  const el = await fixture<CitizenLogin>(html`<citizen-login .backend=${fake.adapter} lang=${lang}></citizen-login>`);
  await waitUntil(() => el.querySelector('form') || el.shadowRoot?.querySelector('.greeting'), 'the element settled');
  return el;
}

async function logIn(el: Element) {
  await typeInto(getByLabel(el, "Nom d'utilisateur"), demoAccount.username);
  await typeInto(getByLabel(el, 'Mot de passe'), demoAccount.password);
  await press('Enter');
  await waitUntil(() => changeOf(el)?.querySelector('form'), 'the change screen');
}

describe('<citizen-password-change>', () => {
  let fake: PasswordFake;
  beforeEach(() => {
    fake = new PasswordFake();
    fake.onLogIn = async () => ({ session: forcedSession() });
  });

  describe('forced change after login (seed 001)', () => {
    it('comes before anything else, with the seed’s words, focused and accessible', async () => {
      const el = await mountLogin(fake);
      let loggedIn = 0;
      el.addEventListener('citizen-logged-in', () => loggedIn++);
      await logIn(el);
      const change = changeOf(el);
      const heading = getByRole(change, 'heading', 'Modification de vos identifiants');
      await waitUntil(() => deepActiveElement() === heading, 'focus on the heading');
      expect(text(change.shadowRoot!.querySelector('.intro'))).to.equal(
        "Votre mot de passe ayant été généré automatiquement, les règles de sécurité en vigueur imposent d'en définir un nouveau",
      );
      expect(queryAllByRole(el, 'heading', /^Bonjour/), 'no greeting yet').to.have.length(0);
      expect(loggedIn, 'the page learns of the login once the password is set').to.equal(0);

      const username = getByLabel(el, "Nom d'utilisateur");
      expect(username.value).to.equal(demoAccount.username);
      expect(username.autocomplete).to.equal('username');
      for (const label of ['Mot de passe', 'Confirmation du mot de passe']) {
        const input = getByLabel(el, label);
        expect(input.autocomplete, label).to.equal('new-password');
        expect(input.type).to.equal('password');
        expect(input.getRootNode(), 'light DOM, for password managers').to.equal(document);
      }
      expect(queryAllByRole(el, 'textbox', 'Mot de passe actuel')).to.have.length(0);
      expect(getByRole(el, 'button', 'Valider')).to.exist;
      expect(getByRole(el, 'button', 'Se déconnecter'), 'a way out').to.exist;
      const described = getByLabel(el, 'Mot de passe').getAttribute('aria-describedby')!.split(' ');
      expect(text(document.getElementById(described[0]!))).to.equal('Le mot de passe doit contenir au minimum 12 caractère(s)');
      expect(document.getElementById(described[1]!)!.localName, 'the checklist').to.equal('ul');
      await expect(el).to.be.accessible();
    });

    it('ticks the rules of the checklist as the citizen types, and says what is missing after a pause', async () => {
      fake.config = { ...fake.config, passwordPolicy: { ...fake.config.passwordPolicy, minLength: 8, minDigits: 1 } };
      const el = await mountLogin(fake);
      await logIn(el);
      const items = () => [...el.querySelectorAll('.citizen-checklist__item')].map((li) => `${li.getAttribute('data-rule')}:${li.classList.contains('citizen-checklist__item--met')}`);
      expect(items()).to.deep.equal(['length:false', 'digits:false', 'personal:false']);
      await typeInto(getByLabel(el, 'Mot de passe'), 'abc');
      expect(items()).to.deep.equal(['length:false', 'digits:false', 'personal:true']);
      const live = el.querySelector('.citizen-checklist-box [aria-live="polite"]')!;
      await waitUntil(() => text(live) !== '', 'the announcement after a pause', { timeout: 3000 });
      expect(text(live)).to.equal('Il manque encore : au moins 8 caractère(s), au moins 1 chiffre(s).');
      await typeInto(getByLabel(el, 'Mot de passe'), 'defgh1');
      expect(items()).to.deep.equal(['length:true', 'digits:true', 'personal:true']);
      await waitUntil(() => text(live) === 'Le mot de passe respecte toutes les règles.', 'all met', { timeout: 3000 });
      expect(text(el.querySelector('[data-rule="length"]'))).to.equal('✓ Au moins 8 caractère(s) : respectée');
      await expect(el).to.be.accessible();
    });

    it('checks the fields before sending: summary first, then each field', async () => {
      const el = await mountLogin(fake);
      await logIn(el);
      const username = getByLabel(el, "Nom d'utilisateur");
      username.select();
      await press('Backspace');
      await typeInto(getByLabel(el, 'Mot de passe'), 'Marie-Dupont-2026');
      await typeInto(getByLabel(el, 'Confirmation du mot de passe'), 'autre-chose-2026');
      getByRole(el, 'button', 'Valider').click();
      await waitUntil(() => !feedbackOf(el).hidden);
      expect(deepActiveElement()).to.equal(feedbackOf(el));
      expect(queryAllByRole(feedbackOf(el), 'link').map(text)).to.deep.equal([
        "Saisissez un nom d'utilisateur",
        'Le mot de passe ne doit pas contenir votre nom, votre identifiant ou le nom de la ville',
        'Les deux mots de passe ne sont pas identiques',
      ]);
      expect(getByLabel(el, 'Confirmation du mot de passe').getAttribute('aria-invalid')).to.equal('true');
      expect(fake.changeCalls).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('sends the new password (and a new username), then greets and fires citizen-logged-in', async () => {
      const el = await mountLogin(fake);
      await logIn(el);
      const username = getByLabel(el, "Nom d'utilisateur");
      username.select();
      await typeInto(username, 'marie.d');
      await typeInto(getByLabel(el, 'Mot de passe'), NEW_PASSWORD);
      await typeInto(getByLabel(el, 'Confirmation du mot de passe'), NEW_PASSWORD);
      const changed = oneEvent(el, 'citizen-password-changed');
      const loggedIn = oneEvent(el, 'citizen-logged-in');
      await press('Enter');
      expect((await changed).detail.session.mustChangePassword).to.be.false;
      expect((await loggedIn).detail.session.account.username).to.equal('marie.d');
      expect(fake.changeCalls).to.deep.equal([{ newPassword: NEW_PASSWORD, username: 'marie.d' }]);
      await waitUntil(() => deepActiveElement() === el.shadowRoot!.querySelector('.greeting'), 'focus on the greeting');
      expect(changeOf(el)).to.equal(null);
    });

    it('shows the server’s verdict beside the field (a common password)', async () => {
      fake.onChangePassword = async () => {
        throw new CitizenError('validation_failed', { status: 400, fields: { newPassword: 'password_common' } });
      };
      const el = await mountLogin(fake);
      await logIn(el);
      await typeInto(getByLabel(el, 'Mot de passe'), 'motdepasse1234');
      await typeInto(getByLabel(el, 'Confirmation du mot de passe'), 'motdepasse1234');
      await press('Enter');
      await waitUntil(() => !feedbackOf(el).hidden);
      expect(text(feedbackOf(el).querySelector('a'))).to.equal('Ce mot de passe est trop courant ou trop facile à deviner');
      expect(getByLabel(el, 'Mot de passe').getAttribute('aria-invalid')).to.equal('true');
    });

    it('shows the change screen again after a reload (the session still must change)', async () => {
      fake.session = forcedSession();
      const el = await mountLogin(fake);
      await waitUntil(() => changeOf(el)?.querySelector('form'));
      expect(getByRole(changeOf(el), 'heading', 'Modification de vos identifiants')).to.exist;
    });

    it('speaks English', async () => {
      const el = await mountLogin(fake, 'en');
      await typeInto(getByLabel(el, 'Username'), demoAccount.username);
      await typeInto(getByLabel(el, 'Password'), demoAccount.password);
      await press('Enter');
      await waitUntil(() => changeOf(el)?.querySelector('form'));
      expect(getByRole(changeOf(el), 'heading', 'Change your credentials')).to.exist;
      expect(getByLabel(el, 'Confirm password')).to.exist;
      expect(getByRole(el, 'button', 'Confirm')).to.exist;
      expect(text(el.querySelector('.citizen-checklist__title'))).to.equal('Password rules');
      await expect(el).to.be.accessible();
    });
  });

  describe('change from the citizen space', () => {
    beforeEach(() => {
      fake.session = fakeSession();
    });

    it('opens from "Modifier mon mot de passe", asks the current password, and cancels back to the button', async () => {
      const el = await mountLogin(fake);
      const button = getByRole(el, 'button', 'Modifier mon mot de passe');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      button.click();
      await waitUntil(() => changeOf(el)?.querySelector('form'));
      const heading = getByRole(changeOf(el), 'heading', 'Modifier mon mot de passe');
      await waitUntil(() => deepActiveElement() === heading, 'focus on the form heading');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(getByLabel(el, 'Mot de passe actuel').autocomplete).to.equal('current-password');
      expect(getByLabel(el, 'Nouveau mot de passe').autocomplete).to.equal('new-password');
      expect(getByLabel(el, 'Confirmation du nouveau mot de passe').autocomplete).to.equal('new-password');
      const hidden = el.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
      expect(hidden.hidden && hidden.value, 'the username, for password managers').to.equal(demoAccount.username);
      await expect(el).to.be.accessible();

      getByRole(el, 'button', 'Annuler').click();
      await waitUntil(() => changeOf(el) === null);
      await waitUntil(() => deepActiveElement() === button, 'focus back on the button');
    });

    it('reports a wrong current password beside its field', async () => {
      fake.onChangePassword = async () => {
        throw new CitizenError('validation_failed', { status: 400, fields: { currentPassword: 'password_wrong' } });
      };
      const el = await mountLogin(fake);
      getByRole(el, 'button', 'Modifier mon mot de passe').click();
      await waitUntil(() => changeOf(el)?.querySelector('form'));
      await typeInto(getByLabel(el, 'Mot de passe actuel'), 'pas-le-bon');
      await typeInto(getByLabel(el, 'Nouveau mot de passe'), NEW_PASSWORD);
      await typeInto(getByLabel(el, 'Confirmation du nouveau mot de passe'), NEW_PASSWORD);
      await press('Enter');
      await waitUntil(() => !feedbackOf(el).hidden);
      expect(fake.changeCalls).to.deep.equal([{ currentPassword: 'pas-le-bon', newPassword: NEW_PASSWORD }]);
      expect(text(feedbackOf(el).querySelector('a'))).to.equal("Ce n'est pas votre mot de passe actuel");
      await expect(el).to.be.accessible();
    });

    it('changes it, says so, and gives focus back to the button', async () => {
      const el = await mountLogin(fake);
      const button = getByRole(el, 'button', 'Modifier mon mot de passe');
      button.click();
      await waitUntil(() => changeOf(el)?.querySelector('form'));
      await typeInto(getByLabel(el, 'Mot de passe actuel'), demoAccount.password);
      await typeInto(getByLabel(el, 'Nouveau mot de passe'), NEW_PASSWORD);
      await typeInto(getByLabel(el, 'Confirmation du nouveau mot de passe'), NEW_PASSWORD);
      await press('Enter');
      await waitUntil(() => changeOf(el) === null);
      expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('Votre mot de passe a été modifié.');
      await waitUntil(() => deepActiveElement() === button);
      expect(fake.changeCalls).to.deep.equal([{ currentPassword: demoAccount.password, newPassword: NEW_PASSWORD }]);
    });

    it('works on its own (a profile page), confirming in a status that takes focus', async () => {
      const el = await fixture<CitizenPasswordChange>(html`<citizen-password-change .backend=${fake.adapter}></citizen-password-change>`);
      await waitUntil(() => el.querySelector('form'));
      await typeInto(getByLabel(el, 'Mot de passe actuel'), demoAccount.password);
      await typeInto(getByLabel(el, 'Nouveau mot de passe'), NEW_PASSWORD);
      await typeInto(getByLabel(el, 'Confirmation du nouveau mot de passe'), NEW_PASSWORD);
      await press('Enter');
      const done = el.shadowRoot!.querySelector('.done')!;
      await waitUntil(() => text(done) !== '');
      expect(text(done)).to.equal('Votre mot de passe a été modifié. Vos autres connexions ont été fermées.');
      expect(deepActiveElement()).to.equal(done);
      expect(getByLabel(el, 'Nouveau mot de passe').value, 'the form is emptied').to.equal('');
      await expect(el).to.be.accessible();
    });

    it('asks to log in when there is no session', async () => {
      fake.session = null;
      const el = await fixture<CitizenPasswordChange>(html`<citizen-password-change .backend=${fake.adapter}></citizen-password-change>`);
      await waitUntil(() => el.shadowRoot!.querySelector('.intro'));
      expect(text(el.shadowRoot!.querySelector('.intro'))).to.equal(
        'Connectez-vous à votre espace pour modifier votre mot de passe. Se connecter',
      );
      expect(el.querySelector('form')).to.equal(null);
      await aTimeout(0);
      await expect(el).to.be.accessible();
    });
  });
});
