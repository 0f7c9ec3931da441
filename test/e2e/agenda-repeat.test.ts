// SPDX-License-Identifier: MIT
/**
 * Journey J7 on the demo site, by keyboard: the seeded family books Léa's "accueil du soir"
 * every Monday and Thursday until the holidays in one batch ("Réserver ou annuler plusieurs
 * jours"), checks the week view (one row per activity), then subscribes a calendar to her
 * booked days ("Ajouter à mon agenda"): the private address serves them as iCalendar until
 * it is revoked. Needs the built bundle (`npm run build`).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoAxeViolations, dashboardSettled, demoSite, familyPage, isFocused, logInToMySpace, screenshot } from './browser.js';

const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe('/mon-espace: several days at once, the week view and the calendar feed (end to end)', () => {
  const demo = demoSite();

  it('books every Monday and Thursday until the holidays, shows them in the week view and in the ICS feed', async () => {
    const { context, page, errors } = await familyPage(demo.browser);
    await logInToMySpace(page, demo.server.url, 'Ma famille');
    await page.getByRole('button', { name: 'Ma famille', exact: true }).click();
    await page.getByRole('button', { name: 'Annuler ou réserver' }).first().click();
    const agenda = page.getByRole('region', { name: 'Annuler ou réserver — Léa' });
    await agenda.getByRole('grid').waitFor();
    await dashboardSettled(page);

    // The pattern, by keyboard.
    await agenda.getByRole('button', { name: 'Réserver ou annuler plusieurs jours' }).focus();
    await page.keyboard.press('Enter');
    await agenda.getByRole('button', { name: 'Ajouter à mes modifications' }).waitFor();
    const form = agenda.getByRole('group', { name: 'Réserver ou annuler plusieurs jours' });
    await form.getByRole('combobox', { name: 'Activité' }).selectOption({ label: 'Accueil du soir' });
    await form.getByRole('radio', { name: 'Réserver' }).focus();
    await page.keyboard.press('Space');
    for (const day of ['lundi', 'jeudi']) {
      await form.getByRole('checkbox', { name: day, exact: true }).focus();
      await page.keyboard.press('Space');
    }
    await form.getByRole('button', { name: 'Jusqu’aux vacances' }).focus();
    await page.keyboard.press('Enter');
    await form.getByText(/^Jusqu’au .+, veille des /).waitFor();
    await form.getByRole('button', { name: 'Ajouter à mes modifications' }).focus();
    await page.keyboard.press('Enter');
    const added = agenda.getByText(/^\d+ jours? ajoutés? à vos modifications\.$/);
    await added.waitFor();
    const count = Number(/^(\d+)/.exec((await added.textContent()) ?? '')![1]);
    assert.ok(count > 0, 'days to book before the holidays');
    await assertNoAxeViolations(page, 'pattern added to the batch');
    await screenshot(page, 'e2e-agenda-repeat');

    await agenda.getByRole('button', { name: 'Valider mes modifications' }).focus();
    await page.keyboard.press('Enter');
    await agenda.getByText(`C’est enregistré. Vous réservez ${count} jour${count > 1 ? 's' : ''}.`).waitFor();
    const booked = (await demo.server.store.bookings.listForChild('foyer-dupont', 'm-lea', '2000-01-01', '2100-01-01'))
      .filter((b) => b.activityId === 'accueil-soir' && b.date >= new Date().toISOString().slice(0, 10))
      .map((b) => b.date);
    assert.equal(booked.length, count, 'the demo.server holds every day of the pattern');
    assert.ok(booked.every((d) => weekdayOf(d) === 1 || weekdayOf(d) === 4), `Mondays and Thursdays only: ${booked.join(', ')}`);

    // The week view: a row per activity; arrows move between activities and days.
    await dashboardSettled(page);
    await agenda.getByRole('radio', { name: 'Semaine' }).check();
    const week = agenda.getByRole('grid');
    await week.getByRole('rowheader', { name: 'Accueil du soir' }).waitFor();
    await week.getByRole('rowheader', { name: 'Restauration scolaire' }).waitFor();
    const first = week.locator('td[tabindex="0"]');
    await first.focus();
    const before = await first.getAttribute('data-activity');
    await page.keyboard.press('ArrowDown');
    const moved = week.locator('td[tabindex="0"]');
    assert.ok(await moved.evaluate(isFocused), 'focus stays in the grid');
    assert.notEqual(await moved.getAttribute('data-activity'), before, 'ArrowDown goes to the next activity');
    await assertNoAxeViolations(page, 'week view');
    await screenshot(page, 'e2e-agenda-week');

    // "Ajouter à mon agenda": the address is shown once and serves the booked days.
    await page.getByRole('button', { name: 'Ajouter à mon agenda' }).first().click();
    const feed = page.getByRole('region', { name: 'Ajouter à mon agenda — Léa' });
    await feed.getByRole('button', { name: 'Créer mon lien d’abonnement' }).click();
    const address = feed.getByRole('textbox', { name: 'Lien d’abonnement' });
    await address.waitFor();
    const url = await address.inputValue();
    assert.match(url, /^http:\/\/localhost:\d+\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    assert.equal(await feed.getByRole('link', { name: 'Ouvrir dans mon agenda' }).getAttribute('href'), url.replace(/^https?:/, 'webcal:'));
    const ics = await page.request.get(url.replace('localhost', '127.0.0.1'));
    assert.equal(ics.status(), 200);
    assert.match(ics.headers()['content-type'] ?? '', /^text\/calendar/);
    const body = await ics.text();
    for (const date of booked) assert.ok(body.includes(`DTSTART;VALUE=DATE:${date.replaceAll('-', '')}`), `${date} in the feed`);
    assert.match(body, /SUMMARY:Accueil du soir — Léa/);
    await assertNoAxeViolations(page, 'calendar feed created');

    await feed.getByRole('button', { name: 'Révoquer le lien' }).click();
    await feed.getByRole('button', { name: 'Oui, révoquer' }).click();
    await feed.getByText('Le lien a été révoqué : il ne fonctionne plus.').first().waitFor();
    assert.equal((await page.request.get(url.replace('localhost', '127.0.0.1'))).status(), 404, 'a revoked address serves nothing');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
