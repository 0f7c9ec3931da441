// SPDX-License-Identifier: MIT
import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import type { CitizenBackend } from '../../core/backend.js';
import { CitizenElement } from '../../core/citizen-element.js';
import { passwordResetTexts } from '../../i18n/parts/password-reset.js';
import { passwordChecklistTexts } from '../../i18n/parts/password-checklist.js';
import { CitizenError } from '../../core/errors.js';
import { describedBy, headingTag } from '../../core/form.js';
import { LightForm } from '../../core/light-form.js';
import { passwordChecklistStyles, passwordPolicyView, PasswordRulesAnnouncer } from '../../core/password-checklist.js';
import { httpUrl, takeTokenFromAddress } from '../../core/urls.js';
import { ForgotPasswordRequest } from '../../schemas/account.js';
import { fieldErrors } from '../../schemas/errors.js';
import { passwordSchema, type PersonalInfo } from '../../schemas/password-policy.js';
import { adoptLightStyles } from '../../styles/light-form.js';
import { tokens } from '../../styles/tokens.js';
import { frame } from '../../styles/frame.js';
import { lightStyles, styles } from './citizen-password-reset.styles.js';

/** Which page the element is: the request form, or the page of the mailed link. */
export type PasswordResetStep = 'request' | 'reset' | 'setup';

/** `detail` of `citizen-password-reset-completed`. */
export interface PasswordResetCompletedDetail {
  /** `reset` (a forgotten password) or `setup` (the first password of an account made by staff). */
  step: 'reset' | 'setup';
  /** The account's username, when the back end told it. */
  username?: string;
}

declare module '../../core/citizen-element.js' {
  interface CitizenEventMap {
    'citizen-password-reset-requested': Record<string, never>;
    'citizen-password-reset-completed': PasswordResetCompletedDetail;
    'citizen-password-reset-canceled': Record<string, never>;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'citizen-password-reset-requested': CustomEvent<Record<string, never>>;
    'citizen-password-reset-completed': CustomEvent<PasswordResetCompletedDetail>;
    'citizen-password-reset-canceled': CustomEvent<Record<string, never>>;
  }
}

type Field = 'identifier' | 'password' | 'confirmation';
const FIELDS: readonly Field[] = ['identifier', 'password', 'confirmation'];
type FocusTarget = 'feedback' | 'outcome' | 'identifier';

/**
 * What the page shows: the form, or an outcome in place of it.
 * - `checking`: the mailed link is being checked (nothing is used up by it).
 * - `missing`, `invalid`: no token in the address, or a link that is used, replaced or expired.
 * - `check-failed`: the check itself failed (network, server); "Réessayer".
 * - `sent`: the request was answered ("Si un compte correspond…").
 * - `done`: the new password is set.
 */
type Phase = 'form' | 'checking' | 'missing' | 'invalid' | 'check-failed' | 'sent' | 'done';

let instances = 0;

/**
 * "J'ai oublié mon mot de passe" (journey J5, seed 002), in two steps that a webmaster puts
 * on two pages of the CMS:
 * - `step="request"`: "Oubli de mot de passe — Vous avez oublié votre mot de passe. Saisissez
 *   votre nom d'utilisateur ou votre adresse de courriel pour le réinitialiser.", the field
 *   "Nom d'utilisateur (ou adresse de courriel)", "Valider" and "Annuler". Whatever was typed,
 *   the answer is "Si un compte correspond, un courriel vient de vous être envoyé" (focused
 *   and announced): it never tells whether an account exists.
 * - `step="reset"`: the page the mailed link opens (`?token=…`, taken out of the address bar
 *   once read). The link is checked first
 *   (nothing is used up until the form is sent); a dead one says so, with a link to ask for a
 *   new one. Then the new password and its confirmation, with the city's policy sentence, the
 *   live checklist of its rules and "Afficher les mots de passe"; on success, a link to log in.
 * - `step="setup"`: the same for the first password of an account imported by the city
 *   (seeds 001, 003), headed "Choisissez votre mot de passe".
 *
 * As in `<citizen-login>`, the form lives in the light DOM (a `<div class="citizen-form">`
 * child) so that password managers see it: the account's username in a read-only
 * `autocomplete="username"` field and the new password as `autocomplete="new-password"`, so
 * that they save the right entry.
 *
 * @summary Asks for a password reset link, and sets the new password from it.
 *
 * @slot - Content below the form. The element's own form container is its first light-DOM
 *   child and is shown through this slot too.
 *
 * @fires citizen-password-reset-requested - A reset was asked for (step `request`); the
 *   detail is empty: whether a mail went out is not known here.
 * @fires citizen-password-reset-completed - The new password is set; `detail.step` and
 *   `detail.username`.
 * @fires citizen-password-reset-canceled - "Annuler" was pressed. Cancelable:
 *   `preventDefault()` keeps the page from opening `login-url`.
 *
 * @csspart base - The frame around the element.
 * @csspart heading - "Oubli de mot de passe", "Réinitialisation de votre mot de passe" or
 *   "Choisissez votre mot de passe".
 * @csspart outcome - The box that replaces the form: mail sent, password set, dead link.
 *
 * @cssprop [--citizen-password-reset-max-width=36rem] - Widest the element gets.
 * @cssprop [--citizen-color-primary=#1d4f91] - Heading, buttons, links and the frame's top
 *   border; else the city's colour from `<citizen-portal>`.
 * @cssprop [--citizen-color-success=#1a7f37] - Rules met, and the border of a good outcome.
 * @cssprop [--citizen-color-error=#b00020] - Error messages, and the border of a dead link's box.
 * @cssprop [--citizen-color-text=#1e1e1e] - Text, and the outer focus ring.
 * @cssprop [--citizen-color-muted=#555555] - Hints.
 * @cssprop [--citizen-color-surface=#ffffff] - Background.
 * @cssprop [--citizen-color-border=#767676] - Frame and input borders.
 * @cssprop [--citizen-color-focus=#ffbf47] - Inner focus ring.
 */
