// SPDX-License-Identifier: MIT
/**
 * Journey J6 on the server: the terms from Markdown, the acceptance kept as proof, the
 * status, family data refused until the current version is accepted, a new version asking
 * again while the history keeps the old acceptance.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../demo-server/server.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { markdownToTerms } from '../../demo-server/terms/markdown.js';
import { Profile } from '../../src/schemas/profile.js';
import { Terms, TermsStatus } from '../../src/schemas/terms.js';
import { Client, startTestServer, type TestServer } from './helpers.js';

const citiesDir = new URL('../../demo-server/cities/', import.meta.url);
const demoCity = JSON.parse(await readFile(new URL('ville-de-demo.json', citiesDir), 'utf8'));
const currentFile = new URL('terms/ville-de-demo/2026-09.md', citiesDir);
const currentSource = await readFile(currentFile, 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function loggedIn(server: { url: string }, username = 'marie.dupont') {
  const client = new Client(server.url);
  const login = await client.logIn(username, DEMO_PASSWORD);
  assert.equal(login.status, 200);
  return { client, session: login.json.session };
}

describe('terms of use (API)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.stop());

  it('serves the current terms as structure, with the SHA-256 of the exact file', async () => {
    const res = await new Client(server.url).call('GET', '/api/v1/terms');
    assert.equal(res.status, 200);
    const terms = Terms.parse(res.json);
    assert.equal(terms.version, '2026-09');
    assert.equal(terms.publishedOn, '2026-09-01');
    assert.equal(terms.title, "Conditions générales d'utilisation de l'espace citoyen");
    assert.equal(terms.textHash, sha256(currentSource));
    const headings = terms.blocks.filter((b) => b.type === 'heading' && b.level === 2).map((b) => (b as { text: string }).text);
    assert.deepEqual(headings, [
      'Préambule',
      'Définitions',
      'Objet',
      'Accès au service',
      "Création et sécurité de l'espace",
      'Données personnelles',
      'Responsabilités',
      'Modification des CGU',
      'Droit applicable',
    ]);
    assert.ok(terms.blocks.some((b) => b.type === 'list' && b.ordered));
    assert.doesNotMatch(JSON.stringify(terms), /<[a-z]|\*\*/i, 'no HTML and no Markdown markup in the payload');
  });

  it('serves an older version on request, and 404 for one that does not exist', async () => {
    const client = new Client(server.url);
    const old = await client.call('GET', '/api/v1/terms?version=2025-03');
    assert.equal(old.status, 200);
    assert.equal(old.json.version, '2025-03');
    assert.notEqual(old.json.textHash, sha256(currentSource));
    const missing = await client.call('GET', '/api/v1/terms?version=..%2F..%2Fville-de-demo');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.code, 'not_found');
  });

  it('asks for a session for the status and the acceptance', async () => {
    const client = new Client(server.url);
    assert.equal((await client.call('GET', '/api/v1/terms/status')).json.code, 'not_authenticated');
    const post = await client.call('POST', '/api/v1/terms/acceptances', { body: { version: '2026-09', textHash: sha256(currentSource) } });
    assert.equal(post.status, 401);
    assert.equal((await client.call('GET', '/api/v1/profile')).status, 401);
  });

  it('refuses family data before acceptance with terms_not_accepted, records the acceptance, then serves it', async () => {
    const { client, session } = await loggedIn(server);
    assert.equal(session.mustAcceptTerms, true, 'the seeded family has not accepted the terms');

    const status = await client.call('GET', '/api/v1/terms/status');
    assert.equal(status.status, 200);
    assert.deepEqual(TermsStatus.parse(status.json), { currentVersion: '2026-09', mustAccept: true });

    const refused = await client.call('GET', '/api/v1/profile');
    assert.equal(refused.status, 403);
    assert.equal(refused.json.code, 'terms_not_accepted');

    // Wrong hash, old version, unknown version, malformed body: each refused precisely.
    const wrongHash = await client.call('POST', '/api/v1/terms/acceptances', { body: { version: '2026-09', textHash: sha256('autre texte') } });
    assert.equal(wrongHash.status, 409);
    assert.deepEqual([wrongHash.json.code, wrongHash.json.fields], ['conflict', { textHash: 'terms_text_changed' }]);
    const oldTerms = (await client.call('GET', '/api/v1/terms?version=2025-03')).json;
    const old = await client.call('POST', '/api/v1/terms/acceptances', { body: { version: '2025-03', textHash: oldTerms.textHash } });
    assert.equal(old.status, 409);
    assert.deepEqual([old.json.code, old.json.fields], ['conflict', { version: 'terms_outdated' }]);
    assert.match(old.json.message, /replaced by version 2026-09/);
    const unknown = await client.call('POST', '/api/v1/terms/acceptances', { body: { version: '1999-01', textHash: 'x' } });
    assert.deepEqual([unknown.status, unknown.json.fields], [400, { version: 'unknown_version' }]);
    const malformed = await client.call('POST', '/api/v1/terms/acceptances', { body: { version: '2026-09' } });
    assert.deepEqual([malformed.status, malformed.json.code], [400, 'validation_failed']);
    assert.equal((await client.call('GET', '/api/v1/profile')).status, 403, 'still refused');

    const before = Date.now();
    const accepted = await client.call('POST', '/api/v1/terms/acceptances', { body: { version: '2026-09', textHash: sha256(currentSource) } });
    assert.equal(accepted.status, 201);
    const acceptedStatus = TermsStatus.parse(accepted.json);
    assert.equal(acceptedStatus.mustAccept, false);
    assert.equal(acceptedStatus.acceptedVersion, '2026-09');

    // The proof: account, version, hash of the exact text, time.
    const account = (await server.store.accounts.findByLogin('marie.dupont', true))!;
    const records = await server.store.termsAcceptances.listForAccount(account.id);
    assert.equal(records.length, 1);
    assert.equal(records[0]!.accountId, account.id);
    assert.equal(records[0]!.version, '2026-09');
    assert.equal(records[0]!.textHash, sha256(currentSource));
    assert.equal(records[0]!.acceptedAt, acceptedStatus.acceptedAt);
    const at = Date.parse(records[0]!.acceptedAt);
    assert.ok(at >= before - 1000 && at <= Date.now() + 1000, 'acceptedAt is the time of acceptance');

    const profile = await client.call('GET', '/api/v1/profile');
    assert.equal(profile.status, 200);
    const parsed = Profile.parse(profile.json);
    assert.equal(parsed.username, 'marie.dupont');
    assert.equal(parsed.identity.lastName, 'Dupont');
    assert.deepEqual(parsed.serviceKeys.map((k) => [k.serviceId, k.linked]), [['enfance', true]]);
    assert.equal(JSON.stringify(profile.json).includes('passwordHash'), false);
    assert.equal((await client.call('GET', '/api/v1/session')).json.mustAcceptTerms, false);

    // Accepting again (another tab) changes nothing.
    const again = await client.call('POST', '/api/v1/terms/acceptances', { body: { version: '2026-09', textHash: sha256(currentSource) } });
    assert.equal(again.status, 200);
    assert.equal((await server.store.termsAcceptances.listForAccount(account.id)).length, 1);

    // Acceptance is per account: the co-representative still has to accept.
    const paul = await loggedIn(server, 'paul.dupont');
    assert.equal(paul.session.mustAcceptTerms, true);
    assert.equal((await paul.client.call('GET', '/api/v1/profile')).json.code, 'terms_not_accepted');
  });
});

