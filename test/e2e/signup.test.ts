// SPDX-License-Identifier: MIT
/**
 * Journeys J1 and J2 on the demo site, with mail going to a real SMTP server (smtp-server in
 * this process, SMTP_URL pointing at it):
 * - a new family goes from / to /inscription and signs up by keyboard alone (the real ALTCHA
 *   widget solves its proof of work), receives the mail, opens its link, presses "Activer mon
 *   espace", and logs in on /connexion;
 * - a city with staff activation, by mouse at 320 px: the account waits, staff activate it
 *   (the admin command), a mail says so, and the login works.
 * Needs the built bundle (`npm run build`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { runCommand, type AdminContext } from '../../demo-server/admin/commands.js';
import { startTestServer } from '../server/helpers.js';
import { cityFile } from '../server/signup-helpers.js';
import { assertNoAxeViolations, isFocused, launchBrowser, screenshot, tabTo } from './browser.js';

const PASSWORD = 'Lune-Verte-Escalier-42';


/** A real SMTP server on a loopback port that keeps every mail, parsed. */
async function smtpCapture() {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => mails.push(mail))
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    /** The first mail to `to` whose subject matches, once it arrived (at most ~5 s). */
    async mailTo(to: string, subject: RegExp): Promise<ParsedMail> {
      for (let i = 0; i < 100; i++) {
        const mail = mails.find((m) => m.subject && subject.test(m.subject) && !Array.isArray(m.to) && m.to?.value.some((a) => a.address === to));
        if (mail) return mail;
        await new Promise((ok) => setTimeout(ok, 50));
      }
      throw new Error(`No mail "${subject}" to ${to}; got: ${mails.map((m) => m.subject).join(', ')}`);
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Presses Tab until the focused element is a link reading `text` (home has it twice: nav and list). */
async function tabToLinkText(page: Page, text: string, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((t) => document.activeElement?.localName === 'a' && document.activeElement.textContent?.trim() === t, text)) return;
  }
  throw new Error(`Tab never reached the link "${text}"`);
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { name });
const currentStep = (page: Page, title: string) => heading(page, new RegExp(`^Étape \\d sur 5 ${title}$`));
/** Required fields' labels start with a "*" hidden from screen readers. */
const labelled = (page: Page, label: string) => page.getByLabel(new RegExp(`^(\\* ?)?${label}$`));

