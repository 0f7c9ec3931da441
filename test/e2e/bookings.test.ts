// SPDX-License-Identifier: MIT
/**
 * Journey J7, "Annuler ou réserver" on the demo site: the seeded family opens Léa's agenda
 * from her card in "Ma famille", books next week's canteen days, then cancels one; the
 * server's answer shows on the days. axe on the open agenda, no sideways scrolling at 320 px.
 * Needs the built bundle (`npm run build`).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoAxeViolations, dashboardSettled, demoSite, familyPage, logInToMySpace, screenshot } from './browser.js';

/** Next week's Monday to Friday, as the grid names them ("lundi 30 novembre"), Paris time. */
function nextWeek(): { iso: string; name: string }[] {
  const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Paris' }));
  const monday = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + ((8 - today.getDay()) % 7 || 7)));
  const format = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  return [0, 1, 3, 4].map((offset) => {
    const day = new Date(monday);
    day.setUTCDate(day.getUTCDate() + offset);
    return { iso: day.toISOString().slice(0, 10), name: format.format(day) };
  });
}


describe('/mon-espace: "Annuler ou réserver" (end to end)', () => {
  const demo = demoSite();

  it("books next week's canteen days for Léa, then cancels one", async () => {
    const { context, page, errors } = await familyPage(demo.browser, 320);

    await logInToMySpace(page, demo.server.url, 'Ma famille');

    await page.getByRole('button', { name: 'Ma famille', exact: true }).click();
    await page.getByRole('button', { name: 'Annuler ou réserver' }).first().click();
    const agenda = page.getByRole('region', { name: 'Annuler ou réserver — Léa' });
    await agenda.getByRole('grid').waitFor();
    await dashboardSettled(page);
    await agenda.getByRole('combobox', { name: 'Activité' }).selectOption({ label: 'Restauration scolaire' });

    const days = nextWeek();
    const cell = (name: string) => agenda.getByRole('gridcell', { name: new RegExp(`^${name} :`) });
    const booked: string[] = [];
    for (const day of days) {
      if ((await cell(day.name).count()) === 0) {
        await agenda.getByRole('button', { name: 'Mois suivant' }).click();
        await cell(day.name).waitFor();
        await dashboardSettled(page);
      }
      const name = (await cell(day.name).getAttribute('aria-selected')) === 'false' ? day.name : undefined;
      if (!name) continue;
      await cell(name).click();
      booked.push(name);
    }
    assert.ok(booked.length > 0, 'next week has canteen days to book (not in the holidays)');
    await agenda.getByText(new RegExp(`Vous réservez ${booked.length} jours? : \\+`)).waitFor();
    await assertNoAxeViolations(page, 'agenda with a pending batch');
    await screenshot(page, 'e2e-agenda-pending-320');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'no sideways scrolling');

    await agenda.getByRole('button', { name: 'Valider mes modifications' }).click();
    await agenda.getByText(`C’est enregistré. Vous réservez ${booked.length} jour${booked.length > 1 ? 's' : ''}.`).waitFor();
    await dashboardSettled(page);
    // The last day is in the month on screen (the week may straddle two).
    const last = booked[booked.length - 1]!;
    assert.match((await cell(last).textContent()) ?? '', /: réservé/, `${last} booked`);

    // Cancel it, by keyboard.
    await cell(last).focus();
    await page.keyboard.press('Enter');
    await agenda.getByText(/Vous annulez 1 jour : [−-]/).waitFor();
    await agenda.getByRole('button', { name: 'Valider mes modifications' }).click();
    await agenda.getByText('C’est enregistré. Vous annulez 1 jour.').waitFor();
    await dashboardSettled(page);
    assert.match((await cell(last).textContent()) ?? '', /: disponible/, `${last} cancelled`);
    const stored = await demo.server.store.bookings.listBetween(days[0]!.iso, days[days.length - 1]!.iso);
    const lea = stored.filter((b) => b.childId === 'm-lea' && b.activityId === 'restauration-scolaire');
    assert.equal(lea.length, booked.length - 1, 'the demo.server holds the bookings');
    await screenshot(page, 'e2e-agenda-saved-320');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
