// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Client, startTestServer } from './helpers.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';

describe('concurrent writes through the API', () => {
  it('stores every one of 500 concurrent logins (each writes a session) and keeps them after a restart', async () => {
    const server = await startTestServer();
    try {
      const results = await Promise.all(
        Array.from({ length: 500 }, () => new Client(server.url).logIn('marie.dupont', DEMO_PASSWORD).then((r) => r.status)),
      );
      assert.deepEqual(new Set(results), new Set([200]));
      await server.close();
      const data = JSON.parse(await readFile(server.config.dataFile, 'utf8'));
      assert.equal(data.sessions.length, 500);
    } finally {
      await server.stop().catch(() => undefined);
    }
  });
});
