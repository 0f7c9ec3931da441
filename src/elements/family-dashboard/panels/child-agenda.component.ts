// SPDX-License-Identifier: MIT
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CitizenError } from '../../../core/errors.js';
import { isMessageKey, type MessageKey } from '../../../i18n/index.js';
import type { Activity, AgendaDay, BookingChange, BookingResult } from '../../../schemas/activities.js';
import type { HouseholdMember } from '../../../schemas/household.js';
import { formatIsoDate, todayIsoDate } from '../format.js';
import { DashboardPanel, Loader } from '../panel-base.js';

type Conflict = BookingResult['conflicts'][number];

const pad = (n: number) => String(n).padStart(2, '0');
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => {
  const date = utc(day);
  date.setUTCDate(date.getUTCDate() + n);
  return iso(date);
};
/** The same day of another month, kept inside that month (31 January + 1 month = 28 February). */
const addMonths = (day: string, n: number) => {
  const date = utc(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), last));
  return iso(target);
};
/** Monday = 0 … Sunday = 6. */
const column = (day: string) => (utc(day).getUTCDay() + 6) % 7;
const monthOf = (day: string) => day.slice(0, 7);
const lastOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${pad(new Date(Date.UTC(y!, m!, 0)).getUTCDate())}`;
};

/** A day the citizen can change: book it when free, cancel it when booked. */
const isToggleable = (day: AgendaDay) => day.state === 'available' || day.state === 'booked';

/**
 * "Annuler ou réserver" (seed 001): a child's agenda, one activity at a time, as a month
 * grid. Days show their state — réservé, disponible, complet, fermé, passé, verrouillé by
 * the city's notice period ("délai de prévenance"), absent. Choosing days builds a batch of
 * changes, summed up with its cost, and sent in one call with an idempotency key (kept
 * while the same batch is retried, so a lost answer never books twice). Days the server
 * refuses (full meanwhile, notice period passed) come back one by one and are shown on the
 * days and in a list; the rest of the batch stands.
 *
 * The grid follows the date-picker grid of the ARIA practices: one tab stop, arrow keys by
 * day and week, Home/End to the week's ends, Page Up/Page Down by month; Enter or Space
 * chooses the day.
 *
 * @summary A child's bookable days as a keyboard grid, with the pending batch and its cost.
 *
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading (absent with `hide-heading`).
 * @csspart grid - The month grid.
 * @csspart summary - The pending changes and their cost.
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Booked days, buttons; else the city's colour.
 * @cssprop [--citizen-color-border=#767676] - Day borders.
 * @cssprop [--citizen-color-error=#b00020] - Refused days.
 */
export class CitizenChildAgenda extends DashboardPanel {
  static override styles = [
    ...DashboardPanel.styles,
    css`
      .agenda-controls {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: end;
        margin-block: 0.75rem;
      }
      .month-nav {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      .month-title {
        margin: 0;
        min-inline-size: 7em;
        text-align: center;
        font-size: 1.1rem;
      }
      table.agenda {
        border-collapse: collapse;
        inline-size: 100%;
        table-layout: fixed;
      }
      .agenda th {
        font-size: 0.85rem;
        padding: 0.25rem 0;
      }
      .agenda td {
        border: 1px solid var(--citizen-color-border, #767676);
        block-size: 3.2rem;
        padding: 0.15rem;
        vertical-align: top;
        text-align: center;
        cursor: default;
      }
      .agenda td:empty {
        border-color: transparent;
      }
      .agenda td.day--toggleable {
        cursor: pointer;
      }
      .agenda td:focus {
        outline: 3px solid var(--citizen-color-focus, #ffbf47);
        outline-offset: -3px;
      }
      .day-number {
        display: block;
        font-weight: 600;
      }
      .day-mark {
        display: block;
        font-size: 0.95rem;
        line-height: 1.2;
      }
      .day--booked {
        background: var(--citizen-color-primary, #1d4f91);
        color: #fff;
      }
      .day--pending-book {
        background: #dbe8f7;
        box-shadow: inset 0 0 0 3px var(--citizen-color-primary, #1d4f91);
      }
      .day--pending-cancel {
        background: #fff;
        box-shadow: inset 0 0 0 3px var(--citizen-color-primary, #1d4f91);
        text-decoration: line-through;
      }
      .day--closed,
      .day--past,
      .day--none {
        background: #f0f0f0;
        color: #505050;
      }
      .day--past-booked {
        background: #e4e9f0;
        color: #303030;
      }
      .day--locked {
        background: #f0f0f0;
        color: #303030;
      }
      .day--full {
        background: #fbeaea;
        color: #6b0000;
      }
      .day--conflict {
        box-shadow: inset 0 0 0 3px var(--citizen-color-error, #b00020);
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        padding: 0;
        margin-block: 0.5rem;
        list-style: none;
        font-size: 0.9rem;
      }
      .summary {
        margin-block-start: 1rem;
      }
      .agenda-box {
        container-type: inline-size;
      }
      .weekday-narrow {
        display: none;
      }
      /* A narrow column shows "L M M J V S D" (each header's abbr gives the full name). */
      @container (max-width: 24rem) {
        .agenda td {
          block-size: 2.8rem;
          font-size: 0.85rem;
        }
        .weekday-short {
          display: none;
        }
        .weekday-narrow {
          display: inline;
        }
      }
    `,
  ];

  /** The child whose agenda this is. */
  @property({ attribute: false }) child?: HouseholdMember;

  /** The month shown first, YYYY-MM; the current month otherwise. */
  @property() month?: string;

  /** The focused day (the grid's only tab stop), YYYY-MM-DD. */
  @state() private activeDate = todayIsoDate();
  @state() private activityId?: string;
  /** Pending changes, `activityId|date` → action. */
  @state() private pending = new Map<string, BookingChange>();
  @state() private conflicts: Conflict[] = [];
  @state() private sendState: 'idle' | 'sending' | 'error' | 'done' = 'idle';
  @state() private sendError?: CitizenError;
  @state() private applied?: { booked: number; cancelled: number };

  /** The batch's idempotency key: made at the first try, kept while the same batch is retried. */
  #batchKey?: string;
  #shownMonth = '';
  /** Days known so far, `activityId|date`, every month loaded. */
  readonly #days = new Map<string, AgendaDay>();

  readonly #activities: Loader<Activity[]> = new Loader(this, async (adapter) => {
    const activities = await adapter.listActivities(this.child!.id);
    if (!activities.some((a) => a.id === this.activityId)) this.activityId = activities[0]?.id;
    return activities;
  });

  readonly #agenda: Loader<AgendaDay[]> = new Loader(this, async (adapter) => {
    const month = this.#shownMonth;
    const days = await adapter.getAgenda({ childId: this.child!.id, from: `${month}-01`, to: lastOfMonth(month) });
    for (const day of days) this.#days.set(`${day.activityId}|${day.date}`, day);
    return days;
  });

  protected get titleKey(): MessageKey {
    return 'dashboard.agenda.title';
  }

  protected get loaders(): Loader<unknown>[] {
    return [this.#activities, this.#agenda];
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('month') && this.month && /^\d{4}-\d{2}$/.test(this.month)) {
      this.activeDate = `${this.month}-01`;
    }
    if (changed.has('child') && changed.get('child') !== undefined) {
      this.pending = new Map();
      this.#days.clear();
    }
    super.willUpdate(changed);
  }

  protected reload() {
    if (!this.child) return;
    this.#shownMonth = monthOf(this.activeDate);
    void this.#activities.load();
    void this.#agenda.load();
  }

  #day(date: string): AgendaDay | undefined {
    return this.activityId ? this.#days.get(`${this.activityId}|${date}`) : undefined;
  }

  #activity(id: string) {
    return this.#activities.data?.find((a) => a.id === id);
  }

  /** Moves the focused day; another month loads its days. */
  #moveTo(date: string) {
    this.activeDate = date;
    if (monthOf(date) !== this.#shownMonth) {
      this.#shownMonth = monthOf(date);
      void this.#agenda.load();
    }
    this.focusAfterRender(`td[data-date="${date}"]`);
  }

  /** The grid's tab stop follows focus, wherever it came from (a click, a screen reader's cursor). */
  private handleGridFocus(event: FocusEvent) {
    const date = (event.target as HTMLElement).closest?.('td')?.dataset['date'];
    if (date) this.activeDate = date;
  }

  private handleGridKey(event: KeyboardEvent) {
    const date = (event.target as HTMLElement).closest?.('td')?.dataset['date'] ?? this.activeDate;
    const col = column(date);
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(date, -1),
      ArrowRight: () => addDays(date, 1),
      ArrowUp: () => addDays(date, -7),
      ArrowDown: () => addDays(date, 7),
      Home: () => addDays(date, -col),
      End: () => addDays(date, 6 - col),
      PageUp: () => addMonths(date, event.shiftKey ? -12 : -1),
      PageDown: () => addMonths(date, event.shiftKey ? 12 : 1),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.#moveTo(move());
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#toggle(date);
    }
  }

  #showMonth(offset: number) {
    const date = addMonths(`${this.#shownMonth}-01`, offset);
    this.activeDate = date;
    this.#shownMonth = monthOf(date);
    void this.#agenda.load();
  }

  #toggle(date: string) {
    this.activeDate = date;
    const day = this.#day(date);
    if (!day || !isToggleable(day)) {
      this.announce(this.#stateText(date));
      return;
    }
    const key = `${day.activityId}|${date}`;
    const pending = new Map(this.pending);
    if (pending.has(key)) pending.delete(key);
    else pending.set(key, { activityId: day.activityId, date, action: day.state === 'booked' ? 'cancel' : 'book' });
    this.pending = pending;
    // Another batch: another key.
    this.#batchKey = undefined;
    this.conflicts = this.conflicts.filter((c) => `${c.activityId}|${c.date}` !== key);
    if (this.sendState !== 'sending') this.sendState = 'idle';
    this.applied = undefined;
    this.announce(this.#stateText(date));
  }

  #discard() {
    this.pending = new Map();
    this.#batchKey = undefined;
    this.sendState = 'idle';
    this.announce(this.t('dashboard.agenda.discarded'));
  }

  async #send() {
    const adapter = this.adapter;
    if (!adapter || !this.child || this.pending.size === 0 || this.sendState === 'sending') return;
    const changes = [...this.pending.values()];
    this.#batchKey ??= crypto.randomUUID();
    this.sendState = 'sending';
    try {
      const result = await adapter.submitBookings({ childId: this.child.id, changes, idempotencyKey: this.#batchKey });
      this.#batchKey = undefined;
      this.pending = new Map();
      this.conflicts = result.conflicts;
      this.applied = {
        booked: result.applied.filter((c) => c.action === 'book').length,
        cancelled: result.applied.filter((c) => c.action === 'cancel').length,
      };
      this.sendState = 'done';
      this.focusAfterRender(`#${this.uid}-result`);
      void this.#agenda.load();
    } catch (error) {
      const citizenError = CitizenError.from(error);
      this.sendError = citizenError;
      this.sendState = 'error';
      this.attempt++;
      this.handleRefusal(citizenError);
    }
  }

  #cost(changes: Iterable<BookingChange>) {
    let book = 0;
    let cancel = 0;
    let cents = 0;
    for (const change of changes) {
      const price = this.#days.get(`${change.activityId}|${change.date}`)?.priceCents ?? 0;
      if (change.action === 'book') {
        book++;
        cents += price;
      } else {
        cancel++;
        cents -= price;
      }
    }
    return { book, cancel, cents };
  }

  #money(cents: number, signed = false) {
    return new Intl.NumberFormat(this.locale, { style: 'currency', currency: 'EUR', signDisplay: signed ? 'always' : 'auto' }).format(cents / 100);
  }

  #longDate(date: string) {
    return new Intl.DateTimeFormat(this.locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(utc(date));
  }

  #conflictText(code: string) {
    const key = `dashboard.agenda.conflict.${code}`;
    return isMessageKey(key) ? this.t(key) : this.t('dashboard.agenda.conflict.other');
  }

  /** What a day is, in words: its state, its pending change, its refusal. */
  #stateText(date: string): string {
    const day = this.#day(date);
    if (!day) return this.t('dashboard.agenda.state.none');
    const key = `${day.activityId}|${date}`;
    const change = this.pending.get(key);
    const parts: string[] = [];
    if (change) parts.push(this.t(change.action === 'book' ? 'dashboard.agenda.state.pendingBook' : 'dashboard.agenda.state.pendingCancel'));
    else if (day.state === 'locked') {
      const activity = this.#activity(day.activityId);
      parts.push(this.t(day.booked ? 'dashboard.agenda.state.lockedBooked' : 'dashboard.agenda.state.locked', { hours: activity?.noticeHours ?? 0 }));
    } else if (day.state === 'past' && day.booked) parts.push(this.t('dashboard.agenda.state.pastBooked'));
    else parts.push(this.t(`dashboard.agenda.state.${day.state}`));
    if (isToggleable(day) && day.priceCents !== undefined) parts.push(this.#money(day.priceCents));
    const conflict = this.conflicts.find((c) => c.activityId === day.activityId && c.date === date);
    if (conflict) parts.push(this.t('dashboard.agenda.refused', { reason: this.#conflictText(conflict.code) }));
    return parts.join(', ');
  }

  #mark(day: AgendaDay | undefined, change: BookingChange | undefined): string {
    if (change) return change.action === 'book' ? '+' : '−';
    if (!day) return '';
    switch (day.state) {
      case 'booked':
        return '✓';
      case 'full':
        return '✕';
      case 'closed':
        return '—';
      case 'locked':
        return day.booked ? '✓⊘' : '⊘';
      case 'absent':
        return 'A';
      case 'past':
        return day.booked ? '✓' : '';
      default:
        return '○';
    }
  }

  protected renderBody(): unknown {
    if (!this.child) return nothing;
    return this.renderLoad(this.#activities, 'dashboard.agenda.loadError', (activities) =>
      activities.length === 0 ? html`<p class="notice">${this.t('dashboard.agenda.noActivity')}</p>` : this.#renderAgenda(activities),
    );
  }

  #renderAgenda(activities: Activity[]) {
    const activity = activities.find((a) => a.id === this.activityId) ?? activities[0]!;
    const selectId = `${this.uid}-activity`;
    const month = this.#shownMonth;
    const monthTitle = new Intl.DateTimeFormat(this.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(`${month}-01`));
    const titleId = `${this.uid}-month`;
    return html`
      <div class="agenda-controls citizen-form">
        <div class="citizen-field">
          <label class="citizen-label" for=${selectId}>${this.t('dashboard.agenda.activity')}</label>
          <select
            class="citizen-input citizen-select"
            id=${selectId}
            @change=${(event: Event) => (this.activityId = (event.target as HTMLSelectElement).value)}
          >
            ${activities.map((a) => html`<option value=${a.id} ?selected=${a.id === activity.id}>${a.name}</option>`)}
          </select>
        </div>
        <div class="month-nav">
          <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.#showMonth(-1)}>
            <span aria-hidden="true">‹</span> <span class="visually-hidden">${this.t('dashboard.agenda.previousMonth')}</span>
          </button>
          <p class="month-title" id=${titleId} aria-live="polite">${monthTitle}</p>
          <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.#showMonth(1)}>
            <span class="visually-hidden">${this.t('dashboard.agenda.nextMonth')}</span> <span aria-hidden="true">›</span>
          </button>
        </div>
      </div>
      <p class="muted">${this.t('dashboard.agenda.notice', { hours: activity.noticeHours })}</p>
      <p class="visually-hidden" id="${this.uid}-grid-help">${this.t('dashboard.agenda.gridHelp')}</p>
      ${this.#agenda.state.status === 'error'
        ? this.renderError(this.#agenda.state.error, 'dashboard.agenda.loadError', () => void this.#agenda.load())
        : this.#renderGrid(month, titleId, activity)}
      ${this.#renderLegend()} ${this.#renderSummary()}
    `;
  }

  #renderGrid(month: string, titleId: string, activity: Activity) {
    const first = `${month}-01`;
    const last = lastOfMonth(month);
    const start = addDays(first, -column(first));
    const weeks: string[][] = [];
    for (let day = start; day <= last; day = addDays(day, 7)) weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
    const active = monthOf(this.activeDate) === month ? this.activeDate : first;
    const weekdays = Array.from({ length: 7 }, (_, i) => addDays('2026-11-23', i));
    const dayName = (d: string, style: 'long' | 'short' | 'narrow') => new Intl.DateTimeFormat(this.locale, { weekday: style, timeZone: 'UTC' }).format(utc(d));
    const loading = this.#agenda.state.status === 'loading';
    return html`<div class="agenda-box">
      <table
        part="grid"
        class="agenda"
        role="grid"
        aria-labelledby="${titleId}"
        aria-describedby="${this.uid}-grid-help"
        aria-busy=${loading ? 'true' : 'false'}
        @keydown=${this.handleGridKey}
        @focusin=${this.handleGridFocus}
        data-activity=${activity.id}
      >
        <thead>
          <tr>
            ${weekdays.map(
              (d) =>
                html`<th scope="col" abbr=${dayName(d, 'long')}>
                  <span class="weekday-short">${dayName(d, 'short')}</span><span class="weekday-narrow">${dayName(d, 'narrow')}</span>
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) => html`<tr>
              ${week.map((date) => (monthOf(date) === month ? this.#renderDay(date, date === active) : html`<td role="gridcell"></td>`))}
            </tr>`,
          )}
        </tbody>
      </table>
      ${loading ? html`<p class="loading" aria-busy="true">${this.t('common.loading')}</p>` : nothing}
    </div>`;
  }

  #renderDay(date: string, isActive: boolean) {
    const day = this.#day(date);
    const key = day ? `${day.activityId}|${date}` : '';
    const change = this.pending.get(key);
    const conflict = day && this.conflicts.some((c) => c.activityId === day.activityId && c.date === date);
    const classes = [
      'day',
      `day--${change ? `pending-${change.action}` : day ? (day.state === 'past' && day.booked ? 'past-booked' : day.state) : 'none'}`,
      day && isToggleable(day) ? 'day--toggleable' : '',
      conflict ? 'day--conflict' : '',
    ].join(' ');
    return html`<td
      role="gridcell"
      class=${classes}
      data-date=${date}
      tabindex=${isActive ? '0' : '-1'}
      aria-selected=${day && isToggleable(day) ? String(change ? change.action === 'book' : day.state === 'booked') : nothing}
      @click=${() => {
        this.#toggle(date);
        this.focusAfterRender(`td[data-date="${date}"]`);
      }}
    >
      <span class="day-number" aria-hidden="true">${Number(date.slice(8))}</span>
      <span class="day-mark" aria-hidden="true">${this.#mark(day, change)}${conflict ? '!' : ''}</span>
      <span class="visually-hidden">${this.#longDate(date)} : ${this.#stateText(date)}</span>
    </td>`;
  }

  #renderLegend() {
    const items: [string, MessageKey][] = [
      ['✓', 'dashboard.agenda.state.booked'],
      ['○', 'dashboard.agenda.state.available'],
      ['+', 'dashboard.agenda.state.pendingBook'],
      ['−', 'dashboard.agenda.state.pendingCancel'],
      ['✕', 'dashboard.agenda.state.full'],
      ['—', 'dashboard.agenda.state.closed'],
      ['⊘', 'dashboard.agenda.legendLocked'],
      ['A', 'dashboard.agenda.state.absent'],
    ];
    return html`<ul class="legend" aria-label=${this.t('dashboard.agenda.legend')}>
      ${items.map(([mark, key]) => html`<li><span aria-hidden="true">${mark}</span> ${this.t(key)}</li>`)}
    </ul>`;
  }

  #daysText(count: number) {
    return this.t(count === 1 ? 'dashboard.agenda.oneDay' : 'dashboard.agenda.days', { count });
  }

  #changeSentence(book: number, cancel: number) {
    const parts: string[] = [];
    if (book) parts.push(this.t('dashboard.agenda.youBook', { days: this.#daysText(book) }));
    if (cancel) parts.push(this.t('dashboard.agenda.youCancel', { days: this.#daysText(cancel) }));
    const sentence = parts.join(', ');
    return sentence.charAt(0).toLocaleUpperCase(this.locale) + sentence.slice(1);
  }

  #renderSummary() {
    const { book, cancel, cents } = this.#cost(this.pending.values());
    const sending = this.sendState === 'sending';
    const changes = [...this.pending.values()].sort((a, b) => a.date.localeCompare(b.date));
    const activityName = (id: string) => this.#activity(id)?.name ?? id;
    return html`
      <div part="summary" class="summary">
        ${this.sendState === 'done' && this.applied ? this.#renderResult(activityName) : nothing}
        ${changes.length === 0
          ? this.sendState === 'done'
            ? nothing
            : html`<p class="muted">${this.t('dashboard.agenda.noChange')}</p>`
          : html`<div class="block" aria-labelledby="${this.uid}-pending-title">
              ${this.heading(this.subLevel, this.t('dashboard.agenda.pendingTitle'), { id: `${this.uid}-pending-title`, className: 'item-title' })}
              <p><strong>${this.#changeSentence(book, cancel)} : ${this.#money(cents, true)}</strong></p>
              <ul class="plain-list">
                ${changes.map(
                  (c) => html`<li>
                    ${this.t(c.action === 'book' ? 'dashboard.agenda.lineBook' : 'dashboard.agenda.lineCancel', {
                      date: this.#longDate(c.date),
                      activity: activityName(c.activityId),
                    })}
                  </li>`,
                )}
              </ul>
              ${this.sendState === 'error' && this.sendError
                ? html`<div class="alert" role="alert">
                    <p>${this.t('dashboard.agenda.sendError')}</p>
                    <p>${this.errorText(this.sendError)}</p>
                  </div>`
                : nothing}
              <div class="actions">
                <button class="citizen-button" type="button" aria-disabled=${sending ? 'true' : nothing} @click=${() => void this.#send()}>
                  ${this.t(sending ? 'dashboard.sending' : this.sendState === 'error' ? 'dashboard.agenda.retrySend' : 'dashboard.agenda.send')}
                </button>
                <button class="citizen-button citizen-button--secondary" type="button" ?disabled=${sending} @click=${() => this.#discard()}>
                  ${this.t('dashboard.agenda.discard')}
                </button>
              </div>
            </div>`}
      </div>
    `;
  }

  #renderResult(activityName: (id: string) => string) {
    const { booked, cancelled } = this.applied!;
    return html`<div class="notice ${this.conflicts.length ? 'notice--warning' : 'notice--success'}" id="${this.uid}-result" tabindex="-1">
      <p>
        ${booked || cancelled
          ? this.t('dashboard.agenda.saved', { changes: this.#changeSentence(booked, cancelled) })
          : this.t('dashboard.agenda.nothingSaved')}
      </p>
      ${this.conflicts.length
        ? html`<p><strong>${this.t('dashboard.agenda.conflicts')}</strong></p>
            <ul class="plain-list">
              ${this.conflicts.map(
                (c) => html`<li>${`${this.#longDate(c.date)}, ${activityName(c.activityId)} : ${this.#conflictText(c.code)}`}</li>`,
              )}
            </ul>`
        : nothing}
    </div>`;
  }
}
