// SPDX-License-Identifier: MIT
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Client, startTestServer, type TestServer } from './helpers.js';
import { cityFile, latestMailTo, NEW_PASSWORD, outboxMails, signupForm, tokenIn, waitForMails } from './signup-helpers.js';
import { consumeMailToken, issueMailToken } from '../../demo-server/auth/mail-tokens.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';

describe('activation (POST /api/v1/accounts/activation) and new links', () => {
  let server: TestServer;
  let client: Client;
  let mails = 0;
  before(async () => {
    server = await startTestServer({ CITY_CONFIG: await cityFile({ captcha: 'none', activationLinkHours: 48 }) });
    client = new Client(server.url);
  });
  after(() => server.stop());

  /** Signs `n` up and returns its activation token from the mail. */
  async function signUp(n: number | string): Promise<string> {
    const res = await client.call('POST', '/api/v1/accounts', { body: signupForm(n) });
    assert.equal(res.status, 201, res.text);
    await waitForMails(server.outboxDir, ++mails);
    return tokenIn(await latestMailTo(server.outboxDir, `lucie.martin${n}@example.fr`));
  }
  const activate = (token: unknown) => client.call('POST', '/api/v1/accounts/activation', { body: { token } });
  const resend = (identifier: string) => client.call('POST', '/api/v1/accounts/activation/resend', { body: { identifier } });

  it('activates with the mailed link once; the account can then log in', async () => {
    const token = await signUp(1);
    const res = await activate(token);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json, { username: 'lucie.martin1' });
    assert.equal((await server.store.accounts.findByLogin('lucie.martin1', true))?.status, 'active');
    assert.equal((await new Client(server.url).logIn('lucie.martin1', NEW_PASSWORD)).status, 200);
    const again = await activate(token);
    assert.equal(again.status, 400);
    assert.equal(again.json.code, 'token_invalid');
  });

  it('says the mail link lasts as long as the city configures', async () => {
    await signUp(2);
    const mail = await latestMailTo(server.outboxDir, 'lucie.martin2@example.fr');
    assert.match(mail!.text!, /valable 48 heures/);
  });

  it('gives one answer for unknown, malformed, expired and other-purpose tokens', async () => {
    const unknown = await activate(randomBytes(32).toString('base64url'));
    const malformed = await activate('abc');
    const missing = await client.call('POST', '/api/v1/accounts/activation', { body: {} });
    const account = (await server.store.accounts.findByLogin('lucie.martin2', true))!;
    const past = new Date(Date.now() - 49 * 3600_000);
    const expired = await activate(await issueMailToken(server.store, account.id, 'activation', 48 * 3600_000, past));
    const reset = await activate(await issueMailToken(server.store, account.id, 'password-reset', 3600_000));
    for (const res of [unknown, malformed, missing, expired, reset]) {
      assert.equal(res.status, 400);
      assert.deepEqual(res.json, unknown.json);
    }
    assert.equal(unknown.json.code, 'token_invalid');
    assert.equal((await server.store.accounts.get(account.id))?.status, 'pending-email');
  });

  it('expires a token at its time, not before (the store sees the clock it is given)', async () => {
    const account = (await server.store.accounts.findByLogin('lucie.martin2', true))!;
    const now = new Date();
    const token = await issueMailToken(server.store, account.id, 'activation', 60_000, now);
    assert.equal(await consumeMailToken(server.store, token, 'activation', new Date(now.getTime() + 60_000)), undefined);
    const fresh = await issueMailToken(server.store, account.id, 'activation', 60_000, now);
    assert.equal(await consumeMailToken(server.store, fresh, 'activation', new Date(now.getTime() + 59_000)), account.id);
  });

  it('lets exactly one of five concurrent uses of a token through', async () => {
    const token = await signUp(3);
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => activate(token)));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 400, 400, 400, 400]);
  });

  it('answers a new-link request the same for unknown, active and pending accounts, and mails only the pending one', async () => {
    await signUp(4);
    const before = (await outboxMails(server.outboxDir)).length;
    const answers = await Promise.all([resend('personne.inconnue@example.fr'), resend('marie.dupont'), resend('LUCIE.MARTIN4')]);
    for (const res of answers) {
      assert.equal(res.status, 202);
      assert.equal(res.text, '');
    }
    const after = await waitForMails(server.outboxDir, before + 1);
    await new Promise((ok) => setTimeout(ok, 200));
    assert.equal((await outboxMails(server.outboxDir)).length, before + 1, 'one mail, to the pending account');
    mails = after.length;
    assert.equal(after.at(-1)!.subject, 'Ville de Démo - Création de votre espace personnel');
    assert.equal((after.at(-1)!.to as { text: string }).text, 'lucie.martin4@example.fr');
  });

  it('revokes the older link when a new one is sent', async () => {
    const first = await signUp(5);
    assert.equal((await resend('lucie.martin5@example.fr')).status, 202);
    await waitForMails(server.outboxDir, ++mails);
    const second = tokenIn(await latestMailTo(server.outboxDir, 'lucie.martin5@example.fr'));
    assert.notEqual(second, first);
    assert.equal((await activate(first)).json.code, 'token_invalid');
    assert.equal((await activate(second)).status, 200);
    // Active now: a new-link request sends nothing more.
    assert.equal((await resend('lucie.martin5')).status, 202);
    await new Promise((ok) => setTimeout(ok, 200));
    assert.equal((await outboxMails(server.outboxDir)).length, mails);
  });

  it('limits new-link requests per address (429), after at most 3 mails an hour to one account', async () => {
    await signUp(6);
    // Five requests were spent above; five more reach the limit of ten.
    for (let i = 0; i < 5; i++) assert.equal((await resend('lucie.martin6')).status, 202);
    await waitForMails(server.outboxDir, mails + 3);
    await new Promise((ok) => setTimeout(ok, 200));
    assert.equal((await outboxMails(server.outboxDir)).length, mails + 3, 'three mails, not five');
    const limited = await resend('lucie.martin6');
    assert.equal(limited.status, 429);
    assert.equal(limited.json.code, 'too_many_attempts');
  });

  it('opens no session for a pending account, even with the right password', async () => {
    const login = await new Client(server.url).logIn('lucie.martin6', NEW_PASSWORD);
    assert.equal(login.status, 403);
    assert.equal(login.json.code, 'account_not_active');
    assert.equal(login.headers.get('set-cookie'), null);
    assert.equal((await new Client(server.url).logIn('marie.dupont', DEMO_PASSWORD)).status, 200);
  });
});

describe('new-link request validation', () => {
  it('answers 400 naming the field when the identifier is missing', async () => {
    const server = await startTestServer({ CITY_CONFIG: await cityFile({ captcha: 'none' }) });
    try {
      const res = await new Client(server.url).call('POST', '/api/v1/accounts/activation/resend', { body: { identifier: '' } });
      assert.equal(res.status, 400);
      assert.deepEqual(res.json.fields, { identifier: 'required' });
    } finally {
      await server.stop();
    }
  });
});
