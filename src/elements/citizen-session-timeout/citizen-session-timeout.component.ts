// SPDX-License-Identifier: MIT
import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { property, query, state } from 'lit/decorators.js';
import type { CitizenBackend } from '../../core/backend.js';
import { CitizenElement } from '../../core/citizen-element.js';
import { sessionTimeoutTexts } from '../../i18n/parts/session-timeout.js';
import { CitizenError } from '../../core/errors.js';
import { headingTag } from '../../core/form.js';
import { httpUrl } from '../../core/urls.js';
import { formatDateTime } from '../../i18n/translate.js';
import type { Session } from '../../schemas/session.js';
import { tokens } from '../../styles/tokens.js';
import { styles } from './citizen-session-timeout.styles.js';

/** Time as the element sees it; tests give a fake one. */
export interface SessionClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: SessionClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** `detail` of `citizen-session-extended`. */
export interface SessionExtendedEventDetail {
  session: Session;
}

declare module '../../core/citizen-element.js' {
  interface CitizenEventMap {
    'citizen-session-extended': SessionExtendedEventDetail;
    'citizen-session-expired': Record<string, never>;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'citizen-session-extended': CustomEvent<SessionExtendedEventDetail>;
    'citizen-session-expired': CustomEvent<Record<string, never>>;
  }
}

type Phase = 'idle' | 'warning' | 'extending' | 'expired';

