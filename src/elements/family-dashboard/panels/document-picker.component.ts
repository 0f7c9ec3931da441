// SPDX-License-Identifier: MIT
import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { describedBy } from '../../../core/form.js';
import type { MessageKey } from '../../../i18n/translate.js';
import type { StoredDocument } from '../../../schemas/documents.js';
import { documentTypeLabel } from '../document-files.js';
import { DocumentUpload, documentUploadStyles } from '../document-upload.js';
import { DashboardPanel, Loader } from '../panel-base.js';
import { documentPickerTexts } from '../../../i18n/parts/document-picker.js';
import { documentUploadTexts } from '../../../i18n/parts/document-upload.js';

/** `detail` of `citizen-documents-chosen`. */
export interface DocumentsChosenDetail {
  /** The chosen stored documents' ids (at most one without `multiple`; none for "Aucun document"). */
  documentIds: string[];
}

declare module '../../../core/citizen-element.js' {
  interface CitizenEventMap {
    'citizen-documents-chosen': DocumentsChosenDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'citizen-documents-chosen': CustomEvent<DocumentsChosenDetail>;
  }
}

/**
 * Attaching a stored document to a request "en un clic" (seed 003): the account's documents
 * of the "Espace de stockage sécurisé" as radio buttons (one, with "Aucun document") or
 * checkboxes (`multiple`), each with its name, type and date; and "Ajouter un nouveau
 * document", a file input that stores the file (type and size checked first, as the storage
 * panel does) and chooses it at once. The question (legend) is the host form's.
 *
 * Made for the dashboard's forms (the absence certificate, a household request's
 * justificatifs): the form reads `value` or listens to `citizen-documents-chosen`, and gives
 * its error back through `error`. `focus()` goes to the first choice, so an error summary's
 * link leads here.
 *
 * @summary Choose stored documents to attach to a request, or add one.
 *
 * @fires citizen-documents-chosen - The choice changed (a click, or a new document added and chosen); `detail.documentIds`.
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The fieldset.
 * @csspart document - Each document's choice.
 * @csspart upload - The "Ajouter un nouveau document" zone.
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Choices and the upload zone; else the city's colour.
 * @cssprop [--citizen-color-error=#b00020] - Errors.
 */
export class CitizenDocumentPicker extends DashboardPanel {
  static override texts = [documentPickerTexts, documentUploadTexts];

  static override styles = [
    ...DashboardPanel.styles,
    css`
      .choice-meta {
        display: block;
        color: var(--_muted);
        font-size: 0.9rem;
      }
      .citizen-checkboxes {
        display: grid;
        gap: 0.5rem;
      }
      .citizen-form .citizen-radio,
      .citizen-form .citizen-checkbox {
        align-items: flex-start;
      }
      /* A long document name must not squeeze the control at 320 px. */
      .citizen-form .citizen-radio__input,
      .citizen-form .citizen-checkbox__input {
        flex-shrink: 0;
      }
      .upload {
        margin-block-start: 0.75rem;
        padding: 0.75rem;
        border: 2px dashed var(--_border);
        border-radius: 4px;
      }
    `,
    documentUploadStyles,
  ];

  /** The question, e.g. "Certificat médical" (the host form's words). */
  @property() legend = '';
  /** A hint under the legend. */
  @property() hint?: string;
  /** Checkboxes (several documents) rather than radio buttons with "Aucun document". */
  @property({ type: Boolean }) multiple = false;
  /** The chosen documents' ids; the picker updates it as the citizen chooses, as a native control does. */
  @property({ attribute: false }) value: string[] = [];
  /** The host form's error on this choice, shown in words in the fieldset. */
  @property() error?: string;

