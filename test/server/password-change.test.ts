// SPDX-License-Identifier: MIT
/**
 * POST /api/v1/password/change: the forced change of a generated password (seed 001, J3),
 * enforced on every authenticated route, and the change from the citizen space.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Express } from 'express';
import { Client, startTestServer, type TestServer } from './helpers.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { simpleParser } from 'mailparser';
import { listOutbox, readOutboxMail } from '../../demo-server/mail/mailer.js';

const NEW_PASSWORD = 'Cerf-volant-Orage-4821';

/** Runs an admin command through the running server's admin API, as the CLI does. */
async function admin(server: TestServer, ...argv: string[]): Promise<string> {
  const res = await fetch(`${server.url}/admin/v1/run`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ argv }),
  });
  const body = (await res.json()) as { output?: string; message?: string };
  assert.equal(res.status, 200, body.message);
  return body.output!;
}

/** Creates an account with a generated password; returns that password. */
async function createWithGeneratedPassword(server: TestServer, username: string): Promise<string> {
  const output = await admin(server, 'accounts:create', '--username', username, '--email', `${username}@example.fr`,
    '--civility', 'MME', '--first-names', 'Jeanne', '--last-name', 'Arpège', '--generate-password');
  const password = /Generated password .*: (\S+)/.exec(output)?.[1];
  assert.ok(password, output);
  return password;
}

/** The newest mail to `to` in the outbox, decoded enough to search its text. */
async function lastMailTo(server: TestServer, to: string): Promise<{ subject: string; text: string } | undefined> {
  const names = await listOutbox(server.outboxDir);
  for (const name of names.reverse()) {
    const mail = await simpleParser(await readOutboxMail(server.outboxDir, name));
    if (mail.to && !Array.isArray(mail.to) && mail.to.text === to) return { subject: mail.subject ?? '', text: mail.text ?? '' };
  }
  return undefined;
}

interface RouteInfo {
  method: string;
  path: string;
}

/** Every route of the app under `prefix`, found by walking express's router stacks. */
function listRoutes(app: Express, prefix = '/api/v1'): RouteInfo[] {
  const found: RouteInfo[] = [];
  type Layer = { rawPath?: unknown; route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  const walk = (stack: Layer[], base: string, depth: number) => {
    if (depth > 6) return;
    for (const layer of stack) {
      const raw = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== '_all') found.push({ method: method.toUpperCase(), path: base + layer.route.path });
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, base + raw, depth + 1);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '', 0);
  const unique = new Map(found.filter((r) => r.path.startsWith(prefix)).map((r) => [`${r.method} ${r.path}`, r]));
  return [...unique.values()];
}

/** Route parameters (`:id`) replaced by a placeholder value. */
const concrete = (path: string) => path.replace(/:[A-Za-z_]+/g, 'x');

