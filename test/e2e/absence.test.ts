// SPDX-License-Identifier: MIT
/**
 * Journey J7, "Signaler une absence" on the demo site: the seeded family reports next
 * Tuesday's illness for Léa from her card in "Ma famille", adding the medical certificate to
 * the secure storage from the form itself; the day then reads "absence signalée" in her
 * agenda, and "Dernières demandes" shows the request with its certificate. Keyboard for the
 * form; axe on the filled form. Needs the built bundle (`npm run build`).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoAxeViolations, dashboardSettled, demoSite, familyPage, logInToMySpace, screenshot } from './browser.js';

/** Next week's Tuesday (a canteen day for Léa), as ISO and as the agenda names it. */
function nextTuesday(): { iso: string; name: string } {
  const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Paris' }));
  const monday = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + ((8 - today.getDay()) % 7 || 7)));
  monday.setUTCDate(monday.getUTCDate() + 1);
  const name = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(monday);
  return { iso: monday.toISOString().slice(0, 10), name };
}

describe('/mon-espace: "Signaler une absence" (end to end)', () => {
  const demo = demoSite();

  it('reports an absence with a certificate, seen in the agenda and in the requests', async () => {
    const { context, page, errors } = await familyPage(demo.browser);
    const day = nextTuesday();

    await logInToMySpace(page, demo.server.url, 'Ma famille');
    await page.getByRole('button', { name: 'Ma famille', exact: true }).click();
    await page.getByRole('button', { name: 'Signaler une absence' }).first().click();
    const form = page.getByRole('region', { name: 'Signaler une absence — Léa' });
    await form.getByRole('radio', { name: 'Maladie' }).waitFor();
    await dashboardSettled(page);

    // By keyboard: the dates typed, the reason chosen with Space.
    await form.getByLabel(/^\W*Du$/).fill(day.iso);
    await form.getByLabel(/^\W*Au$/).fill(day.iso);
    await form.getByRole('radio', { name: 'Maladie' }).focus();
    await page.keyboard.press('Space');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await form.getByLabel('Ajouter un nouveau document').setInputFiles({ name: 'certificat-lea.pdf', mimeType: 'application/pdf', buffer: pdf });
    const certificate = form.getByRole('radio', { name: /certificat-lea\.pdf/ });
    await certificate.waitFor();
    await form.getByText('« certificat-lea.pdf » a été ajouté à votre espace de stockage et choisi.').waitFor();
    assert.ok(await certificate.isChecked(), 'the new certificate is the one chosen');
    await assertNoAxeViolations(page, 'absence form with its certificate');
    await screenshot(page, 'e2e-absence-form');

    await form.getByRole('button', { name: 'Envoyer le signalement' }).focus();
    await page.keyboard.press('Enter');
    await form.getByText("Votre signalement d'absence a été envoyé à la mairie.", { exact: false }).first().waitFor();

    const stored = (await demo.server.store.requests.list()).filter((r) => r.type === 'absence');
    assert.equal(stored.length, 1, 'one absence request stored');
    const documents = await demo.server.store.documents.listForAccount(stored[0]!.accountId);
    const uploaded = documents.find((d) => d.name === 'certificat-lea.pdf');
    assert.ok(uploaded, 'the certificate is in the secure storage');
    assert.deepEqual(stored[0]!.attachmentIds, [uploaded.id], 'and attached to the request');

    // The agenda says it.
    await page.getByRole('button', { name: 'Annuler ou réserver' }).first().click();
    const agenda = page.getByRole('region', { name: 'Annuler ou réserver — Léa' });
    await agenda.getByRole('grid').waitFor();
    await dashboardSettled(page);
    await agenda.getByRole('combobox', { name: 'Activité' }).selectOption({ label: 'Restauration scolaire' });
    const cell = agenda.getByRole('gridcell', { name: new RegExp(`^${day.name} :`) });
    if ((await cell.count()) === 0) {
      await agenda.getByRole('button', { name: 'Mois suivant' }).click();
      await cell.waitFor();
      await dashboardSettled(page);
    }
    assert.match((await cell.textContent()) ?? '', /absence signalée/);

    // So do the requests, with the certificate.
    await page.getByRole('button', { name: 'Dernières demandes', exact: true }).click();
    const requests = page.getByRole('region', { name: 'Dernières demandes', exact: true });
    const item = requests.getByRole('listitem').filter({ hasText: "Signalement d'absence" }).first();
    await item.waitFor();
    await item.getByRole('button', { name: /Voir le détail/ }).click();
    await requests.getByRole('link', { name: /certificat-lea\.pdf/ }).waitFor();
    await screenshot(page, 'e2e-absence-request');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
