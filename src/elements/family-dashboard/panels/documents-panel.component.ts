// SPDX-License-Identifier: MIT
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { CitizenError } from '../../../core/errors.js';
import { type MessageKey } from '../../../i18n/translate.js';
import { DocumentRename, type StoredDocument } from '../../../schemas/documents.js';
import { documentTypeLabel } from '../document-files.js';
import { DocumentUpload, documentUploadStyles } from '../document-upload.js';
import { DashboardPanel, Loader } from '../panel-base.js';
import { documentsTexts } from '../../../i18n/parts/documents.js';
import { documentUploadTexts } from '../../../i18n/parts/document-upload.js';
import { PanelForm, textField } from '../panel-form.js';

/** The longest name the server keeps (DocumentRename), extension included. */
const NAME_MAX = 200;
/** Each accepted type's extensions, the first one given to a name that has none of them. */
const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg', '.jpe'],
  'image/png': ['.png'],
};

/**
 * A stored name split into what the family edits and the extension kept: on upload the
 * server refuses an extension that contradicts the content, so a rename keeps the type's one
 * (the base is renamed; typing the same extension again does not double it).
 */
function splitName(name: string, type: string): { base: string; extension: string } {
  const allowed = EXTENSIONS[type] ?? [];
  const lower = name.toLowerCase();
  const found = allowed.find((extension) => lower.endsWith(extension) && lower.length > extension.length);
  if (found) return { base: name.slice(0, -found.length), extension: name.slice(-found.length) };
  return { base: name, extension: allowed[0] ?? '' };
}

/** The full name to send for `base` typed in the form. */
const joinName = (base: string, extension: string) => {
  const trimmed = base.trim();
  return extension && trimmed.toLowerCase().endsWith(extension.toLowerCase()) ? trimmed : `${trimmed}${extension}`;
};

interface Renaming {
  document: StoredDocument;
  /** Kept as it is, shown in the hint. */
  extension: string;
  form: PanelForm<DocumentRename>;
}

/**
 * "Espace de stockage sécurisé" (seeds 000, 003: "Vous seul pouvez consulter son contenu"):
 * the account's documents — list, download, rename (when the adapter has `renameDocument`),
 * delete after a confirmation — and an upload by a
 * normal file input or by dropping a file on the zone around it, with a progress bar (the
 * adapter's optional `uploadDocumentWithProgress`; without it, a bar without a value). Type
 * and size are checked before sending, so a mistake is said at once; the server checks
 * again (the type from the content) and its refusals — too large, wrong type, quota — are
 * said in the same place, in words.
 *
 * @summary The account's private documents: upload with progress, download, rename, delete.
 *
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading (absent with `hide-heading`).
 * @csspart dropzone - The upload zone (file input and drop target).
 * @csspart document - Each stored document.
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Headings, buttons, the drop zone; else the city's colour.
 * @cssprop [--citizen-color-error=#b00020] - Errors.
 */
export class CitizenDocumentsPanel extends DashboardPanel {
  static override texts = [documentsTexts, documentUploadTexts];

  static override styles = [
    ...DashboardPanel.styles,
    css`
      .dropzone {
        padding: 1rem;
        border: 2px dashed var(--_border);
        border-radius: 4px;
        margin-block: 0.75rem;
      }
      .dropzone--over {
        border-color: var(--_primary);
        background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
      }
      .dropzone--error {
        border-color: var(--_error);
      }
      .confirm,
      .rename {
        margin-block-start: 0.5rem;
      }
      /* A long name wraps rather than widening the panel at 320 px. */
      .item-title {
        overflow-wrap: anywhere;
      }
    `,
    documentUploadStyles,
  ];

  @state() private isOver = false;
  @state() private confirming?: string;
  @state() private deleting?: string;
  @state() private deleteError?: { id: string; error: CitizenError };
  /** The document being renamed, and its form (what was typed survives re-renders and errors). */
  @state() private renaming?: Renaming;

