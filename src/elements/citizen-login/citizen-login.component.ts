// SPDX-License-Identifier: MIT
import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { CitizenBackend } from '../../core/backend.js';
import { CitizenElement } from '../../core/citizen-element.js';
import { loginTexts } from '../../i18n/parts/login.js';
import { loginStatusTexts } from '../../i18n/parts/login-status.js';
import { franceConnectTexts } from '../../i18n/parts/franceconnect.js';
import { CitizenError } from '../../core/errors.js';
import { LightForm } from '../../core/light-form.js';
import { httpUrl } from '../../core/urls.js';
import { formatDateTime } from '../../i18n/translate.js';
import { fieldErrors } from '../../schemas/errors.js';
import { LoginRequest, type Session } from '../../schemas/session.js';
import { adoptLightStyles } from '../../styles/light-form.js';
import { tokens } from '../../styles/tokens.js';
import { frame } from '../../styles/frame.js';
import { franceConnectChoiceStyles, styles } from './citizen-login.styles.js';
import '../citizen-password-change/citizen-password-change.js';
import '../citizen-franceconnect-button/citizen-franceconnect-button.js';
import { FRANCECONNECT_RESULT_PARAM, FranceConnectResult, type FranceConnectIdentity } from '../../schemas/franceconnect.js';
import type { MessageKey } from '../../i18n/translate.js';
import type { CitizenPasswordChange, PasswordChangedEventDetail } from '../citizen-password-change/citizen-password-change.component.js';

/** `detail` of `citizen-logged-in` and `citizen-logged-out`. */
export interface SessionEventDetail {
  /** The new session, or the one that just ended. */
  session: Session;
}

declare module '../../core/citizen-element.js' {
  interface CitizenEventMap {
    'citizen-logged-in': SessionEventDetail;
    'citizen-logged-out': SessionEventDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'citizen-logged-in': CustomEvent<SessionEventDetail>;
    'citizen-logged-out': CustomEvent<SessionEventDetail>;
  }
}

type Field = 'identifier' | 'password';
type FocusTarget = 'feedback' | 'greeting' | 'identifier' | 'password-change' | 'change-password-button' | 'franceconnect-choice';
const FIELDS: readonly Field[] = ['identifier', 'password'];

let instances = 0;

/**
 * The login box of the citizen space, as in the seeds' "MON ESPACE PERSO": username or
 * e-mail, password, "J'ai oublié mon mot de passe", "Connexion"; once logged in, the
 * greeting, the last login date, "Modifier mon mot de passe" and "Se déconnecter".
 *
 * When the session must replace a generated password (seed 001), the element shows
 * `<citizen-password-change>`'s "Modification de vos identifiants" screen before anything
 * else, and fires `citizen-logged-in` (and follows `redirect`) only once the new password
 * is set: the back end refuses every other request of that session until then.
 *
 * When the city offers FranceConnect, "S'identifier avec FranceConnect" and an "OU" come
 * first (`<citizen-franceconnect-button>`). Back from FranceConnect with an identity linked to
 * no account (`?franceconnect=choose` in the page's address), the element shows the certified
 * identity read-only and lets the citizen either link an existing account (username and
 * password, once) or create the account from it. Logging out of a FranceConnect session opens
 * FranceConnect's logout, which comes back to the login page.
 *
 * Password managers do not fill inputs inside shadow roots reliably, so the form is
 * rendered into the element's light DOM (a `<div class="citizen-form">` child it creates),
 * styled by a constructable stylesheet adopted into the page, which a strict CSP allows.
 *
 * @summary Logs the citizen in and out, and greets them.
 *
 * @slot - Content below the form, e.g. a link to create an account. The element's own form
 *   container is its first light-DOM child and is shown through this slot too.
 *
 * @fires citizen-logged-in - The citizen logged in; `detail.session` is the session.
 *   Cancelable: `preventDefault()` keeps the page from following `redirect`.
 * @fires citizen-logged-out - The citizen logged out; `detail.session` is the session that ended.
 * @fires citizen-password-changed - From the inner `<citizen-password-change>`: the password
 *   was changed; `detail.session` is the session after it.
 *
 * @csspart base - The frame around the element.
 * @csspart heading - The heading "Mon espace perso".
 * @csspart greeting - The greeting heading after login, "Bonjour Madame Marie DUPONT".
 * @csspart logout-button - The "Se déconnecter" button.
 * @csspart change-password-button - The "Modifier mon mot de passe" button.
 *
 * @cssprop [--citizen-login-max-width=28rem] - Widest the element gets.
 * @cssprop [--citizen-color-primary=#1d4f91] - Heading, buttons, links and the frame's top
 *   border; else the city's colour from `<citizen-portal>`.
 * @cssprop [--citizen-color-on-primary=#ffffff] - Text on the primary button.
 * @cssprop [--citizen-color-text=#1e1e1e] - Text, and the outer focus ring.
 * @cssprop [--citizen-color-muted=#555555] - Hints and the last login date.
 * @cssprop [--citizen-color-surface=#ffffff] - Background.
 * @cssprop [--citizen-color-border=#767676] - Frame and input borders.
 * @cssprop [--citizen-color-error=#b00020] - Error messages and their borders.
 * @cssprop [--citizen-color-focus=#ffbf47] - Inner focus ring.
 * @cssprop [--citizen-radius=4px] - Corner radius.
 * @cssprop [--citizen-font-family=system-ui, sans-serif] - Font.
 * @cssprop [--citizen-space=1rem] - Spacing unit.
 */
