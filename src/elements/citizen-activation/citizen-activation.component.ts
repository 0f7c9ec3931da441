// SPDX-License-Identifier: MIT
import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { CitizenElement } from '../../core/citizen-element.js';
import { activationTexts } from '../../i18n/parts/activation.js';
import { CitizenError } from '../../core/errors.js';
import { describedBy, fieldError, headingTag } from '../../core/form.js';
import { httpUrl, takeTokenFromAddress } from '../../core/urls.js';
import { ResendActivationRequest } from '../../schemas/account.js';
import { fieldErrors } from '../../schemas/errors.js';
import { lightFormStyles } from '../../styles/light-form.js';
import { tokens } from '../../styles/tokens.js';
import { frame } from '../../styles/frame.js';
import { styles } from './citizen-activation.styles.js';

/** `detail` of `citizen-activated`. */
export interface ActivatedEventDetail {
  /** The username of the account now active. */
  username: string;
}

declare module '../../core/citizen-element.js' {
  interface CitizenEventMap {
    'citizen-activated': ActivatedEventDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'citizen-activated': CustomEvent<ActivatedEventDetail>;
  }
}

type View = 'ready' | 'activated' | 'invalid' | 'missing';
type FocusTarget = 'result' | 'problem' | 'alert' | 'resent' | 'identifier';

/** Errors after which trying the same link again may work: the link itself is not at fault. */
const TRANSIENT = new Set(['network_error', 'server_error', 'too_many_attempts', 'csrf_rejected']);

/**
 * The landing page of the activation mail (seed 000: "Votre espace a bien été activé pour
 * le nom d'utilisateur : Oliv-Test."). It reads the token from the page's `?token=` (then
 * takes it out of the address bar: the history, bookmarks and what the page does next no
 * longer carry it), and
 * activates only when "Activer mon espace" is pressed: mail scanners open links, and
 * opening one must change nothing. A link that expired, was used or was replaced gets a
 * clear message and a form to send a new one, whose answer is the same whatever the
 * account (it tells nobody whether an address has an account).
 *
 * @summary Activates a new account from the mailed link, or sends a new link.
 *
 * @fires citizen-activated - The account is active; `detail.username` is its username.
 *
 * @csspart base - The frame around the element.
 * @csspart heading - The heading "Activation de votre espace".
 * @csspart activate-button - The "Activer mon espace" button.
 * @csspart result - The confirmation heading once the account is active.
 * @csspart login-link - "Me connecter à mon espace", after activation.
 *
 * @cssprop [--citizen-activation-max-width=36rem] - Widest the element gets.
 * @cssprop [--citizen-color-primary=#1d4f91] - Heading, buttons, links and the frame's top
 *   border; else the city's colour from its config.
 * @cssprop [--citizen-color-on-primary=#ffffff] - Text on the primary button.
 * @cssprop [--citizen-color-text=#1e1e1e] - Text, and the outer focus ring.
 * @cssprop [--citizen-color-muted=#555555] - Hints.
 * @cssprop [--citizen-color-surface=#ffffff] - Background.
 * @cssprop [--citizen-color-border=#767676] - Frame and input borders.
 * @cssprop [--citizen-color-error=#b00020] - The invalid-link message and errors.
 * @cssprop [--citizen-color-success=#1a7f37] - The confirmation's border.
 * @cssprop [--citizen-color-focus=#ffbf47] - Inner focus ring.
 * @cssprop [--citizen-radius=4px] - Corner radius.
 * @cssprop [--citizen-font-family=system-ui, sans-serif] - Font.
 * @cssprop [--citizen-space=1rem] - Spacing unit.
 */
export class CitizenActivation extends CitizenElement {
  static override texts = [activationTexts];

  static override styles = [tokens, frame, lightFormStyles, styles];

  /** The token of the mailed link; read from the page's `?token=` when not set. */
  @property() token?: string;

