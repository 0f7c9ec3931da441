// SPDX-License-Identifier: MIT
/**
 * For the dashboard's server tests (issue 6): a server with the seeded Dupont family, staff
 * commands run in process, citizens logged in with the terms accepted, and a second family
 * (the Martins) to show that one family never reaches another's data.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand, type AdminContext } from '../../demo-server/admin/commands.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { Client, startTestServer, type TestServer } from './helpers.js';

export const MARTIN_PASSWORD = 'Tournesol-Violette-8412';

export interface DashboardServer extends TestServer {
  /** The admin commands' context, with the data key's cipher. */
  ctx: AdminContext;
  staff(...argv: string[]): Promise<string>;
  /** The data file as it is on disk. */
  dataFile(): Promise<string>;
}

export async function startDashboardServer(env: Record<string, string> = {}): Promise<DashboardServer> {
  const server = await startTestServer(env);
  const ctx: AdminContext = {
    store: server.store,
    city: server.config.city,
    outboxDir: server.outboxDir,
    mailer: server.mailer,
    publicUrl: server.config.publicUrl,
    cipher: server.cipher,
  };
  return Object.assign(server, {
    ctx,
    staff: (...argv: string[]) => runCommand(ctx, argv),
    dataFile: () => readFile(join(server.dir, 'db.json'), 'utf8'),
  });
}

/** Logs in and accepts the current terms, as `<cgu-gate>` would. */
export async function citizen(server: { url: string }, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const client = new Client(server.url);
  const login = await client.logIn(username, password);
  assert.equal(login.status, 200, login.text);
  if (login.json.session.mustAcceptTerms) {
    const terms = await client.call('GET', '/api/v1/terms');
    const accepted = await client.call('POST', '/api/v1/terms/acceptances', { body: { version: terms.json.version, textHash: terms.json.textHash } });
    assert.equal(accepted.status, 201, accepted.text);
  }
  return client;
}

/** A second family: "Famille Martin" with its parent's account and a child, `m-2`. */
export async function martinFamily(server: DashboardServer) {
  const created = await server.staff(
    'households:create', '--name', 'Famille Martin', '--id', 'foyer-martin',
    '--member', 'parent:Lucie:Martin:1990-05-17:MME', '--member', 'child:Tom:Martin:2019-06-30',
  );
  const key = /Clé Enfance: (\S+)/.exec(created)![1]!;
  await server.staff(
    'accounts:create', '--username', 'lucie.martin', '--email', 'lucie.martin@example.fr', '--civility', 'MME',
    '--first-names', 'Lucie', '--last-name', 'Martin', '--password', MARTIN_PASSWORD, '--household', 'foyer-martin',
  );
  return { key, householdId: 'foyer-martin', childId: 'm-2', client: await citizen(server, 'lucie.martin', MARTIN_PASSWORD) };
}

/** An account linked to no household yet (as after a sign-up without a key). */
export async function familylessAccount(server: DashboardServer, username = 'nora.petit') {
  await server.staff(
    'accounts:create', '--username', username, '--email', `${username}@example.fr`, '--civility', 'MME',
    '--first-names', 'Nora', '--last-name', 'Petit', '--password', MARTIN_PASSWORD,
  );
  return citizen(server, username, MARTIN_PASSWORD);
}

export async function accountOf(server: DashboardServer, username: string) {
  const account = await server.store.accounts.findByLogin(username, true);
  assert.ok(account, `no account ${username}`);
  return account;
}
