// SPDX-License-Identifier: MIT
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { CitizenBackend } from '../../core/backend.js';
import { CitizenElement } from '../../core/citizen-element.js';
import { cguGateTexts } from '../../i18n/parts/cgu-gate.js';
import { termsTexts } from '../../i18n/parts/terms.js';
import { CitizenError } from '../../core/errors.js';
import { headingTag } from '../../core/form.js';
import { requireTerms, type TermsRequiredDetail } from '../../core/require-terms.js';
import { httpUrl } from '../../core/urls.js';
import { formatDateTime } from '../../i18n/translate.js';
import type { Terms, TermsStatus } from '../../schemas/terms.js';
import { tokens } from '../../styles/tokens.js';
import { formatLongDate, renderTermsBlocks, termsTextStyles } from '../citizen-terms/terms-text.js';
import { styles } from './cgu-gate.styles.js';

/** `detail` of `citizen-terms-accepted`. */
export interface TermsAcceptedDetail {
  /** The version accepted. */
  version: string;
  /** SHA-256 of the text accepted, as the back end recorded it. */
  textHash: string;
  /** When the back end recorded the acceptance (ISO 8601). */
  acceptedAt: string | undefined;
}

// requireTerms() lives in core, so that elements that only report a refusal need not bundle the gate.
export { requireTerms, type TermsRequiredDetail };

declare module '../../core/citizen-element.js' {
  interface CitizenEventMap {
    'citizen-terms-accepted': TermsAcceptedDetail;
    'citizen-terms-required': TermsRequiredDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'citizen-terms-accepted': CustomEvent<TermsAcceptedDetail>;
    'citizen-terms-required': CustomEvent<TermsRequiredDetail>;
  }
}

type View = 'checking' | 'logged-out' | 'must-accept' | 'accepted' | 'error';
type FocusTarget = 'content' | 'heading' | 'feedback' | 'message';
type Notice = 'changed' | undefined;

