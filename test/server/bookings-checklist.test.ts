// SPDX-License-Identifier: MIT
/**
 * The agenda's named closures and "ce qu'il manque" (issue 7): closed days say why (school
 * holidays, public holiday); while the city still needs something for a child, booking is
 * refused day by day as `record_incomplete` and cancelling still works; staff set and clear
 * the list with `children:missing`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { AdminUsageError } from '../../demo-server/admin/commands.js';
import { addDays, closureOf, isPublicHoliday, parisToday, publicHolidays, weekday } from '../../demo-server/activities/calendar.js';
import { runsOn } from '../../demo-server/activities/catalogue.js';
import { writeChildRecord } from '../../demo-server/family/child-records.js';
import { ChildRecord } from '../../src/schemas/household.js';
import type { Client } from './helpers.js';
import { citizen, startDashboardServer, type DashboardServer } from './dashboard-helpers.js';

type Day = { date: string; activityId: string; state: string; closure?: { kind: string; name: string } };

describe('agenda closures and the child checklist', () => {
  let server: DashboardServer;
  let marie: Client;
  const today = parisToday();
  const agenda = async (childId: string, from = today, to = addDays(today, 90)) => {
    const res = await marie.call('GET', `/api/v1/children/${childId}/agenda?from=${from}&to=${to}`);
    assert.equal(res.status, 200, res.text);
    return res.json as Day[];
  };
  const send = async (changes: { activityId: string; date: string; action: 'book' | 'cancel' }[]) => {
    const idempotencyKey = `test-${randomUUID()}`;
    const res = await marie.call('POST', '/api/v1/bookings', { body: { childId: 'm-hugo', changes, idempotencyKey } });
    assert.equal(res.status, 200, res.text);
    return res.json as { applied: unknown[]; conflicts: { date: string; code: string }[]; totalCents: number };
  };
  const missing = async () => (await marie.call('GET', '/api/v1/children/m-hugo/checklist')).json.missing as string[];

  before(async () => {
    server = await startDashboardServer();
    marie = await citizen(server, 'marie.dupont');
  });
  after(() => server.stop());

  it('names each closure: school holidays of zone B, public holidays first', () => {
    assert.deepEqual(closureOf(server.config.activities.schoolHolidays, '2026-12-21'), { kind: 'school-holidays', name: 'Vacances de Noël' });
    assert.deepEqual(closureOf(server.config.activities.schoolHolidays, '2026-12-25'), { kind: 'public-holiday', name: 'Noël' });
    assert.deepEqual(closureOf(server.config.activities.schoolHolidays, '2026-11-11'), { kind: 'public-holiday', name: 'Armistice 1918' });
    assert.equal(closureOf(server.config.activities.schoolHolidays, '2026-12-01'), undefined);
  });

  it('gives every closed day of the agenda its closure, and no other day one', async () => {
    const days = await agenda('m-lea', addDays(today, -60), addDays(today, 30)).then(async (a) => [...a, ...(await agenda('m-lea', addDays(today, 31), addDays(today, 120)))]);
    const closed = days.filter((d) => d.state === 'closed');
    assert.ok(closed.length > 0, 'some closed day in five months');
    for (const day of closed) {
      const expected = isPublicHoliday(day.date)
        ? publicHolidays(Number(day.date.slice(0, 4))).get(day.date)
        : server.config.activities.schoolHolidays.find((h) => day.date >= h.from && day.date <= h.to)?.name;
      assert.equal(day.closure?.name, expected, day.date);
      assert.equal(day.closure?.kind, isPublicHoliday(day.date) ? 'public-holiday' : 'school-holidays', day.date);
    }
    assert.ok(days.filter((d) => d.state !== 'closed').every((d) => d.closure === undefined));
  });

  it('refuses booking while the record lacks something, lets cancelling through, and books once staff clear the list', async () => {
    assert.deepEqual(await missing(), ["Attestation d'assurance 2026-2027"]);
    const open = (await agenda('m-hugo')).filter((d) => d.activityId === 'restauration-scolaire' && d.state === 'available');
    const booked = (await agenda('m-hugo')).find((d) => d.activityId === 'mercredi' && d.state === 'booked');
    assert.ok(open.length >= 2 && booked, 'an open canteen day and a booked Wednesday');
    const [first, second] = [open[0]!, open[1]!];

    const refused = await send([
      { activityId: first.activityId, date: first.date, action: 'book' },
      { activityId: 'mercredi', date: booked.date, action: 'cancel' },
    ]);
    assert.deepEqual(refused.conflicts, [{ activityId: first.activityId, date: first.date, code: 'record_incomplete' }]);
    assert.deepEqual(refused.applied, [{ activityId: 'mercredi', date: booked.date, action: 'cancel' }]);
    assert.equal((await agenda('m-hugo', first.date, first.date)).find((d) => d.activityId === first.activityId)?.state, 'available');

    assert.match(await server.staff('children:missing', 'foyer-dupont', 'm-hugo', '--clear'), /Nothing missing for Hugo/);
    assert.deepEqual(await missing(), []);
    const accepted = await send([{ activityId: first.activityId, date: first.date, action: 'book' }]);
    assert.deepEqual(accepted.conflicts, []);
    assert.equal(accepted.applied.length, 1);

    await server.staff('children:missing', 'foyer-dupont', 'm-hugo', '--set', 'Fiche sanitaire', '--set', 'Attestation CAF');
    assert.deepEqual(await missing(), ['Fiche sanitaire', 'Attestation CAF']);
    assert.match(await server.staff('children:missing', 'foyer-dupont', 'm-hugo'), /Hugo still needs:\n {2}- Fiche sanitaire\n {2}- Attestation CAF/);
    const again = await send([
      { activityId: second.activityId, date: second.date, action: 'book' },
      { activityId: first.activityId, date: first.date, action: 'cancel' },
    ]);
    assert.deepEqual(again.conflicts.map((c) => c.code), ['record_incomplete']);
    assert.equal(again.applied.length, 1);
  });

  it('lets a booked day that closed afterwards be cancelled, and refuses booking it', async () => {
    // A school day of Hugo's canteen, at least a week ahead, that does not run (holidays, a public holiday).
    const catalogue = server.config.activities;
    const canteen = catalogue.activities.find((a) => a.id === 'restauration-scolaire')!;
    let closed = addDays(today, 7);
    while (!(canteen.weekdays.includes(weekday(closed)) && !runsOn(catalogue, canteen, closed))) closed = addDays(closed, 1);
    // Booked before the city published its holidays.
    await server.store.bookings.insertMany([{ householdId: 'foyer-dupont', childId: 'm-hugo', activityId: canteen.id, date: closed, bookedAt: new Date().toISOString(), bookedBy: 'test' }]);
    const cancelled = await send([{ activityId: canteen.id, date: closed, action: 'cancel' }]);
    assert.deepEqual(cancelled.conflicts, []);
    assert.equal(cancelled.applied.length, 1);
    const rebooked = await send([{ activityId: canteen.id, date: closed, action: 'book' }]);
    assert.deepEqual(rebooked.conflicts.map((c) => c.code), ['closed']);
  });

  it("a record update and the city's list changed at the same time both stay", async () => {
    const sealed = (r: object | undefined) => JSON.stringify({ ...r, missing: undefined, updatedAt: undefined });
    const before = await server.store.childRecords.get('foyer-dupont', 'm-hugo');
    await Promise.all([
      writeChildRecord(server.store, server.cipher, 'foyer-dupont', 'm-hugo', ChildRecord.parse({ allergies: 'Arachide' })),
      server.staff('children:missing', 'foyer-dupont', 'm-hugo', '--set', 'Fiche sanitaire 2026-2027'),
    ]);
    const after = await server.store.childRecords.get('foyer-dupont', 'm-hugo');
    assert.notEqual(sealed(after), sealed(before), 'the update (sealed fields) stays');
    assert.deepEqual(after?.missing, ['Fiche sanitaire 2026-2027'], "the city's list stays");
    await server.staff('children:missing', 'foyer-dupont', 'm-hugo', '--clear');
  });

  it('children:missing: bad arguments are refused and nothing is stored', async () => {
    const before = JSON.stringify(await server.store.childRecords.list());
    const bad = [
      ['children:missing', 'foyer-dupont'],
      ['children:missing', 'foyer-nope', 'm-hugo', '--clear'],
      ['children:missing', 'foyer-dupont', 'm-marie', '--clear'],
      ['children:missing', 'foyer-dupont', 'm-hugo', '--set', 'X', '--clear'],
      ['children:missing', 'foyer-dupont', 'm-hugo', '--set', '   '],
      ['children:missing', 'foyer-dupont', 'm-hugo', '--set', 'x'.repeat(201)],
      ['children:missing', 'foyer-dupont', 'm-hugo', '--sett', 'X'],
    ];
    for (const argv of bad) {
      await assert.rejects(server.staff(...argv), AdminUsageError, argv.join(' '));
    }
    assert.equal(JSON.stringify(await server.store.childRecords.list()), before);
  });
});
