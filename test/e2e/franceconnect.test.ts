// SPDX-License-Identifier: MIT
/**
 * Journey J4 with FranceConnect on the demo site, in real Chromium against the demo server's
 * local stand-in provider: first login creates the account from the certified identity,
 * logout ends FranceConnect's session too; another identity links the seeded parent's
 * account. By keyboard, with axe at each screen. Needs the built bundle (`npm run build`).
 *
 * The pages are opened on the server's public URL (localhost), FranceConnect's redirect_uri:
 * the login's cookies must be those of the host FranceConnect sends the browser back to.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server/helpers.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { assertNoAxeViolations, isFocused, launchBrowser, screenshot, tabTo } from './browser.js';

const FC_BUTTON = "S'identifier avec FranceConnect";
const CHOICE = 'Votre identité FranceConnect';


/** From /connexion through the stand-in's page, choosing the identity whose label starts with `name`. */
async function throughFranceConnect(page: Page, base: string, name: string) {
  await page.goto(`${base}/connexion`);
  await tabTo(page, 'button', FC_BUTTON);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Connexion avec FranceConnect' }).waitFor();
  await page.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
}

describe('FranceConnect on /connexion (end to end)', () => {
  let server: TestServer;
  let browser: Browser;
  let base: string;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    base = server.config.publicUrl.origin;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates the account from the certified identity, then logs out of FranceConnect too', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => r.status() >= 400 && r.status() !== 401 && errors.push(`${r.status()} ${r.url()}`));

    await page.goto(`${base}/connexion`);
    await page.getByRole('button', { name: FC_BUTTON }).waitFor();
    await assertNoAxeViolations(page, 'login with FranceConnect');
    await screenshot(page, 'e2e-franceconnect-button');
    const link = page.getByRole('link', { name: /Qu'est-ce que FranceConnect/ });
    assert.equal(await link.getAttribute('href'), 'https://franceconnect.gouv.fr/');

    await throughFranceConnect(page, base, 'Camille Jeanne MARTIN');
    const heading = page.getByRole('heading', { name: CHOICE });
    await heading.waitFor();
    assert.equal(await heading.evaluate(isFocused), true, 'focus on the choice');
    assert.equal(new URL(page.url()).search, '', 'the address no longer says ?franceconnect=choose');
    assert.match(await page.locator('.citizen-certified').innerText(), /Camille Jeanne[\s\S]*MARTIN[\s\S]*12\/05\/1985[\s\S]*camille\.martin@example\.fr/);
    await assertNoAxeViolations(page, 'choice');
    await screenshot(page, 'e2e-franceconnect-choice');

    await tabTo(page, 'button', 'Créer mon espace avec cette identité');
    await page.keyboard.press('Enter');
    const greeting = page.getByRole('heading', { name: /Bonjour Madame Camille Jeanne MARTIN/ });
    await greeting.waitFor();
    assert.equal(await greeting.evaluate(isFocused), true, 'focus on the greeting');
    await assertNoAxeViolations(page, 'logged in with FranceConnect');
    await screenshot(page, 'e2e-franceconnect-logged-in');
    const session = await page.evaluate(() => fetch('/api/v1/session').then((r) => r.json()));
    assert.equal(session.account.username, 'camille.martin');
    assert.equal(session.franceConnect, true);

    // Logout: our session, then FranceConnect's (its page submits itself), back to /connexion.
    await tabTo(page, 'button', 'Se déconnecter');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/connexion`);
    await page.getByText('Vous êtes déconnecté, de FranceConnect aussi.').waitFor();
    assert.equal(await page.evaluate(() => fetch('/api/v1/session').then((r) => r.status)), 401);
    await screenshot(page, 'e2e-franceconnect-logged-out');

    // FranceConnect forgot the citizen: its page asks again; the account is now linked.
    await throughFranceConnect(page, base, 'Camille Jeanne MARTIN');
    await page.getByRole('heading', { name: /Bonjour Madame Camille Jeanne MARTIN/ }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('comes first on /inscription, above "OU" and the sign-up wizard, and returns to /connexion', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await page.goto(`${base}/inscription`);
    const button = page.getByRole('button', { name: FC_BUTTON });
    await button.waitFor();
    const or = page.getByText('OU', { exact: true });
    const signup = page.locator('citizen-signup');
    await signup.waitFor();
    const [buttonBox, orBox, signupBox] = await Promise.all([button.boundingBox(), or.boundingBox(), signup.boundingBox()]);
    assert.ok(buttonBox!.y < orBox!.y && orBox!.y < signupBox!.y, 'FranceConnect, then "OU", then the sign-up');
    await screenshot(page, 'e2e-franceconnect-inscription');
    await button.click();
    await page.getByRole('heading', { name: 'Connexion avec FranceConnect' }).waitFor();
    await page.getByRole('radio', { name: /^Camille Jeanne MARTIN/ }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.waitForURL(`${base}/connexion`);
    // Camille's account exists since the first test: FranceConnect's login is a login here.
    await page.getByRole('heading', { name: /Bonjour Madame Camille Jeanne MARTIN/ }).waitFor();
    await context.close();
  });

  it('links the seeded parent’s account once, by username and password', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await throughFranceConnect(page, base, 'Marie DUPONT');
    await page.getByRole('heading', { name: CHOICE }).waitFor();
    await page.getByRole('textbox', { name: "Nom d'utilisateur" }).fill('marie.dupont');
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Relier mon espace' }).click();
    await page.getByRole('heading', { name: /Bonjour Madame Marie DUPONT/ }).waitFor();
    const account = await server.store.accounts.findByLogin('marie.dupont', true);
    assert.ok(await server.store.franceConnectLinks.findByAccount(account!.id), 'linked');
    await context.close();
  });
});
