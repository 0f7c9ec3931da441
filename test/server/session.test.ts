// SPDX-License-Identifier: MIT
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Client, startTestServer, type TestServer } from './helpers.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';

describe('login, session and logout', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.stop());

  it('logs the seeded parent in by username, with an httpOnly SameSite=Lax session cookie', async () => {
    const client = new Client(server.url);
    const res = await client.logIn('marie.dupont', DEMO_PASSWORD);
    assert.equal(res.status, 200);
    assert.equal(res.json.session.account.username, 'marie.dupont');
    assert.equal(res.json.session.account.civility, 'MME');
    assert.equal(res.json.token, undefined, 'no token in cookie mode');
    const cookie = res.headers.get('set-cookie')!;
    assert.match(cookie, /^citizen_sid=[A-Za-z0-9_-]{43};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  it('accepts the e-mail address and ignores case (the demo city says so)', async () => {
    const res = await new Client(server.url).logIn('Marie.Dupont@Example.fr', DEMO_PASSWORD);
    assert.equal(res.status, 200);
  });

  it('answers the same for an unknown user and a wrong password', async () => {
    const unknown = await new Client(server.url).logIn('personne.inconnue', 'whatever-password');
    const wrong = await new Client(server.url).logIn('paul.dupont', 'wrong-password-123');
    assert.equal(unknown.status, 401);
    assert.equal(wrong.status, 401);
    assert.deepEqual(unknown.json, wrong.json);
    assert.equal(unknown.json.code, 'invalid_credentials');
  });

  it('gives the current session, then the previous login date at the next login', async () => {
    const client = new Client(server.url);
    await client.logIn('paul.dupont', DEMO_PASSWORD);
    const current = await client.call('GET', '/api/v1/session');
    assert.equal(current.status, 200);
    assert.equal(current.json.account.username, 'paul.dupont');
    assert.ok(Date.parse(current.json.idleExpiresAt) > Date.now());
    const again = await new Client(server.url).logIn('paul.dupont', DEMO_PASSWORD);
    assert.ok(again.json.session.previousLoginAt, 'previous login is reported');
  });

  it('issues a new session id at each login (no fixation)', async () => {
    const client = new Client(server.url);
    await client.logIn('marie.dupont', DEMO_PASSWORD);
    const first = client.cookie;
    await client.logIn('marie.dupont', DEMO_PASSWORD);
    assert.notEqual(client.cookie, first);
    const old = new Client(server.url);
    old.cookie = first;
    assert.equal((await old.call('GET', '/api/v1/session')).status, 401, 'the replaced id is dead');
  });

  it('ends the session on the server at logout', async () => {
    const client = new Client(server.url);
    await client.logIn('marie.dupont', DEMO_PASSWORD);
    const stolen = client.cookie;
    const out = await client.call('DELETE', '/api/v1/session');
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie')!, /Max-Age=0/);
    const replay = new Client(server.url);
    replay.cookie = stolen;
    const res = await replay.call('GET', '/api/v1/session');
    assert.equal(res.status, 401);
    assert.equal(res.json.code, 'session_expired');
  });

  it('says not_authenticated without a session', async () => {
    const res = await new Client(server.url).call('GET', '/api/v1/session');
    assert.equal(res.status, 401);
    assert.equal(res.json.code, 'not_authenticated');
  });

  it('expires idle sessions after 30 minutes', async () => {
    const client = new Client(server.url);
    await client.logIn('marie.dupont', DEMO_PASSWORD);
    const sessions = await server.store.sessions.deleteExpired(new Date(Date.now() + 31 * 60_000), 30 * 60_000);
    assert.ok(sessions >= 1);
    assert.equal((await client.call('GET', '/api/v1/session')).status, 401);
  });

  it('extends the idle expiry on request', async () => {
    const client = new Client(server.url);
    const login = await client.logIn('marie.dupont', DEMO_PASSWORD);
    const res = await client.call('POST', '/api/v1/session/extend');
    assert.equal(res.status, 200);
    assert.ok(Date.parse(res.json.idleExpiresAt) >= Date.parse(login.json.session.idleExpiresAt));
  });

  it('never writes a password or session id to the data file in clear', async () => {
    const client = new Client(server.url);
    await client.logIn('marie.dupont', DEMO_PASSWORD);
    const id = client.cookie.split('=')[1]!;
    await server.close();
    const file = await readFile(server.config.dataFile, 'utf8');
    assert.ok(!file.includes(DEMO_PASSWORD));
    assert.ok(!file.includes(id));
    assert.match(file, /\$argon2id\$/);
    await server.stop();
    server = await startTestServer();
  });
});

describe('token mode (a CMS page on another site than the API)', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.stop());

  it('returns a bearer token instead of a cookie, accepted without the CSRF header', async () => {
    const client = new Client(server.url);
    const res = await client.call('POST', '/api/v1/session', {
      body: { identifier: 'marie.dupont', password: DEMO_PASSWORD },
      headers: { 'X-Citizen-Auth': 'token' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('set-cookie'), null);
    assert.match(res.json.token, /^[A-Za-z0-9_-]{43}$/);
    const bearer = new Client(server.url);
    const auth = { Authorization: `Bearer ${res.json.token}` };
    assert.equal((await bearer.call('GET', '/api/v1/session', { headers: auth })).status, 200);
    assert.equal((await bearer.call('DELETE', '/api/v1/session', { headers: auth, noCsrfHeader: true })).status, 204);
    assert.equal((await bearer.call('GET', '/api/v1/session', { headers: auth })).status, 401);
  });
});
