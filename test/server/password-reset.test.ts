// SPDX-License-Identifier: MIT
/**
 * "J'ai oublié mon mot de passe" (journey J5): POST /api/v1/password/forgot, /password/reset/check
 * and /password/reset against a real server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { ParsedMail } from 'mailparser';
import { Client, startTestServer, type TestServer } from './helpers.js';
import { cityFile, latestMailTo, NEW_PASSWORD, outboxMails, signupForm, waitForMails } from './signup-helpers.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { issueMailToken } from '../../demo-server/auth/mail-tokens.js';
import { listOutbox } from '../../demo-server/mail/mailer.js';
import { FORGOT_PER_IDENTIFIER, RESET_MAILS_PER_ACCOUNT } from '../../demo-server/routes/password-reset.js';

const PUBLIC_URL = 'https://citoyens.ville-de-demo.test/portail/';
const OTHER_PASSWORD = 'Lanterne-Houblon-7351';

/** The reset token in a mail's link. */
function resetTokenIn(mail: ParsedMail | undefined): string {
  const token = /\/reinitialisation\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`No reset link in: ${mail?.text}`);
  return token;
}

let ipCounter = 0;
/** A fresh client address each time (TRUST_PROXY=1): the per-address limit has its own test. */
const freshIp = () => `198.51.100.${(ipCounter++ % 250) + 1}`;

function forgot(server: TestServer, identifier: unknown, ip = freshIp()) {
  return new Client(server.url).call('POST', '/api/v1/password/forgot', { body: { identifier }, headers: { 'X-Forwarded-For': ip } });
}

const reset = (server: TestServer, token: unknown, password: unknown) =>
  new Client(server.url).call('POST', '/api/v1/password/reset', { body: { token, password }, headers: { 'X-Forwarded-For': freshIp() } });

const check = (server: TestServer, token: unknown) =>
  new Client(server.url).call('POST', '/api/v1/password/reset/check', { body: { token }, headers: { 'X-Forwarded-For': freshIp() } });

/** Waits for the outbox to hold `count` mails, then a little longer to be sure no other comes. */
async function settledMails(server: TestServer, count: number): Promise<ParsedMail[]> {
  if (count > 0) await waitForMails(server.outboxDir, count);
  await new Promise((ok) => setTimeout(ok, 250));
  return outboxMails(server.outboxDir);
}

