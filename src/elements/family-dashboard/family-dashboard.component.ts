// SPDX-License-Identifier: MIT
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { CitizenBackend } from '../../core/backend.js';
import { CitizenElement } from '../../core/citizen-element.js';
import { dashboardTexts } from '../../i18n/parts/dashboard.js';
import { dashboardPanelTexts } from '../../i18n/parts/dashboard-panel.js';
import { loginStatusTexts } from '../../i18n/parts/login-status.js';
import { CitizenError } from '../../core/errors.js';
import { headingTag } from '../../core/form.js';
import { httpUrl } from '../../core/urls.js';
import type { MessageKey } from '../../i18n/translate.js';
import type { Profile } from '../../schemas/profile.js';
import type { Session } from '../../schemas/session.js';
import { tokens } from '../../styles/tokens.js';
import { buttonStyles } from '../../styles/buttons.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { requireTerms } from '../../core/require-terms.js';
import type { ProfileUpdatedDetail, ServiceKeyLinkedDetail } from './events.js';
import { fullName } from './format.js';
import './panels/dashboard-header.js';
import { styles } from './family-dashboard.styles.js';

export type DashboardPanelId = 'family' | 'invoices' | 'documents' | 'requests' | 'news' | 'entourage' | 'profile' | 'services' | 'my-data';

interface PanelDefinition {
  id: DashboardPanelId;
  title: MessageKey;
  tag: string;
  /** The panel's code, fetched the first time it is opened (the summary comes first). */
  load: () => Promise<unknown>;
}

/**
 * The dashboard's sections, in the order a family uses them: the children first, the
 * follow-up of requests and the city's news, then the settings.
 */
const PANELS: readonly PanelDefinition[] = [
  { id: 'family', title: 'dashboard.section.family', tag: 'citizen-household-panel', load: () => import('./panels/household-panel.js') },
  { id: 'invoices', title: 'dashboard.section.invoices', tag: 'citizen-invoices-panel', load: () => import('./panels/invoices-panel.js') },
  { id: 'documents', title: 'dashboard.section.documents', tag: 'citizen-documents-panel', load: () => import('./panels/documents-panel.js') },
  { id: 'requests', title: 'dashboard.section.requests', tag: 'citizen-requests-panel', load: () => import('./panels/requests-panel.js') },
  { id: 'news', title: 'dashboard.section.news', tag: 'citizen-news-panel', load: () => import('./panels/news-panel.js') },
  { id: 'entourage', title: 'dashboard.section.entourage', tag: 'citizen-entourage-panel', load: () => import('./panels/entourage-panel.js') },
  { id: 'profile', title: 'dashboard.section.profile', tag: 'citizen-profile-panel', load: () => import('./panels/profile-panel.js') },
  { id: 'services', title: 'dashboard.section.services', tag: 'citizen-service-keys-panel', load: () => import('./panels/service-keys-panel.js') },
  { id: 'my-data', title: 'dashboard.section.myData', tag: 'citizen-my-data-panel', load: () => import('./panels/my-data-panel.js') },
];

type View = 'checking' | 'logged-out' | 'must-accept-terms' | 'must-change-password' | 'error' | 'ready' | 'closed';
type ModuleState = 'loading' | 'ready' | 'error';

const LOGGED_OUT_TEXT = {
  'logged-out': 'login.loggedOut',
  expired: 'error.session_expired',
  none: 'dashboard.loginRequired',
} as const satisfies Record<string, MessageKey>;

