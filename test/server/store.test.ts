// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { backupFolder, scheduleBackups } from '../../demo-server/store/backups.js';
import { openLowdbStore } from '../../demo-server/store/lowdb-store.js';
import {
  StoreConflictError,
  StoreNotFoundError,
  type AccountRecord,
  type SessionRecord,
  type Store,
} from '../../demo-server/store/types.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const writerScript = fileURLToPath(new URL('./fixtures/store-writer.ts', import.meta.url));

function account(n: number | string, overrides: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id: `acc-${n}`,
    username: `user-${n}`,
    email: `user-${n}@example.org`,
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    status: 'active',
    identity: { civility: 'MME', lastName: 'Dupont', firstNames: 'Marie' },
    contact: { email: `user-${n}@example.org`, preferred: 'email' },
    serviceKeys: [],
    mustChangePassword: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('lowdb store', () => {
  let dir: string;
  let file: string;
  const opened: Store[] = [];
  const open = async (options?: Parameters<typeof openLowdbStore>[1]) => {
    const store = await openLowdbStore(file, options ?? { backups: false });
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'citizen-store-'));
    file = path.join(dir, 'db.json');
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await rm(dir, { recursive: true, force: true });
  });

  describe('concurrency', () => {
    it('keeps all of 500 concurrent inserts', async () => {
      const store = await open();
      const results = await Promise.allSettled(Array.from({ length: 500 }, (_, i) => store.accounts.insert(account(i))));
      assert.equal(results.filter((result) => result.status === 'fulfilled').length, 500);
      await store.close();
      const reopened = await open();
      assert.equal((await reopened.accounts.list()).length, 500);
    });

    it('stores only one of two concurrent inserts of the same username, whatever its case', async () => {
      const store = await open();
      const results = await Promise.allSettled([
        store.accounts.insert(account(1, { username: 'Marie.Dupont' })),
        store.accounts.insert(account(2, { username: 'marie.dupont' })),
      ]);
      assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
      const failure = results.find((result) => result.status === 'rejected');
      assert.ok(failure?.reason instanceof StoreConflictError);
      assert.equal(failure.reason.field, 'username');
      assert.equal((await store.accounts.list()).length, 1);
    });

    it('stores only one of two concurrent inserts of the same e-mail address, whatever its case', async () => {
      const store = await open();
      const results = await Promise.allSettled([
        store.accounts.insert(account(1, { email: 'Marie@Example.org' })),
        store.accounts.insert(account(2, { email: 'marie@example.org' })),
      ]);
      assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
      const failure = results.find((result) => result.status === 'rejected');
      assert.ok(failure?.reason instanceof StoreConflictError);
      assert.equal(failure.reason.field, 'email');
      assert.equal((await store.accounts.list()).length, 1);
    });

    it('does not let a rejected mutation keep its batch from being written', async () => {
      const store = await open();
      await store.accounts.insert(account('taken'));
      const results = await Promise.allSettled([
        store.accounts.insert(account(1)),
        store.accounts.insert(account(2, { username: 'USER-TAKEN' })),
        store.accounts.insert(account(3)),
      ]);
      assert.deepEqual(results.map((result) => result.status), ['fulfilled', 'rejected', 'fulfilled']);
      await store.close();
      const reopened = await open();
      assert.deepEqual((await reopened.accounts.list()).map((a) => a.id).sort(), ['acc-1', 'acc-3', 'acc-taken']);
    });
  });

  describe('durability', () => {
    it('keeps every acknowledged insert when the server is killed with SIGKILL', { timeout: 45_000 }, async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', writerScript, file], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const acknowledged: string[] = [];
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        const giveUp = setTimeout(() => reject(new Error(`only ${acknowledged.length} writes in 20 s: ${stderr}`)), 20_000);
        child.once('exit', (code) => {
          clearTimeout(giveUp);
          reject(new Error(`writer exited early (${code}): ${stderr}`));
        });
        createInterface({ input: child.stdout }).on('line', (id) => {
          acknowledged.push(id);
          if (acknowledged.length === 300) {
            clearTimeout(giveUp);
            child.kill('SIGKILL');
            resolve();
          }
        });
      }).catch((error: unknown) => {
        child.kill('SIGKILL');
        throw error;
      });
      await exited;

      const text = await readFile(file, 'utf8');
      assert.doesNotThrow(() => JSON.parse(text), 'the data file parses');
      let store: Store | undefined;
      for (const deadline = Date.now() + 10_000; !store; ) {
        try {
          store = await open();
        } catch (error) {
          if (!/already using/.test(String(error)) || Date.now() > deadline) throw error;
          await sleep(250);
        }
      }
      const stored = new Set((await store.accounts.list()).map((a) => a.id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged writes lost`);
    });

    it('rejects the callers of a failed write and forgets their changes', async () => {
      const store = await open();
      await store.accounts.insert(account(1));
      // A folder in the data file's place makes the atomic rename fail, even for root.
      await rm(file);
      await mkdir(file);
      await assert.rejects(store.accounts.insert(account(2)), { code: 'EISDIR' });
      assert.equal(await store.accounts.get('acc-2'), undefined);
      await rm(file, { recursive: true });
      await store.accounts.insert(account(3));
      await store.close();
      const reopened = await open();
      assert.deepEqual((await reopened.accounts.list()).map((a) => a.id), ['acc-1', 'acc-3']);
    });
  });

  describe('one writer per file', () => {
    it('refuses a second open of the same file until the first is closed', async () => {
      const first = await open();
      await assert.rejects(openLowdbStore(file, { backups: false }), /Another demo server is already using .*db\.json/);
      await first.close();
      const second = await open();
      await second.accounts.insert(account(1));
      assert.equal((await second.accounts.list()).length, 1);
    });
  });

  describe('damaged files', () => {
    for (const [name, bytes] of [
      ['an empty file', ''],
      ['a malformed file', '{"version": 1, "accounts": [{"id": "a"'],
    ] as const) {
      it(`refuses to open ${name} and leaves it untouched`, async () => {
        await writeFile(file, bytes);
        await assert.rejects(open({}), (error: Error) => {
          assert.match(error.message, /db\.json/);
          assert.match(error.message, /left untouched/);
          return true;
        });
        assert.equal(await readFile(file, 'utf8'), bytes);
        assert.deepEqual(await readdir(dir), ['db.json'], 'no backup or lock left behind');
      });
    }
  });

  describe('copies and errors', () => {
    it('returns copies from get, update and list', async () => {
      const store = await open();
      await store.accounts.insert(account(1));
      const got = await store.accounts.get('acc-1');
      assert.ok(got);
      got.username = 'changed';
      got.serviceKeys.push({ serviceId: 'x', linkedAt: 'now' });
      const updated = await store.accounts.update('acc-1', { status: 'disabled' });
      updated.status = 'active';
      (await store.accounts.list())[0]!.email = 'changed@example.org';
      assert.deepEqual(await store.accounts.get('acc-1'), account(1, { status: 'disabled' }));
    });

    it('does not keep a reference to the inserted object', async () => {
      const store = await open();
      const record = account(1);
      await store.accounts.insert(record);
      record.username = 'changed';
      assert.equal((await store.accounts.get('acc-1'))?.username, 'user-1');
    });

    it('rejects the update of a missing account with StoreNotFoundError', async () => {
      const store = await open();
      await assert.rejects(store.accounts.update('nobody', { status: 'active' }), StoreNotFoundError);
    });

    it('rejects an update that takes another account’s username', async () => {
      const store = await open();
      await store.accounts.insert(account(1));
      await store.accounts.insert(account(2));
      await assert.rejects(store.accounts.update('acc-2', { username: 'USER-1' }), { field: 'username' });
      assert.equal((await store.accounts.get('acc-2'))?.username, 'user-2');
    });

    it('finds an account by username or e-mail, with or without case', async () => {
      const store = await open();
      await store.accounts.insert(account(1, { username: 'Oliv-Test', email: 'oliv@example.org' }));
      assert.equal((await store.accounts.findByLogin('Oliv-Test', false))?.id, 'acc-1');
      assert.equal(await store.accounts.findByLogin('oliv-test', false), undefined);
      assert.equal((await store.accounts.findByLogin('oliv-test', true))?.id, 'acc-1');
      assert.equal((await store.accounts.findByLogin('OLIV@example.org', true))?.id, 'acc-1');
    });
  });

  describe('sessions', () => {
    it('deleteExpired removes idle and absolute-expired sessions only', async () => {
      const store = await open();
      const now = new Date('2025-06-01T12:00:00.000Z');
      const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
      const session = (idHash: string, lastSeenAt: string, expiresAt: string): SessionRecord => ({
        idHash,
        accountId: 'acc-1',
        createdAt: at(-600),
        lastSeenAt,
        expiresAt,
      });
      await store.sessions.insert(session('fresh', at(-5), at(60)));
      await store.sessions.insert(session('idle', at(-31), at(60)));
      await store.sessions.insert(session('expired', at(-1), at(-1)));
      assert.equal(await store.sessions.deleteExpired(now, 30 * 60_000), 2);
      assert.ok(await store.sessions.get('fresh'));
      assert.equal(await store.sessions.get('idle'), undefined);
      assert.equal(await store.sessions.get('expired'), undefined);
    });
  });

  describe('backups', () => {
    it('backs up an existing valid file at start-up', async () => {
      const fresh = await open({ backups: {} });
      await assert.rejects(readdir(backupFolder(file)), { code: 'ENOENT' }, 'nothing to back up on a fresh start');
      await fresh.accounts.insert(account(1));
      await fresh.close();
      const store = await open({ backups: {} });
      const backups = await readdir(backupFolder(file));
      assert.equal(backups.length, 1);
      assert.match(backups[0]!, /^db\.\d{4}-\d{2}-\d{2}T[\d-]+\.\d{3}Z\.json$/);
      await store.close();
    });

    it('keeps only the newest backups', async () => {
      const store = await open();
      await store.accounts.insert(account(1));
      const schedule = scheduleBackups(file, { keep: 2 });
      const made: string[] = [];
      for (let i = 0; i < 4; i++) {
        made.push(path.basename(await schedule.runNow()));
        await sleep(5);
      }
      await schedule.stop();
      assert.deepEqual((await readdir(backupFolder(file))).sort(), made.slice(-2));
      assert.equal(JSON.parse(await readFile(path.join(backupFolder(file), made[3]!), 'utf8')).accounts.length, 1);
    });
  });
});
