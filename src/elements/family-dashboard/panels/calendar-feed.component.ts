// SPDX-License-Identifier: MIT
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { CitizenError } from '../../../core/errors.js';
import { httpUrl } from '../../../core/urls.js';
import type { MessageKey } from '../../../i18n/translate.js';
import type { CalendarFeedStatus } from '../../../schemas/activities.js';
import type { HouseholdMember } from '../../../schemas/household.js';
import { DashboardPanel, Loader } from '../panel-base.js';
import { calendarFeedTexts } from '../../../i18n/parts/calendar-feed.js';

/**
 * "Ajouter à mon agenda" (issue 7): a private, revocable iCalendar feed of the child's booked
 * days, which a phone's calendar subscribes to. The back end keeps only a hash of the
 * address, so it is shown once, when made, with "Copier le lien" and "Ouvrir dans mon
 * agenda" (the same address as `webcal:`, which calendars open as a subscription) and the
 * warning that whoever knows it sees the bookings. "Créer un nouveau lien" replaces (and so
 * revokes) the current one; "Révoquer le lien" asks for a confirmation first.
 *
 * The status ("Un lien est actif depuis le …") and revoking need the adapter's optional
 * `getCalendarFeedStatus` and `revokeCalendarFeed`; without them only "Créer" shows.
 *
 * @summary A child's private calendar subscription link: create, copy, open, revoke.
 *
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading (absent with `hide-heading`).
 * @csspart link - The new link's box (address, copy, open, warning).
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Buttons; else the city's colour.
 * @cssprop [--citizen-color-error=#b00020] - Errors.
 */
export class CitizenCalendarFeed extends DashboardPanel {
  static override texts = [calendarFeedTexts];

  static override styles = [
    ...DashboardPanel.styles,
    css`
      .feed-link {
        display: grid;
        gap: 0.75rem;
      }
      .feed-link .citizen-input {
        inline-size: 100%;
        font-family: ui-monospace, monospace;
        font-size: 0.9rem;
      }
      .confirm {
        display: grid;
        gap: 0.5rem;
      }
    `,
  ];

  /** The child whose booked days the feed lists. */
  @property({ attribute: false }) child?: HouseholdMember;

  /** The address just made: shown this once. */
  @state() private created?: string;
  @state() private busy?: 'create' | 'revoke';
  @state() private isConfirming = false;
  @state() private failure?: { action: 'create' | 'revoke'; error: CitizenError };