describe('forced change of a generated password', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.stop());

  it('answers 403 password_change_required on every authenticated route but the allowed ones', async () => {
    const password = await createWithGeneratedPassword(server, 'gate.test');
    const forced = new Client(server.url);
    const login = await forced.logIn('gate.test', password);
    assert.equal(login.status, 200);
    assert.equal(login.json.session.mustChangePassword, true);

    const allowed = new Set(['GET /api/v1/session', 'POST /api/v1/session/extend', 'DELETE /api/v1/session', 'POST /api/v1/password/change']);
    const routes = listRoutes(server.app);
    assert.ok(routes.length >= 5, `found the routes: ${routes.map((r) => `${r.method} ${r.path}`).join(', ')}`);
    let authenticated = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      if (allowed.has(key)) continue;
      // A route that wants a session says so to an anonymous caller: those are the ones to gate.
      const body = route.method === 'GET' || route.method === 'HEAD' ? {} : { body: {} };
      const anonymous = await new Client(server.url).call(route.method, concrete(route.path), body);
      if (anonymous.status !== 401 || anonymous.json?.code !== 'not_authenticated') continue;
      authenticated++;
      const res = await forced.call(route.method, concrete(route.path), body);
      assert.equal(res.status, 403, `${key} answered ${res.status} ${res.text}`);
      assert.equal(res.json.code, 'password_change_required', key);
    }
    assert.ok(authenticated >= 2, `at least the terms status and the profile are authenticated (found ${authenticated})`);

    // The routes the change screen needs stay open.
    assert.equal((await forced.call('GET', '/api/v1/session')).status, 200);
    assert.equal((await forced.call('POST', '/api/v1/session/extend')).status, 200);
    // A session that changed its password is let through (the same loop with it finds no 403).
    const change = await forced.call('POST', '/api/v1/password/change', { body: { newPassword: NEW_PASSWORD } });
    assert.equal(change.status, 200, change.text);
    for (const route of routes) {
      if (route.method !== 'GET' || allowed.has(`${route.method} ${route.path}`)) continue;
      const res = await forced.call('GET', concrete(route.path));
      assert.notEqual(res.json?.code, 'password_change_required', `${route.path} after the change`);
    }
    assert.equal((await forced.call('DELETE', '/api/v1/session')).status, 204);
  });

  it('sets the new password without the generated one, lets the username be chosen, ends every other session', async () => {
    const generated = await createWithGeneratedPassword(server, 'jeanne.arpege');
    const forced = new Client(server.url);
    await forced.logIn('jeanne.arpege', generated);
    const elsewhere = new Client(server.url);
    assert.equal((await elsewhere.logIn('jeanne.arpege', generated)).status, 200);
    const before = forced.cookie;

    // Policy first: too short, then the generated password again, then the seeds' kind of weak one.
    let res = await forced.call('POST', '/api/v1/password/change', { body: { newPassword: 'court' } });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json.fields, { newPassword: 'password_length' });
    res = await forced.call('POST', '/api/v1/password/change', { body: { newPassword: generated } });
    assert.deepEqual(res.json.fields, { newPassword: 'password_unchanged' });
    res = await forced.call('POST', '/api/v1/password/change', { body: { newPassword: 'motdepasse123' } });
    assert.deepEqual(res.json.fields, { newPassword: 'password_common' });
    res = await forced.call('POST', '/api/v1/password/change', { body: { newPassword: NEW_PASSWORD, username: 'marie.dupont' } });
    assert.equal(res.status, 409);
    assert.deepEqual(res.json.fields, { username: 'username_taken' });

    res = await forced.call('POST', '/api/v1/password/change', { body: { newPassword: NEW_PASSWORD, username: 'j.arpege' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.session.mustChangePassword, false);
    assert.equal(res.json.session.account.username, 'j.arpege');
    assert.ok(res.headers.get('x-citizen-idle-expires'));
    assert.notEqual(forced.cookie, before, 'a new session id after the change');
    assert.equal((await forced.call('GET', '/api/v1/session')).status, 200, 'the citizen stays logged in');
    const old = new Client(server.url);
    old.cookie = before;
    assert.equal((await old.call('GET', '/api/v1/session')).status, 401, 'the old id is dead');
    assert.equal((await elsewhere.call('GET', '/api/v1/session')).status, 401, 'the other session ended');

    assert.equal((await new Client(server.url).logIn('jeanne.arpege', generated)).status, 401, 'old username and password');
    assert.equal((await new Client(server.url).logIn('j.arpege', generated)).status, 401, 'the generated password is dead');
    const again = await new Client(server.url).logIn('j.arpege', NEW_PASSWORD);
    assert.equal(again.status, 200);
    assert.equal(again.json.session.mustChangePassword, false);

    const mail = await lastMailTo(server, 'jeanne.arpege@example.fr');
    assert.ok(mail, 'a mail was sent');
    assert.equal(mail.subject, 'Ville de Démo – Votre mot de passe a été modifié');
    assert.match(mail.text, /nom d'utilisateur : j\.arpege\) a été modifié le \d\d\/\d\d\/\d{4}/);
    assert.ok(!mail.text.includes(NEW_PASSWORD) && !mail.text.includes(generated), 'the mail never carries a password');
  });
});

