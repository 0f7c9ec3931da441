// SPDX-License-Identifier: MIT
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startTestServer, type TestServer } from './helpers.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';

describe('logs', () => {
  let server: TestServer;
  const lines: string[] = [];
  const originals = { log: console.log, info: console.info, warn: console.warn, error: console.error };

  before(async () => {
    server = await startTestServer();
    for (const level of Object.keys(originals) as (keyof typeof originals)[]) {
      console[level] = (...args: unknown[]) => void lines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '));
    }
  });
  after(async () => {
    Object.assign(console, originals);
    await server.stop();
  });

  it('never receive a password, a token or a session id', async () => {
    const client = new Client(server.url);
    await client.logIn('marie.dupont', 'Wrong-Secret-Password-1');
    const ok = await client.call('POST', '/api/v1/session', {
      body: { identifier: 'marie.dupont', password: DEMO_PASSWORD },
      headers: { 'X-Citizen-Auth': 'token' },
    });
    await client.call('POST', '/api/v1/session', { raw: `{"identifier":"marie.dupont","password":"${DEMO_PASSWORD}"` });
    await client.call('POST', '/api/v1/session', { body: { identifier: 'x', password: 'P'.repeat(200_000) } });
    const token = ok.json.token as string;
    const all = lines.join('\n');
    for (const secret of ['Wrong-Secret-Password-1', DEMO_PASSWORD, token]) assert.ok(!all.includes(secret), `leaked: ${secret}`);
  });
});
