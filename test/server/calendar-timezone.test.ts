// SPDX-License-Identifier: MIT
/**
 * The calendar feed's all-day dates do not depend on the server's time zone. This file runs in
 * its own process (node:test isolates files), so the zone set here, UTC+14, is the server's.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, parisToday } from '../../demo-server/activities/calendar.js';
import type { Client } from './helpers.js';
import { citizen, startDashboardServer, type DashboardServer } from './dashboard-helpers.js';

// Node applies a TZ set at run time to every Date made afterwards.
process.env.TZ = 'Pacific/Kiritimati';

describe('calendar feed on a server at UTC+14', () => {
  let server: DashboardServer;
  let marie: Client;

  before(async () => {
    server = await startDashboardServer();
    marie = await citizen(server, 'marie.dupont');
  });
  after(() => server.stop());

  it('gives each booked day its own date', async () => {
    assert.equal(new Date(2026, 9, 7, 12).getTimezoneOffset(), -14 * 60, 'the process runs at UTC+14');
    const made = await marie.call('POST', '/api/v1/children/m-hugo/calendar-feed');
    assert.equal(made.status, 201, made.text);
    const feed = await (await fetch(made.json.url)).text();
    const dates = [...feed.matchAll(/DTSTART;VALUE=DATE:(\d{4})(\d{2})(\d{2})/g)].map(([, y, m, d]) => `${y}-${m}-${d}`).sort();
    // The feed's window (routes/calendar.ts): 60 days back, 400 ahead.
    const today = parisToday();
    const booked = (await server.store.bookings.listForChild('foyer-dupont', 'm-hugo', addDays(today, -60), addDays(today, 400))).map((b) => b.date).sort();
    assert.ok(booked.length > 0);
    assert.deepEqual(dates, booked);
  });
});