  readonly #status: Loader<CalendarFeedStatus | null> = new Loader(this, async (adapter) =>
    adapter.getCalendarFeedStatus ? adapter.getCalendarFeedStatus(this.child!.id) : null,
  );

  protected get titleKey(): MessageKey {
    return 'dashboard.calendarFeed.title';
  }

  protected get loaders(): Loader<unknown>[] {
    return [this.#status];
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    if (changed.has('child') && changed.get('child') !== undefined) this.reload();
  }

  protected reload() {
    if (this.child) void this.#status.load();
  }

  async #create() {
    const adapter = this.adapter;
    const child = this.child;
    if (!adapter || !child || this.busy) return;
    this.busy = 'create';
    this.failure = undefined;
    this.isConfirming = false;
    try {
      this.created = await adapter.getCalendarFeedUrl(child.id);
      this.#status.set({ active: true, createdAt: new Date().toISOString() });
      this.focusAfterRender(`#${this.uid}-created`);
    } catch (error) {
      this.#fail('create', error);
    } finally {
      this.busy = undefined;
    }
  }

  async #revoke() {
    const adapter = this.adapter;
    const child = this.child;
    if (!adapter?.revokeCalendarFeed || !child || this.busy) return;
    this.busy = 'revoke';
    this.failure = undefined;
    try {
      await adapter.revokeCalendarFeed(child.id);
      this.created = undefined;
      this.isConfirming = false;
      this.#status.set({ active: false });
      this.announce(this.t('dashboard.calendarFeed.revoked'));
      this.focusAfterRender(`#${this.uid}-create`);
    } catch (error) {
      this.#fail('revoke', error);
    } finally {
      this.busy = undefined;
    }
  }

  #fail(action: 'create' | 'revoke', error: unknown) {
    const citizenError = CitizenError.from(error);
    this.attempt++;
    this.failure = { action, error: citizenError };
    this.handleRefusal(citizenError);
  }

  async #copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      this.announce(this.t('dashboard.calendarFeed.copied'));
    } catch {
      // Without clipboard access (permission, insecure page) the text is selected for a manual copy.
      const input = this.renderRoot.querySelector<HTMLInputElement>(`#${this.uid}-url`);
      input?.focus();
      input?.select();
      this.announce(this.t('dashboard.calendarFeed.copyFailed'));
    }
  }

  #askRevoke() {
    this.isConfirming = true;
    this.failure = undefined;
    this.focusAfterRender(`#${this.uid}-confirm`);
  }

  #cancelRevoke() {
    this.isConfirming = false;
    this.focusAfterRender(`#${this.uid}-revoke`);
  }

  #date(iso: string) {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso));
  }

  protected renderBody(): unknown {
    const child = this.child;
    if (!child) return nothing;
    return html`
      <p class="intro">${this.t('dashboard.calendarFeed.intro', { name: child.firstNames })}</p>
      ${this.renderLoad(this.#status, 'dashboard.calendarFeed.loadError', (status) => this.#renderFeed(child, status))}
    `;
  }

  #renderFeed(child: HouseholdMember, status: CalendarFeedStatus | null) {
    const isActive = status?.active === true;
    const failure = this.failure;
    const name = child.firstNames;
    const canRevoke = isActive && !!this.adapter?.revokeCalendarFeed;
    return html`
      ${status
        ? html`<p class="notice">
            ${isActive && status.createdAt
              ? this.t('dashboard.calendarFeed.active', { date: this.#date(status.createdAt) })
              : this.t('dashboard.calendarFeed.none')}
          </p>`
        : nothing}
      ${this.created ? this.#renderCreated(this.created, name) : nothing}
      ${failure
        ? keyed(
            this.attempt,
            html`<div class="alert" role="alert">
              <p>${this.t(failure.action === 'create' ? 'dashboard.calendarFeed.createError' : 'dashboard.calendarFeed.revokeError')}</p>
              <p>${this.errorText(failure.error)}</p>
            </div>`,
          )
        : nothing}
      ${isActive ? html`<p class="muted" id="${this.uid}-renew-hint">${this.t('dashboard.calendarFeed.renewHint')}</p>` : nothing}
      <div class="actions">
        <button
          class="citizen-button ${isActive ? 'citizen-button--secondary' : ''}"
          id="${this.uid}-create"
          type="button"
          aria-describedby=${isActive ? `${this.uid}-renew-hint` : nothing}
          aria-disabled=${this.busy ? 'true' : nothing}
          @click=${() => void this.#create()}
        >
          ${this.busy === 'create'
            ? this.t('dashboard.calendarFeed.creating')
            : this.t(isActive ? 'dashboard.calendarFeed.renew' : 'dashboard.calendarFeed.create')}
        </button>
        ${canRevoke
          ? html`<button
              class="citizen-button citizen-button--secondary"
              id="${this.uid}-revoke"
              type="button"
              aria-expanded=${this.isConfirming ? 'true' : 'false'}
              @click=${() => (this.isConfirming ? this.#cancelRevoke() : this.#askRevoke())}
            >
              ${this.t('dashboard.calendarFeed.revoke')}
            </button>`
          : nothing}
      </div>
      ${canRevoke && this.isConfirming
        ? html`<div class="confirm notice notice--warning">
            <p id="${this.uid}-confirm" tabindex="-1">${this.t('dashboard.calendarFeed.confirm', { name })}</p>
            <div class="actions">
              <button
                class="citizen-button"
                type="button"
                aria-disabled=${this.busy ? 'true' : nothing}
                @click=${() => void this.#revoke()}
              >
                ${this.t('dashboard.calendarFeed.confirmRevoke')}
              </button>
              <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.#cancelRevoke()}>
                ${this.t('dashboard.cancel')}
              </button>
            </div>
          </div>`
        : nothing}
    `;
  }

  #renderCreated(url: string, name: string) {
    const inputId = `${this.uid}-url`;
    return html`
      <div part="link" class="feed-link notice notice--success citizen-form">
        <p id="${this.uid}-created" tabindex="-1">${this.t('dashboard.calendarFeed.created')}</p>
        <div class="citizen-field">
          <label class="citizen-label" for=${inputId}>${this.t('dashboard.calendarFeed.url')}</label>
          <input
            class="citizen-input"
            id=${inputId}
            type="text"
            readonly
            .value=${url}
            aria-describedby="${this.uid}-warning"
            spellcheck="false"
            @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()}
          />
        </div>
        <div class="actions">
          <button class="citizen-button" type="button" @click=${() => void this.#copy(url)}>${this.t('dashboard.calendarFeed.copy')}</button>
          ${httpUrl(url)
            ? // Only a web address becomes a webcal: link (never a javascript: one from a custom adapter).
              html`<a class="citizen-link" href=${new URL(url, location.href).href.replace(/^https?:/, 'webcal:')}>${this.t('dashboard.calendarFeed.open')}</a>`
            : nothing}
        </div>
        <p id="${this.uid}-warning"><strong>${this.t('dashboard.calendarFeed.warning', { name })}</strong></p>
      </div>
    `;
  }
}
