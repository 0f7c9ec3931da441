// SPDX-License-Identifier: MIT
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { CitizenError } from '../../../core/errors.js';
import type { MessageKey } from '../../../i18n/translate.js';
import type { CloseAccountRequest, ExportFormat } from '../../../schemas/account-data.js';
import { DashboardPanel, type Loader } from '../panel-base.js';
import { myDataTexts } from '../../../i18n/parts/my-data.js';
import { checkboxField, PanelForm, textField } from '../panel-form.js';
import '../events.js';

/**
 * "Mes données" (RGPD, art. 15, 17 and 20): download a copy of everything the city holds
 * about the account and the family — as JSON, or as a readable page — and close the account,
 * after a clear warning and with the password typed again. Closing ends every session and
 * erases or anonymises personal data, except what the law makes the city keep (invoices).
 *
 * @summary Download my data (JSON or readable), or close my account.
 *
 * @fires citizen-account-closed - The account was closed; every session has ended.
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading "Mes données" (absent with `hide-heading`).
 * @csspart close-button - "Fermer définitivement mon espace".
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Headings and buttons; else the city's colour.
 * @cssprop [--citizen-color-error=#b00020] - The warning, errors and the closing button.
 */
export class CitizenMyDataPanel extends DashboardPanel {
  static override texts = [myDataTexts];

  @state() private downloading?: ExportFormat;
  @state() private downloadError?: CitizenError;
  @state() private downloaded?: ExportFormat;
  @state() private isClosing = false;
  @state() private isClosed = false;

  #form?: PanelForm<CloseAccountRequest>;

  protected get titleKey(): MessageKey {
    return 'dashboard.section.myData';
  }

  // Nothing to load up front: both actions ask the back end when used.
  protected get loaders(): Loader<unknown>[] {
    return [];
  }

  protected reload() {}

  /** Saves a file the browser received (a link could not carry the token of token mode). */
  protected save(blob: Blob, name: string) {
    const url = URL.createObjectURL(blob);
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async #download(format: ExportFormat) {
    const adapter = this.adapter;
    if (!adapter || this.downloading) return;
    this.attempt++;
    this.downloading = format;
    this.downloadError = undefined;
    this.downloaded = undefined;
    try {
      const blob = await adapter.exportAccount(format);
      const day = new Date().toISOString().slice(0, 10);
      this.save(blob, `mes-donnees-${day}.${format}`);
      this.downloaded = format;
      this.announce(this.t('dashboard.myData.downloaded'));
    } catch (error) {
      const citizenError = CitizenError.from(error);
      this.downloadError = citizenError;
      this.handleRefusal(citizenError);
    } finally {
      this.downloading = undefined;
    }
  }

