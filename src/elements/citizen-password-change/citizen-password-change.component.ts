// SPDX-License-Identifier: MIT
import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import type { CitizenBackend } from '../../core/backend.js';
import { CitizenElement } from '../../core/citizen-element.js';
import { passwordChangeTexts } from '../../i18n/parts/password-change.js';
import { passwordChecklistTexts } from '../../i18n/parts/password-checklist.js';
import { CitizenError } from '../../core/errors.js';
import { describedBy, headingTag } from '../../core/form.js';
import { LightForm } from '../../core/light-form.js';
import { passwordChecklistStyles, passwordPolicyView, PasswordRulesAnnouncer } from '../../core/password-checklist.js';
import { httpUrl } from '../../core/urls.js';
import { Username } from '../../schemas/account.js';
import { fieldErrors } from '../../schemas/errors.js';
import { passwordSchema, type PersonalInfo } from '../../schemas/password-policy.js';
import type { Session } from '../../schemas/session.js';
import { adoptLightStyles } from '../../styles/light-form.js';
import { tokens } from '../../styles/tokens.js';
import { frame } from '../../styles/frame.js';
import { styles } from './citizen-password-change.styles.js';

/** `detail` of `citizen-password-changed`. */
export interface PasswordChangedEventDetail {
  /** The session after the change: same citizen, no longer `mustChangePassword`. */
  session: Session;
}

declare module '../../core/citizen-element.js' {
  interface CitizenEventMap {
    'citizen-password-changed': PasswordChangedEventDetail;
    'citizen-password-change-canceled': Record<string, never>;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'citizen-password-changed': CustomEvent<PasswordChangedEventDetail>;
    'citizen-password-change-canceled': CustomEvent<Record<string, never>>;
  }
}

type Field = 'username' | 'currentPassword' | 'newPassword' | 'confirmation';
const FIELDS: readonly Field[] = ['username', 'currentPassword', 'newPassword', 'confirmation'];
type FocusTarget = 'feedback' | 'heading' | 'done';

let instances = 0;

/**
 * Sets a new password, in one of two screens chosen by the session:
 * - **forced** (`session.mustChangePassword`, seed 001): "Modification de vos identifiants —
 *   Votre mot de passe ayant été généré automatiquement…", with "Nom d'utilisateur" (kept or
 *   changed), "Mot de passe" and "Confirmation du mot de passe", and "Valider". The back
 *   end refuses everything else to such a session, so this screen comes first;
 *   `<citizen-login>` shows it by itself right after the login.
 * - **change** from the citizen space: "Mot de passe actuel", "Nouveau mot de passe",
 *   "Confirmation du nouveau mot de passe", "Valider" (and "Annuler" with `cancelable`).
 *
 * Both show the city's policy sentence and a live checklist of its rules. As in
 * `<citizen-login>`, the form lives in the light DOM (a `<div class="citizen-form">` child)
 * so that password managers offer to save the new password (`autocomplete="new-password"`).
 * The back end ends the account's other sessions and mails the holder.
 *
 * @summary Changes the citizen's password (a generated one first, or from the citizen space).
 *
 * @slot - Content below the form. The element's own form container is its first light-DOM
 *   child and is shown through this slot too.
 *
 * @fires citizen-password-changed - The password was changed; `detail.session` is the session after it.
 * @fires citizen-password-change-canceled - "Annuler" was pressed (only shown with `cancelable`).
 *
 * @csspart base - The frame around the element.
 * @csspart heading - "Modification de vos identifiants" or "Modifier mon mot de passe".
 *
 * @cssprop [--citizen-password-change-max-width=36rem] - Widest the element gets.
 * @cssprop [--citizen-color-primary=#1d4f91] - Heading, buttons, frame's top border.
 * @cssprop [--citizen-color-success=#1a7f37] - Rules met, and the confirmation's border.
 * @cssprop [--citizen-color-error=#b00020] - Error messages and their borders.
 */
