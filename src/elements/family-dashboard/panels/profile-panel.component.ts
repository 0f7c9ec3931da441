// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MessageKey } from '../../../i18n/translate.js';
import { formatDateTime } from '../../../i18n/translate.js';
import { Address, Contact, Identity } from '../../../schemas/account.js';
import { fieldErrors } from '../../../schemas/errors.js';
import type { Profile, ProfileUpdate } from '../../../schemas/profile.js';
import type { CitizenRequest } from '../../../schemas/requests.js';
import '../../citizen-password-change/citizen-password-change.js';
import type { CitizenPasswordChange } from '../../citizen-password-change/citizen-password-change.component.js';
import { formatIsoDate, todayIsoDate } from '../format.js';
import { DashboardPanel, Loader } from '../panel-base.js';
import { profileTexts } from '../../../i18n/parts/profile.js';
import { personFieldsTexts } from '../../../i18n/parts/person-fields.js';
import { requestStatusTexts } from '../../../i18n/parts/request-status.js';
import { PanelForm, present, radioGroup, textField, type Validation, type Values } from '../panel-form.js';

type Part = 'identity' | 'address' | 'contact';

const PART_FIELDS: Record<Part, readonly string[]> = {
  identity: ['civility', 'lastName', 'birthName', 'firstNames', 'birthDate', 'birthCountry', 'birthDepartment', 'birthCommune'],
  address: ['street', 'complement', 'postcode', 'commune'],
  contact: ['phone', 'mobile', 'fax', 'email', 'preferred'],
};
const PART_SCHEMAS = { identity: Identity, address: Address, contact: Contact } as const;
/** Request types of the parts the city approves (seed 002's "Coordonnées"). */
const PART_REQUEST_TYPES: Partial<Record<Part, CitizenRequest['type']>> = { address: 'address-change', contact: 'contact-change' };
const isOpen = (request: CitizenRequest) => request.status === 'sent' || request.status === 'in-progress';

/**
 * "Mon profil" (seed 002: "Modifier mon profil" / "Modifier mon espace"): the rubrics
 * Identité, Adresse and Moyens de contact, each with its own "Modifier" form checked with
 * the shared schemas, and "Modifier les identifiants de mon espace personnel", which opens
 * `<citizen-password-change>`. Changes the city keeps under its control (address, phones,
 * e-mail) come back from the back end as requests: the panel then says "Votre demande a été
 * transmise aux services municipaux" and shows the request as pending under the rubric.
 *
 * @summary The citizen's profile, each part editable; city-controlled parts become requests.
 *
 * @fires citizen-profile-updated - A change was accepted by the back end; `detail.profile` is
 *   the profile after it, `detail.requestIds` the requests created for the city's approval.
 * @fires citizen-request-sent - A change became a request to the city; `detail.request` is it.
 * @fires citizen-password-changed - From the inner `<citizen-password-change>`.
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading "Mon profil" (absent with `hide-heading`).
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Headings, buttons, links; else the city's colour.
 * @cssprop [--citizen-color-error=#b00020] - Errors.
 * @cssprop [--citizen-color-success=#1a7f37] - Saved notices.
 * @cssprop [--citizen-color-focus=#ffbf47] - Inner focus ring.
 */
export class CitizenProfilePanel extends DashboardPanel {
  static override texts = [profileTexts, personFieldsTexts, requestStatusTexts];

  /** The profile, when the container already has it (the dashboard does); else it is loaded. */
  @property({ attribute: false }) profile?: Profile;

  @state() private editing?: Part | 'credentials';
  @state() private sentRequests: CitizenRequest[] = [];
  /** The part whose last change was saved or sent, for its notice. */
  @state() private outcome?: { part: Part; kind: 'saved' | 'sent' } | { part: 'credentials'; kind: 'saved' };

  readonly #profile: Loader<Profile> = new Loader(this, (adapter) => adapter.getProfile());
  // The pending changes under Adresse and Moyens de contact; not worth an error of its own.
  readonly #pending: Loader<CitizenRequest[]> = new Loader(this, (adapter) => adapter.listRequests(), { quiet: true });
  #form?: PanelForm<ProfileUpdate>;

  protected get titleKey(): MessageKey {
    return 'dashboard.section.profile';
  }

