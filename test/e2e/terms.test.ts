// SPDX-License-Identifier: MIT
/**
 * Journey J6 on the demo site: the seeded family (terms not accepted) logs in on
 * /connexion, finds the gate on /mon-espace, reads the terms to the end and accepts them by
 * keyboard alone; after a reload the gate is gone. Also /cgu, and the gate at 320 px and
 * 200 % zoom. Needs the built bundle (`npm run build`).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { assertNoAxeViolations, demoSite, isFocused, screenshot, tabTo } from './browser.js';

const ACCEPT = "J'accepte les conditions générales d'utilisation";
const REGION = "Texte des conditions générales d'utilisation";
const GREETING = /Bonjour Madame Marie DUPONT/;


/** Logs the seeded parent in on /connexion, by keyboard. */
async function logIn(page: Page, base: string) {
  await page.goto(`${base}/connexion`);
  await page.getByRole('button', { name: 'Connexion' }).waitFor();
  await tabTo(page, 'textbox', "Nom d'utilisateur");
  await page.keyboard.type('marie.dupont');
  await tabTo(page, 'textbox', 'Mot de passe', 3);
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: GREETING }).waitFor();
}

/** Whether the page scrolls sideways (it must not, down to 320 px and at 200 % zoom). */
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('/mon-espace and /cgu (end to end)', () => {
  const demo = demoSite();

  it('gates the space until the terms are read to the end and accepted, by keyboard alone', async () => {
    const context = await demo.browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // 401s are expected (nobody logged in yet); anything else failing is a bug.
    page.on('response', (r) => r.status() >= 400 && r.status() !== 401 && errors.push(`${r.status()} ${r.url()}`));

    // Not logged in: nothing of the space, a way to the login page.
    await page.goto(`${demo.server.url}/mon-espace`);
    await page.getByText('Connectez-vous à votre espace pour accéder à ce contenu.').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Se connecter' }).getAttribute('href'), '/connexion');
    assert.equal(await page.getByRole('heading', { name: 'Mon espace perso' }).count(), 0, 'the content stays hidden');
    await assertNoAxeViolations(page, 'not logged in');
    await screenshot(page, 'e2e-mon-espace-logged-out');

    await logIn(page, demo.server.url);
    await page.goto(`${demo.server.url}/mon-espace`);
    await page.getByRole('heading', { name: "Conditions générales d'utilisation", exact: true }).waitFor();
    const accept = page.getByRole('button', { name: ACCEPT });
    assert.equal(await accept.getAttribute('aria-disabled'), 'true');
    await page.getByText("Faites défiler le texte jusqu'à la fin pour pouvoir accepter").waitFor();
    assert.equal(await page.getByRole('heading', { name: GREETING }).count(), 0, 'the content stays hidden');
    await assertNoAxeViolations(page, 'gate');
    await screenshot(page, 'e2e-mon-espace-gate');

    // Tab to the text, then Page Down and End until the end is on screen.
    await tabTo(page, 'region', REGION);
    let presses = 0;
    while ((await accept.getAttribute('aria-disabled')) === 'true') {
      assert.ok(presses++ < 30, 'the keyboard reached the end of the text');
      await page.keyboard.press(presses % 3 === 0 ? 'End' : 'PageDown');
      await page.waitForTimeout(50);
    }
    await page.getByText("Fin du texte atteinte : le bouton «\u00a0J'accepte").waitFor({ state: 'attached' });
    await assertNoAxeViolations(page, 'end reached');
    await screenshot(page, 'e2e-mon-espace-end-reached');

    await tabTo(page, 'button', ACCEPT, 5);
    await page.keyboard.press('Enter');
    const greeting = page.getByRole('heading', { name: GREETING });
    await greeting.waitFor();
    assert.equal(await page.getByRole('heading', { name: "Conditions générales d'utilisation", exact: true }).count(), 0);
    const focusInGate = await page.locator('cgu-gate').evaluate((gate) => gate.shadowRoot!.activeElement?.getAttribute('part'));
    assert.equal(focusInGate, 'content', 'focus moved to the revealed content');
    await assertNoAxeViolations(page, 'accepted');
    await screenshot(page, 'e2e-mon-espace-accepted');

    // The server kept the proof; a reload shows no gate.
    const account = (await demo.server.store.accounts.findByLogin('marie.dupont', true))!;
    const proof = await demo.server.store.termsAcceptances.listForAccount(account.id);
    assert.deepEqual(proof.map((p) => p.version), ['2026-09']);
    await page.reload();
    await page.getByRole('heading', { name: GREETING }).waitFor();
    assert.equal(await page.getByRole('button', { name: ACCEPT }).count(), 0);
    assert.equal(await page.evaluate(() => fetch('/api/v1/profile').then((r) => r.status)), 200);
    await assertNoAxeViolations(page, 'after reload');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits 320 px and 200 % zoom without sideways scrolling, and /cgu shows the text to print', async () => {
    const contexts: BrowserContext[] = [];
    try {
      // 200 % zoom of a 1280 × 800 window is a 640 × 400 CSS-pixel viewport at scale 2.
      for (const [name, options] of [
        ['320', { viewport: { width: 320, height: 640 } }],
        ['zoom-200', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
        ['desktop', { viewport: { width: 1280, height: 800 } }],
      ] as const) {
        const context = await demo.browser.newContext({ ...options, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
        contexts.push(context);
        const page = await context.newPage();
        // Paul, the co-representative, has not accepted either (acceptance is per account).
        await page.goto(`${demo.server.url}/connexion`);
        await page.getByLabel("Nom d'utilisateur").fill('paul.dupont');
        await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Connexion' }).click();
        await page.getByRole('heading', { name: /Bonjour Monsieur Paul DUPONT/ }).waitFor();
        await page.goto(`${demo.server.url}/mon-espace`);
        const accept = page.getByRole('button', { name: ACCEPT });
        await accept.waitFor();
        assert.equal(await horizontalOverflow(page), 0, `no sideways scrolling (${name})`);
        await screenshot(page, `e2e-mon-espace-gate-${name}`);
        // The mouse wheel over the text gets there too.
        await page.getByRole('region', { name: REGION }).hover();
        for (let i = 0; i < 40 && (await accept.getAttribute('aria-disabled')) === 'true'; i++) {
          await page.mouse.wheel(0, 400);
          await page.waitForTimeout(30);
        }
        assert.equal(await accept.getAttribute('aria-disabled'), null, `the wheel reached the end (${name})`);
        await screenshot(page, `e2e-mon-espace-end-${name}`);

        await page.goto(`${demo.server.url}/cgu`);
        await page.getByRole('heading', { name: "Conditions générales d'utilisation de l'espace citoyen" }).waitFor();
        await page.getByRole('heading', { name: 'Données personnelles' }).waitFor();
        assert.equal(await horizontalOverflow(page), 0, `/cgu: no sideways scrolling (${name})`);
        if (name === 'desktop') {
          await assertNoAxeViolations(page, '/cgu');
          await page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }).waitFor();
          await page.emulateMedia({ media: 'print' });
          assert.equal(await page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }).isVisible(), false);
          await screenshot(page, 'e2e-cgu-print');
          await page.emulateMedia({ media: 'screen' });
        }
        await screenshot(page, `e2e-cgu-${name}`);
      }
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