  /** Target of "Me connecter à mon espace"; the city config's `urls.login` otherwise. */
  @property({ attribute: 'login-url' }) loginUrl?: string;

  /** Level of the heading "Activation de votre espace", 1 to 6; the others one level below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private view: View = 'ready';
  @state() private isActivating = false;
  @state() private username = '';
  @state() private activationError?: CitizenError | 'no_backend';
  @state() private identifier = '';
  @state() private identifierError?: string;
  @state() private isResending = false;
  @state() private hasResent = false;
  @state() private resendError?: CitizenError | 'no_backend';

  @query('#identifier') private identifierInput?: HTMLInputElement;

  /** Keys the alerts: the same error twice is a new alert, announced again. */
  #attempt = 0;
  #focusTarget?: FocusTarget;

  override connectedCallback() {
    super.connectedCallback();
    this.token ??= takeTokenFromAddress();
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    if ((!this.hasUpdated || changed.has('token')) && this.view !== 'activated') this.view = this.token ? 'ready' : 'missing';
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    const target = this.#focusTarget;
    this.#focusTarget = undefined;
    if (target === 'identifier') this.identifierInput?.focus();
    else if (target) this.renderRoot.querySelector<HTMLElement>(`[data-focus="${target}"]`)?.focus();
  }

  private async handleActivate() {
    // A second click while the request runs must not send it twice.
    if (this.isActivating || !this.token) return;
    this.#attempt++;
    this.activationError = undefined;
    const adapter = this.adapter;
    if (!adapter) {
      this.activationError = 'no_backend';
      this.#focusTarget = 'alert';
      return;
    }
    this.isActivating = true;
    try {
      const { username } = await adapter.activate(this.token);
      this.username = username;
      this.view = 'activated';
      this.#focusTarget = 'result';
      this.emit('citizen-activated', { username });
    } catch (error) {
      const citizenError = CitizenError.from(error);
      if (TRANSIENT.has(citizenError.code)) {
        this.activationError = citizenError;
        this.#focusTarget = 'alert';
      } else {
        // token_invalid, or any other refusal of the link: the way out is a new link.
        this.view = 'invalid';
        this.#focusTarget = 'problem';
      }
    } finally {
      this.isActivating = false;
    }
  }

  private handleIdentifierInput(event: Event) {
    this.identifier = (event.target as HTMLInputElement).value;
    if (this.identifierError) this.identifierError = undefined;
  }

  private async handleResend(event: SubmitEvent) {
    event.preventDefault();
    if (this.isResending) return;
    this.#attempt++;
    this.hasResent = false;
    this.resendError = undefined;
    const parsed = ResendActivationRequest.safeParse({ identifier: this.identifier });
    if (!parsed.success) {
      this.identifierError = fieldErrors(parsed.error.issues)['identifier'] ?? 'invalid';
      this.#focusTarget = 'identifier';
      return;
    }
    const adapter = this.adapter;
    if (!adapter) {
      this.resendError = 'no_backend';
      return;
    }
    this.isResending = true;
    try {
      await adapter.resendActivation(parsed.data.identifier);
      this.hasResent = true;
      this.identifier = '';
      this.#focusTarget = 'resent';
    } catch (error) {
      const citizenError = CitizenError.from(error);
      const code = citizenError.fields['identifier'];
      if (code) {
        this.identifierError = code;
        this.#focusTarget = 'identifier';
      } else this.resendError = citizenError;
    } finally {
      this.isResending = false;
    }
  }

