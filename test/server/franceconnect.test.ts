// SPDX-License-Identifier: MIT
/**
 * FranceConnect against the local stand-in provider (oidc-provider), over real HTTP: the
 * authorization code flow with PKCE, state and nonce, the first login's choice (link an
 * account, or create one from the certified identity), later logins, refusals (tampered
 * state, replay, another browser, cancel), and the logout that ends FranceConnect's session.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from './helpers.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { DEMO_IDENTITIES } from '../../demo-server/auth/franceconnect-demo-provider.js';

const [MARIE, CAMILLE] = DEMO_IDENTITIES as [(typeof DEMO_IDENTITIES)[0], (typeof DEMO_IDENTITIES)[0]];

/**
 * A browser's cookie jar and manual redirects. Cookies are kept by name whatever the host:
 * the test server answers on 127.0.0.1 while its public URL (FranceConnect's redirect_uri)
 * says localhost, which a real browser would use throughout.
 */
class Browser {
  cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async request(method: string, url: string, init: { body?: string; type?: string; csrf?: boolean } = {}) {
    const target = new URL(url, this.base);
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers['Cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.body !== undefined) headers['Content-Type'] = init.type ?? 'application/json';
    if (init.csrf) headers['X-Citizen-Request'] = '1';
    const res = await fetch(target, { method, headers, body: init.body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, location: res.headers.get('location'), text, json, headers: res.headers };
  }

  /** Follows redirects from `url` until `stop` says so or a non-redirect answer (at most 10 hops). */
  async follow(url: string, stop: (url: URL) => boolean = () => false) {
    let current = new URL(url, this.base);
    for (let hop = 0; hop < 10; hop++) {
      if (stop(current)) return { stoppedAt: current };
      const res = await this.request('GET', current.href);
      if (res.status < 300 || res.status >= 400 || !res.location) return { stoppedAt: current, res };
      current = new URL(res.location, current);
    }
    throw new Error('Too many redirects');
  }

  api(method: string, path: string, body?: unknown) {
    return this.request(method, `/api/v1${path}`, { body: body === undefined ? undefined : JSON.stringify(body), csrf: true });
  }
}

const isCallback = (url: URL) => url.pathname === '/api/v1/franceconnect/callback';

/** Starts the login and picks `identity` on the stand-in's page; returns the callback URL it sends back. */
async function throughFranceConnect(browser: Browser, identity: { sub: string }, returnTo = '/connexion'): Promise<URL> {
  const start = await browser.request('GET', `/api/v1/franceconnect/login?returnTo=${encodeURIComponent(returnTo)}`);
  assert.equal(start.status, 303);
  const auth = new URL(start.location!);
  assert.equal(auth.searchParams.get('code_challenge_method'), 'S256');
  assert.ok(auth.searchParams.get('code_challenge'));
  assert.ok((auth.searchParams.get('state') ?? '').length >= 32, 'state');
  assert.ok((auth.searchParams.get('nonce') ?? '').length >= 32, 'nonce');
  assert.equal(auth.searchParams.get('acr_values'), 'eidas1');
  const { stoppedAt, res } = await browser.follow(auth.href, isCallback);
  if (isCallback(stoppedAt)) return stoppedAt; // FranceConnect's session already knew the citizen.
  assert.equal(res?.status, 200, 'the stand-in login page');
  assert.match(res!.text, /Connexion avec FranceConnect/);
  const action = /action="([^"]+\/login)"/.exec(res!.text)![1]!;
  const chosen = await browser.request('POST', new URL(action, stoppedAt).href, {
    body: new URLSearchParams({ sub: identity.sub }).toString(),
    type: 'application/x-www-form-urlencoded',
  });
  assert.equal(chosen.status, 303, chosen.text);
  const back = await browser.follow(new URL(chosen.location!, stoppedAt).href, isCallback);
  assert.ok(isCallback(back.stoppedAt), `came back to the callback, not ${back.stoppedAt.href}`);
  return back.stoppedAt;
}

async function callback(browser: Browser, url: URL) {
  const res = await browser.request('GET', url.href);
  assert.equal(res.status, 303);
  return new URL(res.location!, url);
}