export class CitizenLogin extends CitizenElement {
  static override texts = [loginTexts, loginStatusTexts, franceConnectTexts];

  static override styles = [tokens, frame, styles];

  /** Level of the heading "Mon espace perso", 1 to 6; the greeting is one level below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /**
   * Target of "J'ai oublié mon mot de passe"; the city config's `urls.forgotPassword`
   * otherwise. Without either, the link is not shown.
   */
  @property({ attribute: 'forgot-password-url' }) forgotPasswordUrl?: string;

  /** Page to open after login. Only URLs of the page's own origin are followed. */
  @property() redirect?: string;

  @state() private session: Session | null = null;
  @state() private isCheckingSession = false;
  @state() private isPending = false;
  @state() private isLoggingOut = false;
  @state() private isPasswordShown = false;
  @state() private hasToggledPassword = false;
  @state() private hasLoggedOut = false;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private requestError?: CitizenError | 'no_backend';
  @state() private logoutError?: CitizenError;
  @state() private isChangingPassword = false;
  @state() private hasChangedPassword = false;
  @state() private hasSessionExpired = false;
  /** The certified identity waiting for the citizen's choice (link or create). */
  @state() private franceConnectIdentity?: FranceConnectIdentity;
  /** What the page's address said of the FranceConnect round trip, to tell the citizen. */
  @state() private franceConnectNotice?: 'error' | 'canceled' | 'logged-out' | 'expired';
  @state() private isCreatingAccount = false;

  readonly #form = new LightForm<Field>(this, `citizen-login-${++instances}`, FIELDS, (field, code) => this.#fieldErrorText(field, code));
  #checkedAdapter?: CitizenBackend;
  #sessionCheck = 0;
  /** Keys the alerts: the same error twice is a new alert, announced again. */
  #attempt = 0;
  #focusTarget?: FocusTarget;
  /** Back from a FranceConnect login: the session found is announced as a login. */
  #isFranceConnectLogin = false;
  /** A login whose session must first replace its generated password: announced once it did. */
  #isLoginPending = false;