  readonly #documents: Loader<StoredDocument[]> = new Loader(this, (adapter) => adapter.listDocuments());
  readonly #upload = new DocumentUpload(this, {
    id: this.uid,
    locale: () => this.locale,
    stored: (stored) => {
      this.#documents.set([...(this.#documents.data ?? []), stored]);
      this.#choose(this.multiple ? [...this.value, stored.id] : [stored.id]);
      this.announce(this.t('documentPicker.uploaded', { name: stored.name }));
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

  /** Focuses the chosen document, else the first choice (an error summary's link leads here). */
  override focus(options?: FocusOptions) {
    const inputs = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input')];
    (inputs.find((input) => input.checked) ?? inputs[0])?.focus(options);
  }

  #choose(ids: string[]) {
    this.value = ids;
    this.emit('citizen-documents-chosen', { documentIds: [...ids] });
  }

  #toggle(id: string, checked: boolean) {
    if (!this.multiple) this.#choose(id ? [id] : []);
    else this.#choose(checked ? [...this.value.filter((v) => v !== id), id] : this.value.filter((v) => v !== id));
  }

  #date(iso: string) {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));
  }

  protected override render() {
    const errorId = `${this.uid}-error`;
    const hintId = `${this.uid}-hint`;
    return html`
      <div class="citizen-form">
        <fieldset
          part="base"
          class="citizen-fieldset citizen-field ${this.error ? 'citizen-field--error' : ''}"
          aria-describedby=${describedBy(this.hint && hintId, this.error && errorId)}
        >
          <legend class="citizen-label">${this.legend}</legend>
          ${this.hint ? html`<p class="citizen-hint" id=${hintId}>${this.hint}</p>` : nothing}
          ${this.error
            ? html`<p class="citizen-error-message" id=${errorId}>
                <span class="visually-hidden">${this.t('common.errorPrefix')}</span> ${this.error}
              </p>`
            : nothing}
          ${this.renderLoad(this.#documents, 'documentPicker.loadError', (documents) => this.#renderChoices(documents))}
          ${this.#renderUpload()}
        </fieldset>
        <p class="status" role="status">${this.announcement}</p>
      </div>
    `;
  }

  protected renderBody(): unknown {
    return nothing;
  }

  #renderChoices(documents: StoredDocument[]) {
    const type = this.multiple ? 'checkbox' : 'radio';
    const name = `${this.uid}-documents`;
    const choice = (id: string, label: unknown, meta?: string) => {
      const inputId = `${this.uid}-doc-${id.replace(/[^a-zA-Z0-9_-]/g, '-') || 'none'}`;
      const checked = id ? this.value.includes(id) : this.value.length === 0;
      return html`
        <div part="document" class=${this.multiple ? 'citizen-checkbox' : 'citizen-radio'}>
          <input
            class=${this.multiple ? 'citizen-checkbox__input' : 'citizen-radio__input'}
            type=${type}
            id=${inputId}
            name=${name}
            value=${id}
            .checked=${live(checked)}
            aria-invalid=${this.error ? 'true' : nothing}
            @change=${(event: Event) => this.#toggle(id, (event.target as HTMLInputElement).checked)}
          />
          <label class=${this.multiple ? 'citizen-checkbox__label' : 'citizen-radio__label'} for=${inputId}>
            ${label}${meta ? html` <span class="choice-meta">${meta}</span>` : nothing}
          </label>
        </div>
      `;
    };
    return html`
      ${documents.length === 0 ? html`<p class="muted">${this.t('documentPicker.empty')}</p>` : nothing}
      <div class=${this.multiple ? 'citizen-checkboxes' : 'citizen-radios'}>
        ${this.multiple ? nothing : choice('', this.t('documentPicker.none'))}
        ${documents.map((d) =>
          choice(d.id, d.name, this.t('documentPicker.meta', { type: documentTypeLabel(d.type), date: this.#date(d.uploadedAt) })),
        )}
      </div>
    `;
  }

  #renderUpload() {
    const upload = this.#upload;
    return html`
      <div part="upload" class="upload">
        ${upload.render({
          label: this.t('documentPicker.add'),
          hint: this.t('documentPicker.hint', { max: upload.size(upload.maxBytes) }),
          hintClass: 'citizen-hint',
        })}
      </div>
    `;
  }
}