/**
 * The citizen space of journey J7 (seeds 001, 003, 004): "Bonjour Madame Marie DUPONT —
 * Dernière connexion le …", the "Mon espace" summary, and "Mon tableau de bord" with its
 * sections: Ma famille, Dernières demandes, Actualités et messages, Mon entourage, Mon
 * profil, Services et clés, Mes données; and the link to the terms of use.
 *
 * **Loads fast.** Only the session and the profile are asked for up front. Each section's
 * code and data come when it is first opened, with its own loading, empty and error states.
 * "Ma famille" appears once the account is linked to a family record — and at once, without
 * a reload, when a service key is validated in "Services et clés".
 *
 * **Structure.** Sections are disclosure buttons inside headings (`h3` under the
 * dashboard's `h2`), each controlling a labelled region, rather than a tab list: at 320 px
 * seven tabs would wrap into rows or scroll sideways, hiding some; a screen reader's heading
 * list shows every section, open or not, and Tab walks them in reading order; several
 * sections can stay open side by side; and the pattern needs no arrow-key convention that
 * users must guess. Opening a section keeps focus on its button (the section's heading);
 * a section opened from elsewhere ("Modifier mon profil", "Saisir ma clé") gets focus on
 * that button. Forms inside panels focus their heading when opened and hand focus back to
 * the button that opened them when closed; results are announced in live regions.
 *
 * **Refusals.** `terms_not_accepted` from any call hands over to the enclosing `<cgu-gate>`
 * (`requireTerms`); the dashboard loads again on `citizen-terms-accepted`. An ended session
 * (`not_authenticated`, `session_expired`, `citizen-session-expired` or `citizen-logged-out`
 * anywhere on the page) shows "Connectez-vous…" with the login link.
 *
 * The sections are elements of their own, usable alone on a page: `<citizen-dashboard-header>`,
 * `<citizen-household-panel>`, `<citizen-requests-panel>`, `<citizen-news-panel>`,
 * `<citizen-entourage-panel>`, `<citizen-profile-panel>`, `<citizen-service-keys-panel>`,
 * `<citizen-my-data-panel>`.
 *
 * @summary The citizen's space: greeting, profile, service keys, family, requests, news and data.
 *
 * @fires citizen-logged-out - The citizen logged out with "Se déconnecter"; `detail.session` is the session that ended.
 * @fires citizen-profile-updated - A profile change was accepted; `detail.profile`, `detail.requestIds`.
 * @fires citizen-request-sent - A request went to the city (profile change, record update, addition, absence, enrolment); `detail.request`.
 * @fires citizen-service-key-linked - A service key was validated; `detail.serviceId`, `detail.profile`.
 * @fires citizen-message-read - A message was marked as read; `detail.messageId`, `detail.unreadCount`.
 * @fires citizen-account-closed - The citizen closed the account in "Mes données".
 * @fires citizen-session-expired - A call found the session ended.
 *
 * @csspart base - The dashboard's frame.
 * @csspart summary - The "Mon espace" summary (name, address, e-mail).
 * @csspart board-heading - The heading "Mon tableau de bord".
 * @csspart section - Each section (heading and panel).
 * @csspart section-button - Each section's disclosure button.
 * @csspart panel - Each section's region.
 * @csspart terms-link - The link to the terms of use.
 *
 * @cssprop [--citizen-dashboard-max-width=64rem] - Widest the dashboard gets.
 * @cssprop [--citizen-color-primary=#1d4f91] - Headings, buttons, section bars; else the city's colour.
 * @cssprop [--citizen-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssprop [--citizen-color-text=#1e1e1e] - Text, and the outer focus ring.
 * @cssprop [--citizen-color-muted=#555555] - Secondary text.
 * @cssprop [--citizen-color-surface=#ffffff] - Background.
 * @cssprop [--citizen-color-border=#767676] - Borders.
 * @cssprop [--citizen-color-error=#b00020] - Errors and refused requests.
 * @cssprop [--citizen-color-success=#1a7f37] - Accepted requests and saved notices.
 * @cssprop [--citizen-color-focus=#ffbf47] - Inner focus ring.
 * @cssprop [--citizen-radius=4px] - Corner radius.
 * @cssprop [--citizen-font-family=system-ui, sans-serif] - Font.
 * @cssprop [--citizen-space=1rem] - Spacing unit.
 */
export class FamilyDashboard extends CitizenElement {
  static override texts = [dashboardTexts, dashboardPanelTexts, loginStatusTexts];

  static override styles = [tokens, buttonStyles(), styles];

  /** Level of the dashboard's headings (greeting, "Mon espace", "Mon tableau de bord"), 1 to 6; sections one below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The login page, linked to when nobody is logged in; the city config's `urls.login` otherwise. */
  @property({ attribute: 'login-url' }) loginUrl?: string;

  /** The terms of use page; the city config's `urls.terms` otherwise. */
  @property({ attribute: 'terms-url' }) termsUrl?: string;

  @state() private view: View = 'checking';
  @state() private session?: Session;
  @state() private profile?: Profile;
  @state() private profileError?: CitizenError | 'no_backend';
  /** Whether the account has a family record (a linked key, or a family made by the city). */
  @state() private hasFamily = false;
  @state() private open = new Set<DashboardPanelId>();
  @state() private modules = new Map<DashboardPanelId, ModuleState>();
  @state() private announcement = '';
  @state() private loadError?: CitizenError;
  /** Why nobody is logged in: the citizen logged out here, the session expired, or neither. */
  @state() private loggedOutReason: 'logged-out' | 'expired' | 'none' = 'none';

  #loadedAdapter?: CitizenBackend | null;
  #run = 0;
  #attempt = 0;
  #focusTarget?: string;