  get #headingLevel() {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  get #loginUrl() {
    return httpUrl(this.loginUrl ?? this.cityConfig?.urls.login);
  }

  protected override render(): TemplateResult {
    const tag = headingTag(this.#headingLevel);
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        <${tag} part="heading" id="heading" class="heading">${this.t('activation.heading')}</${tag}>
        <div class="citizen-form">${this.#renderView()}</div>
      </section>
    `;
  }

  #renderView() {
    switch (this.view) {
      case 'ready':
        return this.#renderReady();
      case 'activated':
        return this.#renderActivated();
      case 'invalid':
      case 'missing':
        return this.#renderProblem(this.view);
    }
  }

  #renderReady() {
    const pending = this.isActivating;
    return html`
      <p class="intro">${this.t('activation.intro')}</p>
      ${this.activationError
        ? keyed(
            this.#attempt,
            html`<div class="citizen-feedback" tabindex="-1" data-focus="alert">
              <p class="citizen-feedback__message" role="alert">${this.requestErrorText(this.activationError)}</p>
            </div>`,
          )
        : nothing}
      <div class="citizen-actions">
        <button
          part="activate-button"
          class="citizen-button"
          type="button"
          aria-disabled=${pending ? 'true' : nothing}
          @click=${this.handleActivate}
        >
          ${this.t(pending ? 'activation.activating' : 'activation.activate')}
        </button>
      </div>
    `;
  }

  #renderActivated() {
    const tag = headingTag(this.#headingLevel + 1);
    const loginUrl = this.#loginUrl;
    return html`
      <div class="done">
        <${tag} part="result" class="result" tabindex="-1" data-focus="result">
          ${this.t('activation.success', { username: this.username })}
        </${tag}>
        <p>${this.t('activation.successNext')}</p>
        ${loginUrl
          ? html`<a part="login-link" class="citizen-button login" href=${loginUrl}>${this.t('activation.login')}</a>`
          : nothing}
      </div>
    `;
  }

  #renderProblem(view: 'invalid' | 'missing') {
    const tag = headingTag(this.#headingLevel + 1);
    const loginUrl = this.#loginUrl;
    return html`
      <div class="citizen-feedback" tabindex="-1" data-focus="problem">
        <p class="citizen-feedback__message">${this.t(view === 'invalid' ? 'activation.invalid' : 'activation.missingToken')}</p>
      </div>
      ${view === 'invalid' && loginUrl
        ? html`<p>
            ${this.t('activation.alreadyActive')}
            <a class="citizen-link" href=${loginUrl}>${this.t('activation.login')}</a>
          </p>`
        : nothing}
      <${tag} class="subheading">${this.t('activation.resend.heading')}</${tag}>
      <p>${this.t('activation.resend.intro')}</p>
      ${this.#renderResendForm()}
    `;
  }

  #renderResendForm() {
    const id = 'identifier';
    const error = this.identifierError;
    const errorText = error
      ? error === 'required'
        ? this.t('activation.resend.identifier.required')
        : this.errorText(error)
      : undefined;
    const pending = this.isResending;
    return html`
      <p class="resent" role="status" tabindex="-1" data-focus="resent">${this.hasResent ? this.t('activation.resend.sent') : nothing}</p>
      ${this.resendError
        ? keyed(this.#attempt, html`<p class="citizen-feedback__message" role="alert">${this.requestErrorText(this.resendError)}</p>`)
        : nothing}
      <form novalidate aria-busy=${pending ? 'true' : nothing} @submit=${this.handleResend}>
        <div class="citizen-field ${error ? 'citizen-field--error' : ''}">
          <label class="citizen-label" for=${id}>${this.t('activation.resend.identifier')}</label>
          ${fieldError(id, this.t('common.errorPrefix'), errorText)}
          <input
            class="citizen-input"
            id=${id}
            name="username"
            type="text"
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
            .value=${live(this.identifier)}
            aria-invalid=${error ? 'true' : nothing}
            aria-describedby=${describedBy(error && `${id}-error`)}
            @input=${this.handleIdentifierInput}
          />
        </div>
        <div class="citizen-actions">
          <button class="citizen-button citizen-button--secondary" type="submit" aria-disabled=${pending ? 'true' : nothing}>
            ${this.t(pending ? 'activation.resend.submitting' : 'activation.resend.submit')}
          </button>
        </div>
      </form>
    `;
  }
}
