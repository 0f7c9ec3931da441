// SPDX-License-Identifier: MIT
/** The optional photo of sign-up step "Identité": checked from its content, stored as a file beside the data file. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PHOTO_MAX_BYTES } from '../../src/schemas/account.js';
import { Client, startTestServer, type TestServer } from './helpers.js';
import { NEW_PASSWORD, cityFile, signupForm } from './signup-helpers.js';

/** A 1×1 PNG and a minimal JPEG: enough for file-type to tell them from their first bytes. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const TINY_JPEG =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';

describe('sign-up photo (POST /api/v1/accounts)', () => {
  let server: TestServer;
  let client: Client;
  let photosDir: string;
  before(async () => {
    server = await startTestServer({ CITY_CONFIG: await cityFile({ captcha: 'none' }) });
    client = new Client(server.url);
    photosDir = join(server.dir, 'photos');
  });
  after(() => server.stop());

  const signUp = (n: string | number, photo: unknown, overrides: Record<string, unknown> = {}) =>
    client.call('POST', '/api/v1/accounts', { body: signupForm(`photo${n}`, { photo, ...overrides }) });
  const photoFiles = async () => readdir(photosDir).catch(() => [] as string[]);

  it('stores a PNG and a JPEG as owner-only files beside the data file, only their names in the record', async () => {
    for (const [n, type, data, ext] of [
      [1, 'image/png', TINY_PNG, 'png'],
      [2, 'image/jpeg', TINY_JPEG, 'jpg'],
    ] as const) {
      const res = await signUp(n, { type, data });
      assert.equal(res.status, 201, res.text);
      const account = await server.store.accounts.findByLogin(`lucie.martinphoto${n}`, true);
      assert.equal(account?.photo, `${account!.id}.${ext}`);
      const file = join(photosDir, account!.photo!);
      assert.deepEqual(await readFile(file), Buffer.from(data, 'base64'));
      assert.equal((await stat(file)).mode & 0o777, 0o600);
    }
    const json = await readFile(join(server.dir, 'db.json'), 'utf8');
    assert.ok(!json.includes(TINY_PNG.slice(0, 40)) && !json.includes(TINY_JPEG.slice(0, 40)), 'no image bytes in the JSON store');
  });

  it('deletes the photo file when the holder closes the account (RGPD)', async () => {
    assert.equal((await signUp('close', { type: 'image/png', data: TINY_PNG })).status, 201);
    const account = (await server.store.accounts.findByLogin('lucie.martinphotoclose', true))!;
    assert.ok((await photoFiles()).includes(account.photo!));
    await server.store.accounts.update(account.id, { status: 'active' });
    const holder = new Client(server.url);
    assert.equal((await holder.logIn('lucie.martinphotoclose', NEW_PASSWORD)).status, 200);
    assert.equal((await holder.call('DELETE', '/api/v1/account', { body: { password: NEW_PASSWORD } })).status, 204);
    assert.ok(!(await photoFiles()).includes(account.photo!), 'the photo file is gone');
    assert.equal((await server.store.accounts.get(account.id))?.photo, undefined);
  });

  it('refuses a spoofed type on the photo field, and leaves no file behind', async () => {
    const before = await photoFiles();
    const text = Buffer.from('Ceci est un fichier texte renommé photo.png\n').toString('base64');
    const cases: [unknown, string, string][] = [
      [{ type: 'image/png', data: text }, 'photo', 'photo_type'],
      [{ type: 'image/png', data: TINY_JPEG }, 'photo', 'photo_type'],
      [{ type: 'image/gif', data: TINY_PNG }, 'photo', 'photo_type'],
      [{ type: 'image/png', data: 'not base64!' }, 'photo', 'invalid'],
    ];
    for (const [photo, field, code] of cases) {
      const res = await signUp('spoof', photo);
      assert.equal(res.status, 400, res.text);
      assert.equal(res.json.code, 'validation_failed');
      assert.deepEqual(res.json.fields, { [field]: code }, res.text);
    }
    assert.equal(await server.store.accounts.findByLogin('lucie.martinphotospoof', true), undefined);
    assert.deepEqual(await photoFiles(), before);
  });

  it('refuses a photo over 2 MB decoded with photo_too_large, within the route’s larger body limit', async () => {
    const big = Buffer.alloc(PHOTO_MAX_BYTES + 1);
    Buffer.from(TINY_PNG, 'base64').copy(big);
    const res = await signUp('big', { type: 'image/png', data: big.toString('base64') });
    assert.equal(res.status, 400, res.text);
    assert.deepEqual(res.json.fields, { photo: 'photo_too_large' });
    // Exactly the limit is fine.
    const max = await signUp('max', { type: 'image/png', data: big.subarray(0, PHOTO_MAX_BYTES).toString('base64') });
    assert.equal(max.status, 201, max.text);
  });

  it('leaves no file behind when the sign-up is refused for another reason', async () => {
    const before = await photoFiles();
    const taken = await signUp('taken', { type: 'image/png', data: TINY_PNG }, { username: 'marie.dupont' });
    assert.equal(taken.status, 400);
    assert.deepEqual(taken.json.fields, { username: 'username_taken' });
    const weak = await signUp('weak', { type: 'image/png', data: TINY_PNG }, { password: 'court' });
    assert.equal(weak.status, 400);
    assert.deepEqual(await photoFiles(), before);
  });

  it('keeps the larger body limit to sign-up: other routes still refuse 100 kB and more', async () => {
    const res = await client.call('POST', '/api/v1/session', { body: { identifier: 'x', password: 'y', padding: 'x'.repeat(200_000) } });
    assert.equal(res.status, 413);
    assert.equal(res.json.code, 'payload_too_large');
  });
});

describe('sign-up photo that cannot be written', () => {
  it('still creates the account, without a photo, and says so in the log', async (t) => {
    const server = await startTestServer({ CITY_CONFIG: await cityFile({ captcha: 'none' }) });
    try {
      // A file where the photos folder should be: the write fails.
      await writeFile(join(server.dir, 'photos'), '');
      const logged = t.mock.method(console, 'error', () => {});
      const res = await new Client(server.url).call('POST', '/api/v1/accounts', {
        body: signupForm('nodisk', { photo: { type: 'image/png', data: TINY_PNG } }),
      });
      assert.equal(res.status, 201, res.text);
      const account = await server.store.accounts.findByLogin('lucie.martinnodisk', true);
      assert.equal(account?.photo, undefined);
      assert.match(String(logged.mock.calls[0]?.arguments[0]), /photo of account .* not saved/);
    } finally {
      await server.stop();
    }
  });
});
