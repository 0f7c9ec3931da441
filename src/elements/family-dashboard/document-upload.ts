// SPDX-License-Identifier: MIT
/**
 * Adding a file to the secure document storage, shared by "Espace de stockage sécurisé" and
 * the document picker of the requests: the check before sending (type, size, quota), the
 * upload with its progress, the server's refusals in words, and the field that offers it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { CitizenError } from '../../core/errors.js';
import type { Locale } from '../../schemas/city-config.js';
import type { DocumentQuota, StoredDocument } from '../../schemas/documents.js';
import { DEFAULT_DOCUMENT_MAX_BYTES, DOCUMENT_ACCEPT, documentFileProblem, formatBytes } from './document-files.js';
import { Loader, type DashboardPanel } from './panel-base.js';

/** The field's own styles, for the host's `static styles`. */
export const documentUploadStyles = css`
  /* A file input's intrinsic width ("Choose File No file chosen") would widen the host at 320 px. */
  input[type='file'] {
    display: block;
    inline-size: 100%;
    min-inline-size: 0;
    font: inherit;
  }
  progress {
    inline-size: 100%;
    block-size: 1rem;
  }
`;

/** A file on its way. */
export interface Upload {
  name: string;
  /** 0–100; `undefined` while the adapter cannot tell (no progress method). */
  percent?: number | undefined;
}

export interface DocumentUploadOptions {
  /** Prefix of the field's ids (unique in the host's shadow root): `${id}-file`, `${id}-progress-label`. */
  id: string;
  /** The host's locale, for sizes ("1,7 Mo"). */
  locale(): Locale;
  /** What the host does with a document just stored (list it, choose it, say it). */
  stored(document: StoredDocument): void;
}

/**
 * The upload state of a panel (like `Loader` and `PanelForm`, it asks its host to render
 * again when it changes). It also loads the storage's quota, which bounds what may be sent.
 */
export class DocumentUpload {
  /** The file being sent, if any. */
  upload?: Upload;
  /** The last refusal, in words. */
  error?: string;
  /** The account's quota (`null` when the adapter gives none); load it with the host's data. */
  readonly quota: Loader<DocumentQuota | null>;
  /** Keys the error, so that the same refusal twice is announced twice. */
  #attempt = 0;

  constructor(
    private readonly host: DashboardPanel,
    private readonly options: DocumentUploadOptions,
  ) {
    this.quota = new Loader(host, async (adapter) => (adapter.getDocumentQuota ? adapter.getDocumentQuota() : null), { quiet: true });
  }

  get inputId() {
    return `${this.options.id}-file`;
  }

  get maxBytes() {
    return this.quota.data?.maxFileBytes ?? DEFAULT_DOCUMENT_MAX_BYTES;
  }

  /** "180 Ko", "1,7 Mo" in the host's language. */
  size(bytes: number) {
    return formatBytes(bytes, this.options.locale(), { kb: this.host.t('dashboard.documents.kb'), mb: this.host.t('dashboard.documents.mb') });
  }

  #fileErrorText(code: string) {
    const key = `dashboard.documents.error.${code}`;
    return this.host.hasText(key) ? this.host.t(key, { max: this.size(this.maxBytes) }) : this.host.errorText(code);
  }

  #refuse(error: string) {
    this.#attempt++;
    this.upload = undefined;
    this.error = error;
    this.host.requestUpdate();
  }

  #progress(upload: Upload | undefined) {
    this.upload = upload;
    this.host.requestUpdate();
  }

  /**
   * Checks `file` and stores it (the file input's `change` and a drop on the host's zone).
   * Resolves with the stored document, once the host's `stored` has run, or `undefined`
   * when it was refused (the reason is in `error`) or another file is still on its way.
   */
  async send(file: File): Promise<StoredDocument | undefined> {
    const adapter = this.host.panelAdapter;
    if (!adapter || this.upload) return undefined;
    this.error = undefined;
    const problem = documentFileProblem(file, this.maxBytes, this.quota.data);
    if (problem) {
      this.#refuse(this.#fileErrorText(problem));
      return undefined;
    }
    this.#progress({ name: file.name, percent: adapter.uploadDocumentWithProgress ? 0 : undefined });
    try {
      const stored = adapter.uploadDocumentWithProgress
        ? await adapter.uploadDocumentWithProgress(file, file.name, (sent, total) => {
            this.#progress({ name: file.name, percent: total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : undefined });
          })
        : await adapter.uploadDocument(file, file.name);
      this.#progress(undefined);
      void this.quota.load();
      this.options.stored(stored);
      return stored;
    } catch (error) {
      const citizenError = CitizenError.from(error);
      const field = citizenError.fields?.['file'];
      this.#refuse(field ? this.#fileErrorText(field) : this.host.errorText(citizenError));
      this.host.handleRefusal(citizenError);
      return undefined;
    }
  }

  readonly #handleFileChange = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // The same file chosen again (after fixing nothing) still fires `change`.
    input.value = '';
    if (!file) return;
    await this.send(file);
    // Disabled while the file was on its way, the input loses focus to the page in browsers
    // that run the HTML focus fix-up (Firefox, Safari; Chromium keeps it): give it back, unless
    // the citizen has moved on meanwhile, so that the keyboard goes on from there.
    await this.host.updateComplete;
    if (document.activeElement === document.body || document.activeElement === null) input.focus();
  };

  /**
   * The file input with its label, hint, error (an alert, with the hint in
   * `aria-describedby`) and, while a file is sent, its progress; disabled meanwhile.
   */
  render(options: DocumentUploadFieldOptions): TemplateResult {
    const inputId = this.inputId;
    const hintId = `${inputId}-hint`;
    const errorId = `${inputId}-error`;
    const progressId = `${this.options.id}-progress-label`;
    const { error, upload: current } = this;
    return html`
      <label class="citizen-label" for=${inputId}>${options.label}</label>
      <p class=${options.hintClass} id=${hintId}>${options.hint}${options.extraHint ? ` ${options.extraHint}` : nothing}</p>
      ${error
        ? keyed(
            this.#attempt,
            html`<p class="alert" id=${errorId} role="alert">
              <span class="visually-hidden">${this.host.t('common.errorPrefix')}</span> ${error}
            </p>`,
          )
        : nothing}
      <input
        id=${inputId}
        type="file"
        accept=${DOCUMENT_ACCEPT}
        aria-describedby="${hintId}${error ? ` ${errorId}` : ''}"
        aria-invalid=${error ? 'true' : nothing}
        ?disabled=${!!current}
        @change=${this.#handleFileChange}
      />
      ${current
        ? html`<p id=${progressId}>
              ${current.percent === undefined
                ? this.host.t('dashboard.documents.sending', { name: current.name })
                : this.host.t('dashboard.documents.sendingPercent', { name: current.name, percent: current.percent })}
            </p>
            <progress aria-labelledby=${progressId} max="100" value=${current.percent ?? nothing}></progress>`
        : nothing}
    `;
  }
}

export interface DocumentUploadFieldOptions {
  label: string;
  hint: string;
  /** Said after the hint, in the same paragraph (e.g. the storage's use of its quota). */
  extraHint?: string | undefined;
  /** The hint's class: the form's hint, or the panel's muted text. */
  hintClass: 'citizen-hint' | 'muted';
}
