// SPDX-License-Identifier: MIT
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements/citizen-signup/citizen-signup.js';
import type { CitizenSignup, SignedUpEventDetail } from '../../src/elements/citizen-signup/citizen-signup.js';
import { CitizenError } from '../../src/core/errors.js';
import { RestBackend } from '../../src/core/rest-backend.js';
import { startMockApi, useMockScenario } from '../../src/mocks/browser.js';
import { MOCK_CAPTCHA_TEXT, MOCK_SERVICE_KEY } from '../../src/mocks/signup.js';
import { PASSWORD_POLICY_PRESETS } from '../../src/schemas/password-policy.js';
import type { SignupResult } from '../../src/schemas/account.js';
import {
  deepActiveElement,
  deferred,
  findInAccessibilityTree,
  getByLabel,
  getByRole,
  press,
  queryAllByRole,
  typeInto,
} from './helpers.js';
import {
  SignupFake,
  TINY_PNG_BASE64,
  altchaChallenge,
  choosePhoto,
  clickButton,
  currentHeading,
  family,
  fieldError,
  fillContact,
  fillCredentials,
  fillIdentity,
  pngFile,
  waitFor,
  waitForStep,
} from './signup-helpers.js';

const STORAGE_KEY = 'citizen-elements:signup:';
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function mount(fake: SignupFake, attributes: { lang?: string; 'heading-level'?: string } = {}) {
  const el = await fixture<CitizenSignup>(html`<citizen-signup
    .backend=${fake.adapter}
    lang=${attributes.lang ?? 'fr'}
    heading-level=${attributes['heading-level'] ?? '2'}
  ></citizen-signup>`);
  await waitUntil(() => el.querySelector('button'), 'the element rendered');
  // The city config arrives through the adapter: wait for it (service keys depend on it).
  await waitUntil(() => (el as unknown as { cityConfig?: unknown }).cityConfig, 'the city config');
  return el;
}

/** Mounts and opens step 1. */
async function started(fake: SignupFake, attributes?: Parameters<typeof mount>[1]) {
  const el = await mount(fake, attributes);
  clickButton(el, attributes?.lang === 'en' ? 'Create my space' : 'Je crée mon espace');
  await waitForStep(el, attributes?.lang === 'en' ? 'Identity' : 'Identité');
  return el;
}

async function next(el: Element, title: string) {
  clickButton(el, 'Suivant');
  await waitForStep(el, title);
}

/** Steps 1 to 3 filled; on step 4 with the captcha loaded. */
async function toCredentials(el: Element) {
  await fillIdentity(el);
  await next(el, 'Adresse');
  await next(el, 'Moyens de contact');
  await fillContact(el);
  await next(el, 'Authentification');
}

async function toReview(el: Element) {
  await toCredentials(el);
  await fillCredentials(el, { captcha: 'K7HM4R' });
  await next(el, 'Vérifiez vos informations');
}

const feedback = (el: Element) => el.querySelector<HTMLElement>('.citizen-feedback')!;
const summaryLinks = (el: Element) => queryAllByRole(feedback(el), 'link').map((a) => squash(a.textContent));
const errorOf = (input: HTMLElement) => {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  const id = ids.find((i) => i.endsWith('-error'));
  return id ? squash(document.getElementById(id)?.textContent).replace(/^Erreur : /, '') : undefined;
};

