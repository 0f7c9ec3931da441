// SPDX-License-Identifier: MIT
/** Debian's Chromium driven by playwright-core, as a family's browser would be. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
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

/** Where screenshots go when SCREENSHOTS_DIR is set (for a person to look at). */
export async function screenshot(page: Page, name: string) {
  if (process.env.SCREENSHOTS_DIR) await page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/${name}.png`, fullPage: true });
}
