// SPDX-License-Identifier: MIT
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { describedBy, fieldError } from '../../../core/form.js';
import type { MessageKey } from '../../../i18n/translate.js';
import { EnrolmentRequest, type Activity } from '../../../schemas/activities.js';
import { fieldErrors } from '../../../schemas/errors.js';
import type { HouseholdMember } from '../../../schemas/household.js';
import type { CitizenRequest } from '../../../schemas/requests.js';
import { formatIsoDate, todayIsoDate } from '../format.js';
import { addIsoDays, nextMonday, schoolYearEnd } from '../iso-dates.js';
import { DashboardPanel, Loader } from '../panel-base.js';
import { enrolmentTexts } from '../../../i18n/parts/enrolment.js';
import { childToolsTexts } from '../../../i18n/parts/child-tools.js';
import { PanelForm, textField, type Validation, type Values } from '../panel-form.js';

/** An enrolment covers at most this many days after its first (the server's "school year"). */
const MAX_ENROLMENT_DAYS = 400;
const FIELDS = ['activityId', 'from', 'to'] as const;

interface Choices {
  city: Activity[];
  /** The child's current enrolments, by activity id. */
  enrolled: Map<string, Activity>;
}

/**
 * "Inscrire" (seed 003: "gérer les activités de vos enfants (annuler-réserver / inscrire)";
 * issue 7): a request to the city to enrol the child in one of its activities for a period
 * (prefilled from next Monday to the end of the school year). The list says which
 * activities the child is already enrolled in. The city decides; the answer shows in
 * "Dernières demandes". Needs the adapter's optional `listCityActivities` and
 * `requestEnrolment` (the child's card hides "Inscrire" without them).
 *
 * @summary Ask the city to enrol a child in an activity for a period.
 *
 * @fires citizen-request-sent - The request was sent; `detail.request` is the request the city received.
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading (absent with `hide-heading`).
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Headings and buttons; else the city's colour.
 * @cssprop [--citizen-color-error=#b00020] - Errors.
 */
export class CitizenEnrolmentForm extends DashboardPanel {
  static override texts = [enrolmentTexts, childToolsTexts];

  /** The child to enrol. */
  @property({ attribute: false }) child?: HouseholdMember;
  /** The day the suggested period counts from (YYYY-MM-DD); the device's date by default. */
  @property() today?: string;

  @state() private sent?: CitizenRequest;

