// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { formatDateTime, type MessageKey } from '../../../i18n/translate.js';
import { fieldErrors } from '../../../schemas/errors.js';
import { HouseholdAddition } from '../../../schemas/household.js';
import type { CitizenRequest } from '../../../schemas/requests.js';
import { todayIsoDate } from '../format.js';
import { DashboardPanel, Loader } from '../panel-base.js';
import { entourageTexts } from '../../../i18n/parts/entourage.js';
import { personFieldsTexts } from '../../../i18n/parts/person-fields.js';
import { requestStatusTexts } from '../../../i18n/parts/request-status.js';
import { documentPickerTexts } from '../../../i18n/parts/document-picker.js';
import { PanelForm, present, radioGroup, textField, type Validation, type Values } from '../panel-form.js';
import './document-picker.js';

type Role = HouseholdAddition['role'];
const ROLES: readonly Role[] = ['co-representative', 'child', 'expected-child', 'contact'];
const isOpen = (request: CitizenRequest) => request.status === 'sent' || request.status === 'in-progress';

/**
 * The form's fields for a role: a child has no civility, e-mail or relation; the others no
 * birth date. A child or a co-representative may come with justificatifs (an acte de
 * naissance, a livret de famille) taken from the secure storage.
 */
function fieldsFor(role: string | undefined): string[] {
  switch (role) {
    case 'child':
    case 'expected-child':
      return ['role', 'lastName', 'firstNames', 'birthDate', 'attachmentIds'];
    case 'co-representative':
      return ['role', 'civility', 'lastName', 'firstNames', 'birthDate', 'email', 'phone', 'attachmentIds'];
    case 'contact':
      return ['role', 'civility', 'lastName', 'firstNames', 'relation', 'phone', 'email'];
    default:
      return ['role'];
  }
}

/**
 * "Mon entourage" (seed 004): "Ajouter à mon entourage Enfance" opens the request to add a
 * co-representative, a child born or expected, or a contact to the family. The city
 * validates it; meanwhile the request is listed here as pending, and once accepted the
 * member appears in "Ma famille".
 *
 * @summary Ask the city to add a co-representative, a child or a contact to the family.
 *
 * @fires citizen-request-sent - The addition was sent to the city; `detail.request` is the request.
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading "Mon entourage" (absent with `hide-heading`).
 * @csspart add-button - "Ajouter à mon entourage Enfance".
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Headings and buttons; else the city's colour.
 * @cssprop [--citizen-color-error=#b00020] - Errors.
 */
export class CitizenEntouragePanel extends DashboardPanel {
  static override texts = [entourageTexts, personFieldsTexts, requestStatusTexts, documentPickerTexts];

  @state() private isAdding = false;
  @state() private sent: CitizenRequest[] = [];
  @state() private justSent?: string;

  readonly #requests: Loader<CitizenRequest[]> = new Loader(this, (adapter) => adapter.listRequests());
  #form?: PanelForm<HouseholdAddition>;

  protected get titleKey(): MessageKey {
    return 'dashboard.section.entourage';
  }