describe('a new terms version', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'citizen-terms-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('asks again after a restart with a newer version, and keeps the old acceptance in the history', async () => {
    const termsDir = join(dir, 'terms');
    await mkdir(termsDir);
    await copyFile(currentFile, join(termsDir, '2026-09.md'));
    const newer = currentSource
      .replace('version: 2026-09', 'version: 2027-01')
      .replace('publishedOn: 2026-09-01', 'publishedOn: 2027-01-15')
      .replace('## Droit applicable', '## Médiation\n\nLe médiateur de la Ville de Démo peut être saisi gratuitement.\n\n## Droit applicable');
    await writeFile(join(termsDir, '2027-01.md'), newer);
    const env = (version: string) => ({ PORT: '0', DATA_FILE: join(dir, 'db.json'), CITY_CONFIG: join(dir, `city-${version}.json`) });
    for (const version of ['2026-09', '2027-01']) {
      await writeFile(join(dir, `city-${version}.json`), JSON.stringify({ ...demoCity, termsVersion: version, termsDir }));
    }

    const first = await startServer(env('2026-09'), { backups: false });
    try {
      const { client } = await loggedIn(first);
      const accepted = await client.call('POST', '/api/v1/terms/acceptances', { body: { version: '2026-09', textHash: sha256(currentSource) } });
      assert.equal(accepted.status, 201);
    } finally {
      await first.close();
    }

    const second = await startServer(env('2027-01'), { backups: false });
    try {
      const { client, session } = await loggedIn(second);
      assert.equal(session.mustAcceptTerms, true);
      const status = (await client.call('GET', '/api/v1/terms/status')).json;
      assert.deepEqual({ ...status, acceptedAt: undefined }, {
        currentVersion: '2027-01',
        acceptedVersion: '2026-09',
        acceptedAt: undefined,
        mustAccept: true,
      });
      assert.equal((await client.call('GET', '/api/v1/profile')).json.code, 'terms_not_accepted');
      const terms = (await client.call('GET', '/api/v1/terms')).json;
      assert.equal(terms.version, '2027-01');
      assert.ok(terms.blocks.some((b: { text?: string }) => b.text === 'Médiation'));

      const stale = await client.call('POST', '/api/v1/terms/acceptances', { body: { version: '2026-09', textHash: sha256(currentSource) } });
      assert.equal(stale.status, 409, 'the version accepted before is no longer enough');
      const accepted = await client.call('POST', '/api/v1/terms/acceptances', { body: { version: '2027-01', textHash: terms.textHash } });
      assert.equal(accepted.status, 201);
      assert.equal((await client.call('GET', '/api/v1/profile')).status, 200);

      const account = (await second.store.accounts.findByLogin('marie.dupont', true))!;
      const history = await second.store.termsAcceptances.listForAccount(account.id);
      assert.deepEqual(history.map((r) => [r.version, r.textHash]), [
        ['2026-09', sha256(currentSource)],
        ['2027-01', sha256(newer)],
      ]);
    } finally {
      await second.close();
    }
  });

  it('refuses to start on a bad terms file, naming it, and on a missing current version', async () => {
    const termsDir = join(dir, 'bad-terms');
    await mkdir(termsDir);
    await writeFile(join(termsDir, '2026-09.md'), '# Sans front matter\n\nTexte.\n');
    const city = join(dir, 'city-bad.json');
    await writeFile(city, JSON.stringify({ ...demoCity, termsDir }));
    const env = { PORT: '0', DATA_FILE: join(dir, 'bad.json'), CITY_CONFIG: city };
    await assert.rejects(startServer(env, { backups: false }), (e: Error) => {
      assert.equal(e.name, 'ConfigError');
      assert.match(e.message, /terms file .*bad-terms\/2026-09\.md: missing front matter/);
      return true;
    });
    await writeFile(join(termsDir, '2026-09.md'), '---\nversion: 2026-08\npublishedOn: 2026-09-01\n---\n# CGU\n\nTexte.\n');
    await assert.rejects(startServer(env, { backups: false }), /2026-09\.md: front matter: version "2026-08" does not match the file name/);
    await writeFile(join(termsDir, '2026-09.md'), '---\nversion: 2026-09\npublishedOn: le 1er septembre\n---\n# CGU\n\nTexte.\n');
    await assert.rejects(startServer(env, { backups: false }), /2026-09\.md: .*publishedOn/);
    await writeFile(city, JSON.stringify({ ...demoCity, termsDir, termsVersion: '2030-01' }));
    await writeFile(join(termsDir, '2026-09.md'), '---\nversion: 2026-09\npublishedOn: 2026-09-01\n---\n# CGU\n\nTexte.\n');
    await assert.rejects(startServer(env, { backups: false }), /termsVersion: no file .*2030-01\.md/);
    await writeFile(city, JSON.stringify({ ...demoCity, termsDir: join(dir, 'nowhere') }));
    await assert.rejects(startServer(env, { backups: false }), /termsDir: cannot read the folder .*nowhere/);
  });
});