describe('<citizen-signup>', () => {
  let fake: SignupFake;
  beforeEach(() => {
    fake = new SignupFake();
    sessionStorage.clear();
  });
  afterEach(() => sessionStorage.clear());

  describe('accessibility', () => {
    it('greets with "Bonjour et bienvenue" and "Je crée mon espace", with no violation', async () => {
      const el = await mount(fake);
      expect(await findInAccessibilityTree('heading', "Création d'un espace personnel")).to.include({ level: 2 });
      expect(await findInAccessibilityTree('heading', 'Bonjour et bienvenue')).to.include({ level: 3 });
      expect(getByRole(el, 'button', 'Je crée mon espace')).to.exist;
      expect(el.querySelector('.citizen-form')!.getRootNode(), 'light DOM').to.equal(document);
      await expect(el).to.be.accessible();
    });

    it('heads each step "Étape N sur 5", a fieldset with its legend, focused on arrival, with no violation', async () => {
      const el = await started(fake);
      const titles = ['Identité', 'Adresse', 'Moyens de contact', 'Authentification', 'Vérifiez vos informations'];
      for (const [index, title] of titles.entries()) {
        const heading = currentHeading(el)!;
        expect(squash(heading.textContent)).to.equal(`Étape ${index + 1} sur 5 ${title}`);
        expect(heading.localName).to.equal('h3');
        expect(deepActiveElement(), `focus on ${title}`).to.equal(heading);
        // Steps with fields are fieldsets whose legend is the heading (GOV.UK's "legend as page heading").
        if (index < 4) expect(heading.parentElement!.localName === 'legend' && heading.closest('fieldset')).to.be.ok;
        await expect(el).to.be.accessible();
        if (index === 0) await fillIdentity(el);
        if (index === 2) await fillContact(el);
        if (index === 3) await fillCredentials(el, { captcha: 'K7HM4R' });
        if (index < 4) await next(el, titles[index + 1]!);
      }
      clickButton(el, 'Précédent');
      await waitForStep(el, 'Authentification');
      expect(deepActiveElement()).to.equal(currentHeading(el));
    });

    it('takes its heading levels from heading-level', async () => {
      const el = await started(fake, { 'heading-level': '3' });
      expect(getByRole(el, 'heading', "Création d'un espace personnel").localName).to.equal('h3');
      expect(currentHeading(el)!.localName).to.equal('h4');
    });

    it('keeps username and passwords in the light DOM for password managers: autocomplete, paste, show/hide', async () => {
      const el = await started(fake);
      await toCredentials(el);
      const username = getByLabel(el, "Nom d'utilisateur");
      const password = getByLabel(el, 'Mot de passe');
      const confirmation = getByLabel(el, 'Confirmation du mot de passe');
      expect(password.getRootNode()).to.equal(document);
      expect(username.closest('form')).to.equal(password.closest('form'));
      expect([username.autocomplete, password.autocomplete, confirmation.autocomplete]).to.deep.equal([
        'username',
        'new-password',
        'new-password',
      ]);
      expect(password.type).to.equal('password');
      expect(password.dispatchEvent(new Event('paste', { bubbles: true, cancelable: true })), 'paste allowed').to.be.true;

      const toggle = getByRole(el, 'button', 'Afficher les mots de passe');
      expect(toggle.getAttribute('aria-controls')).to.equal(`${password.id} ${confirmation.id}`);
      toggle.click();
      await waitUntil(() => password.type === 'text' && confirmation.type === 'text');
      expect(el.textContent).to.contain('Les mots de passe sont affichés.');
      await expect(el).to.be.accessible();

      // Leaving the step hides them again, so that the browser offers to save the password.
      await fillCredentials(el, { captcha: 'K7HM4R' });
      await next(el, 'Vérifiez vos informations');
      expect(password.type).to.equal('password');
    });

    it('gives each instance its own ids', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <citizen-signup .backend=${fake.adapter}></citizen-signup><citizen-signup .backend=${fake.adapter}></citizen-signup>
      </div>`);
      for (const el of wrapper.querySelectorAll('citizen-signup')) getByRole(el, 'button', 'Je crée mon espace').click();
      await waitUntil(() => wrapper.querySelectorAll('form').length === 2);
      const ids = [...wrapper.querySelectorAll('[id]')].map((node) => node.id);
      expect(new Set(ids).size).to.equal(ids.length);
    });
  });

  describe('steps', () => {
    it('keeps everything typed when going back and forth', async () => {
      fake.onGetCaptcha = async () => ({ kind: 'none' });
      const el = await started(fake);
      await fillIdentity(el);
      await typeInto(getByLabel(el, 'Nom de naissance'), 'Durand');
      await typeInto(getByLabel(el, 'Pays de naissance'), 'France');
      await typeInto(getByLabel(el, 'Commune de naissance'), 'Arras');
      await next(el, 'Adresse');
      await typeInto(getByLabel(el, 'Numéro et voie'), '12 rue des Écoles');
      await typeInto(getByLabel(el, 'Code postal'), '62000');
      await typeInto(getByLabel(el, 'Commune'), 'Arras');
      await next(el, 'Moyens de contact');
      await fillContact(el);
      await typeInto(getByLabel(el, 'Mobile'), '06 12 34 56 78');
      const preferred = getByRole(el, 'combobox', 'Moyen de contact préféré') as HTMLSelectElement;
      preferred.value = 'mobile';
      preferred.dispatchEvent(new Event('change', { bubbles: true }));
      await next(el, 'Authentification');
      await fillCredentials(el);

      for (const title of ['Moyens de contact', 'Adresse', 'Identité']) {
        clickButton(el, 'Précédent');
        await waitForStep(el, title);
      }
      expect((getByRole(el, 'radio', 'Madame') as HTMLInputElement).checked).to.be.true;
      expect(getByLabel(el, 'Nom de naissance').value).to.equal('Durand');
      expect(getByLabel(el, 'Commune de naissance').value).to.equal('Arras');
      for (const title of ['Adresse', 'Moyens de contact', 'Authentification', 'Vérifiez vos informations']) await next(el, title);
      expect(getByLabel(el, 'Code postal').value).to.equal('62000');
      expect(preferred.value).to.equal('mobile');

      clickButton(el, 'Valider');
      await waitUntil(() => fake.signUpCalls.length === 1);
      expect(fake.signUpCalls[0]).to.deep.equal({
        identity: {
          civility: 'MME',
          lastName: family.lastName,
          birthName: 'Durand',
          firstNames: family.firstNames,
          birthCountry: 'France',
          birthCommune: 'Arras',
        },
        address: { street: '12 rue des Écoles', postcode: '62000', commune: 'Arras' },
        contact: { mobile: '06 12 34 56 78', email: family.email, preferred: 'mobile' },
        username: family.username,
        password: family.password,
        serviceKeys: {},
      });
    });

    it('lets the address be skipped, and asks for the birth place in France only', async () => {
      fake.onGetCaptcha = async () => ({ kind: 'none' });
      const el = await started(fake);
      await fillIdentity(el);
      expect(getByLabel(el, 'Département de naissance')).to.exist;
      await typeInto(getByLabel(el, 'Pays de naissance'), 'Belgique');
      await waitUntil(() => !el.querySelector('[name="identity.birthDepartment"]'));
      expect(el.querySelector('[name="identity.birthCommune"]')).to.be.null;
      expect(squash(el.textContent)).to.contain('Département et commune de naissance sont demandés si vous êtes né(e) en France.');
      await next(el, 'Adresse');
      expect(squash(el.textContent)).to.contain('Vous pouvez passer cette étape');
      await next(el, 'Moyens de contact');
      await fillContact(el);
      await next(el, 'Authentification');
      await fillCredentials(el);
      await next(el, 'Vérifiez vos informations');
      expect(squash(el.textContent)).to.contain('Non renseignée : les services municipaux la connaissent déjà');
      clickButton(el, 'Valider');
      await waitUntil(() => fake.signUpCalls.length === 1);
      expect(fake.signUpCalls[0]).to.not.have.property('address');
      expect(fake.signUpCalls[0]!.identity).to.deep.equal({ civility: 'MME', lastName: 'Martin', firstNames: 'Camille', birthCountry: 'Belgique' });
      expect(fake.signUpCalls[0]).to.not.have.property('captcha');
    });

    it('summarises every answer, and "Modifier" goes back to the step, then straight back to the summary', async () => {
      const el = await started(fake);
      await toReview(el);
      const text = squash(el.textContent);
      for (const expected of ['Civilité Madame', 'Nom usuel Martin', 'Prénom(s) Camille', `Courriel ${family.email}`, `Nom d'utilisateur ${family.username}`, 'Mot de passe Choisi (non affiché)', 'Clé Enfance Non renseigné', 'Contrôle de sécurité Effectué']) {
        expect(text).to.contain(expected);
      }
      expect(text, 'the password never shows').to.not.contain(family.password);
      const links = queryAllByRole(el, 'link', /^Modifier/).map((a) => squash(a.textContent));
      expect(links).to.deep.equal(["Modifier l'identité", "Modifier l'adresse", 'Modifier les moyens de contact', "Modifier l'authentification"]);

      getByRole(el, 'link', 'Modifier les moyens de contact').click();
      await waitForStep(el, 'Moyens de contact');
      expect(deepActiveElement()).to.equal(currentHeading(el));
      const email = getByLabel(el, 'Courriel');
      email.select();
      await typeInto(email, 'camille@example.fr');
      await next(el, 'Vérifiez vos informations');
      expect(squash(el.textContent)).to.contain('Courriel camille@example.fr');
    });

    it('asks before "Annuler" erases everything, then fires citizen-signup-cancelled', async () => {
      const el = await started(fake);
      await fillIdentity(el);
      await next(el, 'Adresse');
      clickButton(el, 'Annuler');
      const dialog = await waitFor(() => queryAllByRole(el, 'dialog')[0], 'the dialog');
      expect(squash(dialog.textContent)).to.contain('Abandonner la création de votre espace ?');
      expect(deepActiveElement()).to.equal(getByRole(dialog, 'button', 'Non, continuer'));
      await expect(el).to.be.accessible();
      await press('Escape');
      await waitUntil(() => queryAllByRole(el, 'dialog').length === 0);
      expect(currentHeading(el)!.textContent).to.contain('Adresse');

      clickButton(el, 'Annuler');
      await waitUntil(() => queryAllByRole(el, 'dialog')[0]);
      const cancelled = oneEvent(el, 'citizen-signup-cancelled');
      getByRole(el, 'button', 'Oui, abandonner').click();
      const event = await cancelled;
      expect(event.bubbles && event.composed).to.be.true;
      await waitUntil(() => queryAllByRole(el, 'heading', 'Bonjour et bienvenue').length === 1);
      expect(deepActiveElement()).to.equal(getByRole(el, 'heading', 'Bonjour et bienvenue'));
      expect(sessionStorage.getItem(STORAGE_KEY)).to.be.null;
      clickButton(el, 'Je crée mon espace');
      await waitForStep(el, 'Identité');
      expect(getByLabel(el, 'Nom usuel').value).to.equal('');
    });
  });

  describe('validation', () => {
    it('shows an error summary that takes focus, each link leading to its field, errors clearing once fixed', async () => {
      const el = await started(fake);
      clickButton(el, 'Suivant');
      await waitUntil(() => !feedback(el).hidden);
      expect(deepActiveElement()).to.equal(feedback(el));
      expect(getByRole(feedback(el), 'heading', 'Le formulaire contient des erreurs')).to.exist;
      expect(summaryLinks(el)).to.deep.equal(['Sélectionnez votre civilité', 'Saisissez votre nom usuel', 'Saisissez votre ou vos prénoms']);
      const lastName = getByLabel(el, 'Nom usuel');
      expect(lastName.getAttribute('aria-invalid')).to.equal('true');
      expect(lastName.getAttribute('aria-required')).to.equal('true');
      expect(errorOf(lastName)).to.equal('Saisissez votre nom usuel');
      await expect(el).to.be.accessible();

      getByRole(el, 'link', 'Sélectionnez votre civilité').click();
      expect(document.activeElement).to.equal(getByRole(el, 'radio', 'Monsieur'));
      getByRole(el, 'link', 'Saisissez votre nom usuel').click();
      expect(document.activeElement).to.equal(lastName);
      await typeInto(lastName, 'Martin');
      await waitUntil(() => !lastName.hasAttribute('aria-invalid'));
      expect(summaryLinks(el)).to.deep.equal(['Sélectionnez votre civilité', 'Saisissez votre ou vos prénoms']);
      expect(currentHeading(el)!.textContent, 'still on step 1').to.contain('Identité');
    });

    it('shows a field error after blur only for what was typed', async () => {
      const el = await started(fake);
      await fillIdentity(el);
      await next(el, 'Adresse');
      await next(el, 'Moyens de contact');
      const email = getByLabel(el, 'Courriel');
      email.focus();
      await press('Tab');
      expect(email.hasAttribute('aria-invalid'), 'empty and left: no error yet').to.be.false;
      await typeInto(email, 'camille@');
      await press('Tab');
      await waitUntil(() => email.getAttribute('aria-invalid') === 'true');
      expect(errorOf(email)).to.equal('Saisissez une adresse de courriel valide, par exemple nom@exemple.fr');
      expect(feedback(el).hidden, 'no summary before Suivant').to.be.true;
      await typeInto(email, 'example.fr');
      await waitUntil(() => !email.hasAttribute('aria-invalid'));
    });

    it('checks the identity: required fields, a valid date in the past', async () => {
      const el = await started(fake);
      await fillIdentity(el);
      const birthDate = getByLabel(el, 'Date de naissance');
      expect(birthDate.type).to.equal('date');
      birthDate.value = '2999-01-01';
      birthDate.dispatchEvent(new Event('input', { bubbles: true }));
      clickButton(el, 'Suivant');
      await waitUntil(() => !feedback(el).hidden);
      expect(summaryLinks(el)).to.deep.equal(['La date de naissance doit être passée']);
      birthDate.value = '1985-03-15';
      birthDate.dispatchEvent(new Event('input', { bubbles: true }));
      await next(el, 'Adresse');
    });

    it('wants a started address complete, with a French postcode', async () => {
      const el = await started(fake);
      await fillIdentity(el);
      await next(el, 'Adresse');
      await typeInto(getByLabel(el, 'Numéro et voie'), '12 rue des Écoles');
      clickButton(el, 'Suivant');
      await waitUntil(() => !feedback(el).hidden);
      expect(summaryLinks(el)).to.deep.equal(['Saisissez le code postal', 'Saisissez la commune']);
      await typeInto(getByLabel(el, 'Code postal'), '7501');
      await typeInto(getByLabel(el, 'Commune'), 'Paris');
      clickButton(el, 'Suivant');
      await waitUntil(() => summaryLinks(el).length === 1);
      expect(summaryLinks(el)).to.deep.equal(['Saisissez un code postal à 5 chiffres']);
      await typeInto(getByLabel(el, 'Code postal'), '6');
      await next(el, 'Moyens de contact');
    });

    it('checks the contact means: the e-mail required and valid, French phone numbers', async () => {
      const el = await started(fake);
      await fillIdentity(el);
      await next(el, 'Adresse');
      await next(el, 'Moyens de contact');
      await typeInto(getByLabel(el, 'Téléphone'), '12345');
      clickButton(el, 'Suivant');
      await waitUntil(() => !feedback(el).hidden);
      expect(summaryLinks(el)).to.deep.equal([
        'Saisissez un numéro de téléphone français, par exemple 01 23 45 67 89',
        'Saisissez votre adresse de courriel',
      ]);
      const phone = getByLabel(el, 'Téléphone');
      phone.select();
      await typeInto(phone, '+33 1 23 45 67 89');
      await fillContact(el);
      await next(el, 'Authentification');
    });

    it('checks the username, the password against the policy, and the confirmation', async () => {
      fake.config = { ...fake.config, passwordPolicy: PASSWORD_POLICY_PRESETS.legacy };
      const el = await started(fake);
      await toCredentials(el);
      expect(squash(el.textContent)).to.contain(
        'Le mot de passe doit contenir au minimum 8 caractère(s) dont au moins : 1 minuscule(s), 1 majuscule(s), 1 chiffre(s)',
      );
      clickButton(el, 'Suivant');
      await waitUntil(() => !feedback(el).hidden);
      expect(summaryLinks(el)).to.deep.equal([
        "Choisissez un nom d'utilisateur",
        'Choisissez un mot de passe',
        'Saisissez de nouveau votre mot de passe',
        'Recopiez le texte de contrôle',
      ]);
      const username = getByLabel(el, "Nom d'utilisateur");
      await typeInto(username, 'ab');
      await waitUntil(() => errorOf(username) === "Le nom d'utilisateur doit contenir au moins 3 caractères");
      await typeInto(username, ' c');
      await waitUntil(() => errorOf(username) === "Le nom d'utilisateur ne peut contenir que des lettres, des chiffres et . _ - @");

      const password = getByLabel(el, 'Mot de passe');
      const cases: [string, string][] = [
        ['abcdefgh', 'Le mot de passe doit contenir plus de majuscules'],
        ['abcdefgH', 'Le mot de passe doit contenir plus de chiffres'],
        ['aB1', 'Le mot de passe est trop court'],
        ['Martin-2026', 'Le mot de passe ne doit pas contenir votre nom, votre identifiant ou le nom de la ville'],
      ];
      for (const [value, message] of cases) {
        password.select();
        await typeInto(password, value);
        await waitUntil(() => errorOf(password) === message, `${value}: ${message} (got ${errorOf(password)})`);
      }
      password.select();
      await typeInto(password, 'Soleil-Vert-7');
      await typeInto(getByLabel(el, 'Confirmation du mot de passe'), 'Soleil-Vert-8');
      const confirmation = getByLabel(el, 'Confirmation du mot de passe');
      await waitUntil(() => errorOf(confirmation) === 'Les deux mots de passe ne sont pas identiques');
      await expect(el).to.be.accessible();
    });

    it('ticks each rule of the policy as the citizen types, and says what is missing after a pause', async () => {
      fake.config = { ...fake.config, passwordPolicy: PASSWORD_POLICY_PRESETS.legacy };
      const el = await started(fake);
      await toCredentials(el);
      const list = getByRole(el, 'list', 'Règles du mot de passe');
      const met = () => [...list.querySelectorAll('.citizen-checklist__item--met')].map((li) => li.getAttribute('data-rule'));
      expect(met()).to.deep.equal([]);
      expect(getByLabel(el, 'Mot de passe').getAttribute('aria-describedby')).to.contain(list.id);
      await typeInto(getByLabel(el, 'Mot de passe'), 'abc');
      await waitUntil(() => met().join() === 'lowercase,personal');
      await typeInto(getByLabel(el, 'Mot de passe'), 'DEF12');
      await waitUntil(() => met().join() === 'length,lowercase,uppercase,digits,personal');
      const live = el.querySelector('.citizen-checklist-box [aria-live="polite"]')!;
      expect(squash(live.textContent), 'nothing said while typing').to.equal('');
      await waitUntil(() => squash(live.textContent) === 'Le mot de passe respecte toutes les règles.', 'announced after a pause', {
        timeout: 3000,
      });
    });

    it('shows one field per service key of the city, with the seeds explanation', async () => {
      fake.config = { ...fake.config, serviceKeys: [{ id: 'enfance', label: 'Clé Enfance' }, { id: 'sport', label: 'Clé Sport' }] };
      const el = await started(fake);
      await toCredentials(el);
      expect(getByRole(el, 'heading', 'Services')).to.exist;
      expect(squash(el.textContent)).to.contain('si vous n\'avez pas la possibilité de les saisir immédiatement');
      await typeInto(getByLabel(el, 'Clé Enfance'), 'X'.repeat(41));
      await typeInto(getByLabel(el, 'Clé Sport'), 'K7PQ');
      clickButton(el, 'Suivant');
      await waitUntil(() => !feedback(el).hidden);
      expect(summaryLinks(el)).to.include('Ce texte est trop long');
    });
  });

  describe('security check', () => {
    it('shows the text image, changes it, plays its audio version, and sends the answer', async () => {
      const played: string[] = [];
      const play = HTMLMediaElement.prototype.play;
      HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
        played.push(this.src);
        return Promise.resolve();
      };
      try {
        const el = await started(fake);
        await toCredentials(el);
        const image = await waitFor(() => queryAllByRole(el, 'img')[0], 'the image');
        const firstId = decodeURIComponent(image.getAttribute('src')!).match(/img-\d+/)![0];
        expect(image.getAttribute('alt')).to.equal('Texte de contrôle à recopier (version audio disponible ci-dessous)');
        expect(fake.getCaptchaCalls).to.equal(1);
        expect(squash(el.textContent)).to.contain("En cas de difficulté de lecture du texte, cliquez pour l'écouter.");

        getByRole(el, 'button', 'Écouter le texte de contrôle').click();
        expect(played).to.have.length(1);
        clickButton(el, 'Changer le texte de contrôle');
        await waitUntil(() => fake.getCaptchaCalls === 2 && queryAllByRole(el, 'img')[0] && queryAllByRole(el, 'img')[0] !== image);
        await waitUntil(() => el.textContent!.includes('Un nouveau texte de contrôle est affiché.'));
        await fillCredentials(el, { captcha: 'k7hm4r' });
        await next(el, 'Vérifiez vos informations');
        clickButton(el, 'Valider');
        await waitUntil(() => fake.signUpCalls.length === 1);
        // The answer names the challenge on screen: the second one.
        const captcha = fake.signUpCalls[0]!.captcha as { kind: string; id: string; text: string };
        expect(captcha).to.deep.equal({ kind: 'image', id: captcha.id, text: 'k7hm4r' });
        expect(captcha.id).to.not.equal(firstId);
      } finally {
        HTMLMediaElement.prototype.play = play;
      }
    });

    it('has no security check when the city has none', async () => {
      fake.config = { ...fake.config, captcha: 'none' };
      const el = await started(fake);
      await toCredentials(el);
      expect(queryAllByRole(el, 'heading', 'Contrôle de sécurité')).to.have.length(0);
      expect(fake.getCaptchaCalls).to.equal(0);
    });

    it('offers "Réessayer" when the check cannot be loaded', async () => {
      fake.onGetCaptcha = async () => {
        throw new CitizenError('network_error');
      };
      const el = await started(fake);
      await toCredentials(el);
      const retry = await waitFor(() => queryAllByRole(el, 'button', 'Réessayer')[0]);
      expect(squash(el.textContent)).to.contain("Le contrôle de sécurité n'a pas pu être chargé.");
      await expect(el).to.be.accessible();
      fake.onGetCaptcha = async () => ({ kind: 'none' });
      retry.click();
      await waitUntil(() => queryAllByRole(el, 'button', 'Réessayer').length === 0);
    });

    it('loads the ALTCHA widget only at step 4, solves it, and sends its payload', async () => {
      fake.config = { ...fake.config, captcha: 'altcha' };
      fake.onGetCaptcha = altchaChallenge;
      const el = await started(fake);
      const definedBefore = customElements.get('altcha-widget') !== undefined;
      await toCredentials(el);
      const checkbox = await waitFor(() => queryAllByRole(el, 'checkbox', 'Je ne suis pas un robot')[0], 'the widget', 5000);
      if (!definedBefore) expect(customElements.get('altcha-widget'), 'defined on demand').to.exist;
      await fillCredentials(el);
      clickButton(el, 'Suivant');
      await waitUntil(() => !feedback(el).hidden);
      expect(summaryLinks(el)).to.deep.equal(['Cochez la case « Je ne suis pas un robot » et attendez la fin de la vérification']);
      getByRole(el, 'link', /Cochez la case/).click();
      expect(document.activeElement).to.equal(checkbox);
      checkbox.click();
      await waitUntil(() => squash(el.textContent).includes('Vérification effectuée'), 'verified', { timeout: 5000 });
      await expect(el).to.be.accessible();
      await next(el, 'Vérifiez vos informations');
      clickButton(el, 'Valider');
      await waitUntil(() => fake.signUpCalls.length === 1);
      const captcha = fake.signUpCalls[0]!.captcha!;
      expect(captcha.kind).to.equal('altcha');
      const payload = JSON.parse(atob((captcha as { payload: string }).payload));
      expect(payload).to.have.keys('challenge', 'solution');
    });
  });

  describe('photo', () => {
    // The helpers' roles leave images out: by alt, then.
    const image = (el: Element, alt: string) =>
      [...el.querySelectorAll<HTMLImageElement>('img')].find((img) => img.alt === alt && img.checkVisibility());
    const preview = (el: Element) => image(el, 'Aperçu de votre photo');
    const photoInput = (el: Element) => el.querySelector<HTMLInputElement>('input[type="file"]')!;

    it('previews the chosen photo, offers "Changer d\'image" and its removal, with no violation', async () => {
      const el = await started(fake);
      const input = photoInput(el);
      expect(input.accept).to.equal('image/jpeg,image/png');
      expect(getByLabel(el, 'Photo')).to.equal(input);
      expect(squash(el.textContent)).to.contain('Facultative : une image JPEG ou PNG de 2 Mo au plus.');
      expect(squash(el.textContent), 'the hint says a reload drops it').to.contain('Elle n’est pas gardée si vous rechargez la page');
      await expect(el).to.be.accessible();

      choosePhoto(el, pngFile());
      const shown = await waitFor(() => preview(el), 'the preview');
      await waitUntil(() => shown.complete && shown.naturalWidth === 1, 'the preview loaded');
      const change = getByRole(el, 'button', "Changer d'image");
      expect(deepActiveElement(), 'the focus moves to what replaced the hidden input').to.equal(change);
      expect(input.checkVisibility()).to.be.false;
      await expect(el).to.be.accessible();

      // "Changer d'image" opens the same file input.
      let opened = false;
      input.addEventListener('click', (event) => ((opened = true), event.preventDefault()), { once: true });
      change.click();
      expect(opened).to.be.true;

      getByRole(el, 'button', 'Retirer la photo').click();
      await waitUntil(() => !preview(el), 'the preview gone');
      expect(input.checkVisibility()).to.be.true;
      expect(deepActiveElement()).to.equal(input);
      expect(queryAllByRole(el, 'button', "Changer d'image")).to.have.length(0);
    });

    it('refuses a file that is not a JPEG or PNG, or over 2 MB, in the error summary on "Suivant"', async () => {
      const el = await started(fake);
      await fillIdentity(el);
      const input = photoInput(el);
      // A text file renamed .png: the browser says image/png, its first bytes do not.
      choosePhoto(el, new File(['Ceci n’est pas une image'], 'photo.png', { type: 'image/png' }));
      await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'the type error');
      expect(errorOf(input)).to.equal('Le fichier choisi doit être une image JPEG ou PNG');
      expect(preview(el)).to.be.undefined;
      await expect(el).to.be.accessible();

      clickButton(el, 'Suivant');
      await waitUntil(() => !feedback(el).hidden);
      expect(summaryLinks(el)).to.deep.equal(['Le fichier choisi doit être une image JPEG ou PNG']);
      getByRole(el, 'link', 'Le fichier choisi doit être une image JPEG ou PNG').click();
      expect(document.activeElement).to.equal(input);

      choosePhoto(el, pngFile('grande.png', 2 * 1024 * 1024 + 1));
      await waitUntil(() => errorOf(input) === 'Le fichier choisi doit faire 2 Mo au plus', 'the size error');
      await expect(el).to.be.accessible();

      // A good photo, then a bad one: the good one stays, the error says the new one was refused.
      choosePhoto(el, pngFile());
      await waitFor(() => preview(el), 'the preview');
      choosePhoto(el, new File(['GIF89a'], 'anim.gif', { type: 'image/gif' }));
      await waitUntil(() => squash(el.textContent).includes('Le fichier choisi doit être une image JPEG ou PNG'));
      expect(preview(el), 'the photo chosen before stays').to.exist;
      await expect(el).to.be.accessible();
      getByRole(el, 'button', 'Retirer la photo').click();
      await waitUntil(() => !preview(el) && !input.hasAttribute('aria-invalid'));

      choosePhoto(el, new File(['texte'], 'notes.txt', { type: 'text/plain' }));
      await waitUntil(() => input.getAttribute('aria-invalid') === 'true');
      getByRole(el, 'button', 'Ne pas joindre de photo').click();
      await waitUntil(() => !input.hasAttribute('aria-invalid'));
      await next(el, 'Adresse');
    });

    it('keeps the photo back and forth, shows it in the summary, sends it, and never stores it', async () => {
      const el = await started(fake);
      await fillIdentity(el);
      choosePhoto(el, pngFile());
      await waitFor(() => preview(el), 'the preview');
      await next(el, 'Adresse');
      clickButton(el, 'Précédent');
      await waitForStep(el, 'Identité');
      expect(preview(el), 'still there after going back').to.exist;
      await next(el, 'Adresse');
      await next(el, 'Moyens de contact');
      await fillContact(el);
      await next(el, 'Authentification');
      await fillCredentials(el, { captcha: 'K7HM4R' });
      await next(el, 'Vérifiez vos informations');

      const thumbnail = await waitFor(() => image(el, 'Votre photo'), 'the thumbnail');
      expect(thumbnail.closest('.citizen-summary__row')!.querySelector('dt')!.textContent).to.contain('Photo');
      await expect(el).to.be.accessible();
      expect(sessionStorage.getItem(STORAGE_KEY) ?? '', 'never in sessionStorage').to.not.contain(TINY_PNG_BASE64.slice(0, 12));
      expect(sessionStorage.getItem(STORAGE_KEY) ?? '').to.not.contain('blob:');

      getByRole(el, 'link', "Modifier l'identité").click();
      await waitForStep(el, 'Identité');
      expect(preview(el)).to.exist;
      await next(el, 'Vérifiez vos informations');
      clickButton(el, 'Valider');
      await waitUntil(() => fake.signUpCalls.length === 1);
      expect(fake.signUpCalls[0]!.photo).to.deep.equal({ type: 'image/png', data: TINY_PNG_BASE64 });
    });

    it('says "Non renseigné" in the summary without a photo, and sends none', async () => {
      fake.onGetCaptcha = async () => ({ kind: 'none' });
      const el = await started(fake);
      await fillIdentity(el);
      await next(el, 'Adresse');
      await next(el, 'Moyens de contact');
      await fillContact(el);
      await next(el, 'Authentification');
      await fillCredentials(el);
      await next(el, 'Vérifiez vos informations');
      expect(squash(el.textContent)).to.contain('Photo Non renseigné');
      clickButton(el, 'Valider');
      await waitUntil(() => fake.signUpCalls.length === 1);
      expect(fake.signUpCalls[0]).to.not.have.property('photo');
    });

    it("puts the server's photo error on the photo at step 1, reached through \"Changer d'image\"", async () => {
      fake.onSignUp = async () => {
        throw fieldError({ photo: 'photo_type' });
      };
      const el = await started(fake);
      await fillIdentity(el);
      choosePhoto(el, pngFile());
      await waitFor(() => preview(el), 'the preview');
      await next(el, 'Adresse');
      await next(el, 'Moyens de contact');
      await fillContact(el);
      await next(el, 'Authentification');
      await fillCredentials(el, { captcha: 'K7HM4R' });
      await next(el, 'Vérifiez vos informations');
      clickButton(el, 'Valider');
      await waitForStep(el, 'Identité');
      await waitUntil(() => deepActiveElement() === feedback(el));
      expect(summaryLinks(el)).to.deep.equal(['Le fichier choisi doit être une image JPEG ou PNG']);
      getByRole(el, 'link', 'Le fichier choisi doit être une image JPEG ou PNG').click();
      expect(deepActiveElement(), 'the hidden input is stood in for').to.equal(getByRole(el, 'button', "Changer d'image"));
      await expect(el).to.be.accessible();
    });

    it('speaks English about the photo', async () => {
      const el = await started(fake, { lang: 'en' });
      choosePhoto(el, pngFile('big.png', 3 * 1024 * 1024));
      await waitUntil(() => squash(el.textContent).includes('The selected file must be 2 MB or smaller'));
      choosePhoto(el, pngFile());
      await waitFor(() => image(el, 'Preview of your photo'));
      expect(getByRole(el, 'button', 'Change image')).to.exist;
    });
  });

  describe('submit', () => {
    it('creates the account, says so with the e-mail next step, and fires citizen-signed-up', async () => {
      const el = await started(fake);
      await toReview(el);
      sessionStorage.setItem('unrelated', 'kept');
      const signedUp = oneEvent(document, 'citizen-signed-up');
      clickButton(el, 'Valider');
      const event = (await signedUp) as CustomEvent<SignedUpEventDetail>;
      expect(event.bubbles && event.composed).to.be.true;
      expect(event.detail).to.deep.equal({ username: family.username, activation: 'email' });
      const heading = await waitFor(() => queryAllByRole(el, 'heading', 'Votre espace a bien été créé.')[0]);
      expect(deepActiveElement()).to.equal(heading);
      expect(squash(el.textContent)).to.contain(
        `Vous allez recevoir un message de confirmation par courriel à l’adresse que vous avez indiquée : ${family.email}.`,
      );
      expect(el.querySelector('form'), 'the form is gone').to.be.null;
      expect(sessionStorage.getItem(STORAGE_KEY)).to.be.null;
      expect(sessionStorage.getItem('unrelated')).to.equal('kept');
      await expect(el).to.be.accessible();
    });

    it('tells a city with staff activation that it takes 48 working hours', async () => {
      fake.onSignUp = async () => ({ activation: 'staff' });
      const el = await started(fake);
      await toReview(el);
      clickButton(el, 'Valider');
      await waitUntil(() => queryAllByRole(el, 'heading', 'Votre espace a bien été créé.').length === 1);
      expect(squash(el.textContent)).to.contain(
        "L'activation de votre compte par nos services est nécessaire avant toute utilisation. Celle-ci sera effective dans les 48 heures ouvrées.",
      );
    });

    it('is busy while the request runs and does not send it twice', async () => {
      const answer = deferred<SignupResult>();
      fake.onSignUp = () => answer.promise;
      const el = await started(fake);
      await toReview(el);
      clickButton(el, 'Valider');
      const form = el.querySelector('form')!;
      await waitUntil(() => form.getAttribute('aria-busy') === 'true');
      const button = getByRole(el, 'button', 'Validation en cours…');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
      button.click();
      form.requestSubmit();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fake.signUpCalls).to.have.length(1);
      answer.resolve({ activation: 'email' });
      await waitUntil(() => queryAllByRole(el, 'heading', 'Votre espace a bien été créé.').length === 1);
    });
  });

  describe('server errors', () => {
    it('puts a taken username on its field at step 4, with the suggestion, and renews the check', async () => {
      fake.onSignUp = async () => {
        throw new CitizenError('validation_failed', { status: 400, fields: { username: 'username_taken' }, suggestion: 'camille.martin2' });
      };
      const el = await started(fake);
      await toReview(el);
      clickButton(el, 'Valider');
      await waitForStep(el, 'Authentification');
      await waitUntil(() => deepActiveElement() === feedback(el));
      const message = "Ce nom d'utilisateur est déjà pris : choisissez-en un autre, par exemple camille.martin2";
      expect(summaryLinks(el)).to.deep.equal([message]);
      expect(errorOf(getByLabel(el, "Nom d'utilisateur"))).to.equal(message);
      await waitUntil(() => fake.getCaptchaCalls === 2 && el.textContent!.includes('Un nouveau contrôle de sécurité vous est proposé'));
      await expect(el).to.be.accessible();

      const username = getByLabel(el, "Nom d'utilisateur");
      username.select();
      await typeInto(username, 'camille.martin2');
      await typeInto(getByLabel(el, 'Entrez le texte ci-dessous'), 'K7HM4R');
      // Back to the summary at once, then sent again.
      await next(el, 'Vérifiez vos informations');
      fake.onSignUp = async () => ({ activation: 'email' });
      clickButton(el, 'Valider');
      await waitUntil(() => fake.signUpCalls.length === 2);
      expect(fake.signUpCalls[1]!.username).to.equal('camille.martin2');
    });

    it('maps each server field to its step: e-mail to step 3, service key and captcha to step 4', async () => {
      const cases: [Record<string, string>, string, string, string][] = [
        [{ 'contact.email': 'email_taken' }, 'Moyens de contact', 'Courriel', "Un espace existe déjà avec cette adresse de courriel"],
        [{ 'serviceKeys.enfance': 'service_key_unknown' }, 'Authentification', 'Clé Enfance', "Cette clé n'est pas reconnue"],
        [{ captcha: 'captcha_failed' }, 'Authentification', 'Entrez le texte ci-dessous', 'Le contrôle de sécurité a échoué'],
        [{ password: 'password_common' }, 'Authentification', 'Mot de passe', 'Ce mot de passe est trop courant'],
      ];
      for (const [fields, step, label, message] of cases) {
        sessionStorage.clear();
        fake = new SignupFake();
        fake.onSignUp = async () => {
          throw fieldError(fields);
        };
        const el = await started(fake);
        await toReview(el);
        clickButton(el, 'Valider');
        await waitForStep(el, step);
        await waitUntil(() => summaryLinks(el).length === 1);
        expect(summaryLinks(el)[0], label).to.contain(message);
        const input = await waitFor(() => getByLabel(el, label).getAttribute('aria-invalid') === 'true' && getByLabel(el, label));
        expect(errorOf(input)).to.contain(message);
        // Only that field: the others of the step stay clean.
        const invalid = [...el.querySelectorAll('fieldset:not([hidden]) [aria-invalid="true"]')];
        expect(invalid, `${label} only`).to.have.length(1);
      }
    });

    it('shows other failures on the summary step, in an alert that takes focus', async () => {
      fake.onSignUp = async () => {
        throw new CitizenError('server_error', { status: 500 });
      };
      const el = await started(fake);
      await toReview(el);
      clickButton(el, 'Valider');
      await waitUntil(() => !feedback(el).hidden);
      expect(deepActiveElement()).to.equal(feedback(el));
      expect(squash(getByRole(el, 'alert').textContent)).to.equal('Une erreur est survenue de notre côté. Réessayez dans quelques instants.');
      expect(currentHeading(el)!.textContent).to.contain('Vérifiez vos informations');
      await expect(el).to.be.accessible();
    });
  });

  describe('reload', () => {
    it('picks up where the citizen left off, without the password, service keys or captcha answer', async () => {
      const el = await started(fake);
      await fillIdentity(el);
      await next(el, 'Adresse');
      await next(el, 'Moyens de contact');
      await fillContact(el);
      await next(el, 'Authentification');
      await fillCredentials(el, { captcha: 'K7HM4R' });
      await typeInto(getByLabel(el, 'Clé Enfance'), 'K7PQ-M4XW-9HTR');
      const stored = sessionStorage.getItem(STORAGE_KEY)!;
      expect(stored).to.contain(family.email).and.contain(family.username);
      for (const secret of [family.password, 'K7PQ-M4XW-9HTR', 'K7HM4R']) expect(stored).to.not.contain(secret);

      el.remove();
      const again = await mount(fake);
      await waitForStep(again, 'Authentification');
      expect(getByLabel(again, "Nom d'utilisateur").value).to.equal(family.username);
      expect(getByLabel(again, 'Mot de passe').value).to.equal('');
      expect(squash(again.querySelector('.citizen-notice')!.textContent)).to.equal(
        'Nous avons repris votre saisie là où vous l’aviez laissée. Pour votre sécurité, le mot de passe et les clés de service ne sont pas conservés : saisissez-les de nouveau.',
      );
      expect(document.activeElement, 'no focus stolen on load').to.equal(document.body);
      clickButton(again, 'Précédent');
      await waitForStep(again, 'Moyens de contact');
      expect(getByLabel(again, 'Courriel').value).to.equal(family.email);
    });
  });

  describe('languages and city config', () => {
    it('speaks English with lang="en"', async () => {
      const el = await started(fake, { lang: 'en' });
      expect(squash(currentHeading(el)!.textContent)).to.equal('Step 1 of 5 Identity');
      expect(getByLabel(el, 'Surname')).to.exist;
      expect(getByRole(el, 'radio', 'Ms')).to.exist;
      getByRole(el, 'button', 'Next').click();
      await waitUntil(() => !feedback(el).hidden);
      expect(getByRole(el, 'heading', 'There is a problem')).to.exist;
      expect(summaryLinks(el)).to.deep.equal(['Select your title', 'Enter your surname', 'Enter your first name or names']);
      await expect(el).to.be.accessible();
    });

    it("uses the city's own texts", async () => {
      fake.config = { ...fake.config, texts: { fr: { 'signup.welcome.start': 'Créer mon espace' } } };
      const el = await mount(fake);
      await waitUntil(() => queryAllByRole(el, 'button', 'Créer mon espace').length === 1);
    });

    it('cannot load the security check without an adapter, and says so', async () => {
      const el = await fixture<CitizenSignup>(html`<citizen-signup></citizen-signup>`);
      clickButton(el, 'Je crée mon espace');
      await waitForStep(el, 'Identité');
      await fillIdentity(el);
      await next(el, 'Adresse');
      await next(el, 'Moyens de contact');
      await fillContact(el);
      await next(el, 'Authentification');
      await waitUntil(() => queryAllByRole(el, 'button', 'Réessayer').length === 1);
      expect(squash(el.textContent)).to.contain("Le contrôle de sécurité n'a pas pu être chargé.");
    });
  });

  describe('with RestBackend and the mock API', () => {
    before(() => startMockApi());
    afterEach(() => useMockScenario());

    it('signs up against the mock of the demo server: taken username with a suggestion, then created', async () => {
      useMockScenario({ signup: { captcha: 'image' } });
      const el = await fixture<CitizenSignup>(html`<citizen-signup .backend=${new RestBackend('/api')}></citizen-signup>`);
      await waitUntil(() => (el as unknown as { cityConfig?: unknown }).cityConfig, 'the city config');
      clickButton(el, 'Je crée mon espace');
      await waitForStep(el, 'Identité');
      await fillIdentity(el);
      await next(el, 'Adresse');
      await next(el, 'Moyens de contact');
      await fillContact(el);
      await next(el, 'Authentification');
      await typeInto(getByLabel(el, "Nom d'utilisateur"), 'marie.dupont');
      await typeInto(getByLabel(el, 'Mot de passe'), family.password);
      await typeInto(getByLabel(el, 'Confirmation du mot de passe'), family.password);
      await typeInto(getByLabel(el, 'Clé Enfance'), MOCK_SERVICE_KEY);
      const answer = await waitFor(() => queryAllByRole(el, 'textbox', 'Entrez le texte ci-dessous')[0] as HTMLInputElement);
      await typeInto(answer, MOCK_CAPTCHA_TEXT);
      await next(el, 'Vérifiez vos informations');
      clickButton(el, 'Valider');
      await waitForStep(el, 'Authentification');
      await waitUntil(() => summaryLinks(el)[0] === "Ce nom d'utilisateur est déjà pris : choisissez-en un autre, par exemple marie.dupont2");
      const username = getByLabel(el, "Nom d'utilisateur");
      username.select();
      await typeInto(username, 'camille.martin');
      const renewed = await waitFor(() => queryAllByRole(el, 'textbox', 'Entrez le texte ci-dessous')[0] as HTMLInputElement);
      await typeInto(renewed, MOCK_CAPTCHA_TEXT);
      await next(el, 'Vérifiez vos informations');
      clickButton(el, 'Valider');
      await waitFor(() => queryAllByRole(el, 'heading', 'Votre espace a bien été créé.')[0], 'created', 5000);
    });
  });

  describe('layout', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('fits 320 px on every step, with targets of at least 24 px', async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await started(fake);
      const check = (step: string) => {
        expect(document.documentElement.scrollWidth, step).to.be.at.most(320);
        for (const target of [...queryAllByRole(el, 'button'), ...queryAllByRole(el, 'textbox'), ...queryAllByRole(el, 'radio')]) {
          const { width, height, right } = target.getBoundingClientRect();
          expect(Math.min(width, height), `${step}: ${target.outerHTML.slice(0, 80)}`).to.be.at.least(24);
          expect(right, step).to.be.at.most(320);
        }
      };
      check('identity');
      await toReview(el);
      check('review');
      clickButton(el, 'Précédent');
      await waitForStep(el, 'Authentification');
      check('credentials');
    });
  });
});