  readonly #choices: Loader<Choices> = new Loader(this, async (adapter) => {
    if (!adapter.listCityActivities) return { city: [], enrolled: new Map() };
    const [city, own] = await Promise.all([adapter.listCityActivities(), adapter.listActivities(this.child!.id)]);
    return { city, enrolled: new Map(own.map((a) => [a.id, a])) };
  });
  #form?: PanelForm<EnrolmentRequest>;

  protected get titleKey(): MessageKey {
    return 'dashboard.enrolment.title';
  }

  protected get loaders(): Loader<unknown>[] {
    return [this.#choices];
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    if (changed.has('child') && changed.get('child') !== undefined) this.reload();
  }

  protected reload() {
    if (this.child) void this.#choices.load();
  }

  #newForm() {
    const from = nextMonday(this.today ?? todayIsoDate());
    return new PanelForm<EnrolmentRequest>(this, {
      id: `${this.uid}-enrolment`,
      fields: FIELDS,
      initial: { activityId: '', from, to: schoolYearEnd(from) },
      validate: (values) => this.#validate(values),
      errorText: (path, code) => this.#fieldText(path, code),
    });
  }

  get #currentForm() {
    return (this.#form ??= this.#newForm());
  }

  #validate(values: Values): Validation<EnrolmentRequest> {
    const errors: Record<string, string> = {};
    const parsed = EnrolmentRequest.safeParse({ activityId: values['activityId'] ?? '', from: values['from'] ?? '', to: values['to'] ?? '' });
    if (!parsed.success) {
      for (const [path, code] of Object.entries(fieldErrors(parsed.error.issues))) errors[path] = code;
      for (const path of FIELDS) if (errors[path] && !values[path]) errors[path] = 'required';
      return { errors };
    }
    const { from, to } = parsed.data;
    if (to < from) return { errors: { to: 'before_from' } };
    if (addIsoDays(from, MAX_ENROLMENT_DAYS) < to) return { errors: { to: 'range_too_long' } };
    return { data: parsed.data };
  }

  #fieldText(path: string, code: string): string {
    if (code === 'required') {
      if (path === 'activityId') return this.t('dashboard.enrolment.activityRequired');
      return this.t(path === 'from' ? 'dashboard.enrolment.fromRequired' : 'dashboard.enrolment.toRequired');
    }
    if (code === 'unknown_activity') return this.t('dashboard.enrolment.unknownActivity');
    if (code === 'before_from') return this.t('dashboard.childTools.beforeFrom');
    if (code === 'range_too_long') return this.t('dashboard.enrolment.rangeTooLong');
    return this.errorText(code);
  }

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const adapter = this.adapter;
    const child = this.child;
    const form = this.#currentForm;
    if (!adapter?.requestEnrolment || !child) return;
    const request = await form.submit((data) => adapter.requestEnrolment!(child.id, data));
    if (!request) return;
    this.sent = request;
    this.requestSent(request);
  }

  #another() {
    this.sent = undefined;
    this.#form = this.#newForm();
    this.focusAfterRender(`#${this.#form.controlId('activityId')}`);
  }

  protected renderBody(): unknown {
    const child = this.child;
    if (!child) return nothing;
    if (this.sent) {
      return this.renderRequestSent(this.sent, { message: this.t('dashboard.enrolment.sent'), another: this.t('dashboard.enrolment.another') }, () =>
        this.#another(),
      );
    }
    return this.renderLoad(this.#choices, 'dashboard.enrolment.loadError', (choices) => this.#renderForm(child, choices));
  }

  #renderForm(child: HouseholdMember, { city, enrolled }: Choices) {
    const form = this.#currentForm;
    const prefix = this.t('common.errorPrefix');
    const pending = form.isPending;
    const id = form.controlId('activityId');
    const error = form.error('activityId');
    const hintId = `${id}-hint`;
    const current = [...enrolled.values()];
    return html`
      <div class="citizen-form">
        <p class="intro">${this.t('dashboard.enrolment.intro', { name: child.firstNames })}</p>
        ${form.renderFeedback(this.subLevel, (e) => this.requestErrorText(e), this.t('common.errorSummary'))}
        <form novalidate aria-busy=${pending ? 'true' : nothing} @submit=${this.handleSubmit}>
          <div class="citizen-field ${error ? 'citizen-field--error' : ''}">
            <label class="citizen-label" for=${id}><span class="citizen-required" aria-hidden="true">*</span> ${this.t('dashboard.enrolment.activity')}</label>
            ${current.length > 0
              ? html`<p class="citizen-hint" id=${hintId}>
                  ${this.t('dashboard.enrolment.enrolledHint', { name: child.firstNames, activities: current.map((a) => a.name).join(', ') })}
                </p>`
              : nothing}
            ${fieldError(id, prefix, error)}
            <select
              class="citizen-input citizen-select"
              id=${id}
              name="activityId"
              aria-required="true"
              aria-invalid=${error ? 'true' : nothing}
              aria-describedby=${describedBy(current.length > 0 && hintId, error && `${id}-error`)}
              .value=${live(form.values['activityId'] ?? '')}
              @change=${(event: Event) => {
                form.set('activityId', (event.target as HTMLSelectElement).value);
                form.recheck('activityId');
              }}
            >
              <option value="">${this.t('dashboard.enrolment.choose')}</option>
              ${city.map((activity) => {
                const own = enrolled.get(activity.id);
                const until = own?.enrolment?.to;
                let label = activity.name;
                if (until) label = this.t('dashboard.enrolment.enrolledOption', { activity: activity.name, date: formatIsoDate(until) });
                else if (own) label = this.t('dashboard.enrolment.enrolledOptionNoDate', { activity: activity.name });
                return html`<option value=${activity.id} ?selected=${form.values['activityId'] === activity.id}>${label}</option>`;
              })}
            </select>
          </div>
          <fieldset class="citizen-fieldset citizen-fieldset--group" aria-describedby="${this.uid}-period-hint">
            <legend class="citizen-label">${this.t('dashboard.enrolment.periodLegend')}</legend>
            <p class="citizen-hint" id="${this.uid}-period-hint">${this.t('dashboard.enrolment.periodHint')}</p>
            ${textField(form, 'from', prefix, { label: this.t('dashboard.enrolment.from'), type: 'date', width: 'medium', required: true })}
            ${textField(form, 'to', prefix, {
              label: this.t('dashboard.enrolment.to'),
              type: 'date',
              width: 'medium',
              required: true,
              min: form.values['from'] || undefined,
            })}
          </fieldset>
          <div class="citizen-actions">
            <button class="citizen-button" type="submit" aria-disabled=${pending ? 'true' : nothing}>
              ${this.t(pending ? 'dashboard.sending' : 'dashboard.enrolment.send')}
            </button>
          </div>
        </form>
      </div>
    `;
  }
}