// Browsers run a longer timeout at once (32-bit milliseconds).
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Warns the citizen before their session ends for lack of activity, and lets them keep it
 * with one click: a modal dialog (`role="alertdialog"`) opens `warn-before` seconds before
 * the idle expiry, takes focus so that its title and text are read, and offers
 * "Prolonger ma session" (Escape does the same). If the time runs out, the dialog says so
 * and offers to log in again.
 *
 * Nothing else on the page is touched: a form half filled (the sign-up wizard, a booking)
 * keeps what was typed, behind the dialog, and focus returns to where it was.
 *
 * The element learns the expiry from the sessions of `citizen-logged-in` and
 * `citizen-password-changed` events, from the adapter's idle-expiry notifications (the
 * reference API sends `X-Citizen-Idle-Expires` on every authenticated answer, so activity
 * elsewhere on the page pushes the warning back), and from a passive session check when it
 * connects and again just before warning (another tab may have kept the session alive). It
 * renders nothing until the warning. One per page is enough; put it anywhere.
 *
 * @summary Warns before the session expires for inactivity, and extends it in one click.
 *
 * @fires citizen-session-extended - The citizen extended the session; `detail.session` is the session.
 * @fires citizen-session-expired - The session ended for inactivity while the page was open.
 *
 * @csspart dialog - The warning dialog.
 * @csspart heading - Its title.
 * @csspart extend-button - "Prolonger ma session".
 *
 * @cssprop [--citizen-session-timeout-max-width=32rem] - Widest the dialog gets.
 * @cssprop [--citizen-color-primary=#1d4f91] - Title, buttons, the dialog's top border.
 */
export class CitizenSessionTimeout extends CitizenElement {
  static override texts = [sessionTimeoutTexts];

  static override styles = [tokens, styles];

  /** Seconds before the idle expiry at which the warning opens (the seeds' cities: 2 minutes). */
  @property({ attribute: 'warn-before', type: Number }) warnBefore = 120;

  /** Level of the dialog's title, 1 to 6. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Target of "Me reconnecter"; the city config's `urls.login` otherwise. */
  @property({ attribute: 'login-url' }) loginUrl?: string;

  /** The clock; tests replace it with a fake one. */
  @property({ attribute: false }) clock: SessionClock = realClock;

  @state() private phase: Phase = 'idle';
  /** When the session ends if nothing happens (ms since the epoch), or null without a session. */
  @state() private idleExpiresAt: number | null = null;
  @state() private hasExtended = false;
  @state() private extendError?: CitizenError;

  @query('dialog') private dialog?: HTMLDialogElement;

  #timer?: unknown;
  #unsubscribe?: () => void;
  #subscribedAdapter?: CitizenBackend;
  #check = 0;

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('citizen-logged-in', this.#handleSession);
    document.addEventListener('citizen-password-changed', this.#handleSession);
    document.addEventListener('citizen-logged-out', this.#handleLoggedOut);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('citizen-logged-in', this.#handleSession);
    document.removeEventListener('citizen-password-changed', this.#handleSession);
    document.removeEventListener('citizen-logged-out', this.#handleLoggedOut);
    this.#unsubscribe?.();
    this.#unsubscribe = this.#subscribedAdapter = undefined;
    this.clock.clearTimeout(this.#timer);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    const adapter = this.adapter;
    if (adapter !== this.#subscribedAdapter) {
      this.#unsubscribe?.();
      this.#subscribedAdapter = adapter;
      this.#unsubscribe = adapter?.subscribeIdleExpiry?.((iso) => this.#learn(iso));
      if (adapter) void this.#checkSession();
    }
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    if (changed.has('idleExpiresAt') || changed.has('phase') || changed.has('warnBefore') || changed.has('clock')) this.#schedule();
  }

  readonly #handleSession = (event: CustomEvent<{ session: Session }>) => {
    if (event.detail?.session) this.#learn(event.detail.session.idleExpiresAt, true);
  };

  readonly #handleLoggedOut = () => {
    this.idleExpiresAt = null;
    this.#close();
  };

  /** A new idle expiry from the back end; `isNewSession` also leaves the "expired" state. */
  #learn(iso: string, isNewSession = false) {
    const at = Date.parse(iso);
    if (Number.isNaN(at)) return;
    if (this.phase === 'expired' && !isNewSession) return;
    this.idleExpiresAt = at;
    // Activity elsewhere (another element's request, another tab seen by the check) pushed
    // the expiry back beyond the warning: the warning no longer applies.
    if ((this.phase === 'warning' || this.phase === 'expired') && at - this.clock.now() > this.warnBefore * 1000) this.#close();
  }

  /** Asks the back end, without counting as activity, whether and until when the session lives. */
  async #checkSession(): Promise<Session | null | undefined> {
    const adapter = this.adapter;
    if (!adapter) return undefined;
    const check = ++this.#check;
    try {
      const session = await adapter.getSession({ passive: true });
      if (check !== this.#check || adapter !== this.adapter) return undefined;
      if (session) this.#learn(session.idleExpiresAt);
      else this.idleExpiresAt = null;
      return session;
    } catch {
      // Unknown (network down): keep what we know; the next check will tell.
      return undefined;
    }
  }

  #schedule() {
    this.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    const expiry = this.idleExpiresAt;
    if (expiry === null || this.phase === 'expired' || this.phase === 'extending') return;
    const now = this.clock.now();
    const at = this.phase === 'idle' ? expiry - this.warnBefore * 1000 : expiry;
    const delay = Math.min(MAX_DELAY, Math.max(0, at - now));
    this.#timer = this.clock.setTimeout(() => void (this.phase === 'idle' ? this.#warnTime() : this.#expiryTime()), delay);
  }

  async #warnTime() {
    const session = await this.#checkSession();
    // Ended meanwhile (logged out in another tab, ended by the server): say so now.
    if (session === null) {
      if (this.phase === 'idle') void this.#expire();
      return;
    }
    const expiry = this.idleExpiresAt;
    if (expiry === null || this.phase !== 'idle') return;
    if (expiry - this.clock.now() > this.warnBefore * 1000) return; // extended meanwhile; updated() reschedules
    this.hasExtended = false;
    this.extendError = undefined;
    this.phase = 'warning';
    await this.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    // The dialog itself, so that its name and description are read; Tab then reaches the button.
    dialog?.focus();
  }

  async #expiryTime() {
    const session = await this.#checkSession();
    if (session && Date.parse(session.idleExpiresAt) > this.clock.now()) return;
    void this.#expire();
  }

  async #expire() {
    this.clock.clearTimeout(this.#timer);
    this.idleExpiresAt = null;
    this.phase = 'expired';
    await this.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.focus();
    this.emit('citizen-session-expired', {});
  }

  private async handleExtend() {
    if (this.phase !== 'warning') return;
    const adapter = this.adapter;
    if (!adapter) return;
    this.phase = 'extending';
    this.extendError = undefined;
    try {
      const session = await adapter.extendSession();
      this.idleExpiresAt = Date.parse(session.idleExpiresAt);
      this.hasExtended = true;
      this.#close();
      this.emit('citizen-session-extended', { session });
    } catch (error) {
      const citizenError = CitizenError.from(error);
      if (citizenError.code === 'session_expired' || citizenError.code === 'not_authenticated') {
        void this.#expire();
        return;
      }
      this.phase = 'warning';
      this.extendError = citizenError;
    }
  }

  /** Escape: in the warning it extends (any sign of life counts); once expired it closes. */
  private handleCancel(event: Event) {
    event.preventDefault();
    if (this.phase === 'warning') void this.handleExtend();
    else if (this.phase === 'expired') this.#close();
  }

  private handleClose() {
    this.#close();
  }

  #close() {
    if (this.phase === 'expired') this.idleExpiresAt = null;
    this.phase = 'idle';
    // Closing a modal dialog returns focus to what had it before: the citizen's field.
    if (this.dialog?.open) this.dialog.close();
  }

  protected override render(): TemplateResult {
    const heading = headingTag(this.headingLevel);
    const phase = this.phase;
    const expired = phase === 'expired';
    const open = phase !== 'idle';
    const login = httpUrl(this.loginUrl ?? this.cityConfig?.urls.login);
    return html`
      <dialog
        part="dialog"
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="title"
        aria-describedby="text"
        tabindex="-1"
        @cancel=${this.handleCancel}
      >
        ${open
          ? html`
              <${heading} part="heading" id="title" class="heading">
                ${this.t(expired ? 'sessionTimeout.expiredHeading' : 'sessionTimeout.heading')}
              </${heading}>
              <p id="text" class="text">${expired ? this.t('sessionTimeout.expiredText') : this.#warningText()}</p>
              ${this.extendError ? html`<p class="alert" role="alert">${this.requestErrorText(this.extendError)}</p>` : nothing}
              <div class="actions">
                ${expired
                  ? html`
                      ${login ? html`<a class="link" href=${login}>${this.t('sessionTimeout.login')}</a>` : nothing}
                      <button class="button button--secondary" type="button" @click=${this.handleClose}>
                        ${this.t('sessionTimeout.close')}
                      </button>
                    `
                  : html`
                      <button
                        part="extend-button"
                        class="button"
                        type="button"
                        aria-disabled=${phase === 'extending' ? 'true' : nothing}
                        @click=${this.handleExtend}
                      >
                        ${this.t(phase === 'extending' ? 'sessionTimeout.extending' : 'sessionTimeout.extend')}
                      </button>
                    `}
              </div>
            `
          : nothing}
      </dialog>
      <p class="status" role="status">${this.hasExtended && phase === 'idle' ? this.t('sessionTimeout.extended') : nothing}</p>
    `;
  }

  #warningText() {
    const expiry = this.idleExpiresAt ?? this.clock.now();
    const minutes = Math.max(1, Math.round((expiry - this.clock.now()) / 60_000));
    const { time } = formatDateTime(new Date(expiry).toISOString(), this.locale);
    return this.t('sessionTimeout.text', { time, minutes });
  }
}
