// SPDX-License-Identifier: MIT
/**
 * Journey J7, "Espace de stockage sécurisé" on the demo site: the seeded family uploads a
 * PDF, downloads it back, sees a disguised file refused, and deletes the document. axe on the open agenda, no sideways scrolling at 320 px.
 * Needs the built bundle (`npm run build`).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoAxeViolations, dashboardSettled, demoSite, familyPage, logInToMySpace, screenshot } from './browser.js';


describe('/mon-espace: "Espace de stockage sécurisé" (end to end)', () => {
  const demo = demoSite();

  it('uploads a document, downloads it, and deletes it after a confirmation', async () => {
    // Expected refusals: the disguised file (415) and the deleted document's address (404).
    const expected = (status: number, url: string) => (status === 415 && url.endsWith('/documents')) || (status === 404 && url.endsWith('/content'));
    const { context, page, errors } = await familyPage(demo.browser, 320, expected);

    // The provider returns only to pages of PUBLIC_URL's origin (localhost here, not 127.0.0.1).
    const base = demo.server.config.publicUrl.origin;
    await logInToMySpace(page, base, 'Espace de stockage sécurisé');

    await page.getByRole('button', { name: 'Espace de stockage sécurisé', exact: true }).click();
    const storage = page.getByRole('region', { name: 'Espace de stockage sécurisé', exact: true });
    await storage.getByText('Vous seul pouvez consulter son contenu.').waitFor();
    await dashboardSettled(page);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await storage.getByLabel('Ajouter un document').setInputFiles({ name: 'Certificat médical.pdf', mimeType: 'application/pdf', buffer: pdf });
    await storage.getByText('« Certificat médical.pdf » a été ajouté.').waitFor();
    await assertNoAxeViolations(page, 'document uploaded');
    await screenshot(page, 'e2e-documents-320');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'no sideways scrolling');

    const card = storage.getByRole('listitem').filter({ hasText: 'Certificat médical.pdf' });
    const href = await card.getByRole('link', { name: 'Télécharger' }).getAttribute('href');
    const download = await page.request.get(new URL(href!, base).href);
    assert.equal(download.status(), 200);
    assert.equal(download.headers()['content-type'], 'application/pdf');
    assert.ok((await download.body()).subarray(0, 5).equals(Buffer.from('%PDF-')), 'the same content comes back');

    // A file the server must refuse by its content, whatever its name says.
    await storage.getByLabel('Ajouter un document').setInputFiles({ name: 'faux.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await storage.getByRole('alert').waitFor();

    await card.getByRole('button', { name: 'Supprimer' }).click();
    await storage.getByRole('button', { name: 'Oui, supprimer' }).click();
    await storage.getByText('« Certificat médical.pdf » a été supprimé.').waitFor();
    assert.equal((await page.request.get(new URL(href!, base).href)).status(), 404);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
