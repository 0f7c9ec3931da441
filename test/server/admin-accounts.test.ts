// SPDX-License-Identifier: MIT
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { AdminUsageError, runCommand, type AdminContext } from '../../demo-server/admin/commands.js';
import { SERVICE_KEY_BITS } from '../../demo-server/auth/service-keys.js';
import { Client, startTestServer, type TestServer } from './helpers.js';
import { cityFile, latestMailTo, NEW_PASSWORD, outboxMails, signupForm, tokenIn, waitForMails } from './signup-helpers.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

describe('admin: staff activation and family records', () => {
  let server: TestServer;
  let ctx: AdminContext;
  before(async () => {
    // Both modes: the citizen gets a link, and staff may activate as well.
    server = await startTestServer({ CITY_CONFIG: await cityFile({ captcha: 'none', activationModes: ['staff', 'email'] }) });
    ctx = { store: server.store, city: server.config.city, outboxDir: server.outboxDir, mailer: server.mailer, publicUrl: server.config.publicUrl };
  });
  after(() => server.stop());

  const signUp = async (n: number | string, extra: Record<string, unknown> = {}) => {
    const res = await new Client(server.url).call('POST', '/api/v1/accounts', { body: signupForm(n, extra) });
    assert.equal(res.status, 201, res.text);
  };

  it('lists pending accounts, activates one by username and mails its holder', async () => {
    await signUp(1);
    await waitForMails(server.outboxDir, 1);
    const link = tokenIn(await latestMailTo(server.outboxDir, 'lucie.martin1@example.fr'));
    const pending = await runCommand(ctx, ['accounts:pending']);
    assert.match(pending, /^username\tstatus\tname\temail\thousehold\tsigned up\n/);
    assert.match(pending, /lucie\.martin1\tpending-email\tLucie MARTIN\tlucie\.martin1@example\.fr\t-\t/);
    assert.doesNotMatch(pending, /marie\.dupont/, 'active accounts are not listed');

    const out = await runCommand(ctx, ['accounts:activate', 'Lucie.Martin1']);
    assert.match(out, /Activated lucie\.martin1/);
    assert.equal((await server.store.accounts.findByLogin('lucie.martin1', true))?.status, 'active');
    const [, mail] = await waitForMails(server.outboxDir, 2);
    assert.equal(mail!.subject, 'Ville de Démo - Activation de votre espace personnel');
    assert.match(mail!.text!, /^Bonjour Mme Lucie MARTIN,\n/);
    assert.match(mail!.text!, /Votre espace a bien été activé pour le nom d'utilisateur : lucie\.martin1\./);
    assert.match(mail!.text!, new RegExp(`${server.config.publicUrl.origin}/connexion`));
    assert.ok(!mail!.text!.includes(NEW_PASSWORD));
    assert.equal((await new Client(server.url).logIn('lucie.martin1', NEW_PASSWORD)).status, 200);
    // The mailed link died with the staff activation.
    const late = await new Client(server.url).call('POST', '/api/v1/accounts/activation', { body: { token: link } });
    assert.equal(late.json.code, 'token_invalid');
    assert.equal(await runCommand(ctx, ['accounts:pending']), 'No accounts waiting for activation.');
  });

  it('reports activation mistakes precisely and changes nothing', async () => {
    await assert.rejects(runCommand(ctx, ['accounts:activate']), (e: Error) => e instanceof AdminUsageError && /exactly one username/.test(e.message));
    await assert.rejects(runCommand(ctx, ['accounts:activate', 'personne']), /No account with username personne/);
    await assert.rejects(runCommand(ctx, ['accounts:activate', 'marie.dupont@example.fr']), /No account with username/);
    await assert.rejects(runCommand(ctx, ['accounts:activate', 'marie.dupont']), /already active/);
    await assert.rejects(runCommand(ctx, ['accounts:activate', 'a', 'b']), /exactly one username/);
    await assert.rejects(runCommand(ctx, ['accounts:pending', '--all']), AdminUsageError);
  });

  it('creates a family record, prints its key once, keeps only its hash; the key then links a sign-up', async () => {
    const out = await runCommand(ctx, [
      'households:create', '--name', 'Famille Lefèvre',
      '--member', 'parent:Claire:Lefèvre:1988-02-01:MME',
      '--member', 'child:Tom:Lefèvre:2019-06-30',
    ]);
    assert.match(out, /^Created household foyer-lefevre \("Famille Lefèvre"\) with 2 member\(s\)\./);
    const key = /Clé Enfance: (\S+)/.exec(out)?.[1];
    assert.match(key ?? '', /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/, 'no 0/O/1/I/L, in groups');
    assert.ok(SERVICE_KEY_BITS >= 60, `${SERVICE_KEY_BITS} bits`);
    const household = await server.store.households.get('foyer-lefevre');
    assert.deepEqual(household?.members.map((m) => [m.role, m.firstNames, m.birthDate]), [
      ['parent', 'Claire', '1988-02-01'],
      ['child', 'Tom', '2019-06-30'],
    ]);
    assert.match(household!.keyHashes.enfance!, /^[0-9a-f]{64}$/);
    assert.ok(!(await readFile(server.config.dataFile, 'utf8')).includes(key!.replace(/-/g, '')), 'the key is not in the data file');
    assert.ok(!(await readFile(server.config.dataFile, 'utf8')).includes(key!));

    const again = await runCommand(ctx, ['households:create', '--name', 'Famille Lefèvre']);
    assert.match(again, /Created household foyer-lefevre-2 /);
    assert.notEqual(/Clé Enfance: (\S+)/.exec(again)?.[1], key);

    await signUp(2, { identity: { civility: 'MME', lastName: 'Lefèvre', firstNames: 'Claire' }, serviceKeys: { enfance: key!.toLowerCase() } });
    assert.equal((await server.store.accounts.findByLogin('lucie.martin2', true))?.householdId, 'foyer-lefevre');
    assert.match(await runCommand(ctx, ['accounts:pending']), /lucie\.martin2\tpending-email\tClaire LEFÈVRE\t\S+\tfoyer-lefevre\t/);
  });

  it('reports family-record mistakes precisely and stores nothing', async () => {
    const before = (await server.store.households.list()).length;
    await assert.rejects(runCommand(ctx, ['households:create']), /--name is required/);
    await assert.rejects(runCommand(ctx, ['households:create', '--name', 'X', '--member', 'aunt:Rose:Petit']), /--member "aunt:Rose:Petit" \(number 1\): role/);
    await assert.rejects(runCommand(ctx, ['households:create', '--name', 'X', '--member', 'child:Rose']), /first names and last name are required/);
    await assert.rejects(runCommand(ctx, ['households:create', '--name', 'X', '--member', 'child:Rose:Petit:31/12/2019']), /birthDate invalid_date/);
    await assert.rejects(runCommand(ctx, ['households:create', '--name', 'X', '--service', 'cantine']), /--service cantine: not a service of the city \(known: enfance\)/);
    await assert.rejects(runCommand(ctx, ['households:create', '--name', 'X', '--id', 'foyer-dupont']), /already exists/);
    await assert.rejects(runCommand(ctx, ['households:create', '--name', 'X', '--id', 'Foyer Dupont']), /--id Foyer Dupont: use lowercase/);
    await assert.rejects(runCommand(ctx, ['households:create', '--nom', 'X']), AdminUsageError);
    assert.equal((await server.store.households.list()).length, before);
  });

  it('runs from the command line through the running server', async () => {
    await signUp(3);
    const env = { ...process.env, DATA_FILE: server.config.dataFile, PORT: new URL(server.url).port, CITY_CONFIG: server.config.cityFile };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'demo-server/admin.ts', 'accounts:activate', 'lucie.martin3'], { cwd: root, env });
    assert.match(stdout, /Activated lucie\.martin3; a mail tells lucie\.martin3@example\.fr/);
    const mails = await outboxMails(server.outboxDir);
    assert.equal(mails.at(-1)!.subject, 'Ville de Démo - Activation de votre espace personnel');
    const bad = await run(process.execPath, ['--import', 'tsx', 'demo-server/admin.ts', 'households:create'], { cwd: root, env }).catch((e) => e);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--name is required/);
  });
});
