// SPDX-License-Identifier: MIT
import { expect, fixture, html } from '@open-wc/testing';
import { catalogs, createTranslator, formatDateTime, isMessageKey, resolveLocale } from '../../src/i18n/index.js';

describe('i18n', () => {
  it('has the same keys in French and English', () => {
    expect(Object.keys(catalogs.en).sort()).to.deep.equal(Object.keys(catalogs.fr).sort());
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