/**
 * The terms gate of the citizen space (journey J6, seed 001): the slotted content (the
 * dashboard) is shown only once the logged-in citizen has accepted the city's current terms
 * of use. Until then the gate shows "Conditions générales d'utilisation", the text in a
 * scrollable region, and "J'accepte les conditions générales d'utilisation", which becomes
 * active — and green — once the end of the text has been seen.
 *
 * **How the end is detected.** An IntersectionObserver watches the "Fin du document" line
 * at the end of the text, relative to the viewport: it fires when the region has been
 * scrolled to its end *and* that end is on screen, whichever way it got there (wheel,
 * touch, scrollbar, arrow keys, Page Down or End in the focused region, a resize, zoom), and
 * at once for a text short enough to need no scrolling. Once seen, the button stays active.
 * Until then it is `aria-disabled` rather than `disabled`, so that keyboard and screen
 * reader users still reach it and hear why (the hint, linked by `aria-describedby`); the
 * change is announced in a live region.
 *
 * **Not logged in.** The gate shows none of the content and says so, with a link to the
 * login page (`login-url`, else the city's `urls.login`). It checks again when
 * `citizen-logged-in` is fired anywhere on the page (a `<citizen-login>` elsewhere), and
 * closes when `citizen-logged-out` is.
 *
 * **When the API refuses.** The back end refuses family data to an account that has not
 * accepted the current version (403 `terms_not_accepted`). An element inside the gate that
 * gets this code fires `citizen-terms-required` (see `requireTerms()`); the gate then asks
 * the back end again, hides the content and shows the terms, with focus on its heading.
 * After acceptance the gate fires `citizen-terms-accepted`, which such an element can
 * listen for on `document` to load its data again.
 *
 * **Print / PDF.** "Imprimer ou enregistrer en PDF" opens the browser's print dialog (which
 * also saves as PDF); the element's print styles lay the whole text out, without the
 * scroll box and buttons. `<citizen-terms>` shows the same text on a page of its own
 * (the city's `urls.terms`, e.g. the demo's `/cgu`).
 *
 * @summary Shows its content only once the citizen has read and accepted the current terms of use.
 *
 * @slot - The content to protect, e.g. the dashboard. Hidden (not rendered, not focusable)
 *   until the current terms are accepted.
 *
 * @fires citizen-terms-accepted - The citizen accepted the terms and the back end recorded
 *   it; `detail` holds `version`, `textHash` and `acceptedAt`. The content is then shown
 *   and receives focus.
 *
 * @csspart base - The frame around the terms, the login notice or the error.
 * @csspart heading - The heading "Conditions générales d'utilisation".
 * @csspart intro - The sentence under the heading.
 * @csspart notice - "The terms have changed…", when a new version asks again.
 * @csspart scroll-region - The focusable, scrollable box holding the text.
 * @csspart end-of-text - The "Fin du document" line the observer watches.
 * @csspart hint - "Faites défiler le texte jusqu'à la fin pour pouvoir accepter".
 * @csspart accept-button - "J'accepte les conditions générales d'utilisation".
 * @csspart print-button - "Imprimer ou enregistrer en PDF".
 * @csspart login-link - The link to the login page, when nobody is logged in.
 * @csspart content - The wrapper of the slotted content; focused after acceptance.
 *
 * @cssprop [--citizen-cgu-accept-color=var(--citizen-color-success, #1a7f37)] - Background of
 *   the accept button once it is active (the seeds' "devient vert"); else the city's accent
 *   colour. Keep white text readable on it (4.5:1).
 * @cssprop [--citizen-cgu-text-max-height=min(60vh, 32rem)] - Height of the scroll region
 *   before it scrolls.
 * @cssprop [--citizen-cgu-max-width=48rem] - Widest the gate gets.
 * @cssprop [--citizen-color-primary=#1d4f91] - Heading, frame's top border, links; else the
 *   city's colour from `<citizen-portal>`.
 * @cssprop [--citizen-color-on-primary=#ffffff] - Text on the accept button.
 * @cssprop [--citizen-color-text=#1e1e1e] - Text, and the outer focus ring.
 * @cssprop [--citizen-color-muted=#555555] - Version line, hint, inactive button.
 * @cssprop [--citizen-color-surface=#ffffff] - Background.
 * @cssprop [--citizen-color-border=#767676] - Frame and scroll region borders.
 * @cssprop [--citizen-color-error=#b00020] - Error messages.
 * @cssprop [--citizen-color-focus=#ffbf47] - Inner focus ring.
 * @cssprop [--citizen-radius=4px] - Corner radius.
 * @cssprop [--citizen-font-family=system-ui, sans-serif] - Font.
 * @cssprop [--citizen-space=1rem] - Spacing unit.
 */
export class CguGate extends CitizenElement {
  static override texts = [cguGateTexts, termsTexts];

  static override styles = [tokens, termsTextStyles, styles];

  /** Level of the heading "Conditions générales d'utilisation", 1 to 6; the text's title is one below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The login page linked to when nobody is logged in; the city config's `urls.login` otherwise. */
  @property({ attribute: 'login-url' }) loginUrl?: string;

  @state() private view: View = 'checking';
  @state() private status?: TermsStatus;
  @state() private terms?: Terms;
  @state() private hasReachedEnd = false;
  @state() private isAccepting = false;
  /** Why the content is out of reach without logging in: shown above the login link. */
  @state() private loggedOutReason?: 'session_expired' | 'password_change_required';
  @state() private notice: Notice;
  @state() private loadError?: CitizenError | 'no_backend';
  @state() private acceptError?: CitizenError;
  /** Text of the polite live region: the button became active, the terms were accepted. */
  @state() private announcement = '';

  #checkedAdapter?: CitizenBackend;
  #check = 0;
  /** Keys the alerts: the same error twice is a new alert, announced again. */
  #attempt = 0;
  #focusTarget?: FocusTarget;
  #observer?: IntersectionObserver;
  #observed?: Element;

