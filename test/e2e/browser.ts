// SPDX-License-Identifier: MIT
/** Debian's Chromium driven by playwright-core, as a family's browser would be. */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { startTestServer, type TestServer } from '../server/helpers.js';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * The demo site (a fresh server with the seeded family, temporary data) and Chromium for one
 * suite: started before its tests, stopped after them.
 */
export function demoSite(): { readonly server: TestServer; readonly browser: Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}

/**
 * Presses Tab until the focused element has this role and accessible name, as a keyboard
 * user would, and fails after `max` presses.
 */
export async function tabTo(page: Page, role: string, name: string | RegExp, max = 25): Promise<void> {
  const target = page.getByRole(role as Parameters<Page['getByRole']>[0], { name, exact: typeof name === 'string' });
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate(isFocused).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${role} "${name}"`);
}

/** Whether the element holds focus, following focus into shadow roots. */
export function isFocused(el: Element): boolean {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active === el || (!!active && el.contains(active));
}

/**
 * A French family's page (fr-FR, Paris time) that records what should never happen: page
 * errors and answers of 400 and above (401 is the dashboard's "am I logged in?" question),
 * except those `expected` lets through. The test ends with `assert.deepEqual(errors, [])`.
 */
export async function familyPage(
  browser: Browser,
  width = 1024,
  expected: (status: number, url: string) => boolean = () => false,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => r.status() >= 400 && r.status() !== 401 && !expected(r.status(), r.url()) && errors.push(`${r.status()} ${r.url()}`));
  return { context, page, errors };
}

/** Waits until no part of the dashboard is loading. */
export const dashboardSettled = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('family-dashboard')?.shadowRoot?.querySelector('[aria-busy="true"]'));

/** Where screenshots go when SCREENSHOTS_DIR is set (for a person to look at). */
export async function screenshot(page: Page, name: string) {
  if (process.env.SCREENSHOTS_DIR) await page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/${name}.png`, fullPage: true });
}

/** axe with the WCAG 2.2 AA rule set: zero violations, listed by rule and element when there are some. */
export async function assertNoAxeViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations (${state})`);
}

/**
 * Logs the seeded parent in on `base`/connexion and opens /mon-espace, passing the terms gate
 * by keyboard when it shows (scroll region, PageDown/End until the button is active).
 * `dashboardButton` names a section button that proves the dashboard is there.
 */
export async function logInToMySpace(page: Page, base: string, dashboardButton: string): Promise<void> {
  await page.goto(`${base}/connexion`);
  await page.getByRole('button', { name: 'Connexion' }).waitFor();
  await page.getByRole('textbox', { name: "Nom d'utilisateur" }).fill('marie.dupont');
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  await page.goto(`${base}/mon-espace`);
  const accept = page.getByRole('button', { name: "J'accepte les conditions générales d'utilisation" });
  await Promise.race([accept.waitFor(), page.getByRole('button', { name: dashboardButton, exact: true }).waitFor()]);
  if (await accept.isVisible()) {
    await tabTo(page, 'region', "Texte des conditions générales d'utilisation");
    for (let presses = 0; (await accept.getAttribute('aria-disabled')) === 'true'; presses++) {
      assert.ok(presses < 30, 'the keyboard reached the end of the text');
      await page.keyboard.press(presses % 3 === 2 ? 'End' : 'PageDown');
      await page.waitForTimeout(50);
    }
    await accept.click();
  }
  // The dashboard loads again after the acceptance: a section opened before would close.
  await page.getByRole('heading', { name: 'Bonjour Madame Marie DUPONT' }).waitFor();
  await dashboardSettled(page);
}
