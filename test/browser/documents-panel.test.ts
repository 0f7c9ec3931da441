// SPDX-License-Identifier: MIT
/** "Espace de stockage sécurisé": <citizen-documents-panel> with a fake adapter, and through RestBackend + MSW. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/family-dashboard/panels/documents-panel.js';
import type { CitizenDocumentsPanel } from '../../src/elements/family-dashboard/panels/documents-panel.js';
import { CitizenError } from '../../src/core/errors.js';
import { RestBackend } from '../../src/core/rest-backend.js';
import { startMockApi, useMockScenario } from '../../src/mocks/browser.js';
import { mockDocuments } from '../../src/mocks/documents.js';
import type { DocumentQuota, StoredDocument } from '../../src/schemas/documents.js';
import { deepQuery, deepText, FakeDashboardBackend, focusedName, getControl, waitForText } from './dashboard-helpers.js';
import { deferred, getByRole, queryAllByRole } from './helpers.js';

class FakeDocumentsBackend extends FakeDashboardBackend {
  documents: StoredDocument[] = mockDocuments();
  quota: DocumentQuota = { usedBytes: 1_757_184, quotaBytes: 50 * 1024 * 1024, maxFileBytes: 10 * 1024 * 1024 };
  readonly deleted: string[] = [];
  progress = deferred<void>();
  uploadFailure?: CitizenError;

  listDocuments() {
    return Promise.resolve(structuredClone(this.documents));
  }
  getDocumentQuota() {
    return Promise.resolve(this.quota);
  }
  documentUrl(id: string) {
    return `/api/v1/documents/${id}/content`;
  }
  uploadDocument(file: Blob, name: string) {
    return this.uploadDocumentWithProgress(file, name, () => {});
  }
  async uploadDocumentWithProgress(file: Blob, name: string, onProgress: (sent: number, total: number) => void) {
    onProgress(file.size / 4, file.size);
    await this.progress.promise;
    if (this.uploadFailure) throw this.uploadFailure;
    const stored: StoredDocument = { id: 'doc-new', name, type: file.type, sizeBytes: file.size, uploadedAt: '2026-11-23T10:00:00Z' };
    this.documents.push(stored);
    return stored;
  }
  deleteDocument(id: string) {
    this.deleted.push(id);
    this.documents = this.documents.filter((d) => d.id !== id);
    return Promise.resolve();
  }
}

let fake: FakeDocumentsBackend;

async function mount(template = html`<citizen-documents-panel .backend=${fake.adapter}></citizen-documents-panel>`) {
  const el = await fixture<CitizenDocumentsPanel>(template);
  await waitUntil(() => !deepQuery(el, '[aria-busy="true"]') && !!deepQuery(el, 'li.card, .notice, .load-error'), 'loaded', { timeout: 3000 });
  return el;
}

const pdf = (name = 'Certificat médical.pdf', size = 2048) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

/** Chooses `file` in the file input, as the browser's dialog would. */
function choose(el: Element, file: File) {
  const input = deepQuery<HTMLInputElement>(el, 'input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

beforeEach(() => {
  fake = new FakeDocumentsBackend();
});

describe('<citizen-documents-panel>', () => {
  it('lists the documents with type, size and date, says who can read them, and is accessible', async () => {
    const el = await mount();
    const text = deepText(el);
    expect(text).to.include('Vous seul pouvez consulter son contenu.');
    expect(text).to.include('Attestation d’assurance 2026-2027.pdf PDF · 180 Ko · ajouté le 02/09/2026');
    expect(text).to.include('Espace utilisé : 1,7 Mo sur 50 Mo.');
    expect(queryAllByRole(el, 'link', 'Télécharger')[0]!.getAttribute('href')).to.equal('/api/v1/documents/doc-1/content');
    expect(getControl(el, 'Ajouter un document').type).to.equal('file');
    await expect(el).to.be.accessible();
  });

  it('uploads a chosen file with a progress bar, then lists it', async () => {
    const el = await mount();
    choose(el, pdf());
    await waitForText(el, 'Envoi de « Certificat médical.pdf » : 25 %');
    const bar = deepQuery<HTMLProgressElement>(el, 'progress')!;
    expect(bar.value).to.equal(25);
    await expect(el).to.be.accessible();
    fake.progress.resolve();
    await waitForText(el, '« Certificat médical.pdf » a été ajouté.');
    expect(queryAllByRole(el, 'heading').map((h) => h.textContent?.trim())).to.include('Certificat médical.pdf');
    expect(deepQuery(el, 'progress')).to.equal(null);
  });

  it('takes a dropped file too', async () => {
    const el = await mount();
    fake.progress.resolve();
    const zone = deepQuery(el, '.dropzone')!;
    const transfer = new DataTransfer();
    transfer.items.add(pdf('Déposé.pdf'));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(zone.classList.contains('dropzone--over')).to.equal(true);
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await waitForText(el, '« Déposé.pdf » a été ajouté.');
  });

  it('says at once what is wrong: too large, wrong type; the server\'s quota refusal in words', async () => {
    const el = await mount();
    choose(el, pdf('Gros.pdf', 11 * 1024 * 1024));
    await waitForText(el, 'Le fichier est trop volumineux : 10 Mo au plus.');
    const input = deepQuery<HTMLInputElement>(el, 'input[type="file"]')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(queryAllByRole(el, 'alert')).to.have.length(1);
    await expect(el).to.be.accessible();
    choose(el, new File(['x'], 'notes.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    await waitForText(el, 'Ce type de fichier n’est pas accepté');
    fake.uploadFailure = new CitizenError('payload_too_large', { status: 413, fields: { file: 'quota_exceeded' } });
    fake.progress.resolve();
    choose(el, pdf());
    await waitForText(el, 'Votre espace de stockage est plein');
  });

  it('deletes after a confirmation; "Annuler" keeps the document', async () => {
    const el = await mount();
    const remove = queryAllByRole(el, 'button', 'Supprimer')[0]!;
    remove.click();
    await waitForText(el, 'Supprimer définitivement « Attestation d’assurance 2026-2027.pdf » ?');
    expect(focusedName()).to.include('Supprimer définitivement');
    expect(remove.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Annuler').click();
    await waitUntil(() => !deepText(el).includes('Supprimer définitivement'));
    expect(fake.deleted).to.deep.equal([]);
    queryAllByRole(el, 'button', 'Supprimer')[0]!.click();
    await waitForText(el, 'Supprimer définitivement');
    getByRole(el, 'button', 'Oui, supprimer').click();
    await waitForText(el, '« Attestation d’assurance 2026-2027.pdf » a été supprimé.');
    expect(fake.deleted).to.deep.equal(['doc-1']);
    expect(deepText(el)).not.to.include('Attestation d’assurance 2026-2027.pdf PDF');
  });

  it('empty and error states; English', async () => {
    fake.documents = [];
    const empty = await mount();
    await waitForText(empty, "Vous n'avez encore déposé aucun document.");
    fake.listDocuments = () => Promise.reject(new CitizenError('server_error', { status: 500 }));
    const failed = await mount();
    await waitForText(failed, "Vos documents n'ont pas pu être chargés.");
    fake = new FakeDocumentsBackend();
    const en = await mount(html`<citizen-documents-panel lang="en" .backend=${fake.adapter}></citizen-documents-panel>`);
    await waitForText(en, 'Only you can see its content.');
    expect(queryAllByRole(en, 'button', 'Delete')).to.have.length(2);
  });
});

describe('<citizen-documents-panel> with RestBackend and the mock API', () => {
  before(() => startMockApi());

  it('uploads through the XHR variant with progress, and a wrong type comes back as the server\'s refusal', async () => {
    useMockScenario({ scenario: 'loggedIn', terms: { state: 'accepted' } });
    const backend = new RestBackend('/api');
    const progress: number[] = [];
    const stored = await backend.uploadDocumentWithProgress(pdf('Via XHR.pdf', 4096), 'Via XHR.pdf', (sent) => progress.push(sent));
    expect(stored).to.include({ name: 'Via XHR.pdf', type: 'application/pdf', sizeBytes: 4096 });
    const refused = await backend
      .uploadDocumentWithProgress(new File(['x'], 'a.gif', { type: 'image/gif' }), 'a.gif', () => {})
      .catch((error: unknown) => error as CitizenError);
    expect(refused).to.be.instanceOf(CitizenError);
    expect((refused as CitizenError).fields).to.deep.equal({ file: 'file_type_not_allowed' });

    const el = await mount(html`<citizen-documents-panel .backend=${backend}></citizen-documents-panel>`);
    expect(deepText(el)).to.include('Via XHR.pdf');
    choose(el, pdf('Panneau.pdf'));
    await waitForText(el, '« Panneau.pdf » a été ajouté.');
  });
});
