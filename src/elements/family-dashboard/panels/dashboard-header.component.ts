// SPDX-License-Identifier: MIT
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { CitizenBackend } from '../../../core/backend.js';
import { CitizenElement } from '../../../core/citizen-element.js';
import { loginStatusTexts } from '../../../i18n/parts/login-status.js';
import { dashboardPanelTexts } from '../../../i18n/parts/dashboard-panel.js';
import { CitizenError } from '../../../core/errors.js';
import { headingTag } from '../../../core/form.js';
import { httpUrl } from '../../../core/urls.js';
import { formatDateTime } from '../../../i18n/translate.js';
import type { Session } from '../../../schemas/session.js';
import { tokens } from '../../../styles/tokens.js';
import { buttonStyles } from '../../../styles/buttons.js';
import { html as staticHtml } from 'lit/static-html.js';
import { fullName } from '../format.js';
import '../events.js';

/**
 * The top of the citizen space, as the seeds show it: "Bonjour Madame Marie DUPONT",
 * "Dernière connexion le 15/06/2020 à 12:55", and "Se déconnecter". Inside
 * `<family-dashboard>` it is given the session; alone, it asks the adapter.
 *
 * @summary Greets the citizen with the last login date, and logs out.
 *
 * @fires citizen-logged-out - The citizen logged out; `detail.session` is the session that ended
 *   (the same event as `<citizen-login>`'s, which `<cgu-gate>` listens for).
 *
 * @csspart base - The header's frame.
 * @csspart greeting - The greeting heading, "Bonjour Madame Marie DUPONT".
 * @csspart last-login - "Dernière connexion le … à …".
 * @csspart logout-button - "Se déconnecter".
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Greeting and button; else the city's colour.
 * @cssprop [--citizen-color-muted=#555555] - The last login line.
 * @cssprop [--citizen-color-surface=#ffffff] - Button background.
 * @cssprop [--citizen-color-focus=#ffbf47] - Inner focus ring.
 */
export class CitizenDashboardHeader extends CitizenElement {
  static override texts = [loginStatusTexts, dashboardPanelTexts];

  static override styles = [
    tokens,
    buttonStyles(),
    css`
      :host {
        display: block;
      }
      .base {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: center;
        justify-content: space-between;
      }
      .who {
        display: grid;
        gap: 0.125rem;
        min-width: 0;
      }
      .greeting {
        margin: 0;
        color: var(--_primary);
        font-size: 1.375rem;
        line-height: 1.3;
        overflow-wrap: anywhere;
      }
      .greeting:focus {
        outline: none;
      }
      .last-login,
      .loading {
        margin: 0;
        color: var(--_muted);
      }
      .alert {
        margin: 0;
        color: var(--_error);
        font-weight: 600;
      }
      .citizen-button:focus-visible,
      a:focus-visible {
        outline: 3px solid var(--_text);
        outline-offset: 3px;
        box-shadow: 0 0 0 3px var(--_focus);
      }
      a {
        color: var(--_primary);
        font-weight: 600;
      }
    `,
  ];

  /** Level of the greeting heading, 1 to 6. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The current session; asked of the adapter when not given (`null`: nobody logged in). */
  @property({ attribute: false }) session?: Session | null;

  /** The login page, linked to once logged out; the city config's `urls.login` otherwise. */
  @property({ attribute: 'login-url' }) loginUrl?: string;

  @state() private loadedSession?: Session | null;
  @state() private isLoggingOut = false;
  @state() private hasLoggedOut = false;
  @state() private logoutError?: CitizenError;

  #checkedAdapter?: CitizenBackend;
  #attempt = 0;

  get #session(): Session | null | undefined {
    if (this.hasLoggedOut) return null;
    return this.session !== undefined ? this.session : this.loadedSession;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    const adapter = this.adapter;
    if (this.session === undefined && adapter && adapter !== this.#checkedAdapter) {
      this.#checkedAdapter = adapter;
      void this.#loadSession(adapter);
    }
    if (changed.has('session') && this.session) this.hasLoggedOut = false;
  }

  async #loadSession(adapter: CitizenBackend) {
    try {
      const session = await adapter.getSession();
      if (adapter === this.adapter) this.loadedSession = session;
    } catch {
      this.loadedSession = null;
    }
  }

  /** Moves focus to the greeting, so that a screen reader announces the space. */
  async focusGreeting() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.greeting')?.focus();
  }

  private async handleLogout() {
    const session = this.#session;
    if (!session || this.isLoggingOut) return;
    this.#attempt++;
    this.isLoggingOut = true;
    this.logoutError = undefined;
    try {
      await this.adapter?.logOut();
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
    this.hasLoggedOut = true;
    this.emit('citizen-logged-out', { session });
  }

  protected override render(): TemplateResult {
    const session = this.#session;
    const tag = headingTag(this.headingLevel);
    if (session === undefined) return html`<p class="loading">${this.t('common.loading')}</p>`;
    if (session === null) {
      const login = httpUrl(this.loginUrl ?? this.cityConfig?.urls.login);
      return html`<div part="base" class="base">
        <p>${this.t(this.hasLoggedOut ? 'login.loggedOut' : 'dashboard.loginRequired')}</p>
        ${login ? html`<a href=${login}>${this.t('dashboard.login')}</a>` : nothing}
      </div>`;
    }
    const { account, previousLoginAt } = session;
    const greeting = this.t('login.greeting', { civility: this.t(`civility.${account.civility}`), name: fullName(account, this.locale) });
    return html`
      <div part="base" class="base">
        <div class="who">
          ${staticHtml`<${tag} part="greeting" class="greeting" tabindex="-1">${greeting}</${tag}>`}
          <p part="last-login" class="last-login">
            ${previousLoginAt ? this.t('login.lastLogin', formatDateTime(previousLoginAt, this.locale)) : this.t('login.firstLogin')}
          </p>
        </div>
        <div>
          ${this.logoutError
            ? keyed(this.#attempt, html`<p class="alert" role="alert">${this.errorText(this.logoutError)}</p>`)
            : nothing}
          <button
            part="logout-button"
            class="citizen-button citizen-button--secondary"
            type="button"
            aria-disabled=${this.isLoggingOut ? 'true' : nothing}
            @click=${this.handleLogout}
          >
            ${this.t(this.isLoggingOut ? 'login.loggingOut' : 'login.logout')}
          </button>
        </div>
      </div>
    `;
  }
}
