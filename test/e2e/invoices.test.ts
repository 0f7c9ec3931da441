// SPDX-License-Identifier: MIT
/**
 * Journey J7, "Mes factures" on the demo site: the seeded family opens its invoices,
 * gets a PDF, pays the invoice due through the simulated provider page and comes back to
 * the outcome and its receipt. axe on the open agenda, no sideways scrolling at 320 px.
 * Needs the built bundle (`npm run build`).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoAxeViolations, dashboardSettled, demoSite, familyPage, logInToMySpace, screenshot } from './browser.js';


describe('/mon-espace: "Mes factures" (end to end)', () => {
  const demo = demoSite();

  it('pays the seeded invoice through the simulated provider and sees the receipt', async () => {
    const { context, page, errors } = await familyPage(demo.browser, 320);

    // The provider returns only to pages of PUBLIC_URL's origin (localhost here, not 127.0.0.1).
    const base = demo.server.config.publicUrl.origin;
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