  protected get loaders(): Loader<unknown>[] {
    return [this.#profile, this.#pending];
  }

  protected reload() {
    if (this.profile) this.#profile.set(this.profile);
    else void this.#profile.load();
    void this.#pending.load();
  }

  /** Asks the adapter again (the city may have accepted a change meanwhile). */
  refresh() {
    if (this.editing) return;
    void this.#profile.load();
    void this.#pending.load();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    if (changed.has('profile') && this.profile && changed.get('profile') !== undefined) this.#profile.set(this.profile);
  }

  #startEdit(part: Part) {
    const profile = this.#profile.data;
    if (!profile) return;
    const current: Record<string, unknown> = { ...(profile[part] ?? {}) };
    const initial: Values = {};
    for (const path of PART_FIELDS[part]) if (current[path] !== undefined) initial[path] = String(current[path]);
    if (part === 'contact') initial['preferred'] ??= 'email';
    this.#form = new PanelForm<ProfileUpdate>(this, {
      id: `${this.uid}-${part}`,
      fields: PART_FIELDS[part],
      initial,
      validate: (values) => this.#validate(part, values),
      errorText: (path, code) => this.#fieldText(path, code),
    });
    this.editing = part;
    this.outcome = undefined;
    this.focusAfterRender(`#${this.uid}-${part}-form-title`);
  }

  #validate(part: Part, values: Values): Validation<ProfileUpdate> {
    const fields = present(values, PART_FIELDS[part]);
    const errors: Record<string, string> = {};
    if (part === 'identity' && fields['birthDate'] && fields['birthDate'] > todayIsoDate()) errors['birthDate'] = 'birth_date_future';
    const parsed = PART_SCHEMAS[part].safeParse(fields);
    if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error.issues), errors);
    if (Object.keys(errors).length > 0) return { errors };
    return { data: { [part]: parsed.data } as ProfileUpdate };
  }

  #fieldText(path: string, code: string): string {
    if (code === 'required') return this.t('dashboard.field.required', { label: this.t(`dashboard.field.${path}` as MessageKey) });
    if (code === 'birth_date_future') return this.t('dashboard.field.birthDateFuture');
    return this.errorText(code);
  }

  #cancelEdit() {
    const part = this.editing;
    this.editing = undefined;
    this.#form = undefined;
    if (part) this.focusAfterRender(`#${this.uid}-${part}-edit`);
  }

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const part = this.editing;
    const form = this.#form;
    const adapter = this.adapter;
    if (!form || !adapter || part === undefined || part === 'credentials') return;
    const result = await form.submit((update) => adapter.updateProfile(update));
    if (!result) return;
    this.#profile.set(result.profile);
    const requests = await Promise.all(result.requestIds.map((id) => adapter.getRequest(id).catch(() => undefined)));
    const sent = requests.filter((r): r is CitizenRequest => r !== undefined);
    this.sentRequests = [...sent, ...this.sentRequests.filter((r) => !sent.some((s) => s.id === r.id))];
    this.editing = undefined;
    this.#form = undefined;
    const kind = result.requestIds.length > 0 ? 'sent' : 'saved';
    this.outcome = { part, kind };
    this.announce(this.t(kind === 'sent' ? 'dashboard.profile.requestSent' : 'dashboard.profile.saved'));
    this.focusAfterRender(`#${this.uid}-${part}-edit`);
    this.emit('citizen-profile-updated', { profile: result.profile, requestIds: result.requestIds });
    for (const request of sent) this.emit('citizen-request-sent', { request });
  }

  #openCredentials() {
    this.editing = 'credentials';
    this.#form = undefined;
    this.outcome = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<CitizenPasswordChange>('citizen-password-change')?.focusHeading(),
    );
  }

  private handlePasswordChanged() {
    this.editing = undefined;
    this.outcome = { part: 'credentials', kind: 'saved' };
    this.announce(this.t('dashboard.profile.passwordChanged'));
    this.focusAfterRender(`#${this.uid}-credentials-edit`);
  }

  private handlePasswordCanceled(event: Event) {
    event.stopPropagation();
    this.editing = undefined;
    this.focusAfterRender(`#${this.uid}-credentials-edit`);
  }

  protected renderBody(): unknown {
    return this.renderLoad(this.#profile, 'dashboard.profile.loadError', (profile) => this.#renderProfile(profile));
  }

  #renderProfile(profile: Profile) {
    return html`
      <p class="intro">${this.t('dashboard.profile.intro')}</p>
      ${this.#renderPart('identity', this.#identityData(profile))}
      ${this.#renderPart('address', this.#addressData(profile))}
      ${this.#renderPart('contact', this.#contactData(profile))}
      ${this.#renderCredentials(profile)}
    `;
  }

  /** The pending requests of a part: those sent here, and those the back end lists. */
  #pendingFor(part: Part): CitizenRequest[] {
    const type = PART_REQUEST_TYPES[part];
    if (!type) return [];
    // The back end's copy wins: the city may have decided meanwhile.
    const listed = this.#pending.data ?? [];
    const all = [...listed, ...this.sentRequests.filter((s) => !listed.some((r) => r.id === s.id))];
    return all.filter((r) => r.type === type && isOpen(r));
  }

  #renderPart(part: Part, data: [string, string][]) {
    const titleId = `${this.uid}-${part}-title`;
    const editing = this.editing === part;
    const pending = this.#pendingFor(part);
    return html`
      <section class="block" aria-labelledby=${titleId}>
        ${this.heading(this.subLevel, this.t(`dashboard.profile.${part}`), { id: titleId, className: 'section-title' })}
        ${editing ? this.#renderForm(part) : this.#renderData(data)}
        ${this.outcome?.part === part ? this.#renderOutcome(this.outcome.kind) : nothing}
        ${pending.map(
          (request) => html`<p class="notice">
            ${this.t('dashboard.profile.pending', {
              summary: request.summary,
              status: this.t(`dashboard.requests.status.${request.status}`),
              date: formatDateTime(request.createdAt, this.locale).date,
            })}
          </p>`,
        )}
        ${editing
          ? nothing
          : html`<div class="actions">
              <button
                class="citizen-button citizen-button--secondary"
                id="${this.uid}-${part}-edit"
                type="button"
                @click=${() => this.#startEdit(part)}
              >
                ${this.t(`dashboard.profile.edit.${part}`)}
              </button>
            </div>`}
      </section>
    `;
  }

  #renderOutcome(kind: 'saved' | 'sent') {
    return html`<p class="notice notice--success">
      ${this.t(kind === 'sent' ? 'dashboard.profile.requestSent' : 'dashboard.profile.saved')}
    </p>`;
  }

  #renderData(data: [string, string][]) {
    return html`<dl class="data">
      ${data.map(([label, value]) => html`<dt>${label}</dt><dd>${value || this.t('dashboard.profile.empty')}</dd>`)}
    </dl>`;
  }

  #identityData({ identity }: Profile): [string, string][] {
    return [
      [this.t('dashboard.field.civility'), this.t(`civility.${identity.civility}`)],
      [this.t('dashboard.field.lastName'), identity.lastName.toLocaleUpperCase(this.locale)],
      [this.t('dashboard.field.birthName'), identity.birthName ?? ''],
      [this.t('dashboard.field.firstNames'), identity.firstNames],
      [this.t('dashboard.field.birthDate'), identity.birthDate ? formatIsoDate(identity.birthDate) : ''],
      [
        this.t('dashboard.profile.birthPlace'),
        [identity.birthCommune, identity.birthDepartment, identity.birthCountry].filter(Boolean).join(', '),
      ],
    ];
  }

  #addressData({ address }: Profile): [string, string][] {
    if (!address) return [[this.t('dashboard.profile.address'), this.t('dashboard.profile.noAddress')]];
    return [
      [this.t('dashboard.field.street'), address.street],
      [this.t('dashboard.field.complement'), address.complement ?? ''],
      [this.t('dashboard.field.postcode'), address.postcode],
      [this.t('dashboard.field.commune'), address.commune],
    ];
  }

  #contactData({ contact }: Profile): [string, string][] {
    return [
      [this.t('dashboard.field.phone'), contact.phone ?? ''],
      [this.t('dashboard.field.mobile'), contact.mobile ?? ''],
      [this.t('dashboard.field.fax'), contact.fax ?? ''],
      [this.t('dashboard.field.email'), contact.email],
      [this.t('dashboard.field.preferred'), this.t(`dashboard.field.preferred.${contact.preferred}`)],
    ];
  }

  /**
   * Whether the city validates changes of this part (its `profileChangesByRequest`, by
   * default address, phones and e-mail as in seed 002), so that the form says so up front.
   */
  #isSentToCity(part: Part): boolean {
    const kinds: readonly string[] = this.cityConfig?.profileChangesByRequest ?? ['address', 'phones', 'email'];
    if (part === 'address') return kinds.includes('address');
    if (part === 'contact') return kinds.includes('phones') || kinds.includes('email');
    return false;
  }

  #renderForm(part: Part): TemplateResult {
    const form = this.#form!;
    const prefix = this.t('common.errorPrefix');
    const sentToCity = this.#isSentToCity(part);
    const pending = form.isPending;
    const field = (path: string, options: Partial<Parameters<typeof textField>[3]> = {}) =>
      textField(form, path, prefix, { label: this.t(`dashboard.field.${path}` as MessageKey), ...options });
    let fields: TemplateResult;
    if (part === 'identity') {
      fields = html`
        ${radioGroup(form, 'civility', prefix, {
          legend: this.t('dashboard.field.civility'),
          required: true,
          inline: true,
          choices: [
            { value: 'MME', label: this.t('civility.MME') },
            { value: 'M', label: this.t('civility.M') },
          ],
        })}
        ${field('lastName', { required: true, autocomplete: 'family-name' })}
        ${field('birthName')}
        ${field('firstNames', { required: true, autocomplete: 'given-name' })}
        ${field('birthDate', { type: 'date', width: 'short', autocomplete: 'bday', max: todayIsoDate() })}
        ${field('birthCountry', { width: 'medium' })}
        ${field('birthDepartment', { width: 'medium', hint: this.t('dashboard.profile.birthPlaceHint') })}
        ${field('birthCommune', { width: 'medium' })}
      `;
    } else if (part === 'address') {
      fields = html`
        ${field('street', { required: true, autocomplete: 'address-line1' })}
        ${field('complement', { autocomplete: 'address-line2', hint: this.t('dashboard.field.complementHint') })}
        ${field('postcode', { required: true, width: 'short', autocomplete: 'postal-code', inputmode: 'numeric' })}
        ${field('commune', { required: true, width: 'medium', autocomplete: 'address-level2' })}
      `;
    } else {
      fields = html`
        ${field('phone', { type: 'tel', width: 'medium', autocomplete: 'tel' })}
        ${field('mobile', { type: 'tel', width: 'medium', autocomplete: 'tel' })}
        ${field('fax', { type: 'tel', width: 'medium' })}
        ${field('email', { type: 'email', required: true, autocomplete: 'email', spellcheck: false })}
        ${radioGroup(form, 'preferred', prefix, {
          legend: this.t('dashboard.field.preferred'),
          inline: true,
          choices: (['email', 'phone', 'mobile'] as const).map((value) => ({
            value,
            label: this.t(`dashboard.field.preferred.${value}`),
          })),
        })}
      `;
    }
    return html`
      <div class="citizen-form form-box">
        ${this.heading(this.subLevel + 1, this.t(`dashboard.profile.edit.${part}`), {
          id: `${this.uid}-${part}-form-title`,
          className: 'item-title',
          focusable: true,
        })}
        ${sentToCity ? html`<p class="notice">${this.t(`dashboard.profile.cityControlled.${part as 'address' | 'contact'}`)}</p>` : nothing}
        <p class="citizen-hint">${this.t('dashboard.field.requiredNote')}</p>
        ${form.renderFeedback(this.subLevel + 2, (error) => this.requestErrorText(error), this.t('common.errorSummary'))}
        <form novalidate aria-busy=${pending ? 'true' : nothing} @submit=${this.handleSubmit}>
          ${fields}
          <div class="citizen-actions">
            <button class="citizen-button" type="submit" aria-disabled=${pending ? 'true' : nothing}>
              ${this.t(pending ? 'dashboard.sending' : sentToCity ? 'dashboard.profile.send' : 'dashboard.profile.save')}
            </button>
            <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.#cancelEdit()}>
              ${this.t('dashboard.cancel')}
            </button>
          </div>
        </form>
      </div>
    `;
  }

  #renderCredentials(profile: Profile) {
    const titleId = `${this.uid}-credentials-title`;
    const editing = this.editing === 'credentials';
    return html`
      <section class="block" aria-labelledby=${titleId}>
        ${this.heading(this.subLevel, this.t('dashboard.profile.credentials'), { id: titleId, className: 'section-title' })}
        <dl class="data">
          <dt>${this.t('dashboard.profile.username')}</dt>
          <dd>${profile.username}</dd>
        </dl>
        ${editing
          ? html`<citizen-password-change
              cancelable
              heading-level=${this.subLevel + 1}
              .backend=${this.adapter}
              .config=${this.cityConfig}
              lang=${this.locale}
              @citizen-password-changed=${this.handlePasswordChanged}
              @citizen-password-change-canceled=${this.handlePasswordCanceled}
            ></citizen-password-change>`
          : html`<div class="actions">
              <button
                class="citizen-button citizen-button--secondary"
                id="${this.uid}-credentials-edit"
                type="button"
                @click=${() => this.#openCredentials()}
              >
                ${this.t('dashboard.profile.editCredentials')}
              </button>
            </div>`}
        ${this.outcome?.part === 'credentials'
          ? html`<p class="notice notice--success">${this.t('dashboard.profile.passwordChanged')}</p>`
          : nothing}
      </section>
    `;
  }
}

