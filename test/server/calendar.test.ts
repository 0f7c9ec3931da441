// SPDX-License-Identifier: MIT
/**
 * "Ajouter à mon agenda" (issue 7): a child's private iCalendar feed of booked days, reached
 * only with its token, revoked by a new address or on request, never by another family.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from './helpers.js';
import { citizen, martinFamily, startDashboardServer, type DashboardServer } from './dashboard-helpers.js';

describe('calendar feeds', () => {
  let server: DashboardServer;
  let marie: Client;
  let martin: Awaited<ReturnType<typeof martinFamily>>;
  const fetchFeed = (url: string) => fetch(url).then(async (res) => ({ status: res.status, type: res.headers.get('content-type'), text: await res.text() }));

  before(async () => {
    server = await startDashboardServer();
    marie = await citizen(server, 'marie.dupont');
    martin = await martinFamily(server);
  });
  after(() => server.stop());

  it('serves the booked days with the token, and nothing once revoked', async () => {
    assert.deepEqual((await marie.call('GET', '/api/v1/children/m-hugo/calendar-feed')).json, { active: false });
    const made = await marie.call('POST', '/api/v1/children/m-hugo/calendar-feed');
    assert.equal(made.status, 201, made.text);
    const url: string = made.json.url;
    assert.match(url, /\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    assert.equal((await marie.call('GET', '/api/v1/children/m-hugo/calendar-feed')).json.active, true);
    // The token is not kept in the data file, only its hash.
    assert.ok(!(await server.dataFile()).includes(url.split('/').pop()!.replace('.ics', '')));

    const feed = await fetchFeed(url);
    assert.equal(feed.status, 200);
    assert.match(feed.type!, /^text\/calendar/);
    assert.match(feed.text, /BEGIN:VCALENDAR/);
    assert.match(feed.text, /SUMMARY:Mercredi au centre de loisirs — Hugo/);
    assert.match(feed.text, /DTSTART;VALUE=DATE:\d{8}/);
    assert.doesNotMatch(feed.text, /Léa/);

    // A new address revokes the old one; DELETE revokes the new one.
    const second = (await marie.call('POST', '/api/v1/children/m-hugo/calendar-feed')).json.url;
    assert.equal((await fetchFeed(url)).status, 404);
    assert.equal((await fetchFeed(second)).status, 200);
    assert.equal((await marie.call('DELETE', '/api/v1/children/m-hugo/calendar-feed')).status, 204);
    assert.equal((await fetchFeed(second)).status, 404);
    assert.equal((await fetchFeed(`${server.url}/api/v1/calendar/${'A'.repeat(43)}.ics`)).status, 404);
    assert.equal((await fetchFeed(`${server.url}/api/v1/calendar/nothing`)).status, 404);
  });

  it('keeps another family out: 404, and no feed made', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await martin.client.call(method, '/api/v1/children/m-lea/calendar-feed');
      assert.equal(res.status, 404, `${method}: ${res.text}`);
      assert.equal((await new Client(server.url).call(method, '/api/v1/children/m-lea/calendar-feed')).status, 401);
    }
    assert.equal(await server.store.calendarFeeds.findForChild('foyer-dupont', 'm-lea'), undefined);
    const own = await martin.client.call('POST', `/api/v1/children/${martin.childId}/calendar-feed`);
    assert.equal(own.status, 201);
    assert.doesNotMatch((await fetchFeed(own.json.url)).text, /VEVENT/);
  });
});
