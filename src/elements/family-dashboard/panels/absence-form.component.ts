// SPDX-License-Identifier: MIT
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MessageKey } from '../../../i18n/translate.js';
import { AbsenceReport } from '../../../schemas/activities.js';
import { fieldErrors } from '../../../schemas/errors.js';
import type { HouseholdMember } from '../../../schemas/household.js';
import type { CitizenRequest } from '../../../schemas/requests.js';
import { addIsoDays } from '../iso-dates.js';
import { DashboardPanel, type Loader } from '../panel-base.js';
import { absenceTexts } from '../../../i18n/parts/absence.js';
import { childToolsTexts } from '../../../i18n/parts/child-tools.js';
import { documentPickerTexts } from '../../../i18n/parts/document-picker.js';
import { PanelForm, radioGroup, textField, type Validation, type Values } from '../panel-form.js';
import './document-picker.js';

/** A report covers at most this many days after its first (the server's limit, a quarter). */
export const MAX_ABSENCE_DAYS = 93;

const FIELDS = ['from', 'to', 'reason', 'certificateId', 'comment'] as const;

/**
 * "Signaler une absence" (seed 001's child card; issue 7): the days (Du, Au — one day when
 * Au is left as Du), the reason ("Maladie" with the medical certificate chosen from the
 * secure document storage or added there in one step, "Autre motif") and an optional
 * comment. Sent as a request to the city; its days then show "absence signalée" in the
 * agenda. Errors follow the dashboard's forms: in words on each field and in a focused
 * summary; nothing typed is lost.
 *
 * @summary Report a child's absence, with the medical certificate from the document storage.
 *
 * @fires citizen-request-sent - The report was sent; `detail.request` is the request the city received.
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading (absent with `hide-heading`).
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Headings and buttons; else the city's colour.
 * @cssprop [--citizen-color-error=#b00020] - Errors.
 */
export class CitizenAbsenceForm extends DashboardPanel {
  static override texts = [absenceTexts, childToolsTexts, documentPickerTexts];

  /** The child who is absent. */
  @property({ attribute: false }) child?: HouseholdMember;

  /** The request the city received, once sent. */
  @state() private sent?: CitizenRequest;

  #form = this.#newForm();
  /** "Du" as it was before the last keystroke: "Au" follows it while they were equal. */
  #previousFrom = '';

  protected get titleKey(): MessageKey {
    return 'dashboard.absence.title';
  }

  protected get loaders(): Loader<unknown>[] {
    return [];
  }

  protected reload() {}

