// SPDX-License-Identifier: MIT
/**
 * What every panel of the dashboard shares: its heading (or none, inside the dashboard,
 * whose disclosure button is the heading), loading its data through small loaders with
 * loading / error / data states, and the answer to the API's refusals: `terms_not_accepted`
 * hands over to the enclosing `<cgu-gate>`, an ended session shows the login link.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { CitizenBackend } from '../../core/backend.js';
import { CitizenElement } from '../../core/citizen-element.js';
import { dashboardPanelTexts } from '../../i18n/parts/dashboard-panel.js';
import { CitizenError } from '../../core/errors.js';
import { headingTag } from '../../core/form.js';
import { httpUrl } from '../../core/urls.js';
import type { TextPart } from '../../i18n/part.js';
import type { MessageKey } from '../../i18n/translate.js';
import type { CitizenRequest } from '../../schemas/requests.js';
import { lightFormStyles } from '../../styles/light-form.js';
import { tokens } from '../../styles/tokens.js';
import { requireTerms } from '../../core/require-terms.js';
import { panelStyles } from './panel.styles.js';
import './events.js';

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: CitizenError | 'no_backend' };

/** Codes after which a panel waits for a new login rather than offering "Réessayer". */
export const isSessionEnded = (error: CitizenError | 'no_backend') =>
  error !== 'no_backend' && (error.code === 'not_authenticated' || error.code === 'session_expired');

/**
 * One piece of data a panel loads: keeps its state, ignores answers of an older run, and
 * reports refusals to the panel.
 */
export class Loader<T> {
  state: LoadState<T> = { status: 'idle' };
  #run = 0;

  /**
   * @param fetch asks the adapter.
   * @param options.quiet a failure shows nothing and is not reported (side data, e.g. the
   *   pending requests under the profile), so one refusal is not reported twice.
   */
  constructor(
    private readonly host: DashboardPanel,
    private readonly fetch: (adapter: CitizenBackend) => Promise<T>,
    private readonly options: { quiet?: boolean } = {},
  ) {}

  get data(): T | undefined {
    return this.state.status === 'ready' ? this.state.data : undefined;
  }

  /**
   * While asking again, what the last answer said: a refresh keeps it on screen, so that what
   * the family was doing in it (an agenda's unsent days, a half-filled form) is not torn down.
   */
  get previous(): T | undefined {
    return this.state.status === 'loading' ? this.#previous : undefined;
  }

  #previous?: T;

