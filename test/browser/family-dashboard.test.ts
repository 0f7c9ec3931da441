// SPDX-License-Identifier: MIT
/** <family-dashboard>: the shell — summary, sections, lazy panels, focus, refusals — with a fake adapter. */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements/family-dashboard/family-dashboard.js';
import type { FamilyDashboard } from '../../src/elements/family-dashboard/family-dashboard.js';
import { mockProfile } from '../../src/mocks/dashboard.js';
import { a11yNode, deepQuery, deepText, FakeDashboardBackend, focusedName, getControl, pressShiftTab, settle, waitForText } from './dashboard-helpers.js';
import { getByRole, press, queryAllByRole, typeInto } from './helpers.js';

const GREETING = 'Bonjour Madame Marie DUPONT';
const SECTIONS = ['Ma famille', 'Mes factures', 'Espace de stockage sécurisé', 'Dernières demandes', 'Actualités et messages', 'Mon entourage', 'Mon profil', 'Services et clés', 'Mes données'];

async function mount(fake: FakeDashboardBackend, lang = 'fr'): Promise<FamilyDashboard> {
  const el = await fixture<FamilyDashboard>(html`<family-dashboard .backend=${fake.adapter} lang=${lang}></family-dashboard>`);
  await waitUntil(() => !el.shadowRoot!.querySelector('.loading'), 'the dashboard settled', { timeout: 3000 });
  return el;
}

const heading = (name: string) => a11yNode('heading', name);
const sectionButton = (el: Element, name: string) => getByRole(el, 'button', name);

/** Opens a section (unless it is open) and waits for its panel to load. */
async function openSection(el: FamilyDashboard, name: string) {
  if (sectionButton(el, name).getAttribute('aria-expanded') !== 'true') sectionButton(el, name).click();
  await waitUntil(() => sectionButton(el, name).getAttribute('aria-expanded') === 'true', `${name} opened`);
  const region = getByRole(el, 'region', name);
  await waitUntil(() => !deepQuery(region, '.loading[aria-busy]'), `${name} loaded`, { timeout: 3000 });
  return region;
}