export class CitizenPasswordChange extends CitizenElement {
  static override texts = [passwordChangeTexts, passwordChecklistTexts];

  static override styles = [tokens, frame, styles];

  /** Level of the heading, 1 to 6. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Shows "Annuler", which fires `citizen-password-change-canceled` (for a form opened from a button). */
  @property({ type: Boolean }) cancelable = false;

  /** Without its own frame, inside another element's (as `<citizen-login>` does). */
  @property({ type: Boolean, reflect: true }) plain = false;

  /** The current session; asked of the adapter when not given. */
  @property({ attribute: false }) session?: Session | null;

  @state() private loadedSession?: Session | null;
  @state() private isPending = false;
  @state() private isPasswordShown = false;
  @state() private hasToggledPassword = false;
  @state() private isDone = false;
  @state() private newPassword = '';
  @state() private username?: string;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private requestError?: CitizenError | 'no_backend';

  readonly #form = new LightForm<Field>(this, `citizen-password-change-${++instances}`, FIELDS, (field, code) => this.#fieldText(field, code));
  readonly #announcer = new PasswordRulesAnnouncer(this);
  #checkedAdapter?: CitizenBackend;
  #attempt = 0;
  #focusTarget?: FocusTarget;

  override connectedCallback() {
    super.connectedCallback();
    this.#form.connect();
    adoptLightStyles(this, passwordChecklistStyles);
  }