  readonly #handleSessionEnded = () => {
    if (this.view === 'checking' && !this.session) return;
    this.#run++;
    this.#showLoggedOut('expired');
  };

  readonly #handleLoggedOut = (event: Event) => {
    this.#run++;
    // From our own header: "Vous êtes déconnecté.", focused; from elsewhere on the page, the login notice.
    this.#showLoggedOut(event.composedPath().includes(this) ? 'logged-out' : 'none');
  };

  readonly #handleAccessChanged = () => {
    if (this.view !== 'ready' || this.profileError) void this.#load();
  };

  #paymentReturnHandled = false;

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('citizen-session-expired', this.#handleSessionEnded);
    document.addEventListener('citizen-logged-out', this.#handleLoggedOut);
    document.addEventListener('citizen-logged-in', this.#handleAccessChanged);
    document.addEventListener('citizen-terms-accepted', this.#handleAccessChanged);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('citizen-session-expired', this.#handleSessionEnded);
    document.removeEventListener('citizen-logged-out', this.#handleLoggedOut);
    document.removeEventListener('citizen-logged-in', this.#handleAccessChanged);
    document.removeEventListener('citizen-terms-accepted', this.#handleAccessChanged);
    this.#loadedAdapter = undefined;
  }

  /** Loads the session and the summary again. */
  async refresh(): Promise<void> {
    await this.#load();
  }

  /** Opens a section (loading its code and data) and moves focus to its button. */
  async openPanel(id: DashboardPanelId): Promise<void> {
    if (!this.#visiblePanels().some((panel) => panel.id === id)) return;
    await this.#setOpen(id, true);
    this.#focus(`#${id}-button`);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    const adapter = this.adapter ?? null;
    if (adapter !== this.#loadedAdapter) {
      this.#loadedAdapter = adapter;
      void this.#load();
    }
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    // Back from the payment provider (`?paiement=`): "Mes factures" opens on the outcome.
    if (this.view === 'ready' && !this.#paymentReturnHandled && this.#visiblePanels().some((p) => p.id === 'invoices')) {
      this.#paymentReturnHandled = true;
      if (new URLSearchParams(location.search).has('paiement')) void this.openPanel('invoices');
    }
    const target = this.#focusTarget;
    this.#focusTarget = undefined;
    if (target) this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  #focus(selector: string) {
    this.#focusTarget = selector;
    this.requestUpdate();
  }

  #announce(text: string) {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  async #load() {
    const run = ++this.#run;
    const adapter = this.adapter;
    const isCurrent = () => run === this.#run && adapter === this.adapter;
    if (!adapter) {
      this.view = 'error';
      this.loadError = undefined;
      return;
    }
    if (this.view !== 'ready') this.view = 'checking';
    this.loadError = undefined;
    try {
      const session = await adapter.getSession();
      if (!isCurrent()) return;
      if (!session) {
        this.#showLoggedOut('none');
        return;
      }
      this.session = session;
      this.loggedOutReason = 'none';
      if (session.mustChangePassword) {
        this.view = 'must-change-password';
        return;
      }
      // The gate around shows the terms; family data would only be refused until then.
      if (session.mustAcceptTerms) {
        this.view = 'must-accept-terms';
        return;
      }
      this.view = 'ready';
    } catch (error) {
      if (!isCurrent()) return;
      this.#attempt++;
      this.view = 'error';
      this.loadError = CitizenError.from(error);
      return;
    }
    await this.#loadProfile(adapter, isCurrent);
  }

  async #loadProfile(adapter: CitizenBackend, isCurrent: () => boolean) {
    this.profileError = undefined;
    try {
      const profile = await adapter.getProfile();
      if (!isCurrent()) return;
      this.profile = profile;
      this.hasFamily = profile.serviceKeys.some((key) => key.linked) || (await this.#hasHousehold(adapter));
    } catch (error) {
      if (!isCurrent()) return;
      const citizenError = CitizenError.from(error);
      this.#attempt++;
      this.profileError = citizenError;
      if (citizenError.code === 'terms_not_accepted') requireTerms(this);
      else if (citizenError.code === 'not_authenticated' || citizenError.code === 'session_expired') this.#showLoggedOut('expired');
    }
  }

  /** A family can exist without a key: one the city made from an accepted request. */
  async #hasHousehold(adapter: CitizenBackend): Promise<boolean> {
    try {
      return (await adapter.getHousehold()) !== null;
    } catch {
      // Unknown: "Ma famille" stays hidden; "Services et clés" and "Mon entourage" still work.
      return false;
    }
  }

  #showLoggedOut(reason: 'logged-out' | 'expired' | 'none') {
    this.view = 'logged-out';
    this.loggedOutReason = reason;
    this.session = undefined;
    this.profile = undefined;
    this.hasFamily = false;
    this.open = new Set();
    // The button pressed is gone: the notice takes focus. (Inside <cgu-gate>, the gate hides us.)
    if (reason === 'logged-out') this.#focus('.logged-out');
  }

  #visiblePanels() {
    // A family's invoices come with its record.
    return PANELS.filter((panel) => (panel.id !== 'family' && panel.id !== 'invoices') || this.hasFamily);
  }

  async #setOpen(id: DashboardPanelId, isOpen: boolean) {
    const open = new Set(this.open);
    if (isOpen) open.add(id);
    else open.delete(id);
    this.open = open;
    if (isOpen) {
      if (this.modules.get(id) === 'ready') {
        // Opened again: the city may have decided a request meanwhile.
        (this.renderRoot.querySelector(`#${id}-panel > *`) as { refresh?: () => void } | null)?.refresh?.();
      } else await this.#loadModule(id);
    }
  }

  async #loadModule(id: DashboardPanelId) {
    const panel = PANELS.find((p) => p.id === id)!;
    this.modules = new Map(this.modules).set(id, 'loading');
    try {
      await panel.load();
      this.modules = new Map(this.modules).set(id, 'ready');
    } catch {
      this.#attempt++;
      this.modules = new Map(this.modules).set(id, 'error');
    }
  }

  private handleToggle(id: DashboardPanelId) {
    void this.#setOpen(id, !this.open.has(id));
  }

  private handleKeyLinked(event: CustomEvent<ServiceKeyLinkedDetail>) {
    this.profile = event.detail.profile;
    if (!this.hasFamily) {
      this.hasFamily = true;
      this.#announce(this.t('dashboard.familyShown'));
    }
  }

  private handleProfileUpdated(event: CustomEvent<ProfileUpdatedDetail>) {
    this.profile = event.detail.profile;
  }

  private handleAccountClosed() {
    this.#run++;
    this.view = 'closed';
    this.session = undefined;
    this.profile = undefined;
    this.open = new Set();
    this.#focus('.logged-out');
  }

  private handleRetry() {
    void this.#load();
  }

  get #level() {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  protected override render(): TemplateResult {
    return html`
      <div part="base" class="base">${this.#renderView()}</div>
      <p class="status" role="status">${this.announcement}</p>
    `;
  }

  #renderView() {
    switch (this.view) {
      case 'checking':
        return html`<p class="loading" aria-busy="true">${this.t('dashboard.loading')}</p>`;
      case 'logged-out':
        return this.#renderNotice(LOGGED_OUT_TEXT[this.loggedOutReason], this.#loginUrl, 'dashboard.login');
      case 'must-change-password':
        return this.#renderNotice('error.password_change_required', this.#loginUrl, 'dashboard.login');
      case 'closed':
        return this.#renderNotice('dashboard.closed', undefined, 'dashboard.login');
      case 'must-accept-terms':
        return this.#renderNotice('dashboard.termsRequired', this.#termsUrl, 'dashboard.terms');
      case 'error':
        return this.#renderLoadError();
      case 'ready':
        return this.#renderReady();
    }
  }

  get #loginUrl() {
    return httpUrl(this.loginUrl ?? this.cityConfig?.urls.login);
  }

  get #termsUrl() {
    return httpUrl(this.termsUrl ?? this.cityConfig?.urls.terms);
  }

  #renderNotice(text: MessageKey, url: string | undefined, linkText: MessageKey) {
    return html`<div class="notice-box">
      <p class="logged-out" tabindex="-1">${this.t(text)}</p>
      ${url ? html`<a class="link" href=${url}>${this.t(linkText)}</a>` : nothing}
    </div>`;
  }

  #renderLoadError() {
    const error = this.adapter ? this.loadError : 'no_backend';
    return html`<div class="notice-box">
      ${keyed(
        this.#attempt,
        html`<div class="alert" role="alert">
          <p>${this.t('dashboard.loadError')}</p>
          ${error ? html`<p>${this.errorText(error)}</p>` : nothing}
        </div>`,
      )}
      ${this.adapter
        ? html`<button class="citizen-button citizen-button--secondary" type="button" @click=${this.handleRetry}>${this.t('dashboard.retry')}</button>`
        : nothing}
    </div>`;
  }

  #renderReady() {
    const level = this.#level;
    const tag = headingTag(level);
    const terms = this.#termsUrl;
    return html`
      <citizen-dashboard-header
        heading-level=${level}
        lang=${this.locale}
        .backend=${this.adapter}
        .config=${this.cityConfig}
        .session=${this.session ?? null}
        login-url=${this.loginUrl ?? nothing}
      ></citizen-dashboard-header>
      ${this.#renderSummary(level)}
      <section class="board" aria-labelledby="board-title">
        ${staticHtml`<${tag} part="board-heading" id="board-title" class="board-title">${this.t('dashboard.heading')}</${tag}>`}
        <div class="sections">${this.#visiblePanels().map((panel) => this.#renderSection(panel, level + 1))}</div>
      </section>
      ${terms
        ? html`<p class="foot"><a part="terms-link" class="link" href=${terms}>${this.t('dashboard.terms')}</a></p>`
        : nothing}
    `;
  }

  #renderSummary(level: number) {
    const tag = headingTag(level);
    const profile = this.profile;
    let body: unknown;
    if (this.profileError && !profile) {
      body = keyed(
        this.#attempt,
        html`<div class="alert" role="alert">
          <p>${this.t('dashboard.summaryError')}</p>
          <p>${this.errorText(this.profileError)}</p>
        </div>`,
      );
      if (this.profileError === 'no_backend' || this.profileError.code !== 'terms_not_accepted') {
        body = html`${body}<button class="citizen-button citizen-button--secondary" type="button" @click=${this.handleRetry}>${this.t('dashboard.retry')}</button>`;
      }
    } else if (!profile) {
      body = html`<p class="loading" aria-busy="true">${this.t('common.loading')}</p>`;
    } else {
      const { address, contact } = profile;
      body = html`
        <p class="summary-name">${fullName(profile.identity, this.locale)}</p>
        ${address
          ? html`<p>${address.street}${address.complement ? html`, ${address.complement}` : nothing}<br />${address.postcode} ${address.commune}</p>`
          : nothing}
        <p>${contact.email}</p>
        <div class="summary-actions">
          <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.openPanel('profile')}>${this.t('dashboard.editProfile')}</button>
          ${this.hasFamily
            ? nothing
            : html`<button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.openPanel('services')}>${this.t('dashboard.enterKey')}</button>`}
        </div>
        ${this.hasFamily ? nothing : html`<p class="hint">${this.t('dashboard.noFamily')}</p>`}
      `;
    }
    return html`<section part="summary" class="summary" aria-labelledby="summary-title">
      ${staticHtml`<${tag} id="summary-title" class="summary-title">${this.t('dashboard.summary')}</${tag}>`}
      ${body}
    </section>`;
  }

  #renderSection(panel: PanelDefinition, level: number) {
    const isOpen = this.open.has(panel.id);
    const tag = unsafeStatic(`h${Math.min(6, level)}`);
    const module = this.modules.get(panel.id);
    return html`
      <section part="section" class="section ${isOpen ? 'section--open' : ''}">
        ${staticHtml`<${tag} class="section-heading">
          <button
            part="section-button"
            class="section-button"
            id="${panel.id}-button"
            type="button"
            aria-expanded=${isOpen ? 'true' : 'false'}
            aria-controls="${panel.id}-panel"
            @click=${() => this.handleToggle(panel.id)}
          >
            <span class="section-label">${this.t(panel.title)}</span>
            <span class="chevron" aria-hidden="true"></span>
          </button>
        </${tag}>`}
        <div
          part="panel"
          class="panel"
          id="${panel.id}-panel"
          role="region"
          aria-labelledby="${panel.id}-button"
          ?hidden=${!isOpen}
        >
          ${module === undefined ? nothing : this.#renderPanel(panel, level, module)}
        </div>
      </section>
    `;
  }

  #renderPanel(panel: PanelDefinition, level: number, module: ModuleState) {
    if (module === 'loading') return html`<p class="loading" aria-busy="true">${this.t('common.loading')}</p>`;
    if (module === 'error') {
      return html`<div class="notice-box">
        ${keyed(this.#attempt, html`<p class="alert" role="alert">${this.t('dashboard.panelLoadError')}</p>`)}
        <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.#loadModule(panel.id)}>${this.t('dashboard.retry')}</button>
      </div>`;
    }
    const tag = unsafeStatic(panel.tag);
    // The tag comes from the fixed list above, never from input.
    return staticHtml`<${tag}
      hide-heading
      heading-level=${level}
      lang=${this.locale}
      login-url=${this.loginUrl ?? nothing}
      .backend=${this.adapter}
      .config=${this.cityConfig}
      .profile=${panel.id === 'profile' || panel.id === 'services' ? this.profile : undefined}
      @citizen-service-key-linked=${this.handleKeyLinked}
      @citizen-profile-updated=${this.handleProfileUpdated}
      @citizen-account-closed=${this.handleAccountClosed}
    ></${tag}>`;
  }
}
