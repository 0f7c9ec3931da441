// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, startTestServer } from './helpers.js';
import { startServer } from '../../demo-server/server.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

/** Runs `npm run admin -- …` as an operator would (without npm's banner). */
async function admin(env: Record<string, string>, ...argv: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'demo-server/admin.ts', ...argv], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('admin CLI', () => {
  it('lists and creates accounts on the data file when no server runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citizen-admin-'));
    const env = { DATA_FILE: join(dir, 'db.json') };
    try {
      // Seed the file once, as `npm start` would have.
      await (await startServer({ ...env, PORT: '0' }, { backups: false })).close();
      const list = await admin(env, 'accounts:list');
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /marie\.dupont\tactive\tMarie DUPONT/);

      const created = await admin(env, 'accounts:create', '--username', 'jean.martin', '--email', 'jean.martin@example.fr',
        '--civility', 'M', '--first-names', 'Jean', '--last-name', 'Martin', '--generate-password', '--household', 'foyer-dupont');
      assert.equal(created.code, 0, created.stderr);
      const password = /Generated password .*: (\S+)/.exec(created.stdout)?.[1];
      assert.ok(password && password.length >= 20);

      const server = await startServer({ ...env, PORT: '0' }, { backups: false });
      try {
        const login = await new Client(server.url).logIn('jean.martin', password);
        assert.equal(login.status, 200);
        assert.equal(login.json.session.mustChangePassword, true, 'a generated password must be changed');
      } finally {
        await server.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports bad arguments precisely, exit code 2, and stores nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citizen-admin-'));
    const env = { DATA_FILE: join(dir, 'db.json') };
    try {
      const bad = await admin(env, 'accounts:create', '--username', 'x', '--email', 'nope', '--civility', 'Z',
        '--first-names', 'A', '--last-name', 'B', '--password', 'a');
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--username: username_too_short/);
      assert.match(bad.stderr, /--email: invalid_email/);
      assert.match(bad.stderr, /--civility/);
      const weak = await admin(env, 'accounts:create', '--username', 'jean.martin', '--email', 'jean@example.fr',
        '--civility', 'M', '--first-names', 'Jean', '--last-name', 'Martin', '--password', 'azertyuiop123');
      assert.equal(weak.code, 2);
      assert.match(weak.stderr, /--password refused/);
      const unknown = await admin(env, 'accounts:nuke');
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /Unknown command "accounts:nuke"/);
      const option = await admin(env, 'accounts:list', '--force');
      assert.equal(option.code, 2);
      const list = await admin(env, 'accounts:list');
      assert.match(list.stdout, /No accounts/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('goes through the running server when it holds the data file', async () => {
    const server = await startTestServer();
    try {
      const env = { DATA_FILE: server.config.dataFile, PORT: new URL(server.url).port };
      const created = await admin(env, 'accounts:create', '--username', 'lucie.bernard', '--email', 'lucie@example.fr',
        '--civility', 'MME', '--first-names', 'Lucie', '--last-name', 'Bernard', '--password', 'Tournesol-Violette-88');
      assert.equal(created.code, 0, created.stderr);
      assert.ok(await server.store.accounts.findByLogin('lucie.bernard', true), 'created in the running server');
      const dup = await admin(env, 'accounts:create', '--username', 'Lucie.Bernard', '--email', 'autre@example.fr',
        '--civility', 'MME', '--first-names', 'Lucie', '--last-name', 'Bernard', '--password', 'Tournesol-Violette-88');
      assert.equal(dup.code, 2);
      assert.match(dup.stderr, /username is already used/);
    } finally {
      await server.stop();
    }
  });

  it('refuses the admin API without the token', async () => {
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.url}/admin/v1/run`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer wrong' },
        body: JSON.stringify({ argv: ['accounts:list'] }),
      });
      assert.equal(res.status, 401);
    } finally {
      await server.stop();
    }
  });
});
