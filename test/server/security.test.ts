// SPDX-License-Identifier: MIT
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startTestServer, type TestServer } from './helpers.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';

describe('HTTP hardening', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer({ CORS_ORIGINS: 'https://www.ville-de-demo.fr' })));
  after(() => server.stop());

  it('refuses a cookie-authenticated write without the custom header (CSRF)', async () => {
    const client = new Client(server.url);
    await client.logIn('marie.dupont', DEMO_PASSWORD);
    const res = await client.call('DELETE', '/api/v1/session', { noCsrfHeader: true });
    assert.equal(res.status, 403);
    assert.equal(res.json.code, 'csrf_rejected');
    assert.equal((await client.call('GET', '/api/v1/session')).status, 200, 'the session survived');
  });

  it('refuses a write from a foreign Origin, accepts an allow-listed one', async () => {
    const client = new Client(server.url);
    const evil = await client.call('POST', '/api/v1/session', {
      body: { identifier: 'marie.dupont', password: DEMO_PASSWORD },
      headers: { Origin: 'https://evil.example' },
    });
    assert.equal(evil.status, 403);
    assert.equal(evil.json.code, 'csrf_rejected');
    const listed = await client.call('POST', '/api/v1/session', {
      body: { identifier: 'marie.dupont', password: DEMO_PASSWORD },
      headers: { Origin: 'https://www.ville-de-demo.fr' },
    });
    assert.equal(listed.status, 200);
  });

  it('answers CORS preflights for allow-listed origins only, with credentials', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/v1/session`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-citizen-request,content-type' },
      });
    const ok = await preflight('https://www.ville-de-demo.fr');
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://www.ville-de-demo.fr');
    assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
    const evil = await preflight('https://evil.example');
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
  });

  it('sends security headers: CSP, nosniff, no HSTS on plain http', async () => {
    const res = await fetch(`${server.url}/connexion`);
    assert.match(res.headers.get('content-security-policy')!, /script-src 'self'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('strict-transport-security'), null);
    assert.equal(res.headers.get('x-powered-by'), null);
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await new Client(server.url).call('POST', '/api/v1/session', { raw: '{"identifier": "a",' });
    assert.equal(res.status, 400);
    assert.equal(res.json.code, 'invalid_json');
  });

  it('answers an oversized body with 413 payload_too_large', async () => {
    const res = await new Client(server.url).call('POST', '/api/v1/session', {
      body: { identifier: 'x'.repeat(200_000), password: 'y' },
    });
    assert.equal(res.status, 413);
    assert.equal(res.json.code, 'payload_too_large');
  });

  it('answers a non-JSON body with 415', async () => {
    const res = await new Client(server.url).call('POST', '/api/v1/session', {
      raw: 'identifier=a&password=b',
      contentType: 'application/x-www-form-urlencoded',
    });
    assert.equal(res.status, 415);
    assert.equal(res.json.code, 'unsupported_media_type');
  });

  it('names each wrong field of a bad body (400, never 5xx)', async () => {
    const bodies: unknown[] = [{}, { identifier: '' }, { identifier: 3, password: null }, [], 'x', { identifier: 'a', password: 'b'.repeat(600) }];
    for (const body of bodies) {
      const res = await new Client(server.url).call('POST', '/api/v1/session', { raw: JSON.stringify(body) });
      assert.ok(res.status >= 400 && res.status < 500, `${JSON.stringify(body).slice(0, 40)} → ${res.status}`);
      assert.equal(typeof res.json.code, 'string');
    }
    const res = await new Client(server.url).call('POST', '/api/v1/session', { body: { identifier: '' } });
    assert.equal(res.json.code, 'validation_failed');
    assert.deepEqual(res.json.fields, { identifier: 'required', password: 'required' });
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await new Client(server.url).call('GET', '/api/v1/nope');
    assert.equal(res.status, 404);
    assert.equal(res.json.code, 'not_found');
  });

  it('serves the city config, validated by the shared schema', async () => {
    const res = await new Client(server.url).call('GET', '/api/v1/config');
    assert.equal(res.status, 200);
    assert.equal(res.json.name, 'Ville de Démo');
    assert.equal(res.json.passwordPolicy.minLength, 12);
    assert.equal('termsDir' in res.json, false, 'no server path reaches the browser');
  });
});