export class CitizenPasswordReset extends CitizenElement {
  static override texts = [passwordResetTexts, passwordChecklistTexts];

  static override styles = [tokens, frame, styles];

  /** `request` (the "forgotten password" form), `reset` (the mailed link's page) or `setup` (an imported account's first password). */
  @property({ reflect: true }) step: PasswordResetStep = 'request';

  /** The mailed link's token; read from the page address (`?token=`) when not given. */
  @property() token?: string;

  /** Level of the heading, 1 to 6. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The login page ("Annuler", "Me connecter"); the city config's `urls.login` otherwise. */
  @property({ attribute: 'login-url' }) loginUrl?: string;

  /** The request page, offered when a link is dead; the city config's `urls.forgotPassword` otherwise. */
  @property({ attribute: 'forgot-password-url' }) forgotPasswordUrl?: string;

  @state() private phase: Phase = 'form';
  /** The account's username, from the link check. */
  @state() private username?: string;
  @state() private identifier = '';
  @state() private newPassword = '';
  @state() private isPending = false;
  @state() private isPasswordShown = false;
  @state() private hasToggledPassword = false;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private requestError?: CitizenError | 'no_backend';

  readonly #form = new LightForm<Field>(this, `citizen-password-reset-${++instances}`, FIELDS, (field, code) => this.#fieldText(field, code));
  readonly #announcer = new PasswordRulesAnnouncer(this);
  /** What the link check was last run for: adapter, token and step. */
  #checked?: { adapter: CitizenBackend | undefined; token: string | undefined; step: PasswordResetStep };
  #check = 0;
  /** Keys the alerts: the same error twice is a new alert, announced again. */
  #attempt = 0;
  #focusTarget?: FocusTarget;

  override connectedCallback() {
    super.connectedCallback();
    this.#form.connect();
    adoptLightStyles(this, passwordChecklistStyles);
    adoptLightStyles(this, lightStyles);
  }

  /** Opens a page; tests replace it. */
  protected navigate(url: string) {
    location.assign(url);
  }

