// SPDX-License-Identifier: MIT
import { css, html, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import type { CitizenBackend } from '../../core/backend.js';
import { CitizenElement } from '../../core/citizen-element.js';
import { termsTexts } from '../../i18n/parts/terms.js';
import { CitizenError } from '../../core/errors.js';
import { headingTag } from '../../core/form.js';
import type { Terms } from '../../schemas/terms.js';
import { tokens } from '../../styles/tokens.js';
import { buttonStyles } from '../../styles/buttons.js';
import { frame } from '../../styles/frame.js';
import { formatLongDate, renderTermsBlocks, termsTextStyles } from './terms-text.js';

/**
 * The city's terms of use, read-only and printable: the page the city's `urls.terms` points
 * at (the demo's `/cgu`), linked from sign-up and from the dashboard. Needs no session.
 * "Imprimer ou enregistrer en PDF" opens the browser's print dialog, which also saves as
 * PDF; printed, only the text is kept.
 *
 * @summary Shows the terms of use, read-only, with a print button.
 *
 * @csspart base - The frame around the text.
 * @csspart heading - The title of the terms.
 * @csspart version - "Version 2026-09 du 1 septembre 2026".
 * @csspart print-button - "Imprimer ou enregistrer en PDF".
 *
 * @cssprop [--citizen-terms-max-width=48rem] - Widest the element gets.
 * @cssprop [--citizen-color-primary=#1d4f91] - Title, frame's top border, print button.
 * @cssprop [--citizen-color-text=#1e1e1e] - Text, and the outer focus ring.
 * @cssprop [--citizen-color-muted=#555555] - The version line.
 * @cssprop [--citizen-color-surface=#ffffff] - Background.
 * @cssprop [--citizen-color-border=#767676] - Frame border.
 * @cssprop [--citizen-color-error=#b00020] - Error message.
 * @cssprop [--citizen-color-focus=#ffbf47] - Inner focus ring.
 * @cssprop [--citizen-radius=4px] - Corner radius.
 * @cssprop [--citizen-font-family=system-ui, sans-serif] - Font.
 * @cssprop [--citizen-space=1rem] - Spacing unit.
 */
export class CitizenTerms extends CitizenElement {
  static override texts = [termsTexts];

  static override styles = [
    tokens,
    frame,
    buttonStyles(),
    termsTextStyles,
    css`
      :host {
        max-width: var(--citizen-terms-max-width, 48rem);
      }
      .base > * {
        margin: 0;
      }
      .version,
      .loading {
        margin: 0;
        color: var(--_muted);
      }
      .alert {
        margin: 0;
        color: var(--_error);
        font-weight: 600;
      }
      button {
        justify-self: start;
      }
      button:focus-visible {
        outline: 3px solid var(--_text);
        outline-offset: 3px;
        box-shadow: 0 0 0 3px var(--_focus);
      }
      @media (max-width: 30rem) {
        .base {
          padding: 0.75rem;
        }
      }
      @media print {
        :host {
          max-width: none;
        }
        .base {
          border: none;
          padding: 0;
        }
        button {
          display: none;
        }
        .heading {
          color: black;
        }
      }
    `,
  ];

  /** The version to show; the current one when absent. */
  @property() version?: string;

  /** Level of the title, 1 to 6; the sections are one level below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private terms?: Terms;
  @state() private error?: CitizenError | 'no_backend';

  #loaded?: { adapter: CitizenBackend | undefined; version: string | undefined };
  #load = 0;

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    const adapter = this.adapter;
    const loaded = this.#loaded;
    if (!loaded || loaded.adapter !== adapter || loaded.version !== this.version) {
      this.#loaded = { adapter, version: this.version };
      void this.#fetch(adapter, this.version);
    }
  }

  async #fetch(adapter: CitizenBackend | undefined, version: string | undefined) {
    const load = ++this.#load;
    this.terms = undefined;
    this.error = undefined;
    if (!adapter) {
      this.error = 'no_backend';
      return;
    }
    try {
      const terms = await adapter.getTerms(version);
      if (load === this.#load) this.terms = terms;
    } catch (error) {
      if (load === this.#load) this.error = CitizenError.from(error);
    }
  }

  private handlePrint() {
    window.print();
  }

  protected override render(): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    const terms = this.terms;
    if (this.error) {
      return html`<div part="base" class="base"><p class="alert" role="alert">${this.errorText(this.error)}</p></div>`;
    }
    if (!terms) return html`<div part="base" class="base"><p class="loading">${this.t('common.loading')}</p></div>`;
    const tag = headingTag(level);
    return html`
      <article part="base" class="base" aria-labelledby="heading">
        ${staticHtml`<${tag} part="heading" id="heading" class="heading">${terms.title}</${tag}>`}
        <p part="version" class="version">
          ${this.t('cgu.version', { version: terms.version, date: formatLongDate(terms.publishedOn, this.locale) })}
        </p>
        <button part="print-button" class="citizen-button citizen-button--secondary" type="button" @click=${this.handlePrint}>${this.t('cgu.print')}</button>
        <div class="terms-text">${renderTermsBlocks(terms.blocks, level + 1)}</div>
      </article>
    `;
  }
}
