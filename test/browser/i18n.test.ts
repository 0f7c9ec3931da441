// SPDX-License-Identifier: MIT
import { expect, fixture, html } from '@open-wc/testing';
import { CitizenElement } from '../../src/core/citizen-element.js';
import { define } from '../../src/core/define.js';
import { allTexts } from '../../src/i18n/catalog.js';
import { catalogs, createTranslator, formatDateTime, isMessageKey, resolveLocale } from '../../src/i18n/index.js';
import { loginTexts } from '../../src/i18n/parts/login.js';
import type { CityConfig } from '../../src/schemas/city-config.js';
import { demoConfig } from '../../src/mocks/data.js';

/** An element that declares only the login part (besides the common one every element has). */
class LoginTextsProbe extends CitizenElement {
  static override texts = [loginTexts];
}
define('test-login-texts-probe', LoginTextsProbe);

describe('i18n', () => {
  it('has the same keys in French and English', () => {
    expect(Object.keys(catalogs.en).sort()).to.deep.equal(Object.keys(catalogs.fr).sort());
  });

  it('has the same keys in French and English in each part, and each key in one part only', () => {
    const owners = new Map<string, number>();
    allTexts.forEach((part, index) => {
      expect(Object.keys(part.en).sort(), `part ${index}`).to.deep.equal(Object.keys(part.fr).sort());
      for (const key of Object.keys(part.fr)) {
        expect(owners.has(key), `${key} is in parts ${owners.get(key)} and ${index}`).to.be.false;
        owners.set(key, index);
      }
    });
    expect(owners.size).to.equal(Object.keys(catalogs.fr).length);
  });

  it('speaks French by default and English on request', () => {
    expect(createTranslator('fr')('login.submit')).to.equal('Connexion');
    expect(createTranslator('en')('login.submit')).to.equal('Log in');
  });

  it("lets the city override any text, per language", () => {
    const t = createTranslator('fr', { 'login.heading': 'Espace Famille', 'login.forgotPassword': 'Mot de passe perdu ?' });
    expect(t('login.heading')).to.equal('Espace Famille');
    expect(t('login.forgotPassword')).to.equal('Mot de passe perdu ?');
    expect(t('login.submit'), 'texts not overridden stay').to.equal('Connexion');
  });

  it('fills {placeholders} from params and leaves unknown ones visible', () => {
    const t = createTranslator('fr');
    expect(t('error.too_many_attempts', { minutes: 5 })).to.equal('Trop de tentatives : réessayez dans 5 minute(s).');
    expect(t('error.too_many_attempts')).to.equal('Trop de tentatives : réessayez dans {minutes} minute(s).');
    expect(createTranslator('fr', { 'login.greeting': 'Salut {name} !' })('login.greeting', { name: 'Marie' })).to.equal('Salut Marie !');
  });

  it('recognises catalog keys, so that API codes can be looked up', () => {
    expect(isMessageKey('error.invalid_credentials')).to.be.true;
    expect(isMessageKey('error.unknown_code')).to.be.false;
    expect(isMessageKey('toString'), 'no inherited property counts').to.be.false;
  });

  describe('in an element (its declared parts)', () => {
    it('speaks French by default, English under lang="en", with the common texts of every element', async () => {
      const probe = await fixture<LoginTextsProbe>(html`<test-login-texts-probe></test-login-texts-probe>`);
      expect(probe.t('login.submit')).to.equal('Connexion');
      expect(probe.errorText('invalid_credentials')).to.equal(catalogs.fr['error.invalid_credentials']);
      const english = await fixture<LoginTextsProbe>(html`<div lang="en"><test-login-texts-probe></test-login-texts-probe></div>`);
      expect(english.querySelector<LoginTextsProbe>('test-login-texts-probe')!.t('login.submit')).to.equal('Log in');
    });

    it("takes the city's overrides, per language", async () => {
      const config: CityConfig = { ...demoConfig, texts: { fr: { 'login.heading': 'Espace Famille' }, en: { 'login.heading': 'Family area' } } };
      const probe = await fixture<LoginTextsProbe>(html`<test-login-texts-probe .config=${config}></test-login-texts-probe>`);
      expect(probe.t('login.heading')).to.equal('Espace Famille');
      expect(probe.t('login.submit'), 'texts not overridden stay').to.equal('Connexion');
      probe.lang = 'en';
      await new Promise((resolve) => setTimeout(resolve));
      expect(probe.t('login.heading')).to.equal('Family area');
    });

    it('knows only the keys of its parts, and says so when asked for another', async () => {
      const probe = await fixture<LoginTextsProbe>(html`<test-login-texts-probe></test-login-texts-probe>`);
      expect(probe.hasText('login.submit')).to.be.true;
      expect(probe.hasText('error.invalid_credentials'), 'common part').to.be.true;
      expect(probe.hasText('dashboard.agenda.heading'), 'not declared').to.be.false;
      expect(probe.hasText('toString'), 'no inherited property counts').to.be.false;
      const errors: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        expect(probe.t('dashboard.agenda.heading'), 'the raw key, never another text').to.equal('dashboard.agenda.heading');
      } finally {
        console.error = original;
      }
      expect(errors.map((args) => String(args[0]))).to.deep.equal([
        '<test-login-texts-probe> has no text "dashboard.agenda.heading": add its part to static texts.',
      ]);
    });
  });

  it('takes the language from the nearest lang attribute', async () => {
    const tree = await fixture<HTMLDivElement>(html`<div lang="en-GB"><p><span></span></p><p lang="fr"><i></i></p></div>`);
    expect(resolveLocale(tree.querySelector('span')!)).to.equal('en');
    expect(resolveLocale(tree.querySelector('i')!)).to.equal('fr');
  });

  it('prints dates and times as the seeds do, in Paris time', () => {
    expect(formatDateTime('2020-06-15T10:55:00Z', 'fr')).to.deep.equal({ date: '15/06/2020', time: '12:55' });
    expect(formatDateTime('2026-01-05T08:07:00Z', 'fr')).to.deep.equal({ date: '05/01/2026', time: '09:07' });
    expect(formatDateTime('2020-06-15T10:55:00Z', 'en')).to.deep.equal({ date: '15/06/2020', time: '12:55' });
  });
});
