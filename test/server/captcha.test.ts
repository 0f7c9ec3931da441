// SPDX-License-Identifier: MIT
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { Captchas, CAPTCHA_TTL_MS, captchaKeys } from '../../demo-server/captcha/captchas.js';
import { CAPTCHA_ALPHABET, openText } from '../../demo-server/captcha/image-captcha.js';
import { Client, startTestServer, type TestServer } from './helpers.js';
import { cityFile, signupForm } from './signup-helpers.js';

const SECRET = 'a-test-secret-of-at-least-32-characters';

/** Solves an altcha challenge as the widget would, into the payload it posts. */
async function solve(challenge: Record<string, unknown>): Promise<string> {
  const solution = await solveChallenge({ challenge: challenge as unknown as Challenge, deriveKey, timeout: 20_000 });
  assert.ok(solution, 'solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** A clock the tests move. */
function clock() {
  let now = Date.now();
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('captcha: altcha (proof of work)', () => {
  it('accepts a solved challenge once, then refuses its replay', async () => {
    const captchas = new Captchas('altcha', { secret: SECRET, altchaCost: 1 });
    const challenge = await captchas.challenge('/api/v1');
    assert.equal(challenge.kind, 'altcha');
    if (challenge.kind !== 'altcha') return;
    const payload = await solve(challenge.challenge);
    assert.equal(await captchas.verify({ kind: 'altcha', payload }), true);
    assert.equal(await captchas.verify({ kind: 'altcha', payload }), false, 'replay refused');
  });

  it('lets only one of two concurrent uses of a payload through', async () => {
    const captchas = new Captchas('altcha', { secret: SECRET, altchaCost: 1 });
    const challenge = await captchas.challenge('/api/v1');
    if (challenge.kind !== 'altcha') return assert.fail('altcha expected');
    const payload = await solve(challenge.challenge);
    const results = await Promise.all([1, 2, 3].map(() => captchas.verify({ kind: 'altcha', payload })));
    assert.deepEqual(results.sort(), [false, false, true]);
  });

  it('refuses a wrong solution, a forged challenge, garbage and another kind', async () => {
    const captchas = new Captchas('altcha', { secret: SECRET, altchaCost: 1 });
    const challenge = await captchas.challenge('/api/v1');
    if (challenge.kind !== 'altcha') return assert.fail('altcha expected');
    const solved = JSON.parse(Buffer.from(await solve(challenge.challenge), 'base64').toString());
    // With a key signature, altcha-lib checks the derived key (the counter only leads to it).
    const key: string = solved.solution.derivedKey;
    const wrong = { ...solved, solution: { ...solved.solution, derivedKey: key.slice(0, -1) + (key.endsWith('0') ? '1' : '0') } };
    assert.equal(await captchas.verify({ kind: 'altcha', payload: Buffer.from(JSON.stringify(wrong)).toString('base64') }), false);
    // Signed with another secret: the server did not issue it.
    const other = new Captchas('altcha', { secret: `${SECRET}-other`, altchaCost: 1 });
    const forged = await other.challenge('/api/v1');
    if (forged.kind !== 'altcha') return assert.fail('altcha expected');
    assert.equal(await captchas.verify({ kind: 'altcha', payload: await solve(forged.challenge) }), false);
    assert.equal(await captchas.verify({ kind: 'altcha', payload: 'not base64 json' }), false);
    assert.equal(await captchas.verify({ kind: 'image', id: 'x', text: 'ABC' }), false);
    assert.equal(await captchas.verify(undefined), false);
  });

  it('refuses a challenge solved after it expired (10 minutes)', async () => {
    const time = clock();
    const captchas = new Captchas('altcha', { secret: SECRET, altchaCost: 1, now: time.now });
    const challenge = await captchas.challenge('/api/v1');
    if (challenge.kind !== 'altcha') return assert.fail('altcha expected');
    const payload = await solve(challenge.challenge);
    time.advance(CAPTCHA_TTL_MS + 1000);
    assert.equal(await captchas.verify({ kind: 'altcha', payload }), false);
  });
});

describe('captcha: text image with audio', () => {
  const keys = captchaKeys(SECRET);

  it('accepts the right text whatever its case, once', async () => {
    const captchas = new Captchas('image', { secret: SECRET, altchaCost: 1 });
    const challenge = await captchas.challenge('/api/v1');
    if (challenge.kind !== 'image') return assert.fail('image expected');
    const text = openText(keys.seal, challenge.id)!;
    assert.match(text, new RegExp(`^[${CAPTCHA_ALPHABET}]{6}$`));
    assert.equal(await captchas.verify({ kind: 'image', id: challenge.id, text: ` ${text.toLowerCase()} ` }), true);
    assert.equal(await captchas.verify({ kind: 'image', id: challenge.id, text }), false, 'replay refused');
    assert.equal(captchas.image(challenge.id), undefined, 'an answered challenge is no longer drawn');
  });

  it('uses the challenge up on a wrong answer (one guess per picture)', async () => {
    const captchas = new Captchas('image', { secret: SECRET, altchaCost: 1 });
    const challenge = await captchas.challenge('/api/v1');
    if (challenge.kind !== 'image') return assert.fail('image expected');
    const text = openText(keys.seal, challenge.id)!;
    assert.equal(await captchas.verify({ kind: 'image', id: challenge.id, text: text === 'AAAAAA' ? 'FFFFFF' : 'AAAAAA' }), false);
    assert.equal(await captchas.verify({ kind: 'image', id: challenge.id, text }), false);
    assert.equal(await captchas.verify({ kind: 'image', id: 'unknown-id', text }), false);
  });

  it('refuses an expired challenge and stops serving its media', async () => {
    const time = clock();
    const captchas = new Captchas('image', { secret: SECRET, altchaCost: 1, now: time.now });
    const challenge = await captchas.challenge('/api/v1');
    if (challenge.kind !== 'image') return assert.fail('image expected');
    assert.ok(captchas.audio(challenge.id));
    time.advance(CAPTCHA_TTL_MS + 1);
    assert.equal(captchas.image(challenge.id), undefined);
    assert.equal(await captchas.verify({ kind: 'image', id: challenge.id, text: openText(keys.seal, challenge.id)! }), false);
  });

  it('draws the same picture for the same challenge, with no text in it', async () => {
    const captchas = new Captchas('image', { secret: SECRET, altchaCost: 1 });
    const challenge = await captchas.challenge('/api/v1');
    if (challenge.kind !== 'image') return assert.fail('image expected');
    const svg = captchas.image(challenge.id)!;
    assert.equal(captchas.image(challenge.id), svg);
    assert.doesNotMatch(svg, /<text|<script|font/i);
    assert.ok(!svg.includes(openText(keys.seal, challenge.id)!), 'the answer is not in the markup');
    assert.equal(openText(captchaKeys(`${SECRET}-other`).seal, challenge.id), undefined, 'the id is sealed with the secret');
  });
});

describe('captcha over HTTP', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ CAPTCHA_SECRET: SECRET, ALTCHA_COST: '1' });
  });
  after(() => server.stop());

  it('serves an altcha challenge for the demo city, and a sign-up spends it once', async () => {
    const client = new Client(server.url);
    const res = await client.call('GET', '/api/v1/captcha');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.json.kind, 'altcha');
    assert.equal(res.json.challenge.parameters.algorithm, 'PBKDF2/SHA-256');
    assert.ok(res.json.challenge.signature, 'signed');
    assert.ok(res.json.challenge.parameters.expiresAt * 1000 <= Date.now() + CAPTCHA_TTL_MS + 1000, 'expires within 10 minutes');
    const payload = await solve(res.json.challenge);
    const first = await client.call('POST', '/api/v1/accounts', { body: signupForm('alt1', { captcha: { kind: 'altcha', payload } }) });
    assert.equal(first.status, 201, first.text);
    const replay = await client.call('POST', '/api/v1/accounts', { body: signupForm('alt2', { captcha: { kind: 'altcha', payload } }) });
    assert.equal(replay.status, 400);
    assert.deepEqual(replay.json.fields, { captcha: 'captcha_failed' });
    const missing = await client.call('POST', '/api/v1/accounts', { body: signupForm('alt3') });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.json.fields, { captcha: 'required' });
  });

  it('refuses a sign-up whose captcha answer is wrong, and creates nothing', async () => {
    const client = new Client(server.url);
    const before = (await server.store.accounts.list()).length;
    const res = await client.call('POST', '/api/v1/accounts', {
      body: signupForm('alt4', { captcha: { kind: 'altcha', payload: Buffer.from('{"challenge":{},"solution":{}}').toString('base64') } }),
    });
    assert.equal(res.status, 400);
    assert.equal(res.json.fields.captcha, 'captcha_failed');
    assert.equal((await server.store.accounts.list()).length, before);
  });

  it('serves the image kind: an SVG and a WAV of the same challenge, then nothing once answered', async () => {
    const image = await startTestServer({ CAPTCHA_SECRET: SECRET, CITY_CONFIG: await cityFile({ captcha: 'image' }) });
    try {
      const client = new Client(image.url);
      const res = await client.call('GET', '/api/v1/captcha');
      assert.equal(res.status, 200);
      assert.equal(res.json.kind, 'image');
      assert.equal(res.json.imageUrl, `/api/v1/captcha/${res.json.id}/image`);
      const svg = await fetch(image.url + res.json.imageUrl);
      assert.equal(svg.status, 200);
      assert.match(svg.headers.get('content-type')!, /^image\/svg\+xml/);
      assert.equal(svg.headers.get('cross-origin-resource-policy'), 'cross-origin');
      assert.match(await svg.text(), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      const wav = await fetch(image.url + res.json.audioUrl);
      assert.equal(wav.status, 200);
      assert.match(wav.headers.get('content-type')!, /^audio\/wav/);
      const bytes = Buffer.from(await wav.arrayBuffer());
      assert.equal(bytes.toString('latin1', 0, 4), 'RIFF');
      assert.equal(bytes.toString('latin1', 8, 12), 'WAVE');
      const seconds = bytes.readUInt32LE(40) / bytes.readUInt32LE(28);
      assert.ok(seconds > 6 && seconds < 30, `an intro and the text twice: ${seconds} s`);

      const text = openText(captchaKeys(SECRET).seal, res.json.id)!;
      const signup = await client.call('POST', '/api/v1/accounts', {
        body: signupForm('img1', { captcha: { kind: 'image', id: res.json.id, text: text.toLowerCase() } }),
      });
      assert.equal(signup.status, 201, signup.text);
      assert.equal((await fetch(image.url + res.json.imageUrl)).status, 404, 'used up');
      assert.equal((await fetch(`${image.url}/api/v1/captcha/nope/audio`)).status, 404);
    } finally {
      await image.stop();
    }
  });

  it('answers {kind: "none"} for a city without a check, and limits challenges per address', async () => {
    const none = await startTestServer({ CITY_CONFIG: await cityFile({ captcha: 'none' }) });
    try {
      const client = new Client(none.url);
      const res = await client.call('GET', '/api/v1/captcha');
      assert.deepEqual(res.json, { kind: 'none' });
      let status = 200;
      for (let i = 0; i < 100 && status === 200; i++) status = (await client.call('GET', '/api/v1/captcha')).status;
      assert.equal(status, 429);
      const limited = await client.call('GET', '/api/v1/captcha');
      assert.equal(limited.json.code, 'too_many_attempts');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
    } finally {
      await none.stop();
    }
  });
});