  readonly #handleLoggedIn = () => {
    const adapter = this.adapter;
    if (adapter) void this.#checkStatus(adapter);
  };

  readonly #handleLoggedOut = () => {
    // Checked before the content is hidden: a logout button inside it would leave focus on <body>.
    const hadFocus = this.matches(':focus-within');
    this.#check++;
    this.loggedOutReason = undefined;
    this.#showLoggedOut();
    if (hadFocus) this.#focus('message');
  };

  readonly #handleTermsRequired = (event: Event) => {
    // The nearest gate answers; an outer one must not ask the back end a second time.
    event.stopPropagation();
    const adapter = this.adapter;
    if (adapter) void this.#checkStatus(adapter, 'heading');
  };

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('citizen-logged-in', this.#handleLoggedIn);
    document.addEventListener('citizen-logged-out', this.#handleLoggedOut);
    // A generated password replaced elsewhere on the page: the terms are reachable now.
    document.addEventListener('citizen-password-changed', this.#handleLoggedIn);
    this.addEventListener('citizen-terms-required', this.#handleTermsRequired);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('citizen-logged-in', this.#handleLoggedIn);
    document.removeEventListener('citizen-password-changed', this.#handleLoggedIn);
    document.removeEventListener('citizen-logged-out', this.#handleLoggedOut);
    this.removeEventListener('citizen-terms-required', this.#handleTermsRequired);
    this.#unobserve();
    // Connected again later (moved in the page), it must observe its text afresh.
    this.#checkedAdapter = undefined;
  }

  /** Asks the back end again whether the current terms are accepted (e.g. after a login made elsewhere). */
  async refresh(): Promise<void> {
    const adapter = this.adapter;
    if (adapter) await this.#checkStatus(adapter);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    const adapter = this.adapter;
    if (adapter !== this.#checkedAdapter) {
      this.#checkedAdapter = adapter;
      if (adapter) void this.#checkStatus(adapter);
      else {
        this.view = 'error';
        this.loadError = 'no_backend';
      }
    }
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    if (this.view === 'must-accept' && !this.hasReachedEnd) this.#observe();
    else this.#unobserve();

    const target = this.#focusTarget;
    this.#focusTarget = undefined;
    if (target === 'content') this.renderRoot.querySelector<HTMLElement>('.content')?.focus();
    else if (target === 'heading') this.renderRoot.querySelector<HTMLElement>('.heading')?.focus();
    else if (target === 'feedback') this.renderRoot.querySelector<HTMLElement>('.feedback')?.focus();
    else if (target === 'message') this.renderRoot.querySelector<HTMLElement>('.message')?.focus();
  }

  #focus(target: FocusTarget) {
    this.#focusTarget = target;
    this.requestUpdate();
  }

  async #checkStatus(adapter: CitizenBackend, focus?: FocusTarget) {
    const check = ++this.#check;
    const isCurrent = () => check === this.#check && adapter === this.adapter;
    // Re-checking an open gate, or revealed content, keeps it on screen until the answer says
    // otherwise (the API refuses family data anyway); only a first check shows "Chargement…".
    if (this.view !== 'must-accept' && this.view !== 'accepted') this.view = 'checking';
    this.loadError = undefined;
    try {
      const status = await adapter.getTermsStatus();
      if (!isCurrent()) return;
      this.status = status;
      this.loggedOutReason = undefined;
      if (!status.mustAccept) {
        this.#showContent();
        return;
      }
      const terms = await adapter.getTerms(status.currentVersion);
      if (!isCurrent()) return;
      this.#showTerms(terms);
      if (focus) this.#focus(focus);
    } catch (error) {
      if (!isCurrent()) return;
      const citizenError = CitizenError.from(error);
      if (this.#isLoginNeeded(citizenError)) return;
      this.#attempt++;
      this.view = 'error';
      this.loadError = citizenError;
    }
  }

  /**
   * No session, or one that must first replace a generated password (the API refuses it
   * everything else): both are sent to the login page, with the reason.
   */
  #isLoginNeeded(error: CitizenError): boolean {
    const { code } = error;
    if (code !== 'not_authenticated' && code !== 'session_expired' && code !== 'password_change_required') return false;
    this.loggedOutReason = code === 'not_authenticated' ? undefined : code;
    this.#showLoggedOut();
    return true;
  }

  #showTerms(terms: Terms) {
    const isNewText = this.terms?.textHash !== terms.textHash;
    this.terms = terms;
    this.view = 'must-accept';
    if (isNewText) {
      this.hasReachedEnd = false;
      this.announcement = '';
    }
  }

  #showContent() {
    this.view = 'accepted';
    this.terms = undefined;
    this.notice = undefined;
    this.acceptError = undefined;
  }

  #showLoggedOut() {
    this.view = 'logged-out';
    this.status = undefined;
    this.terms = undefined;
    this.notice = undefined;
    this.acceptError = undefined;
    this.hasReachedEnd = false;
    this.announcement = '';
  }

  #observe() {
    const end = this.renderRoot.querySelector('.end');
    if (!end || end === this.#observed) return;
    this.#unobserve();
    this.#observed = end;
    // The implicit root (the viewport), not the region: the end must be on screen, so it
    // counts only once the region is scrolled to it and the page shows that part too.
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.#reachEnd();
    });
    this.#observer.observe(end);
  }

  #unobserve() {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#observed = undefined;
  }

  #reachEnd() {
    if (this.hasReachedEnd || this.view !== 'must-accept') return;
    this.hasReachedEnd = true;
    this.announcement = this.t('cgu.reachedEnd');
  }

  private async handleAccept() {
    const terms = this.terms;
    const adapter = this.adapter;
    // aria-disabled keeps the button focusable: a press before the end does nothing (the hint says why).
    if (!terms || !adapter || !this.hasReachedEnd || this.isAccepting) return;
    // A status check still on its way (asked by the content, e.g. a refused call) answers
    // from before this acceptance: it must not bring the gate back once accepted.
    this.#check++;
    this.#attempt++;
    this.isAccepting = true;
    this.acceptError = undefined;
    this.notice = undefined;
    try {
      const status = await adapter.acceptTerms({ version: terms.version, textHash: terms.textHash });
      this.status = status;
      if (status.mustAccept) {
        // Accepted, yet another version is due: show that one.
        await this.#checkStatus(adapter, 'heading');
        return;
      }
      this.#showContent();
      this.announcement = this.t('cgu.accepted');
      this.#focus('content');
      this.emit('citizen-terms-accepted', { version: terms.version, textHash: terms.textHash, acceptedAt: status.acceptedAt });
    } catch (error) {
      const citizenError = CitizenError.from(error);
      if (citizenError.code === 'conflict') {
        // The city published a new version (or corrected the text) while the page was open.
        this.notice = 'changed';
        await this.#checkStatus(adapter, 'feedback');
      } else if (!this.#isLoginNeeded(citizenError)) {
        this.acceptError = citizenError;
        this.#focus('feedback');
      }
    } finally {
      this.isAccepting = false;
    }
  }

  private handlePrint() {
    window.print();
  }

  private handleRetry() {
    const adapter = this.adapter;
    if (adapter) void this.#checkStatus(adapter, 'heading');
  }

  get #level() {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  protected override render(): TemplateResult {
    return html`
      ${this.#renderGate()}
      <p class="status" role="status">${this.announcement}</p>
      <div part="content" class="content" tabindex="-1" ?hidden=${this.view !== 'accepted'}>
        <slot></slot>
      </div>
    `;
  }

  #renderGate() {
    switch (this.view) {
      case 'accepted':
        return nothing;
      case 'checking':
        return html`<p part="base" class="base loading">${this.t('common.loading')}</p>`;
      case 'logged-out':
        return this.#renderLoggedOut();
      case 'error':
        return this.#renderLoadError();
      case 'must-accept':
        return this.terms ? this.#renderTerms(this.terms) : nothing;
    }
  }

  #renderLoggedOut() {
    const loginUrl = httpUrl(this.loginUrl ?? this.cityConfig?.urls.login);
    return html`
      <div part="base" class="base">
        <p class="message" tabindex="-1">${this.loggedOutReason ? this.t(`error.${this.loggedOutReason}`) : this.t('cgu.loginRequired')}</p>
        ${loginUrl ? html`<a part="login-link" class="link" href=${loginUrl}>${this.t('cgu.login')}</a>` : nothing}
      </div>
    `;
  }

  #renderLoadError() {
    const error = this.loadError ?? new CitizenError('server_error');
    return html`
      <div part="base" class="base">
        ${keyed(
          this.#attempt,
          html`<div class="alert" role="alert">
            <p>${this.t('cgu.loadError')}</p>
            <p>${this.errorText(error)}</p>
          </div>`,
        )}
        ${error === 'no_backend'
          ? nothing
          : html`<button class="secondary" type="button" @click=${this.handleRetry}>${this.t('cgu.retry')}</button>`}
      </div>
    `;
  }

  #renderTerms(terms: Terms) {
    const level = this.#level;
    const tag = headingTag(level);
    const titleTag = headingTag(level + 1);
    const reached = this.hasReachedEnd;
    const pending = this.isAccepting;
    const previous = this.status?.acceptedAt;
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        ${staticHtml`<${tag} part="heading" id="heading" class="heading" tabindex="-1">${this.t('cgu.heading')}</${tag}>`}
        <p part="intro" class="intro">${this.t('cgu.intro')}</p>
        <p class="version">
          ${this.t('cgu.version', { version: terms.version, date: formatLongDate(terms.publishedOn, this.locale) })}
        </p>
        ${this.#renderFeedback(previous)}
        <div
          part="scroll-region"
          class="region"
          role="region"
          tabindex="0"
          aria-label=${this.t('cgu.region')}
        >
          <div class="terms-text">
            ${staticHtml`<${titleTag} class="terms-title">${terms.title}</${titleTag}>`}
            ${renderTermsBlocks(terms.blocks, level + 2)}
          </div>
          <p part="end-of-text" class="end">${this.t('cgu.endOfText')}</p>
        </div>
        <p part="hint" id="hint" class="hint ${reached ? 'hint--done' : ''}">
          ${this.t(reached ? 'cgu.hintDone' : 'cgu.hint')}
        </p>
        ${this.acceptError
          ? html`<div class="feedback" tabindex="-1">
              ${keyed(this.#attempt, html`<p class="alert" role="alert">${this.errorText(this.acceptError)}</p>`)}
            </div>`
          : nothing}
        <div class="actions">
          <button
            part="accept-button"
            class="accept"
            type="button"
            aria-disabled=${reached && !pending ? nothing : 'true'}
            aria-busy=${pending ? 'true' : nothing}
            aria-describedby="hint"
            @click=${this.handleAccept}
          >
            ${this.t(pending ? 'cgu.accepting' : 'cgu.accept')}
          </button>
          <button part="print-button" class="secondary" type="button" @click=${this.handlePrint}>
            ${this.t('cgu.print')}
          </button>
        </div>
      </section>
    `;
  }

  /** Why the terms are asked for (again): the text changed meanwhile, or since the last acceptance. */
  #renderFeedback(previousAcceptance: string | undefined) {
    if (this.notice === 'changed') {
      return html`<div class="feedback" tabindex="-1">
        ${keyed(this.#attempt, html`<p part="notice" class="notice" role="alert">${this.t('cgu.changed')}</p>`)}
      </div>`;
    }
    if (previousAcceptance) {
      // An earlier version was accepted: say why the terms are asked for again.
      const { date } = formatDateTime(previousAcceptance, this.locale);
      return html`<p part="notice" class="notice">${this.t('cgu.newVersion', { date })}</p>`;
    }
    return nothing;
  }
}
