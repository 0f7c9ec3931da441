// SPDX-License-Identifier: MIT
/**
 * Children's health data (allergies, PAI, doctor; issue 6): encrypted field by field with
 * AES-256-GCM in the data file, the key outside it (DATA_KEY or a 0600 key file), each value
 * bound to its child and field, every reading logged without the data, and a server that
 * refuses to start with the wrong key rather than serve records it cannot open.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../demo-server/config.js';
import { FieldCipher, FieldCipherError } from '../../demo-server/auth/field-cipher.js';
import { loadDataKey } from '../../demo-server/auth/data-key.js';
import { childRecordPlace, openChildRecord } from '../../demo-server/family/child-records.js';
import { startServer } from '../../demo-server/server.js';
import type { ChildRecordRecord } from '../../demo-server/store/types.js';
import { citizen, startDashboardServer, type DashboardServer } from './dashboard-helpers.js';

const HEALTH_TEXT = ['Arachide', 'fruits à coque', 'Claire Martin', '02 38 12 34 56'];

describe('dashboard: health data at rest', () => {
  let server: DashboardServer;
  before(async () => {
    server = await startDashboardServer();
  });
  after(() => server.stop());

  it('keeps allergies, PAI and doctor out of the data file in clear, and opens them with the key', async () => {
    const file = await server.dataFile();
    for (const text of HEALTH_TEXT) assert.ok(!file.includes(text), `"${text}" in clear in the data file`);
    const data = JSON.parse(file) as { childRecords: ChildRecordRecord[] };
    const lea = data.childRecords.find((r) => r.childId === 'm-lea')!;
    // What is not health data stays readable for staff tools and queries.
    assert.equal(lea.school, 'École élémentaire Jean Moulin');
    for (const sealed of Object.values(lea.health)) assert.match(sealed, /^v1\.[0-9a-f]{16}\.[\w-]{16}\.[\w-]+$/);
    // Same value, different ciphertexts: an empty field does not show as such.
    const hugo = data.childRecords.find((r) => r.childId === 'm-hugo')!;
    assert.notEqual(hugo.health.doctor, lea.health.doctor);
    const opened = openChildRecord(server.cipher, lea, childRecordPlace('foyer-dupont', 'm-lea'), lea.missing);
    assert.equal(opened.allergies, 'Arachide et fruits à coque');
    assert.equal(opened.hasPai, true);
    assert.deepEqual(opened.doctor, { name: 'Dr Claire Martin', phone: '02 38 12 34 56' });
  });

  it('binds each sealed value to its child and field: moved or altered, it does not open', () => {
    const cipher = server.cipher;
    const sealed = cipher.seal('Arachide', 'child-record:foyer-dupont:m-lea:allergies');
    assert.equal(cipher.open(sealed, 'child-record:foyer-dupont:m-lea:allergies'), 'Arachide');
    assert.throws(() => cipher.open(sealed, 'child-record:foyer-dupont:m-hugo:allergies'), FieldCipherError);
    assert.throws(() => cipher.open(sealed, 'child-record:foyer-dupont:m-lea:doctor'), FieldCipherError);
    const [v, kid, iv, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    assert.throws(() => cipher.open([v, kid, iv, flipped.toString('base64url')].join('.'), 'child-record:foyer-dupont:m-lea:allergies'), FieldCipherError);
    assert.throws(() => new FieldCipher(randomBytes(32)).open(sealed, 'child-record:foyer-dupont:m-lea:allergies'), /not with the key in use/);
  });

  it('logs each reading (who, which child, why) without the data; a pending update is sealed too', async () => {
    const paul = await citizen(server, 'paul.dupont');
    const before = (await server.store.healthAudit.listForHouseholds(['foyer-dupont'])).length;
    assert.equal((await paul.call('GET', '/api/v1/household/children/m-lea/record')).status, 200);
    const update = await paul.call('POST', '/api/v1/household/children/m-lea/record-updates', {
      body: { allergies: 'Pollen de bouleau', doctor: { name: 'Dr Sami Haddad' } },
    });
    assert.equal((await paul.call('GET', `/api/v1/requests/${update.json.id}`)).json.details.record.allergies, 'Pollen de bouleau');
    const reads = (await server.store.healthAudit.listForHouseholds(['foyer-dupont'])).slice(before);
    const paulId = (await server.store.accounts.findByLogin('paul.dupont', true))!.id;
    assert.deepEqual(
      reads.map((r) => [r.actor.kind === 'account' && r.actor.accountId === paulId, r.childId, r.purpose]),
      [[true, 'm-lea', 'child-record'], [true, 'm-lea', 'request-detail']],
    );
    const file = await server.dataFile();
    for (const text of ['Pollen de bouleau', 'Sami Haddad']) assert.ok(!file.includes(text), `"${text}" in clear in the data file`);
    assert.ok(!JSON.stringify(JSON.parse(file).healthAudit).includes('Arachide'));
  });
});

describe('dashboard: the data key', () => {
  it('is created once beside the data file, readable by its owner only, and reused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citizen-key-'));
    try {
      const first = await loadDataKey({}, join(dir, 'db.json'));
      const info = await stat(join(dir, 'data-key'));
      assert.equal(info.mode & 0o777, 0o600);
      assert.equal((await loadDataKey({}, join(dir, 'db.json'))).keyId, first.keyId);
      assert.ok(!(await readFile(join(dir, 'data-key'), 'utf8')).includes(first.keyId));
      // DATA_KEY wins over the file: hex or base64, 32 bytes exactly.
      const key = randomBytes(32);
      assert.equal((await loadDataKey({ DATA_KEY: key.toString('hex') }, join(dir, 'db.json'))).keyId, new FieldCipher(key).keyId);
      assert.equal((await loadDataKey({ DATA_KEY: key.toString('base64') }, join(dir, 'db.json'))).keyId, new FieldCipher(key).keyId);
      await assert.rejects(loadDataKey({ DATA_KEY: 'trop-court' }, join(dir, 'db.json')), ConfigError);
      await assert.rejects(loadDataKey({ DATA_KEY: randomBytes(31).toString('hex') }, join(dir, 'db.json')), /DATA_KEY: must be 32 bytes/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('another key than the one that sealed the data: the server refuses to start, the file untouched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citizen-key-'));
    const env = { PORT: '0', DATA_FILE: join(dir, 'db.json') };
    try {
      const first = await startServer(env, { backups: false });
      await first.close();
      const before = await readFile(join(dir, 'db.json'), 'utf8');
      await assert.rejects(
        startServer({ ...env, DATA_KEY: randomBytes(32).toString('base64') }, { backups: false }),
        (error: Error) => error instanceof ConfigError && /encrypted with key [0-9a-f]{16}, but the data key in use is/.test(error.message) && /left untouched/.test(error.message),
      );
      assert.equal(await readFile(join(dir, 'db.json'), 'utf8'), before);
      // With its own key (the file beside it), it starts again and the records open.
      const again = await startServer(env, { backups: false });
      const marie = await citizen(again, 'marie.dupont');
      assert.equal((await marie.call('GET', '/api/v1/household/children/m-lea/record')).json.allergies, 'Arachide et fruits à coque');
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
