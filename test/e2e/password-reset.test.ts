// SPDX-License-Identifier: MIT
/**
 * Journeys J5 and J3 on the demo site, by keyboard: "J'ai oublié mon mot de passe" → the
 * mail → the reset page → login with the new password; and an account imported by staff →
 * the mail → its first password → login. Mails are read from the outbox. Needs the built
 * bundle (`npm run build`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runCommand } from '../../demo-server/admin/commands.js';
import { listOutbox } from '../../demo-server/mail/mailer.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { startTestServer, type TestServer } from '../server/helpers.js';
import { latestMailTo, waitForMails } from '../server/signup-helpers.js';
import { assertNoAxeViolations, isFocused, launchBrowser, screenshot, tabTo } from './browser.js';

const NEW_PASSWORD = 'Cerf-volant-Orage-4821';


/** The link of the newest mail to `to` that leads to `path`. */
async function mailedLink(server: TestServer, to: string, path: string, count: number): Promise<string> {
  await waitForMails(server.outboxDir, count);
  const mail = await latestMailTo(server.outboxDir, to);
  const link = new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_-]+`).exec(mail?.text ?? '')?.[0];
  assert.ok(link, `a ${path} link in: ${mail?.text}`);
  return link;
}

/** Types the new password, Tab, the confirmation, Enter: by keyboard. */
async function chooseByKeyboard(page: Page, passwordLabel: string) {
  // Required fields' labels start with a "* " hidden from screen readers.
  await page.getByLabel(new RegExp(`^(\\* )?${passwordLabel}$`)).focus();
  await page.keyboard.type(NEW_PASSWORD);
  await page.keyboard.press('Tab');
  const confirmation = page.getByLabel(/^(\* )?Confirmation du mot de passe$/);
  assert.equal(await confirmation.evaluate(isFocused), true, 'Tab leads to the confirmation');
  await page.keyboard.type(NEW_PASSWORD);
  await page.keyboard.press('Enter');
}

/** Logs in on /connexion by keyboard; resolves with whether the greeting came. */
async function logIn(page: Page, username: string, password: string): Promise<'greeted' | 'refused'> {
  await page.getByRole('button', { name: 'Connexion' }).waitFor();
  await page.getByRole('textbox', { name: "Nom d'utilisateur" }).fill('');
  await page.getByRole('textbox', { name: "Nom d'utilisateur" }).focus();
  await page.keyboard.type(username);
  await page.getByLabel('Mot de passe', { exact: true }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  const greeting = page.getByRole('heading', { name: /^Bonjour / });
  const refusal = page.getByText('Identifiant ou mot de passe incorrect');
  return Promise.race([greeting.waitFor().then(() => 'greeted' as const), refusal.waitFor().then(() => 'refused' as const)]);
}

describe('forgotten password and imported accounts (end to end)', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    dir = await mkdtemp(join(tmpdir(), 'citizen-e2e-import-'));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A fresh browser profile; fails the test on page errors and unexpected HTTP failures. */
  async function open(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // 401: no session yet, or a wrong password on purpose; 400: the dead link checked on purpose.
    page.on('response', (r) => r.status() >= 400 && ![400, 401].includes(r.status()) && errors.push(`${r.status()} ${r.url()}`));
    return { context, page, errors };
  }

  it('forgot → mail → reset page → the new password logs in, the old one no longer does', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${server.url}/connexion`);
    await page.getByRole('button', { name: 'Connexion' }).waitFor();
    await tabTo(page, 'link', "J'ai oublié mon mot de passe");
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/mot-de-passe-oublie$/);
    await page.getByRole('heading', { name: 'Oubli de mot de passe' }).waitFor();
    await assertNoAxeViolations(page, 'request form');
    await screenshot(page, 'e2e-forgot-request');
    const mails = (await listOutbox(server.outboxDir)).length;
    await tabTo(page, 'textbox', "Nom d'utilisateur (ou adresse de courriel)");
    await page.keyboard.type('marie.dupont@example.fr');
    await page.keyboard.press('Enter');
    const sent = page.getByText('Si un compte correspond, un courriel vient de vous être envoyé.');
    await sent.waitFor();
    assert.equal(await page.getByRole('status').filter({ has: sent }).evaluate(isFocused), true, 'focus on the answer');
    await assertNoAxeViolations(page, 'request sent');
    await screenshot(page, 'e2e-forgot-sent');

    const link = await mailedLink(server, 'marie.dupont@example.fr', '/reinitialisation', mails + 1);
    assert.ok(link.startsWith(server.config.publicUrl.origin), `the link is on PUBLIC_URL: ${link}`);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Réinitialisation de votre mot de passe' }).waitFor();
    const username = page.getByRole('textbox', { name: "Nom d'utilisateur" });
    await username.waitFor();
    assert.equal(await username.inputValue(), 'marie.dupont');
    assert.equal(new URL(page.url()).search, '', 'the token left the address bar (history, analytics, Referer)');
    assert.equal(await username.getAttribute('autocomplete'), 'username');
    assert.equal(await page.getByLabel(/^(\* )?Nouveau mot de passe$/).getAttribute('autocomplete'), 'new-password');
    await assertNoAxeViolations(page, 'reset form');
    await screenshot(page, 'e2e-reset-form');

    await chooseByKeyboard(page, 'Nouveau mot de passe');
    await page.getByText('Votre mot de passe a été modifié.').waitFor();
    await assertNoAxeViolations(page, 'reset done');
    await screenshot(page, 'e2e-reset-done');

    // The link served once: opened again, it says so.
    await page.goto(link);
    await page.getByText("Ce lien n'est plus valable").waitFor();
    await assertNoAxeViolations(page, 'dead link');
    await screenshot(page, 'e2e-reset-dead-link');

    await page.goto(`${new URL(link).origin}/connexion`);
    assert.equal(await logIn(page, 'marie.dupont', DEMO_PASSWORD), 'refused', 'the old password fails');
    assert.equal(await logIn(page, 'marie.dupont', NEW_PASSWORD), 'greeted', 'the new one works');
    await page.getByRole('heading', { name: /Bonjour Madame Marie DUPONT/ }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('import → mail → the holder chooses a password → login', async () => {
    const file = join(dir, 'familles.csv');
    await writeFile(file, '\uFEFFusername;email;civility;first_names;last_name\r\nclaire.lefevre;claire.lefevre@example.fr;MME;Claire;Lefèvre\r\n');
    const mails = (await listOutbox(server.outboxDir)).length;
    const ctx = { store: server.store, city: server.config.city, outboxDir: server.outboxDir, mailer: server.mailer, publicUrl: server.config.publicUrl };
    assert.match(await runCommand(ctx, ['accounts:import', file]), /Imported 1 account/);
    const link = await mailedLink(server, 'claire.lefevre@example.fr', '/choix-du-mot-de-passe', mails + 1);

    const { context, page, errors } = await open();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choisissez votre mot de passe' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: "Nom d'utilisateur" }).inputValue(), 'claire.lefevre');
    await assertNoAxeViolations(page, 'setup form');
    await screenshot(page, 'e2e-setup-form');
    await chooseByKeyboard(page, 'Mot de passe');
    await page.getByText('Votre mot de passe est enregistré et votre espace est activé.').waitFor();
    await assertNoAxeViolations(page, 'setup done');
    await tabTo(page, 'link', 'Me connecter à mon espace');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/connexion$/);
    assert.equal(await logIn(page, 'claire.lefevre', NEW_PASSWORD), 'greeted');
    await page.getByRole('heading', { name: /Bonjour Madame Claire LEFÈVRE/ }).waitFor();
    await screenshot(page, 'e2e-setup-logged-in');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${server.url}/mot-de-passe-oublie`);
    await page.getByRole('button', { name: 'Valider' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    await screenshot(page, 'e2e-forgot-320');
    await context.close();
  });
});
