// SPDX-License-Identifier: MIT
/**
 * Journey J3 on the demo site: staff create an account with a generated password
 * (`accounts:create --generate-password`, through the admin command code as the CLI runs it
 * against a live server); at the first login the citizen meets "Modification de vos
 * identifiants" before anything else, the API refusing everything else meanwhile; the new
 * password works afterwards. By keyboard, with axe. Needs the built bundle (`npm run build`).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertNoAxeViolations, demoSite, isFocused, screenshot, tabTo } from './browser.js';

const NEW_PASSWORD = 'Cerf-volant-Orage-4821';


async function logIn(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/connexion`);
  await page.getByRole('button', { name: 'Connexion' }).waitFor();
  await tabTo(page, 'textbox', "Nom d'utilisateur", 30);
  await page.keyboard.type(username);
  await tabTo(page, 'textbox', 'Mot de passe', 3);
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

describe('forced change of a generated password (end to end)', () => {
  const demo = demoSite();

  it('shows "Modification de vos identifiants" first, then the new password works', async () => {
    // The CLI sends the command to the running server's admin API, which runs the command code.
    const created = await fetch(`${demo.server.url}/admin/v1/run`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demo.server.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        argv: ['accounts:create', '--username', 'testa.arpege', '--email', 'testa.arpege@example.fr', '--civility', 'MME',
          '--first-names', 'Testa', '--last-name', 'Arpège', '--generate-password'],
      }),
    }).then((r) => r.json() as Promise<{ output: string }>);
    const generated = /Generated password .*: (\S+)/.exec(created.output)?.[1];
    assert.ok(generated, created.output);

    const context = await demo.browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, demo.server.url, 'testa.arpege', generated);

    const heading = page.getByRole('heading', { name: 'Modification de vos identifiants' });
    await heading.waitFor();
    assert.equal(await heading.evaluate(isFocused), true, 'focus on the change screen');
    await page
      .getByText("Votre mot de passe ayant été généré automatiquement, les règles de sécurité en vigueur imposent d'en définir un nouveau")
      .waitFor();
    assert.equal(await page.getByRole('heading', { name: /^Bonjour/ }).count(), 0, 'nothing else yet');
    const refused = await page.evaluate(() => fetch('/api/v1/profile').then(async (r) => ({ status: r.status, body: await r.json() })));
    assert.deepEqual([refused.status, refused.body.code], [403, 'password_change_required'], 'the API refuses too');
    assert.equal(await page.getByRole('textbox', { name: "Nom d'utilisateur" }).inputValue(), 'testa.arpege');
    await assertNoAxeViolations(page, 'change screen');
    await screenshot(page, 'e2e-forced-change');

    // By keyboard: Tab past the username (kept) to the new password, then its confirmation.
    await tabTo(page, 'textbox', 'Mot de passe', 5);
    await page.keyboard.type(NEW_PASSWORD);
    await page.locator('[data-rule="length"].citizen-checklist__item--met').waitFor();
    await tabTo(page, 'textbox', 'Confirmation du mot de passe', 3);
    await page.keyboard.type(NEW_PASSWORD);
    await assertNoAxeViolations(page, 'change screen filled');
    await screenshot(page, 'e2e-forced-change-filled');
    await page.keyboard.press('Enter');

    const greeting = page.getByRole('heading', { name: /Bonjour Madame Testa ARPÈGE/ });
    await greeting.waitFor();
    assert.equal(await greeting.evaluate(isFocused), true);
    await screenshot(page, 'e2e-forced-change-done');
    await tabTo(page, 'button', 'Se déconnecter');
    await page.keyboard.press('Enter');
    await page.getByText('Vous êtes déconnecté.').waitFor();

    // The generated password is dead; the new one opens the space directly.
    await logIn(page, demo.server.url, 'testa.arpege', generated);
    await page.getByText('Identifiant ou mot de passe incorrect').waitFor();
    await logIn(page, demo.server.url, 'testa.arpege', NEW_PASSWORD);
    await page.getByRole('heading', { name: /Bonjour Madame Testa ARPÈGE/ }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Modification de vos identifiants' }).count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