  get #isLinkStep() {
    return this.step === 'reset' || this.step === 'setup';
  }

  /** `?token=` of the page, read once (then gone from the address bar). */
  #addressToken?: string | null;

  /** The token of the link: the property, else `?token=` of the page. */
  get #token(): string | undefined {
    if (this.token) return this.token;
    this.#addressToken ??= takeTokenFromAddress() ?? null;
    return this.#addressToken ?? undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    if (!this.#isLinkStep) {
      if (changed.has('step') && this.#checked) {
        this.#checked = undefined;
        this.phase = 'form';
      }
      return;
    }
    const adapter = this.adapter;
    const token = this.#token;
    const last = this.#checked;
    if (last && last.adapter === adapter && last.token === token && last.step === this.step) return;
    this.#checked = { adapter, token, step: this.step };
    void this.#checkLink(adapter, token);
  }

  protected override update(changed: PropertyValues) {
    super.update(changed);
    this.#form.render(this.#renderForm());
    this.#form.root.hidden = this.phase !== 'form';
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    const target = this.#focusTarget;
    this.#focusTarget = undefined;
    if (target === 'feedback') this.#form.focusFeedback();
    else if (target === 'outcome') this.renderRoot.querySelector<HTMLElement>('.outcome')?.focus();
    else if (target === 'identifier') this.#form.input('identifier')?.focus();
  }

  /** Checks the mailed link without using it up, when the adapter can. */
  async #checkLink(adapter: CitizenBackend | undefined, token: string | undefined) {
    const check = ++this.#check;
    this.errors = {};
    this.requestError = undefined;
    this.username = undefined;
    if (!token) {
      this.phase = 'missing';
      return;
    }
    if (!adapter?.checkPasswordResetToken) {
      // An adapter without the check: the form at once; a dead link shows when it is sent.
      this.phase = 'form';
      return;
    }
    this.phase = 'checking';
    try {
      const { username } = await adapter.checkPasswordResetToken(token);
      if (check !== this.#check) return;
      this.username = username;
      this.phase = 'form';
    } catch (error) {
      if (check !== this.#check) return;
      const citizenError = CitizenError.from(error);
      if (citizenError.code === 'token_invalid') this.phase = 'invalid';
      else {
        this.requestError = citizenError;
        this.phase = 'check-failed';
      }
    }
  }

  /** Moves focus to `target` once the next render is on screen. */
  #focus(target: FocusTarget) {
    this.#focusTarget = target;
    this.requestUpdate();
  }

  get #personalInfo(): PersonalInfo {
    return { username: this.username, city: this.cityConfig?.name };
  }

  /** Field codes of the new password form (the server's checks, but the common-password one). */
  #validatePasswords(password: string, confirmation: string): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    const policy = this.cityConfig?.passwordPolicy;
    if (password === '') errors.password = 'required';
    else if (policy) {
      const result = passwordSchema(policy, this.#personalInfo).safeParse(password);
      if (!result.success) errors.password = fieldErrors(result.error.issues)['_'] ?? 'invalid';
    }
    if (confirmation === '') errors.confirmation = 'required';
    else if (confirmation !== password) errors.confirmation = 'password_mismatch';
    return errors;
  }

  #startSubmit(): CitizenBackend | undefined {
    this.#attempt++;
    this.requestError = undefined;
    const adapter = this.adapter;
    if (!adapter) {
      this.requestError = 'no_backend';
      this.#focus('feedback');
    }
    return adapter;
  }

  /** A failure of the request: the fields it names, else the message of its code. */
  #failed(error: unknown, fieldOf: (serverField: string) => Field | undefined) {
    const citizenError = CitizenError.from(error);
    const fields: Partial<Record<Field, string>> = {};
    for (const [name, code] of Object.entries(citizenError.fields)) {
      const field = fieldOf(name);
      if (field) fields[field] = code;
    }
    if (Object.keys(fields).length > 0) this.errors = fields;
    else this.requestError = citizenError;
    this.#focus('feedback');
  }

  private async handleRequestSubmit(event: SubmitEvent) {
    event.preventDefault();
    // A second Enter or click while the request runs must not send it twice.
    if (this.isPending) return;
    this.identifier = this.#form.input('identifier')?.value ?? '';
    const parsed = ForgotPasswordRequest.safeParse({ identifier: this.identifier });
    if (!parsed.success) {
      this.#attempt++;
      this.requestError = undefined;
      this.errors = { identifier: fieldErrors(parsed.error.issues)['identifier'] ?? 'invalid' };
      this.#focus('feedback');
      return;
    }
    this.errors = {};
    const adapter = this.#startSubmit();
    if (!adapter) return;
    this.isPending = true;
    try {
      await adapter.requestPasswordReset(parsed.data);
      this.phase = 'sent';
      this.#focus('outcome');
      this.emit('citizen-password-reset-requested', {});
    } catch (error) {
      this.#failed(error, (name) => (name === 'identifier' ? 'identifier' : undefined));
    } finally {
      this.isPending = false;
    }
  }

  private async handleResetSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.isPending) return;
    const password = this.#form.input('password')?.value ?? '';
    const confirmation = this.#form.input('confirmation')?.value ?? '';
    const errors = this.#validatePasswords(password, confirmation);
    if (Object.keys(errors).length > 0) {
      this.#attempt++;
      this.requestError = undefined;
      this.errors = errors;
      this.#focus('feedback');
      return;
    }
    this.errors = {};
    const token = this.#token;
    if (!token) {
      this.phase = 'missing';
      this.#focus('outcome');
      return;
    }
    const adapter = this.#startSubmit();
    if (!adapter) return;
    this.isPending = true;
    // Back to type="password" before sending, so that browsers offer to save the password.
    this.isPasswordShown = false;
    try {
      await adapter.resetPassword({ token, password });
      this.#form.root.querySelector('form')?.reset();
      this.newPassword = '';
      this.#announcer.reset();
      this.phase = 'done';
      this.#focus('outcome');
      const step = this.step === 'setup' ? 'setup' : 'reset';
      this.emit('citizen-password-reset-completed', this.username ? { step, username: this.username } : { step });
    } catch (error) {
      if (CitizenError.from(error).code === 'token_invalid') {
        this.phase = 'invalid';
        this.#focus('outcome');
        return;
      }
      this.#failed(error, (name) => (name === 'password' ? 'password' : undefined));
    } finally {
      this.isPending = false;
    }
  }

  private handleCancel() {
    const proceed = this.emit('citizen-password-reset-canceled', {});
    const url = httpUrl(this.loginUrl ?? this.cityConfig?.urls.login);
    if (proceed && url) this.navigate(url);
  }

  private handleAskAgain() {
    this.phase = 'form';
    this.#focus('identifier');
  }

  private handleRetryCheck() {
    this.#checked = undefined;
    this.requestUpdate();
  }

  private handleTogglePassword() {
    this.isPasswordShown = !this.isPasswordShown;
    this.hasToggledPassword = true;
  }

  private handleNewPasswordInput(event: Event) {
    this.newPassword = (event.target as HTMLInputElement).value;
  }

  /** A field in error is checked again when left, so that a fixed field loses its message. */
  private handleBlur(event: FocusEvent) {
    const errors = this.#form.recheck(event, this.errors, (field) =>
      field === 'identifier'
        ? (this.#form.input('identifier')?.value.trim() ?? '') === ''
          ? 'required'
          : undefined
        : this.#validatePasswords(this.#form.input('password')?.value ?? '', this.#form.input('confirmation')?.value ?? '')[field],
    );
    if (errors) this.errors = errors;
  }

  #fieldText(field: Field, code: string): string {
    if (code === 'required') return this.t(`reset.required.${field}`);
    const own = `reset.field.${code}`;
    return this.hasText(own) ? this.t(own) : this.errorText(code);
  }

  get #stepKey(): 'request' | 'reset' | 'setup' {
    return this.step === 'setup' || this.step === 'reset' ? this.step : 'request';
  }

  protected override render(): TemplateResult {
    const heading = headingTag(this.headingLevel);
    const step = this.#stepKey;
    const showIntro = this.phase === 'form' || this.phase === 'checking';
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        <${heading} part="heading" id="heading" class="heading" tabindex="-1">${this.t(`reset.${step}.heading`)}</${heading}>
        ${showIntro ? html`<p class="intro">${this.t(`reset.${step}.intro`)}</p>` : nothing}
        ${showIntro && step !== 'request' ? html`<p class="note">${this.t('reset.requiredNote')}</p>` : nothing}
        ${this.phase === 'checking' ? html`<p class="loading">${this.t('reset.checking')}</p>` : nothing}
        <div part="outcome" class="outcome outcome--${this.phase}" role="status" tabindex="-1">${this.#renderOutcome()}</div>
        <slot></slot>
      </section>
    `;
  }

  /** The box that replaces the form once there is something to say. */
  #renderOutcome() {
    const loginUrl = httpUrl(this.loginUrl ?? this.cityConfig?.urls.login);
    const forgotUrl = httpUrl(this.forgotPasswordUrl ?? this.cityConfig?.urls.forgotPassword);
    const askAgain = forgotUrl ? html`<p><a href=${forgotUrl}>${this.t('reset.askAgain')}</a></p>` : nothing;
    switch (this.phase) {
      case 'sent':
        return html`
          <p class="outcome__title">${this.t('reset.request.sent')}</p>
          <p>${this.t('reset.request.sentNext', { minutes: this.cityConfig?.resetLinkMinutes ?? 30 })}</p>
          <p class="outcome__actions">
            <button class="link-button" type="button" @click=${this.handleAskAgain}>${this.t('reset.request.again')}</button>
            ${loginUrl ? html`<a href=${loginUrl}>${this.t('reset.request.backToLogin')}</a>` : nothing}
          </p>
        `;
      case 'done':
        return html`
          <p class="outcome__title">${this.t(this.step === 'setup' ? 'reset.setup.done' : 'reset.reset.done')}</p>
          ${loginUrl ? html`<p><a href=${loginUrl}>${this.t('reset.login')}</a></p>` : nothing}
        `;
      case 'missing':
        return html`<p class="outcome__title">${this.t('reset.missingToken')}</p>${askAgain}`;
      case 'invalid':
        return html`<p class="outcome__title">${this.t('reset.invalid')}</p>${askAgain}`;
      case 'check-failed':
        return html`
          <p class="outcome__title">${this.t('reset.checkFailed')} ${this.requestError ? this.requestErrorText(this.requestError) : nothing}</p>
          <p><button class="link-button" type="button" @click=${this.handleRetryCheck}>${this.t('reset.retry')}</button></p>
        `;
      default:
        return nothing;
    }
  }

  /** The light-DOM part: feedback box and form, while there is a form to fill. */
  #renderForm() {
    if (this.phase !== 'form') return nothing;
    const feedback = this.#form.feedback(
      this.#attempt,
      this.headingLevel,
      this.errors,
      this.requestError && this.requestErrorText(this.requestError),
    );
    return html`${feedback}${this.#isLinkStep ? this.#renderResetForm() : this.#renderRequestForm()}`;
  }

  #renderRequestForm() {
    const id = this.#form.controlId('identifier');
    const invalid = this.errors.identifier !== undefined;
    const pending = this.isPending;
    return html`
      <form novalidate aria-busy=${pending ? 'true' : nothing} @submit=${this.handleRequestSubmit} @focusout=${this.handleBlur}>
        <div class="citizen-field ${invalid ? 'citizen-field--error' : ''}">
          <label class="citizen-label" for=${id}>${this.t('reset.request.identifier')}</label>
          ${this.#form.error('identifier', this.errors)}
          <input
            class="citizen-input"
            id=${id}
            name="username"
            type="text"
            data-field="identifier"
            .defaultValue=${this.identifier}
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
            aria-describedby=${describedBy(invalid && `${id}-error`)}
            aria-invalid=${invalid ? 'true' : nothing}
          />
        </div>
        <div class="citizen-actions">
          <button class="citizen-button" type="submit" aria-disabled=${pending ? 'true' : nothing}>
            ${this.t(pending ? 'reset.request.submitting' : 'reset.request.submit')}
          </button>
          <button class="citizen-button citizen-button--secondary" type="button" @click=${this.handleCancel}>
            ${this.t('reset.request.cancel')}
          </button>
        </div>
      </form>
    `;
  }

  #renderResetForm() {
    const pending = this.isPending;
    const policy = passwordPolicyView(this.#form.id, this.cityConfig?.passwordPolicy, this.newPassword, this.t.bind(this), this.#personalInfo, this.#announcer);
    const usernameId = `${this.#form.id}-username`;
    return html`
      <form novalidate aria-busy=${pending ? 'true' : nothing} @submit=${this.handleResetSubmit} @focusout=${this.handleBlur}>
        ${this.username !== undefined
          ? html`
              <div class="citizen-field">
                <label class="citizen-label" for=${usernameId}>${this.t('reset.username')}</label>
                <p class="citizen-hint" id="${usernameId}-hint">${this.t('reset.usernameHint')}</p>
                <input
                  class="citizen-input"
                  id=${usernameId}
                  name="username"
                  type="text"
                  .value=${this.username}
                  readonly
                  autocomplete="username"
                  autocapitalize="none"
                  spellcheck="false"
                  aria-describedby="${usernameId}-hint"
                />
              </div>
            `
          : nothing}
        ${this.#renderPassword(
          'password',
          this.t(this.step === 'setup' ? 'reset.setup.password' : 'reset.password'),
          policy.describedIds,
          policy.hint,
        )}
        ${policy.checklist}
        ${this.#renderPassword('confirmation', this.t('reset.confirmation'))}
        ${this.#form.showPasswords(
          ['password', 'confirmation'],
          this.isPasswordShown,
          this.hasToggledPassword,
          {
            show: this.t('reset.showPasswords'),
            hide: this.t('reset.hidePasswords'),
            shown: this.t('reset.passwordsShown'),
            hidden: this.t('reset.passwordsHidden'),
          },
          this.handleTogglePassword,
        )}
        <div class="citizen-actions">
          <button class="citizen-button" type="submit" aria-disabled=${pending ? 'true' : nothing}>
            ${this.t(pending ? 'reset.submitting' : 'reset.submit')}
          </button>
        </div>
      </form>
    `;
  }

  #renderPassword(field: 'password' | 'confirmation', label: string, describedIds: string[] = [], hint: TemplateResult | typeof nothing = nothing) {
    return this.#form.password(
      {
        field,
        name: field === 'password' ? 'new-password' : 'new-password-confirmation',
        label,
        autocomplete: 'new-password',
        shown: this.isPasswordShown,
        describedIds,
        hint,
        onInput: field === 'password' ? this.handleNewPasswordInput : undefined,
      },
      this.errors,
    );
  }
}
