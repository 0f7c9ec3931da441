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
import { a11yNode, deepQuery, deepText, FakeDashboardBackend, focusedName, getControl, waitForText } from './dashboard-helpers.js';
import { deferred, getByRole, press, queryAllByRole, typeInto } from './helpers.js';

class FakeDocumentsBackend extends FakeDashboardBackend {
  documents: StoredDocument[] = mockDocuments();
  quota: DocumentQuota = { usedBytes: 1_757_184, quotaBytes: 50 * 1024 * 1024, maxFileBytes: 10 * 1024 * 1024 };
  readonly deleted: string[] = [];
  readonly renamed: { id: string; name: string }[] = [];
  renameFailure?: CitizenError;
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
  renameDocument(id: string, name: string) {
    this.renamed.push({ id, name });
    if (this.renameFailure) return Promise.reject(this.renameFailure);
    const document = this.documents.find((d) => d.id === id)!;
    document.name = name;
    return Promise.resolve(structuredClone(document));
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

const INSURANCE = 'Attestation d’assurance 2026-2027.pdf';

/** Clears the focused-by-the-form field and types `text` (real key events). */
async function retype(input: HTMLInputElement, text: string) {
  input.focus();
  input.select();
  await press('Backspace');
  if (text) await typeInto(input, text);
}

async function openRename(el: Element, name = INSURANCE) {
  getByRole(el, 'button', `Renommer « ${name} »`).click();
  await waitUntil(() => focusedName() === 'Nouveau nom', 'focus in "Nouveau nom"');
  return getControl(el, 'Nouveau nom');
}

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

describe('<citizen-documents-panel> "Renommer"', () => {
  it('renames: the base name prefilled, the extension kept, success announced and focus back on the renamed document\'s button', async () => {
    const el = await mount();
    const button = getByRole(el, 'button', `Renommer « ${INSURANCE} »`);
    expect(await a11yNode('button', `Renommer « ${INSURANCE} »`)).to.not.equal(undefined);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const input = await openRename(el);
    expect(input.value).to.equal('Attestation d’assurance 2026-2027');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(deepText(el)).to.include("L'extension « .pdf » est conservée.");
    await expect(el).to.be.accessible();
    await retype(input, 'Assurance scolaire Hugo');
    getByRole(el, 'button', 'Enregistrer').click();
    await waitForText(el, `« ${INSURANCE} » s’appelle désormais « Assurance scolaire Hugo.pdf ».`);
    expect(fake.renamed).to.deep.equal([{ id: 'doc-1', name: 'Assurance scolaire Hugo.pdf' }]);
    expect(getByRole(el, 'status').textContent).to.include('s’appelle désormais « Assurance scolaire Hugo.pdf »');
    await waitUntil(() => focusedName() === 'Renommer « Assurance scolaire Hugo.pdf »', 'focus back on the renamed document\'s button');
    expect(queryAllByRole(el, 'heading').map((h) => h.textContent?.trim())).to.include('Assurance scolaire Hugo.pdf');
    expect(deepQuery(el, 'form')).to.equal(null);
  });

  it('typing the extension again does not double it', async () => {
    const el = await mount();
    await retype(await openRename(el, 'Carnet de vaccination Léa.jpg'), 'Vaccins Léa.JPG');
    getByRole(el, 'button', 'Enregistrer').click();
    await waitUntil(() => fake.renamed.length === 1);
    expect(fake.renamed[0]).to.deep.equal({ id: 'doc-2', name: 'Vaccins Léa.JPG' });
  });

  it('says what is wrong on the field and in the summary, keeps what was typed, sends nothing', async () => {
    const el = await mount();
    const input = await openRename(el);
    await retype(input, '');
    getByRole(el, 'button', 'Enregistrer').click();
    await waitForText(el, 'Saisissez le nouveau nom du document.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.include(`${input.id}-error`);
    expect(focusedName()).to.include('Le formulaire contient des erreurs');
    await expect(el).to.be.accessible();
    await retype(input, 'Scan 12/10');
    getByRole(el, 'button', 'Enregistrer').click();
    await waitForText(el, 'Le nom ne peut pas contenir ces caractères : / \\ : * ? " < > |');
    expect(input.value).to.equal('Scan 12/10');
    await retype(input, 'x'.repeat(197));
    getByRole(el, 'button', 'Enregistrer').click();
    await waitForText(el, 'Le nom est trop long : 200 caractères au plus, extension comprise.');
    expect(fake.renamed).to.deep.equal([]);
  });

  it('maps the server\'s refusals: a field code on the field, a vanished document in words', async () => {
    const el = await mount();
    fake.renameFailure = new CitizenError('validation_failed', { status: 400, fields: { name: 'forbidden_characters' } });
    const input = await openRename(el);
    getByRole(el, 'button', 'Enregistrer').click();
    await waitForText(el, 'Le nom ne peut pas contenir ces caractères');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    fake.renameFailure = new CitizenError('not_found', { status: 404 });
    getByRole(el, 'button', 'Enregistrer').click();
    await waitForText(el, 'Ce document n’existe plus : il a peut-être été supprimé depuis un autre appareil.');
    expect(input.value).to.equal('Attestation d’assurance 2026-2027');
  });

  it('Escape and "Annuler" close the form without sending, focus back on "Renommer"', async () => {
    const el = await mount();
    await typeInto(await openRename(el), ' modifié');
    await press('Escape');
    await waitUntil(() => focusedName() === `Renommer « ${INSURANCE} »`, 'focus back after Escape');
    expect(deepQuery(el, 'form')).to.equal(null);
    await openRename(el);
    getByRole(el, 'button', 'Annuler').click();
    await waitUntil(() => focusedName() === `Renommer « ${INSURANCE} »`, 'focus back after Annuler');
    expect(fake.renamed).to.deep.equal([]);
  });

  it('has no "Renommer" when the adapter cannot rename', async () => {
    Object.defineProperty(fake, 'renameDocument', { value: undefined });
    const el = await mount();
    expect(queryAllByRole(el, 'button', /^Renommer/)).to.have.length(0);
    expect(queryAllByRole(el, 'button', 'Supprimer')).to.have.length(2);
  });

  it('in English', async () => {
    const el = await mount(html`<citizen-documents-panel lang="en" .backend=${fake.adapter}></citizen-documents-panel>`);
    getByRole(el, 'button', `Rename “${INSURANCE}”`).click();
    await waitUntil(() => focusedName() === 'New name', 'focus in "New name"');
    expect(deepText(el)).to.include('The “.pdf” extension is kept.');
    getByRole(el, 'button', 'Save');
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

  it('renames through PATCH /documents/:id; the server\'s field refusal lands on the field', async () => {
    useMockScenario({ scenario: 'loggedIn', terms: { state: 'accepted' } });
    const backend = new RestBackend('/api');
    const refused = await backend.renameDocument('doc-2', 'a|b.jpg').catch((error: unknown) => error as CitizenError);
    expect((refused as CitizenError).fields).to.deep.equal({ name: 'forbidden_characters' });
    const el = await mount(html`<citizen-documents-panel .backend=${backend}></citizen-documents-panel>`);
    const input = await openRename(el, 'Carnet de vaccination Léa.jpg');
    await retype(input, 'Vaccins de Léa');
    getByRole(el, 'button', 'Enregistrer').click();
    await waitForText(el, '« Carnet de vaccination Léa.jpg » s’appelle désormais « Vaccins de Léa.jpg ».');
    expect((await backend.listDocuments()).map((d) => d.name)).to.include('Vaccins de Léa.jpg');
  });
});
