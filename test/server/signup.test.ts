// SPDX-License-Identifier: MIT
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startTestServer, type TestServer } from './helpers.js';
import { cityFile, NEW_PASSWORD, outboxMails, signupForm, tokenIn, waitForMails } from './signup-helpers.js';
import { DEMO_ENFANCE_KEY } from '../../demo-server/seed.js';
import { ServiceKeyLimits } from '../../demo-server/auth/service-keys.js';

const PUBLIC_URL = 'http://portail.ville-de-demo.test:8443/';

/** Copies `form` with the value at a dotted path replaced (undefined deletes it). */
function withValue(form: Record<string, any>, path: string, value: unknown) {
  const copy = structuredClone(form);
  const keys = path.split('.');
  let at = copy;
  for (const key of keys.slice(0, -1)) at = at[key] ??= {};
  if (value === undefined) delete at[keys.at(-1)!];
  else at[keys.at(-1)!] = value;
  return copy;
}

describe('sign-up (POST /api/v1/accounts)', () => {
  let server: TestServer;
  let client: Client;
  before(async () => {
    // The sign-up tests are about the form, so this city asks for no captcha (captcha.test.ts covers it).
    server = await startTestServer({ PUBLIC_URL, TRUST_PROXY: '1', CITY_CONFIG: await cityFile({ captcha: 'none' }) });
    client = new Client(server.url);
  });
  after(() => server.stop());

  const signUp = (body: unknown, ip?: string) =>
    client.call('POST', '/api/v1/accounts', { body, ...(ip ? { headers: { 'X-Forwarded-For': ip } } : {}) });

  it('refuses every broken rule of the shared schemas with a 400 naming the field', async () => {
    const before = (await server.store.accounts.list()).length;
    const cases: [string, unknown, string][] = [
      ['identity.civility', undefined, 'required'],
      ['identity.civility', 'Mlle', 'required'],
      ['identity.lastName', '  ', 'required'],
      ['identity.lastName', 'x'.repeat(81), 'too_long'],
      ['identity.firstNames', undefined, 'required'],
      ['identity.birthDate', '17/05/1990', 'invalid_date'],
      ['address', { street: '1 rue Haute', postcode: '4500', commune: 'Démo' }, 'invalid_postcode'],
      ['address', { postcode: '45000', commune: 'Démo' }, 'required'],
      ['contact.email', 'lucie.martin-at-example.fr', 'invalid_email'],
      ['contact.email', undefined, 'required'],
      ['contact.phone', '12 34', 'invalid_phone'],
      ['contact.preferred', 'pigeon', 'invalid'],
      ['username', 'lu', 'username_too_short'],
      ['username', 'lucie martin!', 'username_invalid'],
      ['username', 'l'.repeat(61), 'too_long'],
      ['password', '', 'required'],
      ['password', 'x'.repeat(600), 'password_too_long'],
      ['serviceKeys.enfance', 'K'.repeat(41), 'too_long'],
    ];
    for (const [path, value, code] of cases) {
      const res = await signUp(withValue(signupForm('rules'), path, value));
      const field = path === 'address' ? Object.keys(res.json?.fields ?? {})[0] : path;
      assert.equal(res.status, 400, `${path}=${String(value)}: ${res.text}`);
      assert.equal(res.json.code, 'validation_failed');
      assert.ok(field?.startsWith(path), `${path}: ${res.text}`);
      assert.equal(res.json.fields[field!], code, `${path}=${String(value)}: ${res.text}`);
    }
    assert.equal((await server.store.accounts.list()).length, before, 'nothing stored');
  });

  it("refuses a password against the city's policy, the common ones and personal information", async () => {
    const cases: [string, string][] = [
      ['Court-2031', 'password_length'],
      ['azertyuiop123', 'password_common'],
      ['Martin-Girouette-2031', 'password_personal_info'],
      ['lucie.martinpw-Girouette', 'password_personal_info'],
    ];
    for (const [password, code] of cases) {
      const res = await signUp(signupForm('pw', { password }));
      assert.equal(res.status, 400, password);
      assert.deepEqual(res.json.fields, { password: code }, password);
    }
    // Every field error at once, not one per round trip.
    const both = await signUp(signupForm('pw', { password: 'Court-2031', serviceKeys: { cantine: 'ABC' } }));
    assert.deepEqual(both.json.fields, { password: 'password_length', 'serviceKeys.cantine': 'service_key_unknown' });
  });

  it('creates a pending account and mails an activation link on PUBLIC_URL, never the password', async () => {
    const res = await signUp(signupForm(1));
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.json, { activation: 'email' });
    const account = await server.store.accounts.findByLogin('lucie.martin1', true);
    assert.equal(account?.status, 'pending-email');
    assert.equal(account?.householdId, undefined);
    assert.match(account!.passwordHash, /^\$argon2id\$/);

    const [mail] = await waitForMails(server.outboxDir, 1);
    assert.equal(mail!.subject, 'Ville de Démo - Création de votre espace personnel');
    assert.deepEqual((mail!.to as { value: { address: string }[] }).value.map((a) => a.address), ['lucie.martin1@example.fr']);
    assert.match(mail!.text!, /^Bonjour Mme Lucie MARTIN,\n/);
    assert.match(mail!.text!, new RegExp(`${PUBLIC_URL.replace(/[.]/g, '\\.')}activation\\?token=[A-Za-z0-9_-]{43}\\b`));
    assert.match(mail!.text!, /Votre nom d'utilisateur : lucie\.martin1/);
    assert.ok(!mail!.text!.includes(NEW_PASSWORD), 'no password in the mail');
    assert.ok(!mail!.text!.includes('127.0.0.1'), 'no link from the Host header');
    assert.ok(tokenIn(mail));

    // Right password, but not active yet: 403 account_not_active (a wrong one stays 401).
    const login = await new Client(server.url).logIn('lucie.martin1', NEW_PASSWORD);
    assert.equal(login.status, 403);
    assert.equal(login.json.code, 'account_not_active');
    assert.equal((await new Client(server.url).logIn('lucie.martin1', 'Wrong-Password-1234')).status, 401);
  });

  it('refuses a username or e-mail address already used, whatever the case, with a suggestion', async () => {
    const taken = await signUp(signupForm(2, { username: 'MARIE.Dupont' }));
    assert.equal(taken.status, 400);
    assert.deepEqual(taken.json.fields, { username: 'username_taken' });
    assert.equal(taken.json.suggestion, 'MARIE.Dupont2');
    const email = await signUp(signupForm(2, { contact: { email: 'Marie.Dupont@EXAMPLE.fr' } }));
    assert.deepEqual(email.json.fields, { 'contact.email': 'email_taken' });
    // The login form takes a username or an address: neither may match another account's other.
    const crossed = await signUp(signupForm(2, { username: 'paul.dupont@example.fr' }));
    assert.deepEqual(crossed.json.fields, { username: 'username_taken' });
    const both = await signUp(signupForm(2, { username: 'paul.dupont', contact: { email: 'paul.dupont@example.fr' } }));
    assert.deepEqual(both.json.fields, { username: 'username_taken', 'contact.email': 'email_taken' });
  });

  it('creates exactly one account when two sign-ups race for the same username', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((n) => signUp(signupForm(`race${n}`, { username: 'lucie.course' }))),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 400, 400]);
    for (const loser of results.filter((r) => r.status === 400)) assert.equal(loser.json.fields.username, 'username_taken');
    const accounts = (await server.store.accounts.list()).filter((a) => a.username === 'lucie.course');
    assert.equal(accounts.length, 1);
  });

  it('links the account to the household of a right service key, typed loosely', async () => {
    const res = await signUp(signupForm(3, { serviceKeys: { enfance: ` ${DEMO_ENFANCE_KEY.toLowerCase().replace(/-/g, ' ')} ` } }));
    assert.equal(res.status, 201, res.text);
    const account = await server.store.accounts.findByLogin('lucie.martin3', true);
    assert.equal(account?.householdId, 'foyer-dupont');
    assert.deepEqual(account?.serviceKeys.map((k) => k.serviceId), ['enfance']);
    const empty = await signUp(signupForm(4, { serviceKeys: { enfance: '' } }));
    assert.equal(empty.status, 201, 'an empty key field is no key');
  });

  it('reports a wrong service key on that field only, then throttles key guesses per address', async () => {
    const ip = '203.0.113.7';
    const wrong = await signUp(signupForm(5, { serviceKeys: { enfance: 'AAAA-BBBB-CCCC' } }), ip);
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.json.fields, { 'serviceKeys.enfance': 'service_key_unknown' });
    assert.equal(await server.store.accounts.findByLogin('lucie.martin5', true), undefined);
    for (let i = 1; i < ServiceKeyLimits.PER_IP; i++) {
      assert.equal((await signUp(signupForm(5, { serviceKeys: { enfance: `AAAA-BBBB-CC${i}` } }), ip)).status, 400);
    }
    const limited = await signUp(signupForm(5, { serviceKeys: { enfance: DEMO_ENFANCE_KEY } }), ip);
    assert.equal(limited.status, 429, 'even the right key waits');
    assert.equal(limited.json.code, 'too_many_attempts');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal((await signUp(signupForm(5), ip)).status, 201, 'a sign-up without a key goes on');
    assert.equal((await signUp(signupForm(6, { serviceKeys: { enfance: DEMO_ENFANCE_KEY } }), '203.0.113.8')).status, 201);
  });

  it('throttles key guesses spread over many addresses, per service', async () => {
    const perIp = ServiceKeyLimits.PER_IP;
    const addresses = Math.ceil(ServiceKeyLimits.PER_SERVICE / perIp);
    // The previous test spent PER_IP failures already; fill the rest of the service's budget.
    let spent = perIp;
    for (let a = 0; a < addresses && spent < ServiceKeyLimits.PER_SERVICE; a++) {
      const attempts = await Promise.all(
        Array.from({ length: Math.min(perIp, ServiceKeyLimits.PER_SERVICE - spent) }, (_, i) =>
          signUp(signupForm(7, { serviceKeys: { enfance: `ZZZZ-${a}-${i}` } }), `198.51.100.${a + 1}`),
        ),
      );
      for (const res of attempts) assert.equal(res.status, 400, res.text);
      spent += attempts.length;
    }
    const fresh = await signUp(signupForm(7, { serviceKeys: { enfance: DEMO_ENFANCE_KEY } }), '192.0.2.99');
    assert.equal(fresh.status, 429);
  });

  it('refuses bad JSON, another content type and a huge body with a precise 4xx', async () => {
    const bad = await client.call('POST', '/api/v1/accounts', { raw: '{"identity": {', contentType: 'application/json' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.code, 'invalid_json');
    const form = await client.call('POST', '/api/v1/accounts', { raw: 'username=x', contentType: 'application/x-www-form-urlencoded' });
    assert.equal(form.status, 415);
    // Sign-up's limit is 3 MB (its optional photo travels in the JSON); signup-photo.test.ts checks the others stay at 100 kB.
    const huge = await client.call('POST', '/api/v1/accounts', { body: signupForm(8, { padding: 'x'.repeat(3_200_000) }) });
    assert.equal(huge.status, 413);
    assert.equal(huge.json.code, 'payload_too_large');
    const array = await client.call('POST', '/api/v1/accounts', { body: [1, 2] });
    assert.equal(array.status, 400);
    const noCsrf = await client.call('POST', '/api/v1/accounts', { body: signupForm(8), noCsrfHeader: true });
    assert.equal(noCsrf.status, 403);
  });

  it('limits sign-up attempts per address (field errors tell a taken username), not per city', async () => {
    const ip = '203.0.113.77';
    const taken = () => signUp(signupForm(9, { username: 'marie.dupont' }), ip);
    for (let i = 0; i < 60; i++) assert.deepEqual((await taken()).json.fields, { username: 'username_taken' }, `attempt ${i + 1}`);
    const limited = await taken();
    assert.equal(limited.status, 429);
    assert.equal(limited.json.code, 'too_many_attempts');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal((await signUp(signupForm(9), '203.0.113.78')).status, 201, 'another address signs up');
  });
});

