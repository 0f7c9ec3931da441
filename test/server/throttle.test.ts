// SPDX-License-Identifier: MIT
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startTestServer, type TestServer } from './helpers.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { throttleKey } from '../../demo-server/auth/throttle.js';

describe('login throttling', () => {
  let server: TestServer;
  beforeEach(async () => (server = await startTestServer()));
  afterEach(() => server.stop());

  it('backs off an identifier after 5 failures, the right password included, with a retry time', async () => {
    const client = new Client(server.url);
    for (let i = 0; i < 5; i++) assert.equal((await client.logIn('marie.dupont', `wrong-${i}-password`)).status, 401);
    const locked = await client.logIn('marie.dupont', DEMO_PASSWORD);
    assert.equal(locked.status, 429);
    assert.equal(locked.json.code, 'too_many_attempts');
    assert.ok(locked.json.retryAfter > 0 && locked.json.retryAfter <= 60, `retryAfter ${locked.json.retryAfter}`);
    assert.equal(locked.headers.get('retry-after'), String(locked.json.retryAfter));
  });

  it('lets the holder in once the wait is over, and clears the count', async () => {
    const client = new Client(server.url);
    for (let i = 0; i < 6; i++) await client.logIn('marie.dupont', `wrong-${i}-password`);
    // Time travel: the wait has passed.
    const record = (await server.store.throttles.get(throttleKey('marie.dupont')))!;
    await server.store.throttles.put({ ...record, lockedUntil: new Date(Date.now() - 1000).toISOString() });
    assert.equal((await client.logIn('marie.dupont', DEMO_PASSWORD)).status, 200);
    assert.equal(await server.store.throttles.get(throttleKey('marie.dupont')), undefined);
  });

  it('doubles the wait up to 15 minutes, never a permanent lock', async () => {
    const client = new Client(server.url);
    let last = 0;
    for (let i = 0; i < 12; i++) {
      await client.logIn('paul.dupont', `wrong-${i}-password`);
      const record = (await server.store.throttles.get(throttleKey('paul.dupont')))!;
      if (record.lockedUntil) {
        last = Math.round((Date.parse(record.lockedUntil) - Date.now()) / 60_000);
        await server.store.throttles.put({ ...record, lockedUntil: new Date(Date.now() - 1).toISOString() });
      }
    }
    assert.equal(last, 15);
  });

  it('behaves the same for an unknown identifier (no enumeration through the lock)', async () => {
    const client = new Client(server.url);
    for (let i = 0; i < 5; i++) await client.logIn('nobody.here', `wrong-${i}-password`);
    const res = await client.logIn('nobody.here', 'wrong-again-password');
    assert.equal(res.status, 429);
    assert.equal(res.json.code, 'too_many_attempts');
  });

  it('counts parallel failures without losing any', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => new Client(server.url).logIn('marie.dupont', `wrong-${i}-password`)));
    const record = await server.store.throttles.get(throttleKey('marie.dupont'));
    assert.equal(record?.failures, 8);
  });

  it('limits an IP to 20 failed logins in 10 minutes (429 + Retry-After), whatever the identifiers', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await new Client(server.url).logIn(`user-${i}`, 'wrong-password-here');
      assert.equal(res.status, 401, `attempt ${i + 1}`);
    }
    const res = await new Client(server.url).logIn('marie.dupont', DEMO_PASSWORD);
    assert.equal(res.status, 429);
    assert.equal(res.json.code, 'too_many_attempts');
    assert.ok(Number(res.headers.get('retry-after')) > 0);
  });
});