/** Asks for a reset link for `identifier` and returns the token of the mail it brings. */
async function resetLinkFor(server: TestServer, identifier: string, email: string): Promise<string> {
  const before = (await listOutbox(server.outboxDir)).length;
  assert.equal((await forgot(server, identifier)).status, 202);
  await waitForMails(server.outboxDir, before + 1);
  return resetTokenIn(await latestMailTo(server.outboxDir, email));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('POST /api/v1/password/forgot', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ PUBLIC_URL, TRUST_PROXY: '1', CITY_CONFIG: await cityFile({ captcha: 'none', resetLinkMinutes: 20 }) });
  });
  after(() => server.stop());

  it('answers known and unknown identifiers alike: 202, empty body, the same headers; mails known accounts only', async () => {
    const answers: Awaited<ReturnType<typeof forgot>>[] = [];
    for (const identifier of ['marie.dupont', 'personne.inconnue', 'marie.dupont@example.fr', 'inconnu@example.fr']) {
      answers.push(await forgot(server, identifier));
    }
    const shape = (res: (typeof answers)[number]) => ({
      status: res.status,
      text: res.text,
      headers: [...res.headers.keys()].filter((name) => !/^(date|ratelimit|ratelimit-policy)$/.test(name)).sort().join(),
      type: res.headers.get('content-type'),
      length: res.headers.get('content-length'),
    });
    for (const res of answers) assert.deepEqual(shape(res), shape(answers[0]!));
    assert.equal(answers[0]!.status, 202);
    assert.equal(answers[0]!.text, '');
    // By username and by address: two mails to Marie, none to the unknown ones.
    const mails = await settledMails(server, 2);
    assert.deepEqual(mails.map((m) => m.to && !Array.isArray(m.to) && m.to.text), ['marie.dupont@example.fr', 'marie.dupont@example.fr']);
  });

  it('mails a reset link on PUBLIC_URL with the seeds’ greeting, and never a password', async () => {
    await resetLinkFor(server, 'paul.dupont', 'paul.dupont@example.fr');
    const mail = await latestMailTo(server.outboxDir, 'paul.dupont@example.fr');
    assert.ok(mail, 'a mail to Paul');
    assert.equal(mail.subject, 'Ville de Démo - Réinitialisation de votre mot de passe');
    assert.match(mail.text!, /^Bonjour M\. Paul DUPONT,\n/);
    assert.match(mail.text!, /nom d'utilisateur : paul\.dupont/);
    assert.match(mail.text!, /https:\/\/citoyens\.ville-de-demo\.test\/portail\/reinitialisation\?token=[A-Za-z0-9_-]{43}\b/);
    assert.match(mail.text!, /valable 20 minutes et ne sert qu'une fois/, 'the city’s resetLinkMinutes');
    assert.ok(!mail.text!.includes(DEMO_PASSWORD), 'no password in the mail');
    assert.doesNotMatch(mail.text!, /mot de passe\s*:/i);
    // Only the hash of the token is in the data file.
    const data = await readFile(server.config.dataFile, 'utf8');
    assert.ok(!data.includes(resetTokenIn(mail)), 'the token is not stored in clear');
    const stored = (JSON.parse(data) as { mailTokens: { purpose: string; createdAt: string; expiresAt: string }[] }).mailTokens.filter(
      (t) => t.purpose === 'password-reset',
    );
    assert.ok(stored.length >= 1);
    for (const t of stored) assert.equal(Date.parse(t.expiresAt) - Date.parse(t.createdAt), 20 * 60_000);
  });

  it('takes about the same time for known and unknown identifiers (medians over several calls)', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    const timed = async (identifier: string) => {
      const start = performance.now();
      const res = await forgot(server, identifier);
      assert.equal(res.status, 202);
      return performance.now() - start;
    };
    // Interleaved, so that load on the machine weighs on both alike; within the per-identifier allowance.
    const identifiers = ['paul.dupont', 'paul.dupont@example.fr', 'PAUL.DUPONT', 'Paul.Dupont@Example.fr'];
    for (let i = 0; i < 8; i++) {
      known.push(await timed(identifiers[i % identifiers.length]!));
      unknown.push(await timed(`personne-${i}@example.fr`));
    }
    const difference = Math.abs(median(known) - median(unknown));
    // The work is done after the answer, so the medians differ by noise only (a few ms here).
    // Generous, and relative to the machine's speed of the moment: twice the unknown
    // identifiers' median, at least 12 ms. A mail sent or a password hashed before
    // answering (13 ms and more) would show.
    const bound = Math.max(12, 2 * median(unknown));
    assert.ok(difference < bound, `median known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms`);
  });

  it('limits requests per identifier (known or not, the same way) and mails to one account', async () => {
    for (const identifier of ['lea.inconnue', 'marie.dupont']) {
      const statuses = [];
      for (let i = 0; i <= FORGOT_PER_IDENTIFIER; i++) statuses.push((await forgot(server, identifier)).status);
      // Marie used 1 of her allowance in the first test (by username).
      const expected = identifier === 'marie.dupont' ? FORGOT_PER_IDENTIFIER - 1 : FORGOT_PER_IDENTIFIER;
      assert.deepEqual(statuses.slice(0, expected), Array(expected).fill(202), identifier);
      assert.equal(statuses.at(-1), 429, identifier);
      const refused = await forgot(server, identifier.toUpperCase());
      assert.equal(refused.status, 429, 'case does not make a new identifier');
      assert.equal(refused.json.code, 'too_many_attempts');
      assert.ok(Number(refused.headers.get('retry-after')) > 0 && refused.json.retryAfter <= 3600);
    }
    const toMarie = (await settledMails(server, 0)).filter((m) => m.to && !Array.isArray(m.to) && m.to.text === 'marie.dupont@example.fr');
    assert.equal(toMarie.length, RESET_MAILS_PER_ACCOUNT, 'at most 3 mails an hour to one account');
  });

  it('limits requests per address', async () => {
    const ip = '203.0.113.9';
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await forgot(server, `quelqu.un.${i}@example.fr`, ip)).status);
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(202));
    assert.equal(statuses[20], 429);
    assert.equal((await forgot(server, 'quelqu.un.x@example.fr')).status, 202, 'another address is not affected');
  });

  it('refuses a missing identifier precisely', async () => {
    const res = await forgot(server, '  ');
    assert.equal(res.status, 400);
    assert.deepEqual(res.json.fields, { identifier: 'required' });
  });
});