describe('sign-up by activation mode', () => {
  it('waits for staff when the city activates by hand, and mails nothing', async () => {
    const server = await startTestServer({ CITY_CONFIG: await cityFile({ captcha: 'none', activationModes: ['staff'] }) });
    try {
      const res = await new Client(server.url).call('POST', '/api/v1/accounts', { body: signupForm(1) });
      assert.equal(res.status, 201, res.text);
      assert.deepEqual(res.json, { activation: 'staff' });
      assert.equal((await server.store.accounts.findByLogin('lucie.martin1', true))?.status, 'pending-staff');
      assert.equal((await outboxMails(server.outboxDir)).length, 0);
    } finally {
      await server.stop();
    }
  });

  it('mails a link when the city has both modes (staff may activate too)', async () => {
    const server = await startTestServer({ CITY_CONFIG: await cityFile({ captcha: 'none', activationModes: ['staff', 'email'] }) });
    try {
      const res = await new Client(server.url).call('POST', '/api/v1/accounts', { body: signupForm(1) });
      assert.deepEqual(res.json, { activation: 'email' });
      assert.equal((await server.store.accounts.findByLogin('lucie.martin1', true))?.status, 'pending-email');
      assert.equal((await waitForMails(server.outboxDir, 1)).length, 1);
    } finally {
      await server.stop();
    }
  });
});
