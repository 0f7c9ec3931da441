// SPDX-License-Identifier: MIT
/**
 * Journey J7 on the demo site (/mon-espace: `<cgu-gate>` around `<family-dashboard>`):
 * - the seeded family logs in, passes the gate by keyboard, changes its contact means (a
 *   request to the city, shown pending), and sees the city's news and a personal message;
 * - a fresh account made by staff enters the family's service key and "Ma famille" appears
 *   without a reload, asks to add a child, staff accept it with the admin commands, and the
 *   child appears.
 * axe in each state, no sideways scrolling at 320 px. Needs the built bundle (`npm run build`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runCommand, type AdminContext } from '../../demo-server/admin/commands.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { startTestServer, type TestServer } from '../server/helpers.js';
import { assertNoAxeViolations, isFocused, launchBrowser, screenshot, tabTo } from './browser.js';

const ACCEPT = "J'accepte les conditions générales d'utilisation";
const REGION = "Texte des conditions générales d'utilisation";


const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Logs in on /connexion by keyboard, then opens /mon-espace. */
async function logIn(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/connexion`);
  await page.getByRole('button', { name: 'Connexion' }).waitFor();
  await tabTo(page, 'textbox', "Nom d'utilisateur");
  await page.keyboard.type(username);
  await tabTo(page, 'textbox', 'Mot de passe', 3);
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  await page.goto(`${base}/mon-espace`);
}

/** Reads the terms to the end in their region (Page Down / End) and accepts them, by keyboard. */
async function acceptTermsByKeyboard(page: Page) {
  const accept = page.getByRole('button', { name: ACCEPT });
  await accept.waitFor();
  await tabTo(page, 'region', REGION);
  for (let presses = 0; (await accept.getAttribute('aria-disabled')) === 'true'; presses++) {
    assert.ok(presses < 30, 'the keyboard reached the end of the text');
    await page.keyboard.press(presses % 3 === 2 ? 'End' : 'PageDown');
    await page.waitForTimeout(50);
  }
  await tabTo(page, 'button', ACCEPT, 5);
  await page.keyboard.press('Enter');
}

/** Opens a dashboard section with the keyboard, and waits for its panel to load. */
async function openSection(page: Page, name: string) {
  const button = page.getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') {
    await button.focus();
    await page.keyboard.press('Enter');
  }
  const region = page.getByRole('region', { name, exact: true });
  await region.waitFor();
  await page.waitForFunction(() => !document.querySelector('family-dashboard')?.shadowRoot?.querySelector('[aria-busy="true"]'));
  return region;
}

function watchErrors(page: Page, allowed: (status: number, url: string) => boolean = () => false) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // 401 before login is expected; anything else failing is a bug unless the test allows it.
  page.on('response', (r) => r.status() >= 400 && r.status() !== 401 && !allowed(r.status(), r.url()) && errors.push(`${r.status()} ${r.url()}`));
  return errors;
}

describe('/mon-espace: the family dashboard (end to end)', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: AdminContext;
  const contexts: BrowserContext[] = [];

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    admin = {
      store: server.store,
      city: server.config.city,
      outboxDir: server.outboxDir,
      mailer: server.mailer,
      publicUrl: server.config.publicUrl,
      cipher: server.cipher,
    };
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  async function newPage(viewport = { width: 1280, height: 900 }) {
    const context = await browser.newContext({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    contexts.push(context);
    return context.newPage();
  }

  it('the seeded family passes the gate by keyboard, asks to change its phone, and reads news and a message', async () => {
    await runCommand(admin, ['news:publish', '--title', 'Fête de l’école le 27 juin', '--body', 'Kermesse et spectacle des enfants.', '--link', '/cgu']);
    await runCommand(admin, ['messages:send', 'marie.dupont', '--subject', 'Votre dossier est complet', '--body', 'Merci, nous avons bien reçu vos pièces.']);
    const page = await newPage();
    const errors = watchErrors(page);
    await logIn(page, server.url, 'marie.dupont', DEMO_PASSWORD);
    await acceptTermsByKeyboard(page);
    const greeting = page.getByRole('heading', { name: 'Bonjour Madame Marie DUPONT', level: 2 });
    await greeting.waitFor();
    await page.getByText('12 rue des Lilas').waitFor();
    await assertNoAxeViolations(page, 'dashboard');
    await screenshot(page, 'e2e-dashboard-desktop');

    // Mon profil → Modifier les moyens de contact, by keyboard.
    await tabTo(page, 'button', 'Mon profil', 20);
    await page.keyboard.press('Enter');
    const profile = await openSection(page, 'Mon profil');
    await tabTo(page, 'button', 'Modifier les moyens de contact', 40);
    await page.keyboard.press('Enter');
    const formTitle = profile.getByRole('heading', { name: 'Modifier les moyens de contact' });
    await formTitle.waitFor();
    assert.ok(await formTitle.evaluate(isFocused), 'focus on the form heading');
    await profile.getByText('Un changement de téléphone ou de courriel est une demande').waitFor();
    await tabTo(page, 'textbox', 'Téléphone', 5);
    await page.keyboard.type('01 23 45 67 89');
    await tabTo(page, 'button', 'Envoyer', 15);
    await page.keyboard.press('Enter');
    await profile.locator('.notice--success', { hasText: 'Votre demande a été transmise aux services municipaux.' }).waitFor();
    await profile.getByText(/En attente de validation\s*:/).first().waitFor();
    assert.ok(await profile.getByRole('button', { name: 'Modifier les moyens de contact' }).evaluate(isFocused), 'focus back on the button');
    await assertNoAxeViolations(page, 'contact change sent');
    await screenshot(page, 'e2e-dashboard-contact-request');
    const account = (await server.store.accounts.findByLogin('marie.dupont', true))!;
    const mine = (await server.store.requests.list()).filter((r) => r.accountId === account.id && r.type === 'contact-change');
    assert.equal(mine.length, 1, 'one contact change request on the server');
    assert.equal(mine[0]!.status, 'sent');
    // The phone itself changes once the city accepts.
    assert.equal((await server.store.accounts.get(account.id))!.contact.phone, undefined);

    // The request is in "Dernières demandes"; the news and the message in their section.
    const requests = await openSection(page, 'Dernières demandes');
    await requests.getByText('Envoyée', { exact: true }).first().waitFor();
    const news = await openSection(page, 'Actualités et messages');
    await news.getByRole('heading', { name: 'Fête de l’école le 27 juin' }).waitFor();
    await news.getByRole('heading', { name: /Votre dossier est complet/ }).waitFor();
    await news.getByText(/\d+ messages? non lus?\./).waitFor();
    await assertNoAxeViolations(page, 'sections open');
    await screenshot(page, 'e2e-dashboard-sections-desktop');
    assert.deepEqual(errors, []);
  });

  it('a fresh account enters its key ("Ma famille" appears without a reload), asks to add a child, staff accept, the child appears', async () => {
    const created = await runCommand(admin, [
      'households:create',
      '--name',
      'Famille Martin',
      '--member',
      'parent:Lucie:Martin:1990-05-17:MME',
      '--member',
      'child:Tom:Martin:2019-06-30',
    ]);
    const key = /Clé Enfance: (\S+)/.exec(created)?.[1];
    assert.ok(key, created);
    const password = 'Cerf-Volant-Bleu-2031';
    await runCommand(admin, [
      'accounts:create',
      '--username',
      'lucie.martin',
      '--email',
      'lucie.martin@example.fr',
      '--civility',
      'MME',
      '--first-names',
      'Lucie',
      '--last-name',
      'Martin',
      '--password',
      password,
    ]);

    const page = await newPage({ width: 320, height: 720 });
    // Expected: without a family GET /household answers 404; the wrong key on purpose, 400.
    const errors = watchErrors(
      page,
      (status, url) => (status === 404 && url.endsWith('/api/v1/household')) || (status === 400 && url.endsWith('/api/v1/profile/service-keys')),
    );
    await logIn(page, server.url, 'lucie.martin', password);
    await acceptTermsByKeyboard(page);
    await page.getByRole('heading', { name: 'Bonjour Madame Lucie MARTIN' }).waitFor();
    await page.getByText("Votre espace n'est pas encore relié au dossier de votre famille", { exact: false }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Ma famille', exact: true }).count(), 0);
    assert.equal(await horizontalOverflow(page), 0, 'no sideways scrolling at 320 px');
    await assertNoAxeViolations(page, 'fresh account');
    await screenshot(page, 'e2e-dashboard-fresh-320');

    // A mark that a reload would wipe.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await page.getByRole('button', { name: 'Saisir ma clé' }).click();
    const services = await openSection(page, 'Services et clés');
    await services.getByRole('textbox', { name: 'Clé Enfance' }).fill('AAAAA-BBBBB-CCCCC');
    await services.getByRole('button', { name: 'Valider la clé' }).click();
    await services.getByText("Cette clé n'est pas reconnue").first().waitFor();
    await services.getByRole('textbox', { name: 'Clé Enfance' }).fill(key.toLowerCase());
    await services.getByRole('button', { name: 'Valider la clé' }).click();
    await page.getByRole('button', { name: 'Ma famille', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere), true, 'no reload');
    const family = await openSection(page, 'Ma famille');
    await family.getByRole('heading', { name: 'Tom' }).waitFor();
    await screenshot(page, 'e2e-dashboard-family-320');

    // "Ajouter à mon entourage Enfance": a child born.
    const entourage = await openSection(page, 'Mon entourage');
    await entourage.getByRole('button', { name: 'Ajouter à mon entourage Enfance' }).click();
    await entourage.getByRole('radio', { name: 'Un enfant né' }).check();
    await entourage.getByRole('textbox', { name: 'Nom usuel' }).fill('Martin');
    await entourage.getByRole('textbox', { name: 'Prénom(s)' }).fill('Zoé');
    await entourage.getByLabel('Date de naissance').fill('2024-02-29');
    await entourage.getByRole('button', { name: 'Envoyer la demande' }).click();
    await entourage.locator('.notice--success', { hasText: 'Votre demande a été transmise aux services municipaux.' }).waitFor();
    await entourage.getByText('Ajout de Zoé MARTIN', { exact: false }).waitFor();
    assert.equal(await horizontalOverflow(page), 0, 'no sideways scrolling at 320 px, forms open');
    await assertNoAxeViolations(page, 'addition sent');
    await screenshot(page, 'e2e-dashboard-addition-320');

    // Staff accept it with the admin commands.
    const listed = await runCommand(admin, ['requests:list', '--status', 'sent']);
    const line = listed.split('\n').find((l) => l.includes('lucie.martin') && l.includes('household-addition'));
    assert.ok(line, listed);
    const decided = await runCommand(admin, ['requests:decide', line.split('\t')[0]!, 'accept']);
    assert.match(decided, /accepted/);

    // Opened again, "Ma famille" asks again: Zoé is there; the request is accepted.
    await page.getByRole('button', { name: 'Ma famille', exact: true }).click();
    await page.getByRole('button', { name: 'Ma famille', exact: true }).click();
    await family.getByRole('heading', { name: 'Zoé' }).waitFor();
    const requests = await openSection(page, 'Dernières demandes');
    await requests.getByText('Acceptée', { exact: true }).first().waitFor();
    await assertNoAxeViolations(page, 'child added');
    await screenshot(page, 'e2e-dashboard-child-added-320');
    assert.deepEqual(errors, []);
  });
});
