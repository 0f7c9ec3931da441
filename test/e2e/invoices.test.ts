// SPDX-License-Identifier: MIT
/**
 * Journey J7, "Mes factures" on the demo site: the seeded family opens its invoices,
 * gets a PDF, pays the invoice due through the simulated provider page and comes back to
 * the outcome and its receipt. axe on the open agenda, no sideways scrolling at 320 px.
 * Needs the built bundle (`npm run build`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../server/helpers.js';
import { assertNoAxeViolations, dashboardSettled, familyPage, launchBrowser, logInToMySpace, screenshot } from './browser.js';


describe('/mon-espace: "Mes factures" (end to end)', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('pays the seeded invoice through the simulated provider and sees the receipt', async () => {
    const { context, page, errors } = await familyPage(browser, 320);

    // The provider returns only to pages of PUBLIC_URL's origin (localhost here, not 127.0.0.1).
    const base = server.config.publicUrl.origin;
    await logInToMySpace(page, base, 'Mes factures');

    await page.getByRole('button', { name: 'Mes factures', exact: true }).click();
    const invoices = page.getByRole('region', { name: 'Mes factures', exact: true });
    const pay = invoices.getByRole('button', { name: 'Payer en ligne' }).first();
    await pay.waitFor();
    await assertNoAxeViolations(page, 'invoices');
    await screenshot(page, 'e2e-invoices-320');
    const pdf = invoices.getByRole('link', { name: 'Télécharger la facture (PDF)' }).first();
    const pdfAnswer = await page.request.get(new URL((await pdf.getAttribute('href'))!, base).href);
    assert.equal(pdfAnswer.headers()['content-type'], 'application/pdf');

    await pay.click();
    await page.getByRole('heading', { name: 'Paiement en ligne (simulation)' }).waitFor();
    await page.getByRole('button', { name: 'Payer', exact: true }).click();
    await page.waitForURL(/\/mon-espace\?paiement=/);
    await invoices.getByText('Votre paiement est accepté. Merci !').waitFor();
    await invoices.getByText('Numéro de reçu').waitFor();
    await dashboardSettled(page);
    await assertNoAxeViolations(page, 'payment accepted');
    await screenshot(page, 'e2e-invoices-paid-320');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'no sideways scrolling');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
