// SPDX-License-Identifier: MIT
/**
 * Journey J4 on the demo site: the seeded family logs in on /connexion by keyboard alone,
 * sees the greeting, logs out. Needs the built bundle (`npm run build`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server/helpers.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { assertNoAxeViolations, isFocused, launchBrowser, screenshot, tabTo } from './browser.js';


describe('/connexion (end to end)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets the seeded parent log in and out by keyboard alone', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // 401s are expected (no session yet, a wrong password); anything else failing is a bug.
    page.on('response', (r) => r.status() >= 400 && r.status() !== 401 && errors.push(`${r.status()} ${r.url()}`));

    await page.goto(`${server.url}/connexion`);
    await page.getByRole('button', { name: 'Connexion' }).waitFor();
    await assertNoAxeViolations(page, 'empty form');
    await screenshot(page, 'e2e-connexion-empty');

    // A wrong password first: the generic error, focused.
    await tabTo(page, 'textbox', "Nom d'utilisateur");
    await page.keyboard.type('marie.dupont');
    await tabTo(page, 'textbox', 'Mot de passe', 3);
    await page.keyboard.type('pas-le-bon-mot-de-passe');
    await page.keyboard.press('Enter');
    await page.getByText('Identifiant ou mot de passe incorrect').waitFor();
    await assertNoAxeViolations(page, 'wrong password');
    await screenshot(page, 'e2e-connexion-wrong-password');

    // Then the right one, still by keyboard.
    await page.getByRole('textbox', { name: 'Mot de passe' }).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    const greeting = page.getByRole('heading', { name: /Bonjour Madame Marie DUPONT/ });
    await greeting.waitFor();
    assert.equal(await greeting.evaluate(isFocused), true, 'focus moved to the greeting');
    await assertNoAxeViolations(page, 'logged in');
    await screenshot(page, 'e2e-connexion-logged-in');

    // The session is real: the cookie is httpOnly and the server knows it.
    const cookies = await context.cookies();
    const sid = cookies.find((c) => c.name === 'citizen_sid');
    assert.ok(sid?.httpOnly, 'httpOnly session cookie');
    assert.equal(await page.evaluate(() => document.cookie.includes('citizen_sid')), false);

    // A reload keeps the citizen logged in; then "Se déconnecter" by keyboard.
    await page.reload();
    await page.getByRole('heading', { name: /Bonjour Madame Marie DUPONT/ }).waitFor();
    await tabTo(page, 'button', 'Se déconnecter');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Connexion' }).waitFor();
    await page.getByText('Vous êtes déconnecté.').waitFor();
    const session = await page.evaluate(() => fetch('/api/v1/session').then((r) => r.status));
    assert.equal(session, 401, 'the server ended the session');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows the same page at 320 px wide without horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'fr-FR' });
    const narrow = await context.newPage();
    await narrow.goto(`${server.url}/connexion`);
    await narrow.getByRole('button', { name: 'Connexion' }).waitFor();
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0);
    await screenshot(narrow, 'e2e-connexion-320');
    await context.close();
  });
});