describe('<family-dashboard>', () => {
  let fake: FakeDashboardBackend;
  beforeEach(() => {
    fake = new FakeDashboardBackend();
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  describe('summary first', () => {
    it('shows "Chargement de votre espace…" while the session is asked for', async () => {
      fake.onGetSession = () => new Promise(() => {});
      const el = await fixture<FamilyDashboard>(html`<family-dashboard .backend=${fake.adapter}></family-dashboard>`);
      await waitForText(el, 'Chargement de votre espace…');
      await expect(el).to.be.accessible();
    });

    it('greets with civility, name and last login, sums up the space, and lists the sections closed', async () => {
      const el = await mount(fake);
      await waitForText(el, '12 rue des Lilas');
      expect(await heading(GREETING)).to.include({ level: 2 });
      expect(deepText(el)).to.include('Dernière connexion le 14/03/2026 à 17:42');
      expect(await heading('Mes coordonnées')).to.include({ level: 2 });
      expect(await heading('Mon tableau de bord')).to.include({ level: 2 });
      expect(deepText(el)).to.include('marie.dupont@example.fr');
      for (const name of SECTIONS) {
        expect(sectionButton(el, name).getAttribute('aria-expanded'), name).to.equal('false');
        // The disclosure button sits in an h3 (Chromium's tree folds the heading into its only child).
        expect(sectionButton(el, name).parentElement!.localName, name).to.equal('h3');
      }
      expect(getByRole(el, 'link', "Conditions générales d'utilisation").getAttribute('href')).to.equal('/cgu');
      await expect(el).to.be.accessible();
    });

    it('asks only for the session and the profile until a section is opened', async () => {
      const el = await mount(fake);
      await waitForText(el, '12 rue des Lilas');
      expect(fake.calls).to.deep.equal(['getProfile']);
      await openSection(el, 'Dernières demandes');
      expect(fake.calls).to.deep.equal(['getProfile', 'listRequests']);
      // Closing and opening again asks again (the city may have decided meanwhile).
      sectionButton(el, 'Dernières demandes').click();
      await settle();
      sectionButton(el, 'Dernières demandes').click();
      await waitUntil(() => fake.calls.length === 3);
      expect(fake.calls.at(-1)).to.equal('listRequests');
    });

    it('shows a labelled region under an open section, and keeps focus on its button', async () => {
      const el = await mount(fake);
      sectionButton(el, 'Actualités et messages').focus();
      await press('Enter');
      const region = await openSection(el, 'Actualités et messages');
      expect(focusedName()).to.equal('Actualités et messages');
      expect(sectionButton(el, 'Actualités et messages').getAttribute('aria-controls')).to.equal(region.id);
      expect(await heading('Actualités')).to.include({ level: 4 });
      await press('Enter');
      await waitUntil(() => sectionButton(el, 'Actualités et messages').getAttribute('aria-expanded') === 'false');
      expect(region.hidden).to.be.true;
      expect(focusedName()).to.equal('Actualités et messages');
    });
  });

  describe('keyboard', () => {
    it('walks the greeting actions, the summary, every section and the terms link in reading order', async () => {
      const el = await mount(fake);
      await waitForText(el, '12 rue des Lilas');
      getByRole(el, 'button', 'Se déconnecter').focus();
      const order = ['Se déconnecter'];
      for (let i = 0; i < SECTIONS.length + 2; i++) {
        await press('Tab');
        order.push(focusedName());
      }
      expect(order).to.deep.equal(['Se déconnecter', 'Modifier mon profil', ...SECTIONS, "Conditions générales d'utilisation"]);
    });

    it('goes from an open section into its panel, then on to the next section', async () => {
      const el = await mount(fake);
      await openSection(el, 'Dernières demandes');
      sectionButton(el, 'Dernières demandes').focus();
      await press('Tab');
      expect(focusedName()).to.equal('Voir le détail');
      await pressShiftTab();
      expect(focusedName()).to.equal('Dernières demandes');
    });

    it('"Modifier mon profil" opens "Mon profil" and moves focus to its heading button', async () => {
      const el = await mount(fake);
      await waitForText(el, '12 rue des Lilas');
      getByRole(el, 'button', 'Modifier mon profil').click();
      await waitUntil(() => sectionButton(el, 'Mon profil').getAttribute('aria-expanded') === 'true');
      await openSection(el, 'Mon profil');
      await waitUntil(() => focusedName() === 'Mon profil', 'focus on the section');
      await expect(el).to.be.accessible();
    });
  });

  describe('service key → "Ma famille" without a reload', () => {
    beforeEach(() => {
      fake.profile = mockProfile(false);
      fake.household = null;
    });

    it('hides "Ma famille" and invites to enter the key', async () => {
      const el = await mount(fake);
      await waitForText(el, "Votre espace n'est pas encore relié au dossier de votre famille");
      expect(queryAllByRole(el, 'button', 'Ma famille')).to.have.length(0);
      expect(fake.calls).to.deep.equal(['getProfile', 'getHousehold']);
      getByRole(el, 'button', 'Saisir ma clé').click();
      await waitUntil(() => sectionButton(el, 'Services et clés').getAttribute('aria-expanded') === 'true');
      await openSection(el, 'Services et clés');
      await expect(el).to.be.accessible();
    });

    it('a wrong key is an error on the field; the right one shows "Ma famille" and says so', async () => {
      const el = await mount(fake);
      await waitForText(el, 'Saisir ma clé');
      const region = await openSection(el, 'Services et clés');
      await typeInto(getControl(region, 'Clé Enfance'), 'AAAA-BBBB-CCCC');
      await press('Enter');
      await waitForText(region, "Cette clé n'est pas reconnue");
      expect(getControl(region, 'Clé Enfance').getAttribute('aria-invalid')).to.equal('true');
      expect(queryAllByRole(el, 'button', 'Ma famille')).to.have.length(0);

      const linked = oneEvent(el, 'citizen-service-key-linked');
      const key = getControl(region, 'Clé Enfance');
      key.select();
      await typeInto(key, 'k7pq m4xw 9htr');
      await press('Enter');
      expect((await linked).detail.serviceId).to.equal('enfance');
      await waitUntil(() => queryAllByRole(el, 'button', 'Ma famille').length === 1, '"Ma famille" appeared');
      await waitUntil(
        () => el.shadowRoot!.querySelector('[role="status"]')!.textContent === 'La rubrique «\u00a0Ma famille\u00a0» est maintenant disponible dans votre tableau de bord.',
        'the new section is announced',
      );
      expect(sectionButton(el, 'Ma famille').getAttribute('aria-expanded')).to.equal('false');
      const family = await openSection(el, 'Ma famille');
      await waitForText(family, 'Léa');
      await expect(el).to.be.accessible();
    });
  });

  describe('refusals and sessions', () => {
    it('not logged in: says so, with the login link', async () => {
      fake.session = null;
      const el = await mount(fake);
      await waitForText(el, 'Connectez-vous à votre espace pour accéder à votre tableau de bord.');
      expect(getByRole(el, 'link', 'Se connecter').getAttribute('href')).to.equal('/connexion');
      expect(fake.calls).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('terms not accepted yet (session): asks for no family data, and loads once they are', async () => {
      fake.session = { ...fake.session!, mustAcceptTerms: true };
      const el = await mount(fake);
      await waitForText(el, "Acceptez les conditions générales d'utilisation");
      expect(fake.calls).to.deep.equal([]);
      fake.session = { ...fake.session, mustAcceptTerms: false };
      document.dispatchEvent(new CustomEvent('citizen-terms-accepted', { detail: {} }));
      await waitForText(el, GREETING);
      await waitForText(el, '12 rue des Lilas');
    });

    it('terms_not_accepted from the API hands over to the gate (citizen-terms-required)', async () => {
      fake.fail('getProfile', 'terms_not_accepted');
      const required = new Promise((resolve) => document.addEventListener('citizen-terms-required', resolve, { once: true }));
      await fixture(html`<family-dashboard .backend=${fake.adapter}></family-dashboard>`);
      await required;
    });

    it('a panel that finds the session ended brings the whole space back to the login notice', async () => {
      const el = await mount(fake);
      fake.fail('listNews', 'session_expired');
      fake.fail('listMessages', 'session_expired');
      const expired = oneEvent(el, 'citizen-session-expired');
      await openSection(el, 'Actualités et messages').catch(() => undefined);
      await expired;
      await waitForText(el, 'Votre session a expiré. Veuillez vous reconnecter.');
      getByRole(el, 'link', 'Se connecter');
      expect(queryAllByRole(el, 'button', 'Dernières demandes')).to.have.length(0);
    });

    it('"Se déconnecter" logs out, fires citizen-logged-out and says "Vous êtes déconnecté."', async () => {
      const el = await mount(fake);
      const loggedOut = oneEvent(el, 'citizen-logged-out');
      getByRole(el, 'button', 'Se déconnecter').click();
      const event = await loggedOut;
      expect(event.detail.session.account.username).to.equal('marie.dupont');
      expect(event.bubbles && event.composed).to.be.true;
      await waitForText(el, 'Vous êtes déconnecté.');
      expect(fake.logOutCalls).to.equal(1);
      await waitUntil(() => focusedName() === 'Vous êtes déconnecté.', 'focus on the notice');
    });

    it('the summary failing leaves the sections usable, with "Réessayer"', async () => {
      fake.fail('getProfile', 'server_error');
      const el = await mount(fake);
      await waitForText(el, "Les informations de votre espace n'ont pas pu être chargées.");
      expect(queryAllByRole(el, 'button', 'Dernières demandes')).to.have.length(1);
      fake.failures.delete('getProfile');
      getByRole(el, 'button', 'Réessayer').click();
      await waitForText(el, '12 rue des Lilas');
      await expect(el).to.be.accessible();
    });
  });

  describe('language and layout', () => {
    it('speaks English with lang="en", down to the panels', async () => {
      const el = await mount(fake, 'en');
      await waitForText(el, 'Hello');
      expect(await heading('My dashboard')).to.include({ level: 2 });
      const region = await openSection(el, 'Latest requests');
      await waitForText(region, 'Reason for refusal');
      expect(deepText(region)).to.include('Refused');
      await expect(el).to.be.accessible();
    });

    it('fits 320 px without sideways scrolling, sections open', async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await mount(fake);
      for (const name of ['Ma famille', 'Mon profil', 'Dernières demandes']) await openSection(el, name);
      await waitForText(el, 'Léa');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
    });
  });
});