  override connectedCallback() {
    super.connectedCallback();
    this.#form.connect();
    adoptLightStyles(this, franceConnectChoiceStyles);
    document.addEventListener('citizen-session-expired', this.#handleSessionExpired);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('citizen-session-expired', this.#handleSessionExpired);
  }

  /** `<citizen-session-timeout>` says the session ended: back to the login form. */
  readonly #handleSessionExpired = () => {
    if (!this.session) return;
    this.session = null;
    this.isChangingPassword = false;
    this.hasLoggedOut = false;
    this.hasSessionExpired = true;
  };

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    const adapter = this.adapter;
    if (adapter !== this.#checkedAdapter) {
      this.#checkedAdapter = adapter;
      if (adapter) {
        void this.#checkSession(adapter);
        void this.#readFranceConnectResult(adapter);
      }
    }
  }

  /**
   * The `?franceconnect=` the server added on the way back from FranceConnect: read once,
   * then removed from the address, so that a reload does not say it again.
   */
  async #readFranceConnectResult(adapter: CitizenBackend) {
    const url = new URL(location.href);
    const parsed = FranceConnectResult.safeParse(url.searchParams.get(FRANCECONNECT_RESULT_PARAM));
    if (!parsed.success) return;
    url.searchParams.delete(FRANCECONNECT_RESULT_PARAM);
    history.replaceState(history.state, '', url.href);
    const result = parsed.data;
    if (result === 'connected') {
      this.#isFranceConnectLogin = true;
      return;
    }
    if (result !== 'choose') {
      this.franceConnectNotice = result;
      if (result === 'error') this.#focus('feedback');
      return;
    }
    try {
      const identity = await adapter.getFranceConnectIdentity?.();
      if (identity) {
        this.franceConnectIdentity = identity;
        this.#focus('franceconnect-choice');
        return;
      }
    } catch {
      // Unknown: the same as a lost identity, the citizen starts again.
    }
    this.franceConnectNotice = 'expired';
    this.#focus('feedback');
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
    else if (target === 'greeting') this.renderRoot.querySelector<HTMLElement>('.greeting')?.focus();
    else if (target === 'identifier') this.#form.input('identifier')?.focus();
    else if (target === 'password-change') void this.#form.root.querySelector<CitizenPasswordChange>('citizen-password-change')?.focusHeading();
    else if (target === 'change-password-button') this.renderRoot.querySelector<HTMLElement>('.change-password')?.focus();
    else if (target === 'franceconnect-choice') this.#form.root.querySelector<HTMLElement>('.citizen-franceconnect-choice__heading')?.focus();
  }

  /** Opens a page; tests replace it. */
  protected navigate(url: string) {
    location.assign(url);
  }

  async #checkSession(adapter: CitizenBackend) {
    const check = ++this.#sessionCheck;
    this.isCheckingSession = true;
    try {
      const session = await adapter.getSession();
      if (check === this.#sessionCheck && session) {
        if (this.#isFranceConnectLogin) {
          // The page opened on the way back from FranceConnect: a login, as if typed here.
          this.#isFranceConnectLogin = false;
          this.#loggedIn(session);
        } else {
          this.session = session;
          // A reload on the change screen: the login is announced once the password is set.
          this.#isLoginPending = session.mustChangePassword;
        }
      }
    } catch {
      // Unknown state: show the form; a login attempt will report what is wrong.
    } finally {
      if (check === this.#sessionCheck) this.isCheckingSession = false;
    }
  }

  /** Moves focus to `target` once the next render is on screen. */
  #focus(target: FocusTarget) {
    this.#focusTarget = target;
    this.requestUpdate();
  }

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    // A second Enter or click while the request runs must not send it twice.
    if (this.isPending) return;
    this.#attempt++;
    this.hasLoggedOut = false;
    this.hasSessionExpired = false;
    this.hasChangedPassword = false;
    this.franceConnectNotice = undefined;
    this.requestError = undefined;
    // Back to type="password" before sending, so that browsers offer to save the password.
    this.isPasswordShown = false;
    this.hasToggledPassword = false;

    const parsed = LoginRequest.safeParse({
      identifier: this.#form.input('identifier')?.value ?? '',
      password: this.#form.input('password')?.value ?? '',
    });
    if (!parsed.success) {
      this.errors = pickFields(fieldErrors(parsed.error.issues));
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

    this.isPending = true;
    try {
      const linking = this.franceConnectIdentity !== undefined && adapter.linkFranceConnect !== undefined;
      const { session } = linking ? await adapter.linkFranceConnect!(parsed.data) : await adapter.logIn(parsed.data);
      this.franceConnectIdentity = undefined;
      this.#loggedIn(session);
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

  #loggedIn(session: Session) {
    this.session = session;
    this.errors = {};
    this.logoutError = undefined;
    if (session.mustChangePassword) {
      // Nothing else answers this session yet: the page learns of the login once the password is set.
      this.#isLoginPending = true;
      this.#focus('password-change');
      return;
    }
    this.#focus('greeting');
    const proceed = this.emit('citizen-logged-in', { session });
    const target = proceed && this.redirect ? sameOriginUrl(this.redirect) : null;
    if (target) this.navigate(target.href);
  }

  private async handleLogout() {
    const session = this.session;
    if (!session || this.isLoggingOut) return;
    this.#attempt++;
    this.isLoggingOut = true;
    this.logoutError = undefined;
    let redirect: string | undefined;
    try {
      redirect = (await this.adapter?.logOut())?.redirect;
    } catch (error) {
      const citizenError = CitizenError.from(error);
      // A session the server already ended is the outcome the citizen asked for.
      if (citizenError.code !== 'not_authenticated' && citizenError.code !== 'session_expired') {
        this.logoutError = citizenError;
        return;
      }
    } finally {
      this.isLoggingOut = false;
    }
    this.session = null;
    this.isChangingPassword = false;
    this.hasChangedPassword = false;
    this.#isLoginPending = false;
    this.hasLoggedOut = true;
    this.#focus('identifier');
    this.emit('citizen-logged-out', { session });
    // FranceConnect's logout ends its own session too, then comes back to the login page.
    const target = redirect ? httpUrl(redirect) : undefined;
    if (target) this.navigate(target);
  }

  private async handleCreateFromFranceConnect() {
    const adapter = this.adapter;
    if (!adapter?.createAccountFromFranceConnect || this.isCreatingAccount || this.isPending) return;
    this.#attempt++;
    this.errors = {};
    this.requestError = undefined;
    this.isCreatingAccount = true;
    try {
      const { session } = await adapter.createAccountFromFranceConnect();
      this.franceConnectIdentity = undefined;
      this.#loggedIn(session);
    } catch (error) {
      this.requestError = CitizenError.from(error);
      this.#focus('feedback');
    } finally {
      this.isCreatingAccount = false;
    }
  }

  private async handleCancelFranceConnect() {
    this.#attempt++;
    this.franceConnectIdentity = undefined;
    this.errors = {};
    this.requestError = undefined;
    this.#focus('identifier');
    try {
      await this.adapter?.cancelFranceConnect?.();
    } catch {
      // The identity expires by itself on the server; nothing to tell the citizen.
    }
  }

  private handleOpenPasswordChange() {
    this.isChangingPassword = true;
    this.hasChangedPassword = false;
    this.#focus('password-change');
  }

  private handlePasswordChangeCanceled(event: Event) {
    event.stopPropagation();
    this.isChangingPassword = false;
    this.#focus('change-password-button');
  }

  private handlePasswordChanged(event: CustomEvent<PasswordChangedEventDetail>) {
    const { session } = event.detail;
    if (this.#isLoginPending) {
      this.#isLoginPending = false;
      this.#loggedIn(session);
      return;
    }
    this.session = session;
    this.isChangingPassword = false;
    this.hasChangedPassword = true;
    this.#focus('change-password-button');
  }

  private handleTogglePassword() {
    this.isPasswordShown = !this.isPasswordShown;
    this.hasToggledPassword = true;
  }

  #fieldErrorText(field: Field, code: string) {
    if (code === 'franceconnect_already_linked') return this.t('franceConnect.alreadyLinked');
    return code === 'required' ? this.t(`login.${field}.required`) : this.errorText(code);
  }

  #requestErrorMessage(error: CitizenError | 'no_backend') {
    // Creating from FranceConnect an account whose e-mail another account has: link that one.
    if (error !== 'no_backend' && error.fields['email'] === 'email_taken') return this.t('franceConnect.emailTaken');
    return this.requestErrorText(error);
  }

  /**
   * The certified identity, read-only, and the two ways on: create the account from it, or
   * link an existing one with the login form that follows (its button reads "Relier mon espace").
   */
  #renderFranceConnectChoice(identity: FranceConnectIdentity) {
    const level = Math.min(this.#headingLevel + 1, 6);
    const heading = unsafeStatic(`h${level}`);
    const subheading = unsafeStatic(`h${Math.min(level + 1, 6)}`);
    const birthdate = identity.birthdate && /^\d{4}-\d{2}-\d{2}$/.test(identity.birthdate) && !identity.birthdate.includes('-00')
      ? formatDateTime(`${identity.birthdate}T12:00:00Z`, this.locale).date
      : identity.birthdate;
    const rows: [MessageKey, string | undefined][] = [
      ['franceConnect.field.givenName', identity.givenName],
      ['franceConnect.field.familyName', identity.familyName],
      ['franceConnect.field.birthdate', birthdate],
      ['franceConnect.field.gender', identity.gender && this.t(`franceConnect.gender.${identity.gender}`)],
      ['franceConnect.field.email', identity.email],
    ];
    const creating = this.isCreatingAccount;
    return html`
      <div class="citizen-franceconnect-choice">
        <${heading} class="citizen-franceconnect-choice__heading" tabindex="-1">${this.t('franceConnect.choice.heading')}</${heading}>
        <p class="citizen-intro">${this.t('franceConnect.choice.intro')}</p>
        <dl class="citizen-certified">
          ${rows
            .filter(([, value]) => value)
            .map(([key, value]) => html`<div class="citizen-certified__row"><dt>${this.t(key)}</dt><dd>${value}</dd></div>`)}
        </dl>
        <p class="citizen-hint">${this.t('franceConnect.choice.certified')}</p>
        <${subheading} class="citizen-franceconnect-choice__subheading">${this.t('franceConnect.create.heading')}</${subheading}>
        <p class="citizen-intro">${this.t('franceConnect.create.intro')}</p>
        <div class="citizen-actions">
          <button
            class="citizen-button"
            type="button"
            aria-disabled=${creating ? 'true' : nothing}
            @click=${this.handleCreateFromFranceConnect}
          >
            ${this.t(creating ? 'franceConnect.create.submitting' : 'franceConnect.create.submit')}
          </button>
        </div>
        <${subheading} class="citizen-franceconnect-choice__subheading">${this.t('franceConnect.link.heading')}</${subheading}>
        <p class="citizen-intro">${this.t('franceConnect.link.intro')}</p>
      </div>
    `;
  }

  get #headingLevel() {
    // The level becomes a tag name through unsafeStatic: only 1 to 6 may get there.
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  protected override render(): TemplateResult {
    const level = this.#headingLevel;
    const tag = unsafeStatic(`h${level}`);
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        <${tag} part="heading" id="heading" class="heading">${this.t('login.heading')}</${tag}>
        ${this.session && !this.session.mustChangePassword
          ? this.#renderAccount(this.session, Math.min(level + 1, 6))
          : this.isCheckingSession
            ? html`<p class="loading">${this.t('common.loading')}</p>`
            : nothing}
        ${!this.session && !this.isCheckingSession && !this.franceConnectIdentity
          ? html`<citizen-franceconnect-button
              separator
              auth=${this.auth}
              .backend=${this.adapter}
              .config=${this.cityConfig}
            ></citizen-franceconnect-button>`
          : nothing}
        <p class="status" role="status">${this.#statusText()}</p>
        <slot></slot>
        ${this.session?.mustChangePassword ? this.#renderLogoutButton() : nothing}
      </section>
    `;
  }

  #renderAccount(session: Session, level: number) {
    const { account, previousLoginAt } = session;
    const tag = unsafeStatic(`h${level}`);
    const name = `${account.firstNames} ${account.lastName.toLocaleUpperCase(this.locale)}`;
    const greeting = this.t('login.greeting', { civility: this.t(`civility.${account.civility}`), name });
    return html`
      <div class="account">
        <${tag} part="greeting" class="greeting" tabindex="-1">${greeting}</${tag}>
        <p class="last-login">
          ${previousLoginAt
            ? this.t('login.lastLogin', formatDateTime(previousLoginAt, this.locale))
            : this.t('login.firstLogin')}
        </p>
        <div class="buttons">
          <button
            part="change-password-button"
            class="change-password"
            type="button"
            aria-expanded=${this.isChangingPassword ? 'true' : 'false'}
            @click=${this.handleOpenPasswordChange}
          >
            ${this.t('login.changePassword')}
          </button>
          ${this.#renderLogoutButton()}
        </div>
      </div>
    `;
  }

  #statusText() {
    if (this.hasLoggedOut) return this.t('login.loggedOut');
    if (this.hasSessionExpired) return this.t('login.sessionExpired');
    if (this.hasChangedPassword) return this.t('login.passwordChanged');
    if (this.franceConnectNotice === 'canceled') return this.t('franceConnect.canceled');
    if (this.franceConnectNotice === 'logged-out') return this.t('franceConnect.loggedOut');
    return nothing;
  }

  #renderLogoutButton() {
    return html`
      ${this.logoutError
        ? keyed(this.#attempt, html`<p class="alert" role="alert">${this.errorText(this.logoutError)}</p>`)
        : nothing}
      <button
        part="logout-button"
        class="logout"
        type="button"
        aria-disabled=${this.isLoggingOut ? 'true' : nothing}
        @click=${this.handleLogout}
      >
        ${this.t(this.isLoggingOut ? 'login.loggingOut' : 'login.logout')}
      </button>
    `;
  }

  /** `<citizen-password-change>` in the light DOM (its form must be seen by password managers). */
  #renderPasswordChange(session: Session, cancelable: boolean) {
    return html`<citizen-password-change
      plain
      ?cancelable=${cancelable}
      heading-level=${Math.min(this.#headingLevel + 1, 6)}
      .backend=${this.adapter}
      .config=${this.cityConfig}
      .session=${session}
      @citizen-password-changed=${this.handlePasswordChanged}
      @citizen-password-change-canceled=${this.handlePasswordChangeCanceled}
    ></citizen-password-change>`;
  }

  /** The light-DOM part: feedback box and form. */
  #renderForm() {
    if (this.session?.mustChangePassword) return this.#renderPasswordChange(this.session, false);
    if (this.session && this.isChangingPassword) return this.#renderPasswordChange(this.session, true);
    if (this.session || this.isCheckingSession) return nothing;
    const forgotUrl = httpUrl(this.forgotPasswordUrl ?? this.cityConfig?.urls.forgotPassword);
    const pending = this.isPending;
    const identity = this.franceConnectIdentity;
    return html`
      ${this.#form.feedback(this.#attempt, this.#headingLevel, this.errors, this.#feedbackMessage())}
      ${identity ? this.#renderFranceConnectChoice(identity) : nothing}
      <form novalidate aria-busy=${pending ? 'true' : nothing} @submit=${this.handleSubmit}>
        ${this.#renderIdentifier()} ${this.#renderPassword()}
        <div class="citizen-actions">
          <button class="citizen-button" type="submit" aria-disabled=${pending ? 'true' : nothing}>
            ${identity
              ? this.t(pending ? 'franceConnect.link.submitting' : 'franceConnect.link.submit')
              : this.t(pending ? 'login.submitting' : 'login.submit')}
          </button>
          ${identity
            ? html`<button class="citizen-button citizen-button--secondary" type="button" @click=${this.handleCancelFranceConnect}>
                ${this.t('franceConnect.cancel')}
              </button>`
            : nothing}
          ${forgotUrl
            ? html`<a class="citizen-link" href=${forgotUrl}>${this.t('login.forgotPassword')}</a>`
            : nothing}
        </div>
      </form>
    `;
  }

  /** What the feedback box says instead of the error summary: a failed request or FranceConnect's notice. */
  #feedbackMessage() {
    if (this.requestError) return this.#requestErrorMessage(this.requestError);
    if (this.franceConnectNotice === 'error' || this.franceConnectNotice === 'expired') {
      return this.t(`franceConnect.${this.franceConnectNotice}`);
    }
    return undefined;
  }

  #renderIdentifier() {
    const id = this.#form.controlId('identifier');
    const invalid = this.errors.identifier !== undefined;
    return html`
      <div class="citizen-field ${invalid ? 'citizen-field--error' : ''}">
        <label class="citizen-label" for=${id}>${this.t('login.username')}</label>
        <p class="citizen-hint" id="${id}-hint">${this.t('login.usernameHint')}</p>
        ${this.#form.error('identifier', this.errors)}
        <input
          class="citizen-input"
          id=${id}
          name="username"
          type="text"
          autocomplete="username"
          autocapitalize="none"
          spellcheck="false"
          aria-describedby=${invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid=${invalid ? 'true' : nothing}
        />
      </div>
    `;
  }

  #renderPassword() {
    const id = this.#form.controlId('password');
    const invalid = this.errors.password !== undefined;
    const shown = this.isPasswordShown;
    return html`
      <div class="citizen-field ${invalid ? 'citizen-field--error' : ''}">
        <label class="citizen-label" for=${id}>${this.t('login.password')}</label>
        ${this.#form.error('password', this.errors)}
        <div class="citizen-password">
          <input
            class="citizen-input"
            id=${id}
            name="password"
            type=${shown ? 'text' : 'password'}
            autocomplete="current-password"
            autocapitalize="none"
            spellcheck="false"
            aria-describedby=${invalid ? `${id}-error` : nothing}
            aria-invalid=${invalid ? 'true' : nothing}
          />
          <button
            class="citizen-button citizen-button--secondary"
            type="button"
            aria-controls=${id}
            @click=${this.handleTogglePassword}
          >
            ${this.t(shown ? 'common.hidePassword' : 'common.showPassword')}
          </button>
        </div>
        <p class="citizen-visually-hidden" aria-live="polite">
          ${this.hasToggledPassword ? this.t(shown ? 'common.passwordShown' : 'common.passwordHidden') : nothing}
        </p>
      </div>
    `;
  }
}

/**
 * `url` resolved against the page if it stays on the page's origin, else `null`: a
 * `redirect` taken from a link's query string must not send citizens to another site.
 */
export function sameOriginUrl(url: string, base: string = location.href): URL | null {
  try {
    const resolved = new URL(url, base);
    return resolved.origin === new URL(base).origin ? resolved : null;
  } catch {
    return null;
  }
}

function pickFields(fields: Record<string, string>): Partial<Record<Field, string>> {
  const picked: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) if (fields[field]) picked[field] = fields[field];
  return picked;
}