  readonly #documents: Loader<StoredDocument[]> = new Loader(this, (adapter) => adapter.listDocuments());
  readonly #upload = new DocumentUpload(this, {
    id: this.uid,
    locale: () => this.locale,
    stored: (stored) => {
      this.#documents.set([...(this.#documents.data ?? []), stored]);
      this.announce(this.t('dashboard.documents.uploaded', { name: stored.name }));
    },
  });

  protected get titleKey(): MessageKey {
    return 'dashboard.section.documents';
  }

  protected get loaders(): Loader<unknown>[] {
    return [this.#documents];
  }

  protected reload() {
    void this.#documents.load();
    void this.#upload.quota.load();
  }

  private handleDragOver(event: DragEvent) {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.isOver = true;
  }

  private handleDrop(event: DragEvent) {
    event.preventDefault();
    this.isOver = false;
    const file = event.dataTransfer?.files[0];
    if (file) void this.#upload.send(file);
  }

  #askDelete(document: StoredDocument) {
    this.confirming = document.id;
    this.deleteError = undefined;
    this.focusAfterRender(`#${this.uid}-confirm-${this.#safe(document.id)}`);
  }

  #cancelDelete(document: StoredDocument) {
    this.confirming = undefined;
    this.focusAfterRender(`#${this.uid}-delete-${this.#safe(document.id)}`);
  }

  async #delete(document: StoredDocument) {
    const adapter = this.adapter;
    if (!adapter || this.deleting) return;
    this.deleting = document.id;
    try {
      await adapter.deleteDocument(document.id);
      this.confirming = undefined;
      this.#documents.set((this.#documents.data ?? []).filter((d) => d.id !== document.id));
      void this.#upload.quota.load();
      this.announce(this.t('dashboard.documents.deleted', { name: document.name }));
      this.focusAfterRender(`#${this.uid}-file`);
    } catch (error) {
      const citizenError = CitizenError.from(error);
      this.attempt++;
      this.deleteError = { id: document.id, error: citizenError };
      this.handleRefusal(citizenError);
    } finally {
      this.deleting = undefined;
    }
  }

  #openRename(document: StoredDocument) {
    const { base, extension } = splitName(document.name, document.type);
    const form = new PanelForm<DocumentRename>(this, {
      id: `${this.uid}-rename-${this.#safe(document.id)}`,
      fields: ['name'],
      initial: { name: base },
      validate: (values) => {
        const typed = values['name'] ?? '';
        // Only an extension is no name: "saisissez le nom" rather than a valid ".pdf".
        if (!typed.trim()) return { errors: { name: 'required' } };
        const parsed = DocumentRename.safeParse({ name: joinName(typed, extension) });
        return parsed.success ? { data: parsed.data } : { errors: { name: parsed.error.issues[0]?.message ?? 'invalid' } };
      },
      errorText: (_path, code) => this.#renameErrorText(code),
    });
    this.renaming = { document, extension, form };
    this.confirming = undefined;
    this.focusAfterRender(`#${form.controlId('name')}`);
  }

  #closeRename(document: StoredDocument) {
    this.renaming = undefined;
    this.focusAfterRender(`#${this.uid}-rename-${this.#safe(document.id)}-button`);
  }

  #renameErrorText(code: string) {
    const key = `dashboard.documents.renameError.${code}`;
    return this.hasText(key) ? this.t(key, { max: NAME_MAX }) : this.errorText(code);
  }

  private async handleRename(event: SubmitEvent) {
    event.preventDefault();
    const adapter = this.adapter;
    const renaming = this.renaming;
    if (!adapter?.renameDocument || !renaming) return;
    const { document, form } = renaming;
    const renamed = await form.submit(({ name }) => adapter.renameDocument!(document.id, name));
    if (!renamed) return;
    this.#documents.set((this.#documents.data ?? []).map((d) => (d.id === document.id ? renamed : d)));
    this.announce(this.t('dashboard.documents.renamed', { old: document.name, name: renamed.name }));
    this.#closeRename(renamed);
  }

  private handleRenameKeyDown(event: KeyboardEvent, document: StoredDocument) {
    // Escape while an IME composes ends the composition, not the form.
    if (event.key !== 'Escape' || event.isComposing) return;
    event.preventDefault();
    this.#closeRename(document);
  }

  #safe(id: string) {
    return id.replace(/[^a-zA-Z0-9_-]/g, '-');
  }

  #date(iso: string) {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));
  }

  protected renderBody(): unknown {
    return html`
      <p class="intro">${this.t('dashboard.documents.intro')}</p>
      ${this.#renderUpload()}
      ${this.renderLoad(this.#documents, 'dashboard.documents.loadError', (documents) =>
        documents.length === 0
          ? html`<p class="notice">${this.t('dashboard.documents.empty')}</p>`
          : html`<ul class="list" role="list">
              ${documents.map((document) => this.#renderDocument(document))}
            </ul>`,
      )}
    `;
  }

  #renderUpload() {
    const upload = this.#upload;
    const quota = upload.quota.data;
    return html`
      <div
        part="dropzone"
        class="dropzone ${this.isOver ? 'dropzone--over' : ''} ${upload.error ? 'dropzone--error' : ''}"
        @dragover=${this.handleDragOver}
        @dragleave=${() => (this.isOver = false)}
        @drop=${this.handleDrop}
      >
        ${upload.render({
          label: this.t('dashboard.documents.add'),
          hint: this.t('dashboard.documents.hint', { max: this.#upload.size(upload.maxBytes) }),
          extraHint: quota ? this.t('dashboard.documents.quota', { used: this.#upload.size(quota.usedBytes), total: this.#upload.size(quota.quotaBytes) }) : undefined,
          hintClass: 'muted',
        })}
      </div>
    `;
  }

  #renderDocument(document: StoredDocument) {
    const id = this.#safe(document.id);
    const titleId = `${this.uid}-doc-${id}`;
    const adapter = this.adapter;
    const isConfirming = this.confirming === document.id;
    const isRenaming = this.renaming?.document.id === document.id;
    const error = this.deleteError?.id === document.id ? this.deleteError.error : undefined;
    const type = documentTypeLabel(document.type);
    return html`
      <li part="document" class="card">
        ${this.heading(this.subLevel, document.name, { id: titleId, className: 'item-title' })}
        <p class="meta">${type} · ${this.#upload.size(document.sizeBytes)} · ${this.t('dashboard.documents.addedOn', { date: this.#date(document.uploadedAt) })}</p>
        <div class="member-actions">
          ${adapter
            ? html`<a class="citizen-link" href=${adapter.documentUrl(document.id)} download=${document.name} aria-describedby=${titleId}>
                ${this.t('dashboard.documents.download')}
              </a>`
            : nothing}
          ${adapter?.renameDocument
            ? html`<button
                class="citizen-button citizen-button--secondary"
                id="${this.uid}-rename-${id}-button"
                type="button"
                aria-label=${this.t('dashboard.documents.renameLabel', { name: document.name })}
                aria-expanded=${isRenaming ? 'true' : 'false'}
                @click=${() => (isRenaming ? this.#closeRename(document) : this.#openRename(document))}
              >
                ${this.t('dashboard.documents.rename')}
              </button>`
            : nothing}
          <button
            class="citizen-button citizen-button--secondary"
            id="${this.uid}-delete-${id}"
            type="button"
            aria-describedby=${titleId}
            aria-expanded=${isConfirming ? 'true' : 'false'}
            @click=${() => {
              if (isConfirming) return this.#cancelDelete(document);
              this.renaming = undefined;
              this.#askDelete(document);
            }}
          >
            ${this.t('dashboard.documents.delete')}
          </button>
        </div>
        ${isConfirming
          ? html`<div class="confirm notice notice--warning">
              <p id="${this.uid}-confirm-${id}" tabindex="-1">${this.t('dashboard.documents.confirm', { name: document.name })}</p>
              ${error ? keyed(this.attempt, html`<p class="alert" role="alert">${this.errorText(error)}</p>`) : nothing}
              <div class="actions">
                <button
                  class="citizen-button"
                  type="button"
                  aria-disabled=${this.deleting === document.id ? 'true' : nothing}
                  @click=${() => void this.#delete(document)}
                >
                  ${this.t('dashboard.documents.confirmDelete')}
                </button>
                <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.#cancelDelete(document)}>
                  ${this.t('dashboard.cancel')}
                </button>
              </div>
            </div>`
          : nothing}
        ${isRenaming ? this.#renderRename(this.renaming!) : nothing}
      </li>
    `;
  }

  #renderRename({ document, extension, form }: Renaming) {
    const pending = form.isPending;
    return html`
      <div class="rename citizen-form" @keydown=${(event: KeyboardEvent) => this.handleRenameKeyDown(event, document)}>
        ${form.renderFeedback(
          this.subLevel + 1,
          (error) => (error !== 'no_backend' && error.code === 'not_found' ? this.#renameErrorText('not_found') : this.requestErrorText(error)),
          this.t('common.errorSummary'),
        )}
        <form novalidate aria-busy=${pending ? 'true' : nothing} @submit=${this.handleRename}>
          ${textField(form, 'name', this.t('common.errorPrefix'), {
            label: this.t('dashboard.documents.newName'),
            hint: extension ? this.t('dashboard.documents.extensionKept', { extension }) : undefined,
            autocomplete: 'off',
          })}
          <div class="citizen-actions">
            <button class="citizen-button" type="submit" aria-disabled=${pending ? 'true' : nothing}>
              ${this.t(pending ? 'dashboard.documents.saving' : 'dashboard.documents.save')}
            </button>
            <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.#closeRename(document)}>
              ${this.t('dashboard.cancel')}
            </button>
          </div>
        </form>
      </div>
    `;
  }
}