  protected get loaders(): Loader<unknown>[] {
    return [this.#requests];
  }

  protected reload() {
    void this.#requests.load();
  }

  /** Asks the adapter again (the city may have decided meanwhile). */
  refresh() {
    this.reload();
  }

  #start() {
    this.#form = new PanelForm<HouseholdAddition>(this, {
      id: `${this.uid}-addition`,
      fields: () => fieldsFor(this.#form?.values['role']),
      validate: (values) => this.#validate(values),
      errorText: (path, code) => this.#fieldText(path, code),
      mapServerField: (path) => (path.startsWith('attachmentIds') ? 'attachmentIds' : undefined),
    });
    this.isAdding = true;
    this.justSent = undefined;
    this.focusAfterRender(`#${this.uid}-form-title`);
  }

  #cancel() {
    this.#form = undefined;
    this.isAdding = false;
    this.focusAfterRender(`#${this.uid}-add`);
  }

  #validate(values: Values): Validation<HouseholdAddition> {
    const role = values['role'];
    if (!role) return { errors: { role: 'required' } };
    const { attachmentIds: chosen = '', ...filled } = present(values, fieldsFor(role));
    // Form values are strings: the picker's ids travel joined by commas.
    const attachmentIds = chosen ? chosen.split(',') : [];
    const errors: Record<string, string> = {};
    const today = todayIsoDate();
    if (role === 'child' && !filled['birthDate']) errors['birthDate'] = 'required';
    if (role === 'expected-child' && !filled['birthDate']) errors['birthDate'] = 'required_expected';
    if (role === 'child' && filled['birthDate'] && filled['birthDate'] > today) errors['birthDate'] = 'birth_date_future';
    if (role === 'expected-child' && filled['birthDate'] && filled['birthDate'] < today) errors['birthDate'] = 'expected_date_past';
    const parsed = HouseholdAddition.safeParse(attachmentIds.length > 0 ? { ...filled, attachmentIds } : filled);
    if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error.issues), errors);
    return Object.keys(errors).length > 0 ? { errors } : { data: parsed.data! };
  }

  #fieldText(path: string, code: string): string {
    if (path === 'role' && code === 'required') return this.t('dashboard.entourage.roleRequired');
    if (code === 'required_expected') return this.t('dashboard.field.required', { label: this.t('dashboard.entourage.expectedDate') });
    if (code === 'required') return this.t('dashboard.field.required', { label: this.t(this.#labelKey(path)) });
    if (code === 'birth_date_future') return this.t('dashboard.field.birthDateFuture');
    if (code === 'expected_date_past') return this.t('dashboard.entourage.expectedDatePast');
    if (code === 'unknown_document') return this.t('dashboard.absence.unknownDocument');
    if (path === 'attachmentIds' && code === 'too_long') return this.t('dashboard.entourage.tooManyAttachments');
    return this.errorText(code);
  }

  #labelKey(path: string): MessageKey {
    if (path === 'relation') return 'dashboard.entourage.relation';
    if (path === 'birthDate' && this.#form?.values['role'] === 'expected-child') return 'dashboard.entourage.expectedDate';
    return `dashboard.field.${path}` as MessageKey;
  }

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = this.#form;
    const adapter = this.adapter;
    if (!form || !adapter) return;
    const request = await form.submit((addition) => adapter.requestHouseholdAddition(addition));
    if (!request) return;
    this.#form = undefined;
    this.isAdding = false;
    this.sent = [request, ...this.sent];
    this.justSent = request.id;
    this.requestSent(request);
  }

  #pending(): CitizenRequest[] {
    // The back end's copy wins: the city may have decided meanwhile.
    const listed = this.#requests.data ?? [];
    const all = [...listed, ...this.sent.filter((s) => !listed.some((r) => r.id === s.id))];
    return all.filter((r) => r.type === 'household-addition' && isOpen(r));
  }

  protected renderBody(): unknown {
    return html`
      <p class="intro">${this.t('dashboard.entourage.intro')}</p>
      ${this.justSent
        ? html`<p class="notice notice--success" id="${this.uid}-sent" tabindex="-1">${this.t('dashboard.entourage.sent')}</p>`
        : nothing}
      ${this.isAdding
        ? this.#renderForm()
        : html`<div class="actions">
            <button part="add-button" class="citizen-button" id="${this.uid}-add" type="button" @click=${() => this.#start()}>
              ${this.t('dashboard.entourage.add')}
            </button>
          </div>`}
      <section class="block" aria-labelledby="${this.uid}-pending-title">
        ${this.heading(this.subLevel, this.t('dashboard.entourage.pendingHeading'), { id: `${this.uid}-pending-title`, className: 'section-title' })}
        ${this.renderLoad(this.#requests, 'dashboard.requests.loadError', () => this.#renderPending())}
      </section>
    `;
  }

  #renderPending() {
    const pending = this.#pending();
    if (pending.length === 0) return html`<p class="muted">${this.t('dashboard.entourage.noPending')}</p>`;
    return html`<ul class="list" role="list">
      ${pending.map(
        (request) => html`<li class="card">
          <p><strong>${request.summary}</strong></p>
          <p class="meta">
            <span class="badge badge--${request.status}">${this.t(`dashboard.requests.status.${request.status}`)}</span>
            ${this.t('dashboard.requests.sentOn', { date: formatDateTime(request.createdAt, this.locale).date })}
          </p>
        </li>`,
      )}
    </ul>`;
  }

  #renderAttachments(form: PanelForm<HouseholdAddition>) {
    const chosen = form.values['attachmentIds'];
    return html`<citizen-document-picker
      id=${form.controlId('attachmentIds')}
      multiple
      lang=${this.locale}
      legend=${this.t('dashboard.entourage.attachments')}
      hint=${this.t('dashboard.entourage.attachmentsHint')}
      .backend=${this.adapter}
      .value=${chosen ? chosen.split(',') : []}
      .error=${form.error('attachmentIds')}
      @citizen-documents-chosen=${(event: CustomEvent<{ documentIds: string[] }>) => {
        form.set('attachmentIds', event.detail.documentIds.join(','));
        form.recheck('attachmentIds');
      }}
    ></citizen-document-picker>`;
  }

  #renderForm(): TemplateResult {
    const form = this.#form!;
    const prefix = this.t('common.errorPrefix');
    const role = form.values['role'];
    const fields = fieldsFor(role);
    const pending = form.isPending;
    const has = (path: string) => fields.includes(path);
    const isChild = role === 'child' || role === 'expected-child';
    return html`
      <div class="citizen-form form-box">
        ${this.heading(this.subLevel, this.t('dashboard.entourage.add'), { id: `${this.uid}-form-title`, className: 'section-title', focusable: true })}
        <p class="citizen-hint">${this.t('dashboard.field.requiredNote')}</p>
        ${form.renderFeedback(this.subLevel + 1, (error) => this.requestErrorText(error), this.t('common.errorSummary'))}
        <form novalidate aria-busy=${pending ? 'true' : nothing} @submit=${this.handleSubmit}>
          ${radioGroup(form, 'role', prefix, {
            legend: this.t('dashboard.entourage.role'),
            required: true,
            choices: ROLES.map((value) => ({ value, label: this.t(`dashboard.entourage.role.${value}`) })),
          })}
          ${has('civility')
            ? radioGroup(form, 'civility', prefix, {
                legend: this.t('dashboard.field.civility'),
                inline: true,
                choices: [
                  { value: 'MME', label: this.t('civility.MME') },
                  { value: 'M', label: this.t('civility.M') },
                ],
              })
            : nothing}
          ${has('lastName')
            ? textField(form, 'lastName', prefix, { label: this.t('dashboard.field.lastName'), required: true, autocomplete: 'off' })
            : nothing}
          ${has('firstNames')
            ? textField(form, 'firstNames', prefix, { label: this.t('dashboard.field.firstNames'), required: true, autocomplete: 'off' })
            : nothing}
          ${has('birthDate')
            ? textField(form, 'birthDate', prefix, {
                label: this.t(role === 'expected-child' ? 'dashboard.entourage.expectedDate' : 'dashboard.field.birthDate'),
                required: isChild,
                type: 'date',
                width: 'short',
                autocomplete: 'off',
                ...(role === 'expected-child' ? { min: todayIsoDate() } : { max: todayIsoDate() }),
              })
            : nothing}
          ${has('relation')
            ? textField(form, 'relation', prefix, {
                label: this.t('dashboard.entourage.relation'),
                hint: this.t('dashboard.entourage.relationHint'),
                width: 'medium',
              })
            : nothing}
          ${has('phone')
            ? textField(form, 'phone', prefix, { label: this.t('dashboard.field.phone'), type: 'tel', width: 'medium', autocomplete: 'off' })
            : nothing}
          ${has('email')
            ? textField(form, 'email', prefix, { label: this.t('dashboard.field.email'), type: 'email', autocomplete: 'off', spellcheck: false })
            : nothing}
          ${has('attachmentIds') ? this.#renderAttachments(form) : nothing}
          <div class="citizen-actions">
            <button class="citizen-button" type="submit" aria-disabled=${pending ? 'true' : nothing}>
              ${this.t(pending ? 'dashboard.sending' : 'dashboard.entourage.send')}
            </button>
            <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.#cancel()}>
              ${this.t('dashboard.cancel')}
            </button>
          </div>
        </form>
      </div>
    `;
  }
}
