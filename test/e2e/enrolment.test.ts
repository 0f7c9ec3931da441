// SPDX-License-Identifier: MIT
/**
 * Journey J7 on the demo site, "Inscrire" to the city's decision: the seeded family asks by
 * keyboard to enrol Léa in the Wednesday centre; staff accept the request with the admin
 * command; the family then finds the activity in her agenda and its price grid in
 * "Consultation des tarifs", with the family's bracket said in words. axe on each step.
 * Needs the built bundle (`npm run build`).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoAxeViolations, dashboardSettled, demoSite, familyPage, logInToMySpace, screenshot } from './browser.js';

describe('/mon-espace: "Inscrire", decided by the city (end to end)', () => {
  const demo = demoSite();

  it("enrols Léa in the Wednesday centre once staff accept, then shows it in her agenda and tariffs", async () => {
    const { context, page, errors } = await familyPage(demo.browser);
    await logInToMySpace(page, demo.server.url, 'Ma famille');
    await page.getByRole('button', { name: 'Ma famille', exact: true }).click();
    await page.getByRole('button', { name: 'Inscrire' }).first().click();
    const form = page.getByRole('region', { name: 'Inscrire Léa à une activité' });
    const activity = form.getByRole('combobox', { name: /Activité/ });
    await activity.waitFor();
    await dashboardSettled(page);
    await activity.focus();
    await activity.selectOption({ label: 'Mercredi au centre de loisirs' });
    await assertNoAxeViolations(page, 'enrolment form');
    await form.getByRole('button', { name: 'Envoyer la demande d’inscription' }).focus();
    await page.keyboard.press('Enter');
    await form.getByText("Votre demande d'inscription a été envoyée à la mairie.", { exact: false }).first().waitFor();
    await screenshot(page, 'e2e-enrolment-sent');

    // The city decides, through the admin command (the CLI calls the same API).
    const request = (await demo.server.store.requests.list()).find((r) => r.type === 'activity-enrolment');
    assert.ok(request, 'the request is stored');
    const decided = await fetch(`${demo.server.url}/admin/v1/run`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demo.server.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ argv: ['requests:decide', request.id, 'accept'] }),
    });
    assert.equal(decided.status, 200, await decided.clone().text());

    // The family sees it: in her agenda's activities, then in the price grids.
    await page.getByRole('button', { name: 'Annuler ou réserver' }).first().click();
    const agenda = page.getByRole('region', { name: 'Annuler ou réserver — Léa' });
    await agenda.getByRole('grid').waitFor();
    await dashboardSettled(page);
    const options = await agenda.getByRole('combobox', { name: 'Activité' }).locator('option').allTextContents();
    assert.ok(options.includes('Mercredi au centre de loisirs'), `enrolled: ${options.join(', ')}`);

    await page.getByRole('button', { name: 'Consultation des tarifs' }).first().click();
    const tariffs = page.getByRole('region', { name: 'Consultation des tarifs — Léa' });
    const table = tariffs.getByRole('table', { name: 'Mercredi au centre de loisirs' });
    await table.waitFor();
    assert.match((await table.getByRole('row').filter({ hasText: 'Votre tranche' }).textContent()) ?? '', /Tranche C/);
    await assertNoAxeViolations(page, 'tariffs');
    await screenshot(page, 'e2e-tariffs');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