  #newForm() {
    return new PanelForm<AbsenceReport>(this, {
      id: `${this.uid}-absence`,
      fields: FIELDS,
      validate: (values) => this.#validate(values),
      errorText: (path, code) => this.#fieldText(path, code),
      mapServerField: (path) => (path === 'certificateId' || path.startsWith('attachmentIds') ? 'certificateId' : undefined),
    });
  }

  #validate(values: Values): Validation<AbsenceReport> {
    const from = values['from']?.trim() ?? '';
    const to = values['to']?.trim() || from;
    const isIllness = values['reason'] === 'illness';
    const errors: Record<string, string> = {};
    if (!from) errors['from'] = 'required';
    if (!values['reason']) errors['reason'] = 'required';
    const parsed = AbsenceReport.safeParse({
      childId: this.child?.id ?? '',
      from,
      to,
      reason: values['reason'],
      ...(values['comment']?.trim() ? { comment: values['comment'] } : {}),
      ...(isIllness && values['certificateId'] ? { certificateId: values['certificateId'] } : {}),
    });
    if (!parsed.success) for (const [path, code] of Object.entries(fieldErrors(parsed.error.issues))) errors[path] ??= code;
    // The server's range rules, said before sending, with the same codes.
    if (!errors['from'] && !errors['to']) {
      if (to < from) errors['to'] = 'before_from';
      else if (addIsoDays(from, MAX_ABSENCE_DAYS) < to) errors['to'] = 'range_too_long';
    }
    return parsed.success && Object.keys(errors).length === 0 ? { data: parsed.data } : { errors };
  }

  #fieldText(path: string, code: string): string {
    if (code === 'required' && path === 'from') return this.t('dashboard.absence.fromRequired');
    if (path === 'reason') return this.t('dashboard.absence.reasonRequired');
    if (code === 'before_from') return this.t('dashboard.childTools.beforeFrom');
    if (code === 'range_too_long') return this.t('dashboard.absence.rangeTooLong');
    if (code === 'unknown_document') return this.t('dashboard.absence.unknownDocument');
    return this.errorText(code);
  }

  /** "Au" follows "Du" while it is empty or was the same day. */
  private handleInput(event: Event) {
    const target = event.target as HTMLInputElement;
    if (target.name !== 'from') return;
    const to = this.#form.values['to'] ?? '';
    if (!to || to === this.#previousFrom) this.#form.set('to', target.value);
    this.#previousFrom = target.value;
  }

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const adapter = this.adapter;
    if (!adapter || !this.child) return;
    const request = await this.#form.submit((report) => adapter.reportAbsence(report));
    if (!request) return;
    this.sent = request;
    this.requestSent(request);
  }

  #another() {
    this.sent = undefined;
    this.#form = this.#newForm();
    this.#previousFrom = '';
    this.focusAfterRender(`#${this.#form.controlId('from')}`);
  }

  protected renderBody(): unknown {
    const child = this.child;
    if (!child) return nothing;
    if (this.sent) {
      return this.renderRequestSent(this.sent, { message: this.t('dashboard.absence.sent'), another: this.t('dashboard.absence.another') }, () =>
        this.#another(),
      );
    }
    const form = this.#form;
    const prefix = this.t('common.errorPrefix');
    const pending = form.isPending;
    const certificateId = form.values['certificateId'];
    return html`
      <div class="citizen-form">
        <p class="intro">${this.t('dashboard.absence.intro', { name: child.firstNames })}</p>
        ${form.renderFeedback(this.subLevel, (error) => this.requestErrorText(error), this.t('common.errorSummary'))}
        <form novalidate aria-busy=${pending ? 'true' : nothing} @input=${this.handleInput} @submit=${this.handleSubmit}>
          ${textField(form, 'from', prefix, { label: this.t('dashboard.absence.from'), type: 'date', width: 'medium', required: true })}
          ${textField(form, 'to', prefix, {
            label: this.t('dashboard.absence.to'),
            type: 'date',
            width: 'medium',
            hint: this.t('dashboard.absence.toHint'),
            min: form.values['from'] || undefined,
          })}
          ${radioGroup(form, 'reason', prefix, {
            legend: this.t('dashboard.absence.reason'),
            required: true,
            choices: [
              { value: 'illness', label: this.t('dashboard.absence.illness') },
              { value: 'other', label: this.t('dashboard.absence.other') },
            ],
          })}
          ${form.values['reason'] === 'illness'
            ? html`<citizen-document-picker
                id=${form.controlId('certificateId')}
                lang=${this.locale}
                legend=${this.t('dashboard.absence.certificate')}
                hint=${this.t('dashboard.absence.certificateHint')}
                .backend=${this.adapter}
                .value=${certificateId ? [certificateId] : []}
                .error=${form.error('certificateId')}
                @citizen-documents-chosen=${(event: CustomEvent<{ documentIds: string[] }>) => {
                  form.set('certificateId', event.detail.documentIds[0] ?? '');
                  form.recheck('certificateId');
                }}
              ></citizen-document-picker>`
            : nothing}
          ${textField(form, 'comment', prefix, { label: this.t('dashboard.absence.comment'), hint: this.t('dashboard.absence.commentHint'), rows: 3 })}
          <div class="citizen-actions">
            <button class="citizen-button" type="submit" aria-disabled=${pending ? 'true' : nothing}>
              ${this.t(pending ? 'dashboard.sending' : 'dashboard.absence.send')}
            </button>
          </div>
        </form>
      </div>
    `;
  }
}
