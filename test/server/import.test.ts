// SPDX-License-Identifier: MIT
/**
 * `accounts:import` (journey J3, seeds 001 and 003): the CSV reader, the all-or-nothing
 * checks, the mails of both modes, and the command line through a running server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ParsedMail } from 'mailparser';
import { AdminUsageError, runCommand, type AdminContext } from '../../demo-server/admin/commands.js';
import { CsvSyntaxError, detectDelimiter, parseCsv } from '../../demo-server/admin/csv.js';
import { generateReadablePassword } from '../../demo-server/admin/import-accounts.js';
import { listOutbox } from '../../demo-server/mail/mailer.js';
import { Client, startTestServer, type TestServer } from './helpers.js';
import { cityFile, latestMailTo, NEW_PASSWORD, tokenIn, waitForMails } from './signup-helpers.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const BOM = '\uFEFF';
const HEADER = 'username;email;civility;first_names;last_name;birth_date;mobile;street;postcode;commune;household_id';

/** The token of a mail's link to the first-password page. */
function setupTokenIn(mail: ParsedMail | undefined): string {
  const token = /\/choix-du-mot-de-passe\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`No first-password link in: ${mail?.text}`);
  return token;
}

describe('the CSV reader', () => {
  it('reads semicolons and commas, told apart on the header line', () => {
    assert.equal(detectDelimiter('a;b;c\n1,5;2;3'), ';');
    assert.equal(detectDelimiter('a,b,c\n1;2,3'), ',');
    assert.equal(detectDelimiter('"a;b",c,d\n'), ',', 'separators inside quotes do not count');
    assert.equal(detectDelimiter('\n\nusername;email'), ';', 'blank lines before the header');
    assert.deepEqual(parseCsv('a,b\n1,2\n', ','), [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('reads quoted values: separators, doubled quotes, line breaks (and keeps the line numbers right)', () => {
    const text = 'name;note\r\n"Dupont; Marie";"dit ""la petite"""\r\n"Martin";"deux\r\nlignes"\r\nLefèvre;""\r\nsans;"fin\nici\net là"\nfin;ok';
    assert.deepEqual(parseCsv(text, ';'), [
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Dupont; Marie', 'dit "la petite"'] },
      { line: 3, fields: ['Martin', 'deux\nlignes'] },
      { line: 5, fields: ['Lefèvre', ''] },
      { line: 6, fields: ['sans', 'fin\nici\net là'] },
      { line: 9, fields: ['fin', 'ok'] },
    ]);
  });

  it('keeps blank lines as empty records (the importer skips them) and reads a last line without a break', () => {
    assert.deepEqual(parseCsv('a;b\n\n1;2\r\n\r\n;\n3;4', ';'), [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: [''] },
      { line: 3, fields: ['1', '2'] },
      { line: 4, fields: [''] },
      { line: 5, fields: ['', ''] },
      { line: 6, fields: ['3', '4'] },
    ]);
    assert.deepEqual(parseCsv('', ';'), []);
    assert.deepEqual(parseCsv('a\rb\r', ';'), [
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
    ], 'old Mac line endings');
  });

  it('takes a quote inside an unquoted value as it is, and refuses broken quoting with its line', () => {
    assert.deepEqual(parseCsv('O"Neil;x', ';'), [{ line: 1, fields: ['O"Neil', 'x'] }]);
    assert.throws(() => parseCsv('a;b\n1;"jamais fermé\n2;3\n', ';'), (e: Error) => e instanceof CsvSyntaxError && e.line === 2 && /never closed/.test(e.message));
    assert.throws(() => parseCsv('a;b\n1;2\n3;"x"y\n', ';'), (e: Error) => e instanceof CsvSyntaxError && e.line === 3 && /after a closing quote/.test(e.message));
  });
});

describe('accounts:import', () => {
  let server: TestServer;
  let ctx: AdminContext;
  let dir: string;
  before(async () => {
    server = await startTestServer({ PUBLIC_URL: 'https://citoyens.ville-de-demo.test/', CITY_CONFIG: await cityFile({ captcha: 'none', setupLinkHours: 240 }) });
    ctx = { store: server.store, city: server.config.city, outboxDir: server.outboxDir, mailer: server.mailer, publicUrl: server.config.publicUrl };
    dir = await mkdtemp(join(tmpdir(), 'citizen-import-'));
  });
  after(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  let files = 0;
  const csv = async (text: string | Buffer) => {
    const file = join(dir, `familles-${++files}.csv`);
    await writeFile(file, text);
    return file;
  };
  const importing = (file: string, ...options: string[]) => runCommand(ctx, ['accounts:import', file, ...options]);
  const refusal = async (file: string): Promise<string> => {
    let message = '';
    await assert.rejects(importing(file), (e: Error) => e instanceof AdminUsageError && Boolean((message = e.message)));
    return message;
  };
  const count = async () => (await server.store.accounts.list()).length;

  it('reports every bad row with its line and column, and imports nothing', async () => {
    const before = await count();
    const mails = (await listOutbox(server.outboxDir)).length;
    const file = await csv(
      [
        HEADER,
        'jean.martin;jean.martin@example.fr;M;Jean;Martin;1980-01-02;06 12 34 56 78;3 rue Haute;45000;Ville de Démo;',
        ';claire@example.fr;MME;Claire;Lefèvre;;;;;;',
        '',
        'tom.b;tom-at-example.fr;Mlle;Tom;;31/02/99;12;1 rue Basse;4500;;',
        'ok.row;ok.row@example.fr;MME;Anne;Petit;;;;;;foyer-inconnu',
        'trop;de;valeurs',
      ].join('\n'),
    );
    const message = await refusal(file);
    assert.match(message, /: \d+ problem\(s\); nothing was imported/);
    for (const expected of [
      'line 3, column username: required',
      'line 5, column civility: required',
      'line 5, column last_name: required',
      'line 5, column birth_date: invalid_date ("31/02/99")',
      'line 5, column email: invalid_email ("tom-at-example.fr")',
      'line 5, column mobile: invalid_phone ("12")',
      'line 5, column postcode: invalid_postcode ("4500")',
      'line 5, column commune: required',
      'line 6, column household_id: no such household ("foyer-inconnu")',
      'line 7: 3 value(s) where the header has 11 columns',
    ]) {
      assert.ok(message.includes(expected), `${expected} in:\n${message}`);
    }
    assert.doesNotMatch(message, /line 2/, 'the good row is not reported');
    assert.equal(await count(), before, 'nothing stored');
    assert.equal((await listOutbox(server.outboxDir)).length, mails, 'nothing mailed');
  });

  it('refuses duplicates within the file and with existing accounts', async () => {
    const before = await count();
    const file = await csv(
      [
        'username,email,civility,first_names,last_name',
        'anne.roux,anne.roux@example.fr,MME,Anne,Roux',
        'Anne.Roux,autre@example.fr,MME,Anne,Roux',
        'remi.roux,ANNE.ROUX@example.fr,M,Rémi,Roux',
        'marie.dupont,marie2@example.fr,MME,Marie,Dupont',
        'paul2,paul.dupont@example.fr,M,Paul,Dupont',
        'anne.roux@example.fr,nouvelle@example.fr,MME,Anne,Roux',
      ].join('\r\n'),
    );
    const message = await refusal(file);
    for (const expected of [
      'line 3, column username: duplicate of the username of line 2 ("Anne.Roux")',
      'line 4, column email: duplicate of the email of line 2 ("ANNE.ROUX@example.fr")',
      'line 5, column username: username_taken ("marie.dupont")',
      'line 6, column email: email_taken ("paul.dupont@example.fr")',
      'line 7, column username: duplicate of the email of line 2 ("anne.roux@example.fr")',
    ]) {
      assert.ok(message.includes(expected), `${expected} in:\n${message}`);
    }
    assert.equal(await count(), before);
  });

  it('refuses a file that is not the expected CSV, saying why', async () => {
    assert.match(await refusal(await csv('username;mail;civility;first_names;last_name\nx;y;M;a;b')), /unknown column "mail".*\n.*missing column "email"/s);
    assert.match(await refusal(await csv(`${HEADER}\n`)), /has a header but no accounts/);
    assert.match(await refusal(await csv('\n\n')), /is empty/);
    assert.match(await refusal(await csv(`${HEADER};email\n`)), /column "email" appears twice/);
    assert.match(await refusal(await csv(`${HEADER}\njean;"jean@example.fr;M\n`)), /line 2: a quoted value is never closed/);
    // Excel's plain "CSV (séparateur : point-virgule)" writes Windows-1252, not UTF-8.
    const latin1 = Buffer.from('username;email;civility;first_names;last_name\nh.lefevre;h@example.fr;MME;H\xe9l\xe8ne;Lef\xe8vre\n', 'latin1');
    assert.match(await refusal(await csv(latin1)), /is not UTF-8 text\. In Excel, save it as "CSV UTF-8/);
    assert.match(await refusal(join(dir, 'absent.csv')), /Cannot read .*absent\.csv: ENOENT/);
    await assert.rejects(runCommand(ctx, ['accounts:import']), /exactly one file/);
    await assert.rejects(runCommand(ctx, ['accounts:import', 'a.csv', '--force']), AdminUsageError);
  });

  it('imports a file as Excel writes it (BOM, semicolons, quotes, CRLF, blank rows), mailing a link to choose the password', async () => {
    const before = await count();
    const text =
      BOM +
      [
        HEADER,
        'claire.lefevre;claire.lefevre@example.fr;Madame;Claire;Lefèvre;14/03/1986;06 11 22 33 44;"12, rue des Lilas; bât. B";45000;Ville de Démo;foyer-dupont',
        ';;;;;;;;;;',
        '',
        '"remi.o-neil";"remi.oneil@example.fr";"M.";"Rémi ""Tom""";"O\'Neil";;;;;;',
        ';;;;;;;;;;',
      ].join('\r\n') +
      '\r\n';
    const file = await csv(text);
    assert.match(await importing(file, '--dry-run'), /2 account\(s\) can be imported; nothing was written/);
    assert.equal(await count(), before, 'a dry run writes nothing');

    const mailsBefore = (await listOutbox(server.outboxDir)).length;
    const out = await importing(file);
    assert.match(out, /^Imported 2 account\(s\) from familles-\d+\.csv; each holder was mailed a link to choose a password \(valid 240 h\):/);
    assert.match(out, /claire\.lefevre\tclaire\.lefevre@example\.fr\tmailed/);
    assert.equal(await count(), before + 2);

    const claire = (await server.store.accounts.findByLogin('claire.lefevre', true))!;
    assert.equal(claire.status, 'pending-email');
    assert.equal(claire.mustChangePassword, false);
    assert.equal(claire.householdId, 'foyer-dupont');
    assert.deepEqual(claire.identity, { civility: 'MME', lastName: 'Lefèvre', firstNames: 'Claire', birthDate: '1986-03-14' });
    assert.deepEqual(claire.address, { street: '12, rue des Lilas; bât. B', postcode: '45000', commune: 'Ville de Démo' });
    assert.equal(claire.contact.mobile, '06 11 22 33 44');
    const remi = (await server.store.accounts.findByLogin('remi.oneil@example.fr', true))!;
    assert.equal(remi.username, 'remi.o-neil');
    assert.deepEqual(remi.identity, { civility: 'M', lastName: "O'Neil", firstNames: 'Rémi "Tom"' });

    const mails = (await waitForMails(server.outboxDir, mailsBefore + 2)).slice(mailsBefore);
    const mail = mails.find((m) => m.to && !Array.isArray(m.to) && m.to.text === 'claire.lefevre@example.fr');
    assert.ok(mail);
    assert.equal(mail.subject, 'Ville de Démo - Création de votre espace personnel');
    assert.match(mail.text!, /^Bonjour Mme Claire LEFÈVRE,\n/);
    assert.match(mail.text!, /votre espace personnel a été automatiquement créé/);
    assert.match(mail.text!, /Votre nom d'utilisateur : claire\.lefevre/);
    assert.match(mail.text!, /https:\/\/citoyens\.ville-de-demo\.test\/choix-du-mot-de-passe\?token=/);
    assert.match(mail.text!, /valable 10 jours/);
    assert.match(mail.text!, /« J'ai oublié mon mot de passe » : https:\/\/citoyens\.ville-de-demo\.test\/mot-de-passe-oublie/);
    assert.doesNotMatch(mail.text!, /identifiants de connexion|• Mot de passe/, 'no password in the mail');

    // Nobody can log in until the holder chooses a password through the link.
    assert.equal((await new Client(server.url).logIn('claire.lefevre', 'Claire-Lefevre-1986')).status, 401);
    const token = setupTokenIn(mail);
    const check = await new Client(server.url).call('POST', '/api/v1/password/reset/check', { body: { token } });
    assert.deepEqual(check.json, { username: 'claire.lefevre' });
    const mailsNow = (await listOutbox(server.outboxDir)).length;
    const set = await new Client(server.url).call('POST', '/api/v1/password/reset', { body: { token, password: NEW_PASSWORD } });
    assert.equal(set.status, 204, set.text);
    assert.equal((await server.store.accounts.findByLogin('claire.lefevre', true))?.status, 'active');
    const login = await new Client(server.url).logIn('claire.lefevre', NEW_PASSWORD);
    assert.equal(login.status, 200);
    assert.equal(login.json.session.mustChangePassword, false);
    await new Promise((ok) => setTimeout(ok, 200));
    assert.equal((await listOutbox(server.outboxDir)).length, mailsNow, 'a first password is not a "password changed" mail');
    assert.equal(
      (await new Client(server.url).call('POST', '/api/v1/password/reset', { body: { token, password: 'Autre-Passerelle-2040' } })).json.code,
      'token_invalid',
    );
  });

  it('runs from the command line, through the running server, with a path relative to the operator’s folder', async () => {
    await writeFile(join(dir, 'relative.csv'), 'username;email;civility;first_names;last_name\nines.garcia;ines.garcia@example.fr;MME;Inès;Garcia\n');
    const env = { ...process.env, DATA_FILE: server.config.dataFile, PORT: new URL(server.url).port, CITY_CONFIG: server.config.cityFile };
    const tsx = import.meta.resolve('tsx');
    const admin = join(root, 'demo-server/admin.ts');
    const { stdout } = await run(process.execPath, ['--import', tsx, admin, 'accounts:import', 'relative.csv'], { cwd: dir, env });
    assert.match(stdout, /Imported 1 account\(s\) from relative\.csv/);
    assert.ok(await server.store.accounts.findByLogin('ines.garcia', true));
    const bad = await run(process.execPath, ['--import', tsx, admin, 'accounts:import', 'relative.csv'], { cwd: dir, env }).catch((e) => e);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /line 2, column username: username_taken \("ines\.garcia"\)/);
  });
});

describe('accounts:import for a city that keeps generated passwords', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    server = await startTestServer({ CITY_CONFIG: await cityFile({ captcha: 'none', importedPasswords: 'generated' }) });
    dir = await mkdtemp(join(tmpdir(), 'citizen-import-'));
  });
  after(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('mails the activation link and a generated password, and the first login must replace it', async () => {
    const ctx: AdminContext = { store: server.store, city: server.config.city, outboxDir: server.outboxDir, mailer: server.mailer, publicUrl: server.config.publicUrl };
    const file = join(dir, 'arpege.csv');
    await writeFile(file, 'username,email,civility,first_names,last_name\ntesta.arpege,testa.arpege@example.fr,MME,Testa,Arpège\n');
    const out = await runCommand(ctx, ['accounts:import', file]);
    assert.match(out, /an activation link and a generated password, to be replaced at first login/);
    assert.doesNotMatch(out, /Mot de passe|password: /, 'the operator does not see the password');

    const mail = await latestMailTo(server.outboxDir, 'testa.arpege@example.fr');
    assert.ok(mail);
    assert.equal(mail.subject, 'Ville de Démo - Création de votre espace personnel');
    assert.match(mail.text!, /^Bonjour Mme Testa ARPÈGE,\n/);
    assert.match(mail.text!, /automatiquement créé/);
    const password = /• Mot de passe : (\S+)/.exec(mail.text!)?.[1];
    assert.match(password ?? '', /^[a-km-zA-HJ-NP-Z2-9]{16}$/, 'readable: no 0, O, 1, l, I');
    assert.ok(!(await readFile(server.config.dataFile, 'utf8')).includes(password!), 'only its hash is stored');

    const account = (await server.store.accounts.findByLogin('testa.arpege', true))!;
    assert.equal(account.mustChangePassword, true);
    assert.equal((await new Client(server.url).logIn('testa.arpege', password!)).status, 403, 'not active before the link');
    const activation = await new Client(server.url).call('POST', '/api/v1/accounts/activation', { body: { token: tokenIn(mail) } });
    assert.equal(activation.status, 200, activation.text);

    const client = new Client(server.url);
    const login = await client.logIn('testa.arpege', password!);
    assert.equal(login.status, 200);
    assert.equal(login.json.session.mustChangePassword, true, 'the change screen comes first');
    assert.equal((await client.call('GET', '/api/v1/profile')).json.code, 'password_change_required');
    const change = await client.call('POST', '/api/v1/password/change', { body: { newPassword: NEW_PASSWORD } });
    assert.equal(change.status, 200, change.text);
    assert.equal(change.json.session.mustChangePassword, false);
  });

  it('generates unambiguous passwords', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(generateReadablePassword());
    assert.equal(seen.size, 200);
    assert.ok([...seen].every((p) => !/[0O1lI]/.test(p)));
  });
});