  async load(): Promise<void> {
    const run = ++this.#run;
    const adapter = this.host.panelAdapter;
    if (!adapter) {
      this.state = { status: 'error', error: 'no_backend' };
      this.host.requestUpdate();
      return;
    }
    if (this.state.status === 'ready') this.#previous = this.state.data;
    else if (this.state.status !== 'loading') this.#previous = undefined;
    this.state = { status: 'loading' };
    this.host.requestUpdate();
    try {
      const data = await this.fetch(adapter);
      if (run !== this.#run) return;
      this.state = { status: 'ready', data };
    } catch (error) {
      if (run !== this.#run) return;
      const citizenError = CitizenError.from(error);
      this.state = { status: 'error', error: citizenError };
      if (!this.options.quiet) this.host.handleRefusal(citizenError);
    }
    this.host.requestUpdate();
  }

  /** New data known without asking (the answer of a change). */
  set(data: T) {
    this.#run++;
    this.state = { status: 'ready', data };
    this.host.requestUpdate();
  }

  get hasFailedOnAccess(): boolean {
    return this.state.status === 'error' && this.state.error !== 'no_backend' && isAccessError(this.state.error);
  }
}

const isAccessError = (error: CitizenError) =>
  error.code === 'terms_not_accepted' || error.code === 'not_authenticated' || error.code === 'session_expired';

let instances = 0;

export abstract class DashboardPanel extends CitizenElement {
  // Typed as the base's so that each panel can list its own parts.
  static override texts: readonly TextPart[] = [dashboardPanelTexts];

  static override styles = [tokens, lightFormStyles, panelStyles];

  /**
   * Level of the panel's heading, 1 to 6; its sections are one level below. Inside
   * `<family-dashboard>` the heading is the dashboard's disclosure button (`hide-heading`).
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Leaves the heading out, for a container that shows it (the dashboard's disclosure button). */
  @property({ type: Boolean, attribute: 'hide-heading' }) hideHeading = false;

  /** The login page, linked to when the session has ended; the city config's `urls.login` otherwise. */
  @property({ attribute: 'login-url' }) loginUrl?: string;

  /** Text of the panel's polite live region ("Votre demande a été transmise…"). */
  @state() protected announcement = '';

  /** Prefix of the ids in this panel's shadow root. */
  protected readonly uid = `citizen-panel-${++instances}`;
  /** Keys alerts, so that the same error twice is announced twice. */
  protected attempt = 0;

  #loadedAdapter?: CitizenBackend | null;
  #focusSelector?: string;

  /** The panel's title, shown as its heading when used alone. */
  protected abstract get titleKey(): MessageKey;
  /** Loads (again) everything the panel shows. */
  protected abstract reload(): void;
  /** The loaders whose failure on access (terms, session) is retried after a login or an acceptance. */
  protected abstract get loaders(): Loader<unknown>[];

  /** The adapter the loaders use. */
  get panelAdapter(): CitizenBackend | undefined {
    return this.adapter;
  }

  readonly #handleAccessRestored = () => {
    if (this.loaders.some((loader) => loader.hasFailedOnAccess)) this.reload();
  };

  override connectedCallback() {
    super.connectedCallback();
    // After the gate's acceptance or a new login, a panel refused on access loads again.
    document.addEventListener('citizen-terms-accepted', this.#handleAccessRestored);
    document.addEventListener('citizen-logged-in', this.#handleAccessRestored);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('citizen-terms-accepted', this.#handleAccessRestored);
    document.removeEventListener('citizen-logged-in', this.#handleAccessRestored);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    const adapter = this.adapter ?? null;
    if (adapter !== this.#loadedAdapter) {
      this.#loadedAdapter = adapter;
      this.reload();
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>) {
    super.updated(changed);
    const selector = this.#focusSelector;
    this.#focusSelector = undefined;
    if (selector) this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Moves focus to the element matching `selector` once the next render is on screen. */
  protected focusAfterRender(selector: string) {
    this.#focusSelector = selector;
    this.requestUpdate();
  }

  /** Says `text` in the panel's live region (cleared first, so the same text is said again). */
  protected announce(text: string) {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  /**
   * The API refused: the terms first (the gate around takes over), or the session ended
   * (the page's login box and the dashboard hear `citizen-session-expired`).
   */
  handleRefusal(error: CitizenError) {
    if (error.code === 'terms_not_accepted') requireTerms(this);
    else if (error.code === 'not_authenticated' || error.code === 'session_expired') this.emit('citizen-session-expired', {});
  }

  get level(): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  /** Level of the panel's own sections. */
  get subLevel(): number {
    return Math.min(6, this.level + 1);
  }

  /** A heading of `level` with `content`; `id`/`part`/`focusable` as asked. */
  protected heading(level: number, content: unknown, options: { id?: string; part?: string; className?: string; focusable?: boolean } = {}) {
    const tag = headingTag(level);
    return staticHtml`<${tag}
      id=${options.id ?? nothing}
      part=${options.part ?? nothing}
      class=${options.className ?? nothing}
      tabindex=${options.focusable ? '-1' : nothing}
    >${content}</${tag}>`;
  }

  protected override render(): TemplateResult {
    const titleId = `${this.uid}-title`;
    return html`
      <section part="base" class="panel" aria-labelledby=${this.hideHeading ? nothing : titleId}>
        ${this.hideHeading
          ? nothing
          : this.heading(this.level, this.t(this.titleKey), { id: titleId, part: 'heading', className: 'panel-title', focusable: true })}
        ${this.renderBody()}
        <p class="status" role="status">${this.announcement}</p>
      </section>
    `;
  }

  protected abstract renderBody(): unknown;

  /**
   * A loader's state: "Chargement…", the error with "Réessayer" (or the login link, or the
   * terms' word), else `ready(data)`.
   */
  protected renderLoad<T>(loader: Loader<T>, errorKey: MessageKey, ready: (data: T) => unknown, retry = () => void loader.load()) {
    const { state } = loader;
    switch (state.status) {
      case 'idle':
        return html`<p class="loading" aria-busy="true">${this.t('common.loading')}</p>`;
      case 'loading':
        // Asked again: the last answer stays until the new one comes (nothing open in it is lost).
        return loader.previous === undefined ? html`<p class="loading" aria-busy="true">${this.t('common.loading')}</p>` : ready(loader.previous);
      case 'error':
        return this.renderError(state.error, errorKey, retry);
      case 'ready':
        return ready(state.data);
    }
  }

  protected renderError(error: CitizenError | 'no_backend', errorKey: MessageKey, retry: () => void) {
    if (isSessionEnded(error)) return this.renderSessionEnded(error as CitizenError);
    const refusedTerms = error !== 'no_backend' && error.code === 'terms_not_accepted';
    return html`
      <div class="load-error">
        ${keyed(
          this.attempt,
          html`<div class="alert" role="alert">
            <p>${this.t(errorKey)}</p>
            <p>${this.errorText(error)}</p>
          </div>`,
        )}
        ${error === 'no_backend' || refusedTerms
          ? nothing
          : html`<button class="citizen-button citizen-button--secondary" type="button" @click=${() => {
              this.attempt++;
              retry();
            }}>
              ${this.t('dashboard.retry')}
            </button>`}
      </div>
    `;
  }

  /**
   * A request just sent: focus moved to its success notice (id `${uid}-sent`) once rendered,
   * and `citizen-request-sent` fired. Focus alone reads the notice out: a live region saying
   * it too would make screen readers say it twice.
   */
  protected requestSent(request: CitizenRequest) {
    this.focusAfterRender(`#${this.uid}-sent`);
    this.emit('citizen-request-sent', { request });
  }

  /**
   * The success notice of a request just sent (focused by `requestSent`): `message`, the
   * request's summary, and the "… une autre …" button `another` that starts a new one.
   */
  protected renderRequestSent(request: CitizenRequest, texts: { message: string; another: string }, another: () => void) {
    return html`
      <div class="notice notice--success" id="${this.uid}-sent" tabindex="-1">
        <p>${texts.message}</p>
        <p>${this.t('dashboard.absence.summary', { summary: request.summary })}</p>
      </div>
      <div class="actions">
        <button class="citizen-button citizen-button--secondary" type="button" @click=${another}>${texts.another}</button>
      </div>
    `;
  }

  protected renderSessionEnded(error: CitizenError) {
    const login = httpUrl(this.loginUrl ?? this.cityConfig?.urls.login);
    return html`
      <div class="load-error">
        <p class="alert" role="alert">${this.errorText(error)}</p>
        ${login ? html`<a class="citizen-link" href=${login}>${this.t('dashboard.login')}</a>` : nothing}
      </div>
    `;
  }
}