  #startClosing() {
    this.#form = new PanelForm<CloseAccountRequest>(this, {
      id: `${this.uid}-close`,
      fields: ['password', 'confirm'],
      validate: (values) => {
        const errors: Record<string, string> = {};
        if (!values['password']) errors['password'] = 'required';
        if (values['confirm'] !== 'true') errors['confirm'] = 'required';
        return Object.keys(errors).length > 0 ? { errors } : { data: { password: values['password']! } };
      },
      errorText: (path, code) => {
        if (code === 'required') return this.t(path === 'password' ? 'dashboard.myData.passwordRequired' : 'dashboard.myData.confirmRequired');
        if (code === 'password_wrong') return this.t('dashboard.myData.passwordWrong');
        return this.errorText(code);
      },
    });
    this.isClosing = true;
    this.focusAfterRender(`#${this.uid}-close-title`);
  }

  #cancelClosing() {
    this.#form = undefined;
    this.isClosing = false;
    this.focusAfterRender(`#${this.uid}-close-start`);
  }

  private async handleClose(event: SubmitEvent) {
    event.preventDefault();
    const form = this.#form;
    const adapter = this.adapter;
    if (!form || !adapter) return;
    const done = await form.submit(async (request) => {
      await adapter.closeAccount(request);
      return true;
    });
    if (!done) return;
    this.#form = undefined;
    this.isClosing = false;
    this.isClosed = true;
    this.focusAfterRender(`#${this.uid}-closed`);
    this.emit('citizen-account-closed', {});
  }

  protected renderBody(): unknown {
    if (this.isClosed) {
      return html`<p class="notice notice--success" id="${this.uid}-closed" tabindex="-1" role="status">${this.t('dashboard.myData.closed')}</p>`;
    }
    const downloadTitle = `${this.uid}-download-title`;
    const closeTitle = `${this.uid}-close-section-title`;
    return html`
      <p class="intro">${this.t('dashboard.myData.intro')}</p>
      <section class="block" aria-labelledby=${downloadTitle}>
        ${this.heading(this.subLevel, this.t('dashboard.myData.downloadHeading'), { id: downloadTitle, className: 'section-title' })}
        <p>${this.t('dashboard.myData.downloadIntro')}</p>
        ${this.downloadError
          ? keyed(this.attempt, html`<p class="alert" role="alert">${this.requestErrorText(this.downloadError)}</p>`)
          : nothing}
        <div class="actions">
          ${(['html', 'json'] as const).map(
            (format) => html`<button
              class="citizen-button citizen-button--secondary"
              type="button"
              aria-disabled=${this.downloading ? 'true' : nothing}
              @click=${() => this.#download(format)}
            >
              ${this.t(this.downloading === format ? 'dashboard.myData.preparing' : `dashboard.myData.download.${format}`)}
            </button>`,
          )}
        </div>
        ${this.downloaded ? html`<p class="muted">${this.t('dashboard.myData.downloaded')}</p>` : nothing}
      </section>
      <section class="block" aria-labelledby=${closeTitle}>
        ${this.heading(this.subLevel, this.t('dashboard.myData.closeHeading'), { id: closeTitle, className: 'section-title' })}
        <div class="notice notice--warning">
          <p><strong>${this.t('dashboard.myData.warningTitle')}</strong></p>
          <p>${this.t('dashboard.myData.warning')}</p>
        </div>
        ${this.isClosing ? this.#renderCloseForm() : html`<div class="actions">
          <button class="citizen-button citizen-button--secondary" id="${this.uid}-close-start" type="button" @click=${() => this.#startClosing()}>
            ${this.t('dashboard.myData.closeStart')}
          </button>
        </div>`}
      </section>
    `;
  }

  #renderCloseForm() {
    const form = this.#form!;
    const prefix = this.t('common.errorPrefix');
    const pending = form.isPending;
    return html`
      <div class="citizen-form form-box">
        ${this.heading(this.subLevel + 1, this.t('dashboard.myData.closeFormHeading'), {
          id: `${this.uid}-close-title`,
          className: 'item-title',
          focusable: true,
        })}
        ${form.renderFeedback(this.subLevel + 2, (error) => this.requestErrorText(error), this.t('common.errorSummary'))}
        <form novalidate aria-busy=${pending ? 'true' : nothing} @submit=${this.handleClose}>
          ${textField(form, 'password', prefix, {
            label: this.t('dashboard.myData.password'),
            hint: this.t('dashboard.myData.passwordHint'),
            type: 'password',
            autocomplete: 'current-password',
            required: true,
            spellcheck: false,
          })}
          ${checkboxField(form, 'confirm', prefix, { label: this.t('dashboard.myData.confirm') })}
          <div class="citizen-actions">
            <button part="close-button" class="citizen-button citizen-button--danger" type="submit" aria-disabled=${pending ? 'true' : nothing}>
              ${this.t(pending ? 'dashboard.myData.closing' : 'dashboard.myData.closeSubmit')}
            </button>
            <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.#cancelClosing()}>
              ${this.t('dashboard.cancel')}
            </button>
          </div>
        </form>
      </div>
    `;
  }
}