/** Logs in on /connexion by keyboard; resolves with whether the greeting came. */
async function logIn(page: Page, username: string, password: string): Promise<'greeted' | 'refused' | 'inactive'> {
  await page.getByRole('button', { name: 'Connexion' }).waitFor();
  await page.getByRole('textbox', { name: "Nom d'utilisateur" }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(username);
  await page.getByLabel('Mot de passe', { exact: true }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  return Promise.race([
    page.getByRole('heading', { name: /^Bonjour / }).waitFor().then(() => 'greeted' as const),
    page.getByText('Identifiant ou mot de passe incorrect').waitFor().then(() => 'refused' as const),
    page.getByText("Votre espace n'est pas encore activé").waitFor().then(() => 'inactive' as const),
  ]);
}

describe('/inscription and /activation (end to end)', () => {
  let smtp: Awaited<ReturnType<typeof smtpCapture>>;
  let browser: Browser;

  before(async () => {
    smtp = await smtpCapture();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await smtp?.close();
  });

  it('a new family signs up by keyboard alone, activates from the mail and logs in', async () => {
    const server = await startTestServer({ SMTP_URL: smtp.url });
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // The ALTCHA widget's inline style must not be refused (CSP violations are console errors).
      page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && errors.push(m.text()));
      // 401s are expected (no session yet on /connexion); the used link's 400 is checked below.
      page.on('response', (r) => r.status() >= 400 && r.status() !== 401 && errors.push(`${r.status()} ${new URL(r.url()).pathname}`));
      const email = 'camille.martin@example.fr';

      await page.goto(`${server.url}/`);
      await tabToLinkText(page, 'Créer mon espace');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Je crée mon espace' }).waitFor();
      await assertNoAxeViolations(page, 'welcome');
      await screenshot(page, 'e2e-signup-welcome');
      await tabTo(page, 'button', 'Je crée mon espace');
      await page.keyboard.press('Enter');

      // Étape 1: the heading has focus; radios by arrow keys, fields by Tab, Enter for "Suivant".
      const identity = currentStep(page, 'Identité');
      await identity.waitFor();
      assert.equal(await identity.evaluate(isFocused), true, 'focus on the step heading');
      await tabTo(page, 'radio', 'Monsieur');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.getByRole('radio', { name: 'Madame' }).isChecked(), true);
      await tabTo(page, 'textbox', 'Nom usuel', 3);
      await page.keyboard.type('Martin');
      await tabTo(page, 'textbox', 'Prénom(s)', 3);
      await page.keyboard.type('Camille');
      await page.keyboard.press('Enter');

      // Étape 2: skipped, as the seeds allow.
      await currentStep(page, 'Adresse').waitFor();
      await assertNoAxeViolations(page, 'address');
      await tabTo(page, 'button', 'Suivant');
      await page.keyboard.press('Enter');

      // Étape 3: a wrong address first, then the right one.
      await currentStep(page, 'Moyens de contact').waitFor();
      await tabTo(page, 'textbox', 'Courriel');
      await page.keyboard.type('camille.martin@');
      await page.keyboard.press('Enter');
      await page.getByText('Le formulaire contient des erreurs').waitFor();
      await assertNoAxeViolations(page, 'contact with errors');
      await screenshot(page, 'e2e-signup-contact-errors');
      await tabTo(page, 'link', 'Saisissez une adresse de courriel valide, par exemple nom@exemple.fr', 3);
      await page.keyboard.press('Enter');
      assert.equal(await page.getByRole('textbox', { name: 'Courriel' }).evaluate(isFocused), true, 'the summary link leads to the field');
      await page.keyboard.type('example.fr');
      await page.keyboard.press('Enter');

      // Étape 4: credentials, and the real ALTCHA widget (lazy-loaded now) ticked by Space.
      await currentStep(page, 'Authentification').waitFor();
      await tabTo(page, 'textbox', "Nom d'utilisateur");
      await page.keyboard.type('camille.martin');
      await page.keyboard.press('Tab');
      assert.equal(await labelled(page, 'Mot de passe').evaluate(isFocused), true);
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Tab'); // "Afficher les mots de passe"
      await page.keyboard.press('Tab');
      assert.equal(await labelled(page, 'Confirmation du mot de passe').evaluate(isFocused), true);
      await page.keyboard.type(PASSWORD);
      await page.getByText('✓', { exact: false }).first().waitFor();
      await tabTo(page, 'checkbox', 'Je ne suis pas un robot');
      await page.keyboard.press('Space');
      await page.getByText('Vérification effectuée').waitFor({ timeout: 30_000 });
      await assertNoAxeViolations(page, 'credentials, verified');
      await screenshot(page, 'e2e-signup-credentials');
      await tabTo(page, 'button', 'Suivant');
      await page.keyboard.press('Enter');

      // Étape 5: the summary, then "Valider".
      await currentStep(page, 'Vérifiez vos informations').waitFor();
      await assertNoAxeViolations(page, 'review');
      await screenshot(page, 'e2e-signup-review');
      await tabTo(page, 'button', 'Valider');
      await page.keyboard.press('Enter');
      const created = heading(page, 'Votre espace a bien été créé.');
      await created.waitFor();
      assert.equal(await created.evaluate(isFocused), true);
      await page.getByText(`à l’adresse que vous avez indiquée : ${email}`).waitFor();
      await assertNoAxeViolations(page, 'created');
      await screenshot(page, 'e2e-signup-created');
      assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'no progress left behind');

      // The mail: seed 000's subject and greeting, a link built from PUBLIC_URL, no password.
      const mail = await smtp.mailTo(email, /Création de votre espace personnel/);
      assert.equal(mail.subject, 'Ville de Démo - Création de votre espace personnel');
      assert.match(mail.text ?? '', /^Bonjour Mme Camille MARTIN,/m);
      assert.ok(!(mail.text ?? '').includes(PASSWORD), 'no password in the mail');
      const link = /https?:\/\/\S+\/activation\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
      assert.ok(link, `an activation link in: ${mail.text}`);
      assert.equal(new URL(link).origin, server.config.publicUrl.origin);

      // Opening the link changes nothing (mail scanners open links); the button does.
      const ctx: AdminContext = { store: server.store, city: server.config.city, outboxDir: server.outboxDir };
      await page.goto(link);
      await page.getByRole('button', { name: 'Activer mon espace' }).waitFor();
      assert.match(await runCommand(ctx, ['accounts:pending']), /camille\.martin\tpending-email/);
      await assertNoAxeViolations(page, 'activation');
      await tabTo(page, 'button', 'Activer mon espace');
      await page.keyboard.press('Enter');
      const activated = heading(page, "Votre espace a bien été activé pour le nom d'utilisateur : camille.martin.");
      await activated.waitFor();
      assert.equal(await activated.evaluate(isFocused), true);
      await assertNoAxeViolations(page, 'activated');
      await screenshot(page, 'e2e-activation-done');
      assert.doesNotMatch(await runCommand(ctx, ['accounts:pending']), /camille\.martin/);

      // The link leads to /connexion, where the new credentials work.
      await tabTo(page, 'link', 'Me connecter à mon espace');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/connexion$/);
      assert.equal(await logIn(page, 'camille.martin', PASSWORD), 'greeted');
      await heading(page, 'Bonjour Madame Camille MARTIN').waitFor();

      // The same link a second time: no longer valid, and a new one can be asked for.
      await page.goto(link);
      await page.getByRole('button', { name: 'Activer mon espace' }).click();
      await page.getByRole('heading', { name: 'Recevoir un nouveau lien' }).waitFor();
      assert.deepEqual(errors, ['400 /api/v1/accounts/activation'], 'only the used link was refused');
    } finally {
      await context.close();
      await server.stop();
    }
  });

  it('a city with staff activation: by mouse at 320 px, pending, staff activate, mail, login', async () => {
    const server = await startTestServer({
      SMTP_URL: smtp.url,
      CITY_CONFIG: await cityFile({ activationModes: ['staff'], captcha: 'none' }),
    });
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'fr-FR', hasTouch: true });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const email = 'karim.benali@example.fr';
      const noOverflow = async (state: string) =>
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, state);

      await page.goto(`${server.url}/inscription`);
      await page.getByRole('button', { name: 'Je crée mon espace' }).click();
      await currentStep(page, 'Identité').waitFor();
      await noOverflow('identity');
      await page.getByText('Monsieur').click();
      await page.getByRole('textbox', { name: 'Nom usuel' }).fill('Benali');
      await page.getByRole('textbox', { name: 'Prénom(s)' }).fill('Karim');
      await page.getByRole('button', { name: 'Suivant' }).click();
      await currentStep(page, 'Adresse').waitFor();
      await page.getByRole('textbox', { name: 'Numéro et voie' }).fill('3 place de la Mairie');
      await page.getByRole('textbox', { name: 'Code postal' }).fill('78670');
      await page.getByRole('textbox', { name: 'Commune', exact: true }).fill('Villennes-sur-Seine');
      await page.getByRole('button', { name: 'Suivant' }).click();
      await currentStep(page, 'Moyens de contact').waitFor();
      await page.getByRole('textbox', { name: 'Courriel' }).fill(email);
      await page.getByRole('button', { name: 'Suivant' }).click();
      await currentStep(page, 'Authentification').waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Contrôle de sécurité' }).count(), 0, 'no captcha in this city');
      await page.getByRole('textbox', { name: "Nom d'utilisateur" }).fill('karim.benali');
      await labelled(page, 'Mot de passe').fill(PASSWORD);
      await labelled(page, 'Confirmation du mot de passe').fill(PASSWORD);
      await noOverflow('credentials');
      await screenshot(page, 'e2e-signup-staff-credentials-320');
      await page.getByRole('button', { name: 'Suivant' }).click();
      await currentStep(page, 'Vérifiez vos informations').waitFor();
      await noOverflow('review');
      await page.getByRole('button', { name: 'Valider' }).click();
      await heading(page, 'Votre espace a bien été créé.').waitFor();
      await page.getByText('Celle-ci sera effective dans les 48 heures ouvrées.').waitFor();
      await noOverflow('created');
      await assertNoAxeViolations(page, 'created, staff');
      await screenshot(page, 'e2e-signup-staff-created-320');

      // Pending: no activation mail, and the login says why it is refused.
      const ctx: AdminContext = {
        store: server.store,
        city: server.config.city,
        outboxDir: server.outboxDir,
        mailer: server.mailer,
        publicUrl: server.config.publicUrl,
      };
      assert.match(await runCommand(ctx, ['accounts:pending']), /karim\.benali\tpending-staff/);
      await page.goto(`${server.url}/connexion`);
      assert.equal(await logIn(page, 'karim.benali', PASSWORD), 'inactive');

      // Staff activate it; the citizen is told by mail, and can log in.
      assert.match(await runCommand(ctx, ['accounts:activate', 'karim.benali']), /Activated karim\.benali/);
      const mail = await smtp.mailTo(email, /Activation de votre espace personnel/);
      assert.match(mail.text ?? '', /^Bonjour M\. Karim BENALI,/m);
      await page.reload();
      assert.equal(await logIn(page, 'karim.benali', PASSWORD), 'greeted');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