describe('FranceConnect (local stand-in provider)', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.stop());

  it('creates the account from the certified identity on a first login, then logs straight in', async () => {
    const browser = new Browser(server.url);
    const landing = await callback(browser, await throughFranceConnect(browser, CAMILLE));
    assert.equal(`${landing.pathname}${landing.search}`, '/connexion?franceconnect=choose');
    assert.equal(browser.cookies.has('citizen_sid'), false, 'no session before the choice');
    assert.equal(browser.cookies.has('citizen_fc_login'), false, 'the login handle is single use');

    const identity = await browser.api('GET', '/franceconnect/identity');
    assert.equal(identity.status, 200);
    assert.deepEqual(identity.json, {
      givenName: 'Camille Jeanne',
      familyName: 'MARTIN',
      birthdate: '1985-05-12',
      gender: 'female',
      birthplace: '75056',
      birthcountry: '99100',
      email: 'camille.martin@example.fr',
    });

    const created = await browser.api('POST', '/franceconnect/accounts', {});
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.session.account.username, 'camille.martin');
    assert.equal(created.json.session.franceConnect, true);
    assert.equal(created.json.session.mustChangePassword, false);
    const account = await server.store.accounts.findByLogin('camille.martin', true);
    assert.equal(account?.status, 'active', 'the e-mail FranceConnect gave is not verified again');
    assert.equal(account?.email, 'camille.martin@example.fr');
    assert.deepEqual(account?.identity, {
      civility: 'MME',
      lastName: 'MARTIN',
      firstNames: 'Camille Jeanne',
      birthDate: '1985-05-12',
      birthCountry: 'France',
    });
    assert.equal((await server.store.franceConnectLinks.findBySub(CAMILLE.sub))?.accountId, account?.id);
    assert.equal((await browser.api('GET', '/session')).status, 200);
    assert.equal((await browser.api('GET', '/franceconnect/identity')).status, 404, 'the identity was used up');

    // Another browser, later: FranceConnect knows the citizen, who lands logged in.
    const later = new Browser(server.url);
    const again = await callback(later, await throughFranceConnect(later, CAMILLE));
    assert.equal(`${again.pathname}${again.search}`, '/connexion?franceconnect=connected');
    const session = await later.api('GET', '/session');
    assert.equal(session.json.account.username, 'camille.martin');
    assert.equal(session.json.franceConnect, true);
  });

  it('links an existing account once its password is given, then logs straight in', async () => {
    const browser = new Browser(server.url);
    await callback(browser, await throughFranceConnect(browser, MARIE));
    const wrong = await browser.api('POST', '/franceconnect/link', { identifier: 'marie.dupont', password: 'pas-le-bon-mot' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.json.code, 'invalid_credentials');
    assert.equal(await server.store.franceConnectLinks.findBySub(MARIE.sub), undefined);

    const linked = await browser.api('POST', '/franceconnect/link', { identifier: 'marie.dupont', password: DEMO_PASSWORD });
    assert.equal(linked.status, 200, linked.text);
    assert.equal(linked.json.session.account.username, 'marie.dupont');
    assert.equal(linked.json.session.franceConnect, true);

    const later = new Browser(server.url);
    const again = await callback(later, await throughFranceConnect(later, MARIE));
    assert.equal(again.pathname, '/connexion');
    assert.equal((await later.api('GET', '/session')).json.account.username, 'marie.dupont');
  });

  it('refuses a tampered state, a replayed or foreign callback, and says when the citizen cancels', async () => {
    const browser = new Browser(server.url);
    const url = await throughFranceConnect(browser, CAMILLE);
    const tampered = new URL(url);
    tampered.searchParams.set('state', `${url.searchParams.get('state')}x`);
    const refused = await callback(browser, tampered);
    assert.equal(refused.searchParams.get('franceconnect'), 'error');
    assert.equal(browser.cookies.has('citizen_sid'), false);
    assert.equal(browser.cookies.has('citizen_fc_identity'), false);
    // The genuine answer cannot be used afterwards either: the login handle was spent.
    assert.equal((await callback(browser, url)).searchParams.get('franceconnect'), 'error');

    // A callback in a browser that did not start the login (no handle cookie).
    const other = new Browser(server.url);
    const stolen = await throughFranceConnect(other, CAMILLE);
    assert.equal((await callback(new Browser(server.url), stolen)).searchParams.get('franceconnect'), 'error');

    // "Annuler" on FranceConnect's page.
    const canceling = new Browser(server.url);
    const start = await canceling.request('GET', '/api/v1/franceconnect/login');
    const { stoppedAt, res } = await canceling.follow(start.location!, isCallback);
    const abort = /action="([^"]+\/abort)"/.exec(res!.text)![1]!;
    const aborted = await canceling.request('POST', new URL(abort, stoppedAt).href, { body: '', type: 'application/x-www-form-urlencoded' });
    const back = await canceling.follow(new URL(aborted.location!, stoppedAt).href, isCallback);
    assert.equal(back.stoppedAt.searchParams.get('error'), 'access_denied');
    assert.equal((await callback(canceling, back.stoppedAt)).searchParams.get('franceconnect'), 'canceled');
  });

  it('ends the FranceConnect session too at logout', async () => {
    const browser = new Browser(server.url);
    await callback(browser, await throughFranceConnect(browser, MARIE));
    assert.equal((await browser.api('GET', '/session')).status, 200);
    const out = await browser.api('DELETE', '/session');
    assert.equal(out.status, 200);
    const endSession = new URL(out.json.redirect);
    assert.equal(endSession.pathname, '/franceconnect-demo/session/end');
    assert.ok(endSession.searchParams.get('id_token_hint'));
    assert.equal(new URL(endSession.searchParams.get('post_logout_redirect_uri')!).pathname, '/api/v1/franceconnect/logged-out');
    assert.equal((await browser.api('GET', '/session')).status, 401, 'our session ended');

    // FranceConnect's logout page submits its form by itself; do what the script does.
    const logoutPage = await browser.request('GET', endSession.href);
    assert.equal(logoutPage.status, 200);
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(logoutPage.text)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(logoutPage.text)![1]!;
    assert.match(logoutPage.headers.get('content-security-policy')!, /script-src 'self' 'sha256-/, 'the auto-submit script is allowed by hash only');
    const confirmed = await browser.request('POST', new URL(action, endSession).href, {
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
      type: 'application/x-www-form-urlencoded',
    });
    const landing = await browser.follow(new URL(confirmed.location!, endSession).href);
    assert.equal(`${landing.stoppedAt.pathname}${landing.stoppedAt.search}`, '/connexion?franceconnect=logged-out');

    // FranceConnect forgot the citizen: the next login asks again (its login page, not straight back).
    const start = await browser.request('GET', '/api/v1/franceconnect/login');
    const next = await browser.follow(start.location!, isCallback);
    assert.equal(isCallback(next.stoppedAt), false);
    assert.match(next.res!.text, /Connexion avec FranceConnect/);
  });

  it('only returns to pages of this site', async () => {
    const browser = new Browser(server.url);
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const start = await browser.request('GET', `/api/v1/franceconnect/login?returnTo=${encodeURIComponent(returnTo)}`);
      assert.equal(start.status, 303);
    }
    const url = await throughFranceConnect(browser, CAMILLE, 'https://evil.example/');
    const landing = await callback(browser, url);
    assert.equal(landing.origin, server.config.publicUrl.origin);
    assert.equal(landing.pathname, '/connexion');
  });

  it('says where the account exists when the certified e-mail is already used', async () => {
    const marie = DEMO_IDENTITIES.find((identity) => identity.email === 'marie.dupont@example.fr')!;
    const client = new Browser(server.url);
    // A fresh server-side identity for Marie: her sub is linked by an earlier test, so unlink it.
    const account = await server.store.accounts.findByLogin('marie.dupont', true);
    await server.store.franceConnectLinks.deleteForAccount(account!.id);
    await callback(client, await throughFranceConnect(client, marie));
    const res = await client.api('POST', '/franceconnect/accounts', {});
    assert.equal(res.status, 409);
    assert.deepEqual(res.json.fields, { email: 'email_taken' });
  });
});

describe('FranceConnect when the city does not offer it', () => {
  let server: TestServer;
  before(async () => {
    const demo = fileURLToPath(new URL('../../demo-server/cities/ville-de-demo.json', import.meta.url));
    const city = JSON.parse(await readFile(demo, 'utf8'));
    const file = join(await import('node:os').then((os) => os.tmpdir()), `city-no-fc-${process.pid}.json`);
    await writeFile(
      file,
      JSON.stringify({ ...city, franceConnect: false, termsDir: fileURLToPath(new URL('../../demo-server/cities/terms/ville-de-demo', import.meta.url)) }),
    );
    server = await startTestServer({ CITY_CONFIG: file });
  });
  after(() => server.stop());

  it('answers 404 and mounts no stand-in provider', async () => {
    const browser = new Browser(server.url);
    assert.equal((await browser.request('GET', '/api/v1/franceconnect/login')).status, 404);
    assert.equal((await browser.request('GET', '/franceconnect-demo/.well-known/openid-configuration')).status, 404);
  });
});