describe('change of password from the citizen space', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.stop());

  it('requires the current password and refuses a username', async () => {
    const client = new Client(server.url);
    await client.logIn('paul.dupont', DEMO_PASSWORD);
    let res = await client.call('POST', '/api/v1/password/change', { body: { newPassword: NEW_PASSWORD } });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json.fields, { currentPassword: 'required' });
    res = await client.call('POST', '/api/v1/password/change', { body: { currentPassword: 'pas-le-bon-1234', newPassword: NEW_PASSWORD } });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json.fields, { currentPassword: 'password_wrong' });
    res = await client.call('POST', '/api/v1/password/change', {
      body: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, username: 'paul.d' },
    });
    assert.deepEqual(res.json.fields, { username: 'invalid' });
    res = await client.call('POST', '/api/v1/password/change', { body: { currentPassword: DEMO_PASSWORD, newPassword: 'Paul-Dupont-2026!' } });
    assert.deepEqual(res.json.fields, { newPassword: 'password_personal_info' });
  });

  it('changes it, keeps the citizen logged in (token mode too) and ends the other sessions', async () => {
    const token = await new Client(server.url).call('POST', '/api/v1/session', {
      body: { identifier: 'marie.dupont', password: DEMO_PASSWORD },
      headers: { 'X-Citizen-Auth': 'token' },
    });
    const browser = new Client(server.url);
    await browser.logIn('marie.dupont', DEMO_PASSWORD);
    const auth = (t: string) => ({ Authorization: `Bearer ${t}`, 'X-Citizen-Auth': 'token' });
    const res = await new Client(server.url).call('POST', '/api/v1/password/change', {
      body: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD },
      headers: auth(token.json.token),
    });
    assert.equal(res.status, 200, res.text);
    assert.match(res.json.token, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(res.json.token, token.json.token);
    assert.equal((await new Client(server.url).call('GET', '/api/v1/session', { headers: auth(res.json.token) })).status, 200);
    assert.equal((await new Client(server.url).call('GET', '/api/v1/session', { headers: auth(token.json.token) })).status, 401);
    assert.equal((await browser.call('GET', '/api/v1/session')).status, 401, 'the cookie session ended');
    assert.equal((await new Client(server.url).logIn('marie.dupont', NEW_PASSWORD)).status, 200);
  });

  it('counts wrong current passwords like failed logins (back-off, then 429)', async () => {
    const client = new Client(server.url);
    await client.logIn('paul.dupont', DEMO_PASSWORD);
    let last = 0;
    for (let i = 0; i < 6 && last !== 429; i++) {
      last = (await client.call('POST', '/api/v1/password/change', { body: { currentPassword: `faux-${i}-mot-de-passe`, newPassword: NEW_PASSWORD } })).status;
    }
    assert.equal(last, 429);
    const res = await client.call('POST', '/api/v1/password/change', { body: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD } });
    assert.equal(res.status, 429, 'even the right one waits');
    assert.ok(Number(res.headers.get('retry-after')) > 0);
  });

  it('answers 401 without a session and 403 without the CSRF header', async () => {
    const anonymous = await new Client(server.url).call('POST', '/api/v1/password/change', { body: { newPassword: NEW_PASSWORD } });
    assert.equal(anonymous.status, 401);
    const client = new Client(server.url);
    await client.logIn('paul.dupont', DEMO_PASSWORD).catch(() => undefined);
    const res = await client.call('POST', '/api/v1/password/change', { body: { newPassword: NEW_PASSWORD }, noCsrfHeader: true });
    assert.equal(res.status, 403);
    assert.equal(res.json.code, 'csrf_rejected');
  });
});

describe('idle expiry header and passive session check', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.stop());

  it('tells the idle expiry on authenticated answers, and ?passive=1 does not push it back', async () => {
    const client = new Client(server.url);
    const login = await client.logIn('marie.dupont', DEMO_PASSWORD);
    assert.equal(login.headers.get('x-citizen-idle-expires'), login.json.session.idleExpiresAt);
    // Pretend the last activity was 10 minutes ago.
    const idHash = createHash('sha256').update(client.cookie.split('=')[1]!).digest('hex');
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await server.store.sessions.touch(idHash, tenMinutesAgo.toISOString());
    const passive = await client.call('GET', '/api/v1/session?passive=1');
    assert.equal(passive.status, 200);
    assert.equal(passive.json.idleExpiresAt, new Date(tenMinutesAgo.getTime() + 30 * 60_000).toISOString());
    assert.equal(passive.headers.get('x-citizen-idle-expires'), passive.json.idleExpiresAt);
    assert.equal((await server.store.sessions.get(idHash))?.lastSeenAt, tenMinutesAgo.toISOString(), 'not touched');
    const active = await client.call('GET', '/api/v1/session');
    assert.ok(Date.parse(active.json.idleExpiresAt) > Date.now() + 29 * 60_000, 'a real request is activity');
    const anonymous = await new Client(server.url).call('GET', '/api/v1/config');
    assert.equal(anonymous.headers.get('x-citizen-idle-expires'), null, 'public answers say nothing of sessions');
  });
});
