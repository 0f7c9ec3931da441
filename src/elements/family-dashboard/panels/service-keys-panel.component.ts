// SPDX-License-Identifier: MIT
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDateTime, type MessageKey } from '../../../i18n/translate.js';
import type { ServiceKeyDefinition } from '../../../schemas/city-config.js';
import { ServiceKeySubmission, type Profile } from '../../../schemas/profile.js';
import { DashboardPanel, Loader } from '../panel-base.js';
import { serviceKeysTexts } from '../../../i18n/parts/service-keys.js';
import { PanelForm, textField } from '../panel-form.js';

/**
 * "Services" (seeds 002 and 004): the service keys the city uses, e.g. "SERVICE CLÉ –
 * ENFANCE", entered after sign-up. A validated key links the account to the family's record
 * (`citizen-service-key-linked`: `<family-dashboard>` then shows "Ma famille" without a
 * reload); a wrong one is an error on its field, and nothing changes.
 *
 * @summary Enter a service key ("Clé Enfance") later, and see which keys are validated.
 *
 * @fires citizen-service-key-linked - A key was validated; `detail.serviceId` and the `profile` after it.
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading "Services et clés" (absent with `hide-heading`).
 * @csspart key-heading - Each service's heading, "Service clé – Enfance" (upper case, as the seeds).
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Headings and buttons; else the city's colour.
 * @cssprop [--citizen-color-error=#b00020] - Errors.
 * @cssprop [--citizen-color-success=#1a7f37] - Validated keys.
 */
export class CitizenServiceKeysPanel extends DashboardPanel {
  static override texts = [serviceKeysTexts];

  /** The profile, when the container already has it (the dashboard does); else it is loaded. */
  @property({ attribute: false }) profile?: Profile;

  /** The service whose key was just validated, for its confirmation. */
  @state() private justLinked?: string;

  readonly #profile: Loader<Profile> = new Loader(this, (adapter) => adapter.getProfile());
  readonly #forms = new Map<string, PanelForm<ServiceKeySubmission>>();

  protected get titleKey(): MessageKey {
    return 'dashboard.section.services';
  }

  protected get loaders(): Loader<unknown>[] {
    return [this.#profile];
  }

  protected reload() {
    if (this.profile) this.#profile.set(this.profile);
    else void this.#profile.load();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    if (changed.has('profile') && this.profile && changed.get('profile') !== undefined) this.#profile.set(this.profile);
  }

  /** The city's keys, or, before its config arrives, those the profile names. */
  #definitions(profile: Profile): ServiceKeyDefinition[] {
    const configured = this.cityConfig?.serviceKeys;
    if (configured) return configured;
    return profile.serviceKeys.map(({ serviceId }) => ({ id: serviceId, label: serviceId }));
  }

  #form(definition: ServiceKeyDefinition) {
    let form = this.#forms.get(definition.id);
    if (!form) {
      form = new PanelForm<ServiceKeySubmission>(this, {
        id: `${this.uid}-${definition.id}`,
        fields: ['key'],
        validate: (values) => {
          const parsed = ServiceKeySubmission.safeParse({ serviceId: definition.id, key: values['key'] ?? '' });
          return parsed.success ? { data: parsed.data } : { errors: { key: parsed.error.issues[0]?.message ?? 'invalid' } };
        },
        errorText: (_path, code) => this.#keyErrorText(code),
        // The server names the field `key`, or `serviceKeys.<id>` as at sign-up.
        mapServerField: () => 'key',
      });
      this.#forms.set(definition.id, form);
    }
    return form;
  }

  #keyErrorText(code: string) {
    if (code === 'required') return this.t('dashboard.services.required');
    if (code === 'service_key_unknown') return this.t('dashboard.services.unknown');
    return this.errorText(code);
  }

  private async handleSubmit(event: SubmitEvent, definition: ServiceKeyDefinition) {
    event.preventDefault();
    const adapter = this.adapter;
    if (!adapter) return;
    const profile = await this.#form(definition).submit((submission) => adapter.submitServiceKey(submission));
    if (!profile) return;
    this.#forms.delete(definition.id);
    this.#profile.set(profile);
    this.justLinked = definition.id;
    this.announce(this.t('dashboard.services.validated', { label: definition.label }));
    this.focusAfterRender(`#${this.uid}-${definition.id}-done`);
    this.emit('citizen-service-key-linked', { serviceId: definition.id, profile });
  }

  protected renderBody(): unknown {
    return this.renderLoad(this.#profile, 'dashboard.services.loadError', (profile) => {
      const definitions = this.#definitions(profile);
      return html`
        <div class="intro-group">
          <p>${this.t('dashboard.services.intro')}</p>
          <p>${this.t('dashboard.services.intro2')}</p>
          <p>${this.t('dashboard.services.intro3')}</p>
        </div>
        ${definitions.length === 0
          ? html`<p class="muted">${this.t('dashboard.services.none')}</p>`
          : definitions.map((definition) => this.#renderKey(definition, profile))}
      `;
    });
  }

  #renderKey(definition: ServiceKeyDefinition, profile: Profile) {
    const status = profile.serviceKeys.find((key) => key.serviceId === definition.id);
    const titleId = `${this.uid}-${definition.id}-title`;
    // "Clé Enfance" → "Service clé – Enfance", the seeds' "SERVICE CLÉ – ENFANCE".
    const service = definition.label.replace(/^(clé|cle|key)\s+/i, '');
    return html`
      <section class="block" aria-labelledby=${titleId}>
        ${this.heading(this.subLevel, this.t('dashboard.services.keyHeading', { service }), {
          id: titleId,
          part: 'key-heading',
          className: 'section-title key-heading',
        })}
        ${status?.linked ? this.#renderLinked(definition, status.linkedAt) : this.#renderForm(definition)}
      </section>
    `;
  }

  #renderLinked(definition: ServiceKeyDefinition, linkedAt: string | undefined) {
    const isNew = this.justLinked === definition.id;
    return html`
      <p class="notice notice--success" id="${this.uid}-${definition.id}-done" tabindex="-1">
        ${isNew ? html`${this.t('dashboard.services.validated', { label: definition.label })} ` : nothing}
        ${linkedAt
          ? this.t('dashboard.services.linkedOn', { label: definition.label, date: formatDateTime(linkedAt, this.locale).date })
          : this.t('dashboard.services.linked', { label: definition.label })}
      </p>
    `;
  }

  #renderForm(definition: ServiceKeyDefinition) {
    const form = this.#form(definition);
    const pending = form.isPending;
    return html`
      <div class="citizen-form">
        ${form.renderFeedback(this.subLevel + 1, (error) => this.requestErrorText(error), this.t('common.errorSummary'))}
        <form novalidate aria-busy=${pending ? 'true' : nothing} @submit=${(event: SubmitEvent) => this.handleSubmit(event, definition)}>
          ${textField(form, 'key', this.t('common.errorPrefix'), {
            label: definition.label,
            hint: this.t('dashboard.services.keyHint'),
            width: 'medium',
            autocomplete: 'off',
            spellcheck: false,
          })}
          <div class="citizen-actions">
            <button class="citizen-button" type="submit" aria-disabled=${pending ? 'true' : nothing}>
              ${this.t(pending ? 'dashboard.services.submitting' : 'dashboard.services.submit')}
            </button>
          </div>
        </form>
      </div>
    `;
  }
}