describe('terms Markdown → blocks', () => {
  const front = '---\nversion: 2026-09\npublishedOn: 2026-09-01\n---\n';

  it('turns headings, paragraphs and lists into blocks, and the one level-1 heading into the title', () => {
    const terms = markdownToTerms(
      `${front}# Conditions\n\n## Objet\n\nUn *paragraphe*\nsur deux lignes.\n\n### Détail\n\n##### Très détaillé\n\n- un\n- **deux**\n\n1. premier\n2. second\n\n> Citation gardée.\n\n---\n`,
      '2026-09',
    );
    assert.equal(terms.title, 'Conditions');
    assert.deepEqual(terms.blocks, [
      { type: 'heading', level: 2, text: 'Objet' },
      { type: 'paragraph', text: 'Un paragraphe sur deux lignes.' },
      { type: 'heading', level: 3, text: 'Détail' },
      { type: 'heading', level: 4, text: 'Très détaillé' },
      { type: 'list', ordered: false, items: ['un', 'deux'] },
      { type: 'list', ordered: true, items: ['premier', 'second'] },
      { type: 'paragraph', text: 'Citation gardée.' },
    ]);
  });

  it('lets no HTML through: a <script> in the Markdown comes out as text', () => {
    const terms = markdownToTerms(
      `${front}# CGU\n\n<script>alert("x")</script>\n\nTexte <img src=x onerror=alert(1)> et <b>gras</b>.\n\n- <iframe src="https://example.org"></iframe>\n`,
    );
    assert.deepEqual(terms.blocks, [
      { type: 'paragraph', text: '<script>alert("x")</script>' },
      { type: 'paragraph', text: 'Texte <img src=x onerror=alert(1)> et <b>gras</b>.' },
      { type: 'list', ordered: false, items: ['<iframe src="https://example.org"></iframe>'] },
    ]);
  });

  it('flattens links to their words and address, and drops javascript: links', () => {
    const terms = markdownToTerms(
      `${front}# CGU\n\nVoir [le site de la CNIL](https://www.cnil.fr), [www.telerecours.fr](https://www.telerecours.fr), <https://example.fr> ou [écrire](mailto:dpo@ville.fr) et [ceci](javascript:alert(1)).\n`,
    );
    assert.deepEqual(terms.blocks, [
      {
        type: 'paragraph',
        text: 'Voir le site de la CNIL (https://www.cnil.fr), www.telerecours.fr, https://example.fr ou écrire (dpo@ville.fr) et [ceci](javascript:alert(1)).',
      },
    ]);
  });

  it('hashes the exact source, front matter included', () => {
    const source = `${front}# CGU\n\nTexte.\n`;
    assert.equal(markdownToTerms(source).textHash, sha256(source));
    assert.notEqual(markdownToTerms(`${source}\n`).textHash, sha256(source), 'one byte more is another text');
  });

  it('names what is wrong', () => {
    assert.throws(() => markdownToTerms('# CGU\n\nTexte.\n'), /missing front matter/);
    assert.throws(() => markdownToTerms('---\npublishedOn: 2026-09-01\n---\n# CGU\n\nTexte.\n'), /version is missing/);
    assert.throws(() => markdownToTerms('---\nversion: 1\npublishedOn: 2026-09-01\nauthor: moi\n---\n# CGU\n'), /unknown key "author"/);
    assert.throws(() => markdownToTerms(`${front}Texte sans titre.\n`), /no title/);
    assert.throws(() => markdownToTerms(`${front}# CGU\n\n# Encore\n`), /second level-1 heading/);
    assert.throws(() => markdownToTerms(`${front}# CGU\n`), /empty/);
    assert.throws(() => markdownToTerms(`${front}# CGU\n\n- a\n  - b\n`), /line 8: lists inside lists/);
  });
});