describe('POST /api/v1/password/reset', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ TRUST_PROXY: '1', CITY_CONFIG: await cityFile({ captcha: 'none' }) });
  });
  after(() => server.stop());

  const marie = () => server.store.accounts.findByLogin('marie.dupont', true).then((a) => a!);

  it('checks a link without using it up; opening the page changes nothing', async () => {
    const token = await resetLinkFor(server, 'marie.dupont', 'marie.dupont@example.fr');
    const page = await fetch(`${server.url}/reinitialisation?token=${token}`);
    assert.equal(page.status, 200);
    for (let i = 0; i < 2; i++) {
      const res = await check(server, token);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.json, { username: 'marie.dupont' });
    }
    assert.equal((await new Client(server.url).logIn('marie.dupont', DEMO_PASSWORD)).status, 200, 'the old password still works');
    for (const bad of ['', 'x', 'A'.repeat(43), undefined]) {
      const res = await check(server, bad);
      assert.equal(res.status, 400);
      assert.equal(res.json.code, 'token_invalid', String(bad));
    }
  });

  it('enforces the city’s policy with field errors, and keeps the link good meanwhile', async () => {
    const token = await resetLinkFor(server, 'marie.dupont', 'marie.dupont@example.fr');
    const cases: [unknown, string][] = [
      ['', 'required'],
      ['court', 'password_length'],
      ['Marie-Dupont-2026', 'password_personal_info'],
      ['motdepasse1234', 'password_common'],
      [DEMO_PASSWORD, 'password_unchanged'],
      [undefined, 'required'],
    ];
    for (const [password, code] of cases) {
      const res = await reset(server, token, password);
      assert.equal(res.status, 400, `${String(password)}: ${res.text}`);
      assert.equal(res.json.code, 'validation_failed');
      assert.deepEqual(res.json.fields, { password: code }, String(password));
    }
    assert.equal((await check(server, token)).status, 200, 'a refused password leaves the link good');
  });

  it('sets the password, once: ends every session, clears the login back-off and the forced change, mails the holder', async () => {
    // Two sessions, one in token mode, and a locked identifier (by username and by address).
    const browser = new Client(server.url);
    assert.equal((await browser.logIn('marie.dupont', DEMO_PASSWORD)).status, 200);
    const tokenLogin = await new Client(server.url).call('POST', '/api/v1/session', {
      body: { identifier: 'marie.dupont', password: DEMO_PASSWORD },
      headers: { 'X-Citizen-Auth': 'token' },
    });
    const bearer = { Authorization: `Bearer ${tokenLogin.json.token}` };
    for (let i = 0; i < 6; i++) {
      await new Client(server.url).call('POST', '/api/v1/session', { body: { identifier: 'marie.dupont', password: 'pas-le-bon' }, headers: { 'X-Forwarded-For': freshIp() } });
      await new Client(server.url).call('POST', '/api/v1/session', { body: { identifier: 'MARIE.DUPONT@example.fr', password: 'pas-le-bon' }, headers: { 'X-Forwarded-For': freshIp() } });
    }
    assert.equal((await new Client(server.url).logIn('marie.dupont', DEMO_PASSWORD)).status, 429, 'locked by username');
    assert.equal((await new Client(server.url).logIn('marie.dupont@example.fr', DEMO_PASSWORD)).status, 429, 'locked by address');
    await server.store.accounts.update((await marie()).id, { mustChangePassword: true });

    const token = await resetLinkFor(server, 'marie.dupont@example.fr', 'marie.dupont@example.fr');
    const mailsBefore = (await listOutbox(server.outboxDir)).length;
    const res = await reset(server, token, NEW_PASSWORD);
    assert.equal(res.status, 204, res.text);
    assert.equal(res.text, '');

    assert.equal((await browser.call('GET', '/api/v1/session')).status, 401, 'the cookie session ended');
    assert.equal((await new Client(server.url).call('GET', '/api/v1/session', { headers: bearer })).status, 401, 'the token session ended');
    assert.equal((await new Client(server.url).logIn('marie.dupont', DEMO_PASSWORD)).status, 401, 'the old password is dead');
    const login = await new Client(server.url).logIn('marie.dupont@example.fr', NEW_PASSWORD);
    assert.equal(login.status, 200, 'no back-off left, by address');
    assert.equal(login.json.session.mustChangePassword, false);
    assert.equal((await new Client(server.url).logIn('marie.dupont', NEW_PASSWORD)).status, 200, 'nor by username');

    const again = await reset(server, token, OTHER_PASSWORD);
    assert.equal(again.status, 400);
    assert.equal(again.json.code, 'token_invalid', 'single use');
    assert.equal((await check(server, token)).json.code, 'token_invalid');

    const [changed] = (await waitForMails(server.outboxDir, mailsBefore + 1)).slice(mailsBefore);
    assert.equal(changed!.subject, 'Ville de Démo – Votre mot de passe a été modifié');
    assert.ok(!changed!.text!.includes(NEW_PASSWORD), 'no password in the mail');
  });

  it('kills the older links: a new request replaces the last one, and using one kills the others', async () => {
    const first = await resetLinkFor(server, 'paul.dupont', 'paul.dupont@example.fr');
    const second = await resetLinkFor(server, 'paul.dupont', 'paul.dupont@example.fr');
    assert.notEqual(first, second);
    assert.equal((await check(server, first)).json.code, 'token_invalid', 'replaced by the newer link');
    // Two links alive together: a reset link and an account-setup link of the same account.
    const paul = (await server.store.accounts.findByLogin('paul.dupont', true))!;
    const setup = await issueMailToken(server.store, paul.id, 'account-setup', 60 * 60_000);
    assert.equal((await check(server, setup)).status, 200);
    assert.equal((await reset(server, second, OTHER_PASSWORD)).status, 204);
    assert.equal((await check(server, setup)).json.code, 'token_invalid', 'the other link died when one was used');
    assert.equal((await reset(server, setup, NEW_PASSWORD)).json.code, 'token_invalid');
    assert.equal((await new Client(server.url).logIn('paul.dupont', OTHER_PASSWORD)).status, 200);
  });

  it('refuses an expired link, and a link of another purpose', async () => {
    const paul = (await server.store.accounts.findByLogin('paul.dupont', true))!;
    const expired = await issueMailToken(server.store, paul.id, 'password-reset', 30 * 60_000, new Date(Date.now() - 31 * 60_000));
    assert.equal((await check(server, expired)).json.code, 'token_invalid');
    const res = await reset(server, expired, NEW_PASSWORD);
    assert.equal(res.status, 400);
    assert.equal(res.json.code, 'token_invalid');
    const activation = await issueMailToken(server.store, paul.id, 'activation', 60 * 60_000);
    assert.equal((await reset(server, activation, NEW_PASSWORD)).json.code, 'token_invalid', 'an activation link sets no password');
  });

  it('lets exactly one of two simultaneous submits of a link through', async () => {
    const paul = (await server.store.accounts.findByLogin('paul.dupont', true))!;
    const token = await issueMailToken(server.store, paul.id, 'password-reset', 60 * 60_000);
    const answers = await Promise.all([reset(server, token, 'Gouttière-Sapin-8842'), reset(server, token, 'Ruisseau-Mélèze-5519')]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [204, 400]);
  });

  it('activates an account still waiting for its e-mail link: the reset link proves the address', async () => {
    const signup = await new Client(server.url).call('POST', '/api/v1/accounts', { body: signupForm('reset') });
    assert.equal(signup.status, 201, signup.text);
    assert.equal((await new Client(server.url).logIn('lucie.martinreset', NEW_PASSWORD)).status, 403, 'not active yet');
    const token = await resetLinkFor(server, 'lucie.martinreset', 'lucie.martinreset@example.fr');
    assert.equal((await reset(server, token, OTHER_PASSWORD)).status, 204);
    assert.equal((await server.store.accounts.findByLogin('lucie.martinreset', true))?.status, 'active');
    assert.equal((await new Client(server.url).logIn('lucie.martinreset', OTHER_PASSWORD)).status, 200);
  });
});

describe('password reset and staff activation', () => {
  it('mails nothing to an account waiting for staff, and answers the same', async () => {
    const server = await startTestServer({ CITY_CONFIG: await cityFile({ captcha: 'none', activationModes: ['staff'] }) });
    try {
      assert.equal((await new Client(server.url).call('POST', '/api/v1/accounts', { body: signupForm('staff') })).status, 201);
      const res = await forgot(server, 'lucie.martinstaff');
      assert.equal(res.status, 202);
      assert.equal((await settledMails(server, 0)).length, 0);
    } finally {
      await server.stop();
    }
  });
});
