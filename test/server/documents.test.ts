// SPDX-License-Identifier: MIT
/**
 * "Espace de stockage sécurisé" (issue 7): uploads checked by their content (a spoofed type
 * or extension refused), the size limit and the quota, download as an attachment with the
 * stored type, rename, delete, attachment to an absence, the owner-only rule (the other
 * parent and another family get 404), and closing the account deleting the files.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';
import { addDays, parisToday } from '../../demo-server/activities/calendar.js';
import { Client } from './helpers.js';
import { accountOf, citizen, martinFamily, startDashboardServer, type DashboardServer } from './dashboard-helpers.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d605a10000000049454e44ae426082', 'hex');
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64), Buffer.from('ffd9', 'hex')]);

describe('documents: owner only, type from content, limits', () => {
  let server: DashboardServer;
  let marie: Client;
  let paul: Client;
  let martin: Awaited<ReturnType<typeof martinFamily>>;
  const upload = async (client: Client, content: Buffer, name: string, type: string, category?: string) => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(content)], { type }), name);
    if (category) form.set('category', category);
    const res = await fetch(`${server.url}/api/v1/documents`, { method: 'POST', body: form, headers: { Cookie: client.cookie, 'X-Citizen-Request': '1' } });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined, text };
  };
  const download = (client: Client, id: string) => fetch(`${server.url}/api/v1/documents/${id}/content`, { headers: { Cookie: client.cookie } });

  before(async () => {
    server = await startDashboardServer({ DOCUMENT_MAX_BYTES: '4096', DOCUMENT_QUOTA_BYTES: '6000' });
    marie = await citizen(server, 'marie.dupont');
    paul = await citizen(server, 'paul.dupont');
    martin = await martinFamily(server);
  });
  after(() => server.stop());

  it('stores PDF, JPEG and PNG outside the JSON, lists, downloads, renames, deletes', async () => {
    const pdf = await upload(marie, PDF, 'certificat médical.pdf', 'application/pdf', 'santé');
    assert.equal(pdf.status, 201, pdf.text);
    assert.deepEqual({ name: pdf.json.name, type: pdf.json.type, size: pdf.json.sizeBytes, category: pdf.json.category }, { name: 'certificat médical.pdf', type: 'application/pdf', size: PDF.length, category: 'santé' });
    assert.equal((await upload(marie, PNG, 'photo.png', 'image/png')).json.type, 'image/png');
    const jpeg = await upload(marie, JPEG, 'scan.jpg', 'application/octet-stream');
    assert.equal(jpeg.json.type, 'image/jpeg');

    const list = (await marie.call('GET', '/api/v1/documents')).json;
    assert.equal(list.length, 3);
    const file = join(server.dir, 'documents', (await accountOf(server, 'marie.dupont')).id, pdf.json.id);
    assert.deepEqual(await readFile(file), PDF);
    assert.ok(!(await server.dataFile()).includes('%PDF'));
    assert.deepEqual((await marie.call('GET', '/api/v1/documents/quota')).json, { usedBytes: PDF.length + PNG.length + JPEG.length, quotaBytes: 6000, maxFileBytes: 4096 });

    const got = await download(marie, pdf.json.id);
    assert.equal(got.status, 200);
    assert.equal(got.headers.get('content-type'), 'application/pdf');
    assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
    assert.match(got.headers.get('content-disposition')!, /^attachment;/);
    assert.deepEqual(Buffer.from(await got.arrayBuffer()), PDF);

    const renamed = await marie.call('PATCH', `/api/v1/documents/${jpeg.json.id}`, { body: { name: 'Attestation assurance.jpg' } });
    assert.equal(renamed.json.name, 'Attestation assurance.jpg');
    // The name keeps saying what the content is.
    for (const [name, stored] of [['Attestation assurance', 'Attestation assurance.jpg'], ['facture.exe', 'facture.exe.jpg'], ['Scan.JPEG', 'Scan.JPEG'], ['x'.repeat(200), `${'x'.repeat(196)}.jpg`]]) {
      assert.equal((await marie.call('PATCH', `/api/v1/documents/${jpeg.json.id}`, { body: { name } })).json.name, stored, name);
    }
    // A path separator would have been cut silently (only the last segment kept): refused in words instead.
    for (const [name, code] of [['../Attestation.jpg', 'forbidden_characters'], ['a:b.jpg', 'forbidden_characters'], ['   ', 'required'], ['x'.repeat(201), 'too_long']]) {
      const refused = await marie.call('PATCH', `/api/v1/documents/${jpeg.json.id}`, { body: { name } });
      assert.equal(refused.status, 400, name);
      assert.deepEqual(refused.json.fields, { name: code });
    }
    assert.equal((await marie.call('DELETE', `/api/v1/documents/${jpeg.json.id}`)).status, 204);
    assert.equal((await download(marie, jpeg.json.id)).status, 404);
    assert.equal((await marie.call('GET', '/api/v1/documents')).json.length, 2);
  });

  it('refuses a spoofed type or extension, other types, files past the size limit or the quota', async () => {
    const text = Buffer.from('#!/bin/sh\necho not a pdf\n');
    for (const [content, name, type, code] of [
      [text, 'facture.pdf', 'application/pdf', 'file_type_not_allowed'],
      [Buffer.from('<html><script>alert(1)</script></html>'), 'page.png', 'image/png', 'file_type_not_allowed'],
      [PNG, 'photo.pdf', 'application/pdf', 'file_type_mismatch'],
      [PNG, 'photo.png', 'application/pdf', 'file_type_mismatch'],
      [PDF, 'doc.exe', 'application/pdf', 'file_type_mismatch'],
      // Windows would save it as "doc.exe".
      [PDF, 'doc.exe. ', 'application/pdf', 'file_type_mismatch'],
    ] as const) {
      const res = await upload(marie, content, name, type);
      assert.equal(res.status, 415, `${name}: ${res.text}`);
      assert.equal(res.json.fields.file, code, name);
    }
    // A name that says no type, or one no program knows, gets the content's extension.
    for (const [name, stored] of [['facture', 'facture.pdf'], ['x.desktop', 'x.desktop.pdf']] as const) {
      const res = await upload(marie, PDF, name, 'application/pdf');
      assert.equal(res.json.name, stored, name);
      assert.equal((await marie.call('DELETE', `/api/v1/documents/${res.json.id}`)).status, 204);
    }
    const big = await upload(marie, Buffer.concat([PDF, Buffer.alloc(5000)]), 'gros.pdf', 'application/pdf');
    assert.equal(big.status, 413);
    assert.equal(big.json.fields.file, 'file_too_large');
    // 6000 bytes a account: two of ~3 KB fit, a third does not.
    const filler = Buffer.concat([PDF, Buffer.alloc(2900)]);
    assert.equal((await upload(paul, filler, 'a.pdf', 'application/pdf')).status, 201);
    assert.equal((await upload(paul, filler, 'b.pdf', 'application/pdf')).status, 201);
    const full = await upload(paul, filler, 'c.pdf', 'application/pdf');
    assert.equal(full.status, 413);
    assert.equal(full.json.fields.file, 'quota_exceeded');
    // Nothing refused is left on disk.
    const paulDir = join(server.dir, 'documents', (await accountOf(server, 'paul.dupont')).id);
    assert.equal((await readdir(paulDir)).length, 2);
    const marieDir = join(server.dir, 'documents', (await accountOf(server, 'marie.dupont')).id);
    assert.equal((await readdir(marieDir)).length, 2);
  });

  it('lets only the owner reach a document — not the other parent, not another family', async () => {
    const [doc] = (await marie.call('GET', '/api/v1/documents')).json;
    for (const other of [paul, martin.client]) {
      assert.ok((await other.call('GET', '/api/v1/documents')).json.every((d: { id: string }) => d.id !== doc.id));
      assert.equal((await download(other, doc.id)).status, 404);
      assert.equal((await other.call('PATCH', `/api/v1/documents/${doc.id}`, { body: { name: 'x.pdf' } })).status, 404);
      assert.equal((await other.call('DELETE', `/api/v1/documents/${doc.id}`)).status, 404);
    }
    assert.equal((await download(new Client(server.url), doc.id)).status, 401);
    assert.equal((await new Client(server.url).call('GET', '/api/v1/documents')).status, 401);
    assert.equal((await download(marie, doc.id)).status, 200);
  });

  it('attaches the owner’s certificate to an absence, and only the owner’s', async () => {
    const [doc] = (await marie.call('GET', '/api/v1/documents')).json;
    const day = addDays(parisToday(), 20);
    const body = { childId: 'm-lea', from: day, to: day, reason: 'illness', certificateId: doc.id };
    const res = await marie.call('POST', '/api/v1/absences', { body });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.json.attachments, [{ id: doc.id, name: doc.name }]);
    // The other parent sees the request, not the document's name.
    const seen = (await paul.call('GET', `/api/v1/requests/${res.json.id}`)).json;
    assert.deepEqual(seen.attachments, [{ id: doc.id }]);
    const paulsTry = await paul.call('POST', '/api/v1/absences', { body });
    assert.equal(paulsTry.status, 400);
    assert.deepEqual(paulsTry.json.fields, { certificateId: 'unknown_document' });
    // Each refused document is named where it was sent: the list's item, not the certificate.
    const paulsOwn = await upload(paul, PDF, 'Certificat de Paul.pdf', 'application/pdf');
    assert.equal(paulsOwn.status, 201, paulsOwn.text);
    const mixed = await paul.call('POST', '/api/v1/absences', { body: { ...body, certificateId: paulsOwn.json.id, attachmentIds: [paulsOwn.json.id, doc.id] } });
    assert.deepEqual(mixed.json.fields, { 'attachmentIds.1': 'unknown_document' });
    // A justificatif on a household request, the same way.
    const addition = { role: 'child', firstNames: 'Zoé', lastName: 'Dupont', birthDate: '2024-02-02', attachmentIds: [doc.id] };
    const added = await marie.call('POST', '/api/v1/household/additions', { body: addition });
    assert.equal(added.status, 201, added.text);
    assert.deepEqual(added.json.attachments, [{ id: doc.id, name: doc.name }]);
    assert.equal((await martin.client.call('POST', '/api/v1/household/additions', { body: addition })).status, 400);
  });

  it('deletes the files with the account, keeps the invoices, and exports both lists', async () => {
    const exported = (await marie.call('GET', '/api/v1/account/export')).json;
    assert.equal(exported.documents.length, 2);
    assert.equal(exported.invoices.length, 2);
    const dir = join(server.dir, 'documents', (await accountOf(server, 'marie.dupont')).id);
    const closed = await marie.call('DELETE', '/api/v1/account', { body: { password: DEMO_PASSWORD } });
    assert.equal(closed.status, 204, closed.text);
    assert.deepEqual(await readdir(dir), []);
    assert.equal((await server.store.invoices.listForHousehold('foyer-dupont')).length, 2);
    const tombstone = (await server.store.accounts.list()).find((a) => a.closure && a.email.startsWith('compte-clos'));
    assert.ok(tombstone?.closure?.kept.some((k) => k.what === 'invoices'));
  });
});