  /** Moves focus to the heading, so that a screen reader announces the screen. */
  async focusHeading() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.heading')?.focus();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    const adapter = this.adapter;
    if (this.session === undefined && adapter && adapter !== this.#checkedAdapter) {
      this.#checkedAdapter = adapter;
      void this.#loadSession(adapter);
    }
  }

  protected override update(changed: PropertyValues) {
    super.update(changed);
    this.#form.render(this.#renderForm());
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    const target = this.#focusTarget;
    this.#focusTarget = undefined;
    if (target === 'feedback') this.#form.focusFeedback();
    else if (target === 'heading') this.renderRoot.querySelector<HTMLElement>('.heading')?.focus();
    else if (target === 'done') this.renderRoot.querySelector<HTMLElement>('.done')?.focus();
  }

  async #loadSession(adapter: CitizenBackend) {
    try {
      const session = await adapter.getSession();
      if (adapter === this.adapter) this.loadedSession = session;
    } catch (error) {
      this.requestError = CitizenError.from(error);
    }
  }

  get #session(): Session | null | undefined {
    return this.session !== undefined ? this.session : this.loadedSession;
  }

  get #isForced() {
    return this.#session?.mustChangePassword === true;
  }

  #focus(target: FocusTarget) {
    this.#focusTarget = target;
    this.requestUpdate();
  }

  get #personalInfo(): PersonalInfo {
    const account = this.#session?.account;
    return {
      username: this.username ?? account?.username,
      names: [account?.firstNames, account?.lastName],
      city: this.cityConfig?.name,
    };
  }

  /** Field codes of what the form holds now (the same checks as the server's, but the common-password one). */
  #validate(values: Record<Field, string>): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    if (this.#isForced) {
      const username = Username.safeParse(values.username);
      if (values.username.trim() === '') errors.username = 'required';
      else if (!username.success) errors.username = fieldErrors(username.error.issues)['_'] ?? 'invalid';
    } else if (values.currentPassword === '') {
      errors.currentPassword = 'required';
    }
    const policy = this.cityConfig?.passwordPolicy;
    if (values.newPassword === '') errors.newPassword = 'required';
    else if (policy) {
      const result = passwordSchema(policy, this.#personalInfo).safeParse(values.newPassword);
      if (!result.success) errors.newPassword = fieldErrors(result.error.issues)['_'] ?? 'invalid';
    }
    if (values.confirmation === '') errors.confirmation = 'required';
    else if (values.confirmation !== values.newPassword) errors.confirmation = 'password_mismatch';
    return errors;
  }

  #values(): Record<Field, string> {
    return {
      username: this.#form.input('username')?.value.trim() ?? '',
      currentPassword: this.#form.input('currentPassword')?.value ?? '',
      newPassword: this.#form.input('newPassword')?.value ?? '',
      confirmation: this.#form.input('confirmation')?.value ?? '',
    };
  }

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.isPending) return;
    this.#attempt++;
    this.requestError = undefined;
    this.isDone = false;
    const values = this.#values();
    const errors = this.#validate(values);
    if (Object.keys(errors).length > 0) {
      this.errors = errors;
      this.#focus('feedback');
      return;
    }
    this.errors = {};
    const adapter = this.adapter;
    if (!adapter) {
      this.requestError = 'no_backend';
      this.#focus('feedback');
      return;
    }
    const session = this.#session;
    this.isPending = true;
    // Back to type="password" before sending, so that browsers offer to save the password.
    this.isPasswordShown = false;
    try {
      const next = await adapter.changePassword(
        this.#isForced
          ? {
              newPassword: values.newPassword,
              ...(values.username !== session?.account.username ? { username: values.username } : {}),
            }
          : { currentPassword: values.currentPassword, newPassword: values.newPassword },
      );
      this.#form.root.querySelector('form')?.reset();
      this.newPassword = '';
      this.username = undefined;
      this.#announcer.reset();
      if (this.session === undefined) this.loadedSession = next;
      this.isDone = true;
      this.#focus('done');
      this.emit('citizen-password-changed', { session: next });
    } catch (error) {
      const citizenError = CitizenError.from(error);
      const fields = pickFields(citizenError.fields);
      if (Object.keys(fields).length > 0) this.errors = fields;
      else this.requestError = citizenError;
      this.#focus('feedback');
    } finally {
      this.isPending = false;
    }
  }

  private handleCancel() {
    this.emit('citizen-password-change-canceled', {});
  }

  private handleTogglePassword() {
    this.isPasswordShown = !this.isPasswordShown;
    this.hasToggledPassword = true;
  }

  private handleNewPasswordInput(event: Event) {
    this.newPassword = (event.target as HTMLInputElement).value;
  }

  private handleUsernameInput(event: Event) {
    this.username = (event.target as HTMLInputElement).value.trim();
  }

  /** A field in error is checked again when left, so that a fixed field loses its message. */
  private handleBlur(event: FocusEvent) {
    const errors = this.#form.recheck(event, this.errors, (field) => this.#validate(this.#values())[field]);
    if (errors) this.errors = errors;
  }

  #fieldText(field: Field, code: string): string {
    if (code === 'required') return this.t(`passwordChange.required.${field}`);
    const own = `passwordChange.field.${code}`;
    return this.hasText(own) ? this.t(own) : this.errorText(code);
  }

  protected override render(): TemplateResult {
    const session = this.#session;
    const heading = headingTag(this.headingLevel);
    const forced = this.#isForced;
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        <${heading} part="heading" id="heading" class="heading" tabindex="-1">
          ${this.t(forced ? 'passwordChange.forced.heading' : 'passwordChange.heading')}
        </${heading}>
        ${session === undefined && !this.requestError
          ? html`<p class="loading">${this.t('common.loading')}</p>`
          : session === null
            ? this.#renderLoginRequired()
            : html`
                <p class="intro">${this.t(forced ? 'passwordChange.forced.intro' : 'passwordChange.intro')}</p>
                <p class="note">${this.t('passwordChange.requiredNote')}</p>
              `}
        <p class="done" role="status" tabindex="-1">${this.isDone ? this.t('passwordChange.done') : nothing}</p>
        <slot></slot>
      </section>
    `;
  }

  #renderLoginRequired() {
    const login = httpUrl(this.cityConfig?.urls.login);
    return html`<p class="intro">
      ${this.t('passwordChange.loginRequired')}
      ${login ? html`<a href=${login}>${this.t('passwordChange.login')}</a>` : nothing}
    </p>`;
  }

  /** The light-DOM part: feedback box and form. */
  #renderForm() {
    const session = this.#session;
    const feedback = this.#form.feedback(
      this.#attempt,
      this.headingLevel,
      this.errors,
      this.requestError && this.requestErrorText(this.requestError),
    );
    if (!session) return feedback;
    const forced = this.#isForced;
    const pending = this.isPending;
    const policy = passwordPolicyView(this.#form.id, this.cityConfig?.passwordPolicy, this.newPassword, this.t.bind(this), this.#personalInfo, this.#announcer);
    return html`
      ${feedback}
      <form novalidate aria-busy=${pending ? 'true' : nothing} @submit=${this.handleSubmit} @focusout=${this.handleBlur}>
        ${forced
          ? this.#renderText('username', this.t('passwordChange.username'), session.account.username)
          : html`<input type="text" name="username" autocomplete="username" .value=${session.account.username} hidden readonly />`}
        ${forced ? nothing : this.#renderPassword('currentPassword', this.t('passwordChange.currentPassword'), 'current-password')}
        ${this.#renderPassword(
          'newPassword',
          this.t(forced ? 'passwordChange.password' : 'passwordChange.newPassword'),
          'new-password',
          policy.describedIds,
          policy.hint,
        )}
        ${policy.checklist}
        ${this.#renderPassword(
          'confirmation',
          this.t(forced ? 'passwordChange.confirmation' : 'passwordChange.newConfirmation'),
          'new-password',
        )}
        ${this.#form.showPasswords(
          forced ? ['newPassword', 'confirmation'] : ['currentPassword', 'newPassword', 'confirmation'],
          this.isPasswordShown,
          this.hasToggledPassword,
          {
            show: this.t('passwordChange.showPasswords'),
            hide: this.t('passwordChange.hidePasswords'),
            shown: this.t('passwordChange.passwordsShown'),
            hidden: this.t('passwordChange.passwordsHidden'),
          },
          this.handleTogglePassword,
        )}
        <div class="citizen-actions">
          <button class="citizen-button" type="submit" aria-disabled=${pending ? 'true' : nothing}>
            ${this.t(pending ? 'passwordChange.submitting' : 'passwordChange.submit')}
          </button>
          ${this.cancelable
            ? html`<button class="citizen-button citizen-button--secondary" type="button" @click=${this.handleCancel}>
                ${this.t('passwordChange.cancel')}
              </button>`
            : nothing}
        </div>
      </form>
    `;
  }

  #renderText(field: Field, label: string, value: string) {
    const id = this.#form.controlId(field);
    const invalid = this.errors[field] !== undefined;
    return html`
      <div class="citizen-field ${invalid ? 'citizen-field--error' : ''}">
        <label class="citizen-label" for=${id}><span aria-hidden="true">* </span>${label}</label>
        <p class="citizen-hint" id="${id}-hint">${this.t('passwordChange.usernameHint')}</p>
        ${this.#form.error(field, this.errors)}
        <input
          class="citizen-input"
          id=${id}
          name="username"
          type="text"
          data-field=${field}
          .defaultValue=${value}
          autocomplete="username"
          autocapitalize="none"
          spellcheck="false"
          aria-required="true"
          aria-describedby=${describedBy(`${id}-hint`, invalid && `${id}-error`)}
          aria-invalid=${invalid ? 'true' : nothing}
          @input=${this.handleUsernameInput}
        />
      </div>
    `;
  }

  #renderPassword(
    field: Field,
    label: string,
    autocomplete: 'current-password' | 'new-password',
    describedIds: string[] = [],
    hint: TemplateResult | typeof nothing = nothing,
  ) {
    const onInput = field === 'newPassword' ? this.handleNewPasswordInput : undefined;
    return this.#form.password({ field, name: field, label, autocomplete, shown: this.isPasswordShown, describedIds, hint, onInput }, this.errors);
  }
}

function pickFields(fields: Record<string, string>): Partial<Record<Field, string>> {
  const picked: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) if (fields[field]) picked[field] = fields[field];
  return picked;
}
