// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CitizenError } from '../../../core/errors.js';
import { type MessageKey } from '../../../i18n/translate.js';
import type { Activity, AgendaDay, BookingChange, BookingResult, ChildChecklist } from '../../../schemas/activities.js';
import type { HouseholdMember } from '../../../schemas/household.js';
import { todayIsoDate } from '../format.js';
import { DashboardPanel, Loader } from '../panel-base.js';
import { agendaTexts } from '../../../i18n/parts/agenda.js';
import { PanelForm } from '../panel-form.js';
import { addDays, addMonths, column, lastOfMonth, mondayOf, monthOf, ranges, utc } from './agenda-dates.js';
import { expandPattern, MAX_BATCH, REPEAT_FIELDS, renderRepeatForm, untilHolidays, validatePattern, type LeftOutReason, type RepeatPattern } from './agenda-repeat.js';
import { onColumn, renderWeekGrid, weekColumns, weekdaysOf, weekMove, type WeekPosition } from './agenda-week.js';
import { agendaStyles } from './agenda.styles.js';

type Conflict = BookingResult['conflicts'][number];
type View = 'month' | 'week';

/** The agenda API answers at most this many days at a time (MAX_RANGE_DAYS on the server). */
const AGENDA_CHUNK_DAYS = 93;
/** How far "Jusqu'aux vacances" looks ahead for school holidays. */
const HOLIDAYS_LOOKAHEAD_DAYS = 366;

/** A day the citizen can change: book it when free, cancel it when booked. */
const isToggleable = (day: AgendaDay) => day.state === 'available' || day.state === 'booked';
const keyOf = (activityId: string, date: string) => `${activityId}|${date}`;

/**
 * "Annuler ou réserver" (seed 001): a child's agenda as a month grid of one activity or a
 * week grid of all of them. Days show their state — réservé, disponible, complet, fermé
 * (with the holidays' name), passé, verrouillé by the city's notice period ("délai de
 * prévenance"), absent. Choosing days, one by one or by a repeating pattern ("tous les
 * lundis et jeudis jusqu'aux vacances"), builds one batch of changes shared by both views,
 * summed up with its cost, and sent in one call with an idempotency key (kept while the same
 * batch is retried, so a lost answer never books twice). Days the server refuses (full
 * meanwhile, notice period passed) come back one by one and are shown on the days and in a
 * list; the rest of the batch stands. While the city still needs something for the child
 * ("ce qu'il manque", from `getChildChecklist`), the list is shown and booking is refused;
 * cancelling still works.
 *
 * The month grid follows the date-picker grid of the ARIA practices: one tab stop, arrow
 * keys by day and week, Home/End to the week's ends, Page Up/Page Down by month. The week
 * grid: Left/Right by day, Up/Down by activity, Home/End to the row's ends, Page Up/Page
 * Down by week. Enter or Space chooses the day in both.
 *
 * @summary A child's bookable days as keyboard grids (month, week), with the pending batch and its cost.
 *
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading (absent with `hide-heading`).
 * @csspart grid - The month or week grid.
 * @csspart checklist - "Ce qu'il manque": what the city still needs before booking.
 * @csspart summary - The pending changes and their cost.
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Booked days, buttons; else the city's colour.
 * @cssprop [--citizen-color-border=#767676] - Day borders.
 * @cssprop [--citizen-color-error=#b00020] - Refused days.
 */
export class CitizenChildAgenda extends DashboardPanel {
  static override texts = [agendaTexts];

  static override styles = [...DashboardPanel.styles, agendaStyles];

  /** The child whose agenda this is. */
  @property({ attribute: false }) child?: HouseholdMember;

  /** The month shown first, YYYY-MM; the current month otherwise. */
  @property() month?: string;

  /** The view shown first: `month` (one activity) or `week` (every activity). */
  @property() view: View = 'month';

  /** The month grid's focused day (its only tab stop), YYYY-MM-DD. */
  @state() private activeDate = todayIsoDate();
  /** The week grid's focused cell (its only tab stop). */
  @state() private weekAt: WeekPosition = { activityId: '', date: todayIsoDate() };
  @state() private shownView: View = 'month';
  @state() private activityId?: string;
  /** Pending changes, `activityId|date` → action. */
  @state() private pending = new Map<string, BookingChange>();
  @state() private conflicts: Conflict[] = [];
  @state() private sendState: 'idle' | 'sending' | 'error' | 'done' = 'idle';
  @state() private sendError?: CitizenError;
  @state() private applied?: { booked: number; cancelled: number };
  @state() private repeatForm?: PanelForm<RepeatPattern>;
  @state() private repeatBusy = false;
  @state() private repeatResult?: { added: number; leftOut: Map<LeftOutReason, number> };
  @state() private holidaysNote = '';

  /** The batch's idempotency key: made at the first try, kept while the same batch is retried. */
  #batchKey?: string;
  /** The days the grid shows, loaded by `#agenda`. */
  #range = { from: '', to: '' };
  /** Days known so far, `activityId|date`, every range loaded. */
  readonly #days = new Map<string, AgendaDay>();

  readonly #activities: Loader<Activity[]> = new Loader(this, async (adapter) => {
    const activities = await adapter.listActivities(this.child!.id);
    if (!activities.some((a) => a.id === this.activityId)) this.activityId = activities[0]?.id;
    if (!activities.some((a) => a.id === this.weekAt.activityId)) this.weekAt = { ...this.weekAt, activityId: activities[0]?.id ?? '' };
    return activities;
  });

  readonly #agenda: Loader<AgendaDay[]> = new Loader(this, (adapter) => {
    const { from, to } = this.#range;
    return this.#fetchDays(from, to, adapter.getAgenda.bind(adapter));
  });

  /** Optional in the contract: without it nothing is known to be missing. A failure hides the list, not the agenda. */
  readonly #checklist: Loader<ChildChecklist> = new Loader(
    this,
    async (adapter) => (await adapter.getChildChecklist?.(this.child!.id)) ?? { childId: this.child!.id, missing: [] },
    { quiet: true },
  );

  protected get titleKey(): MessageKey {
    return 'dashboard.agenda.title';
  }

  protected get loaders(): Loader<unknown>[] {
    return [this.#activities, this.#agenda];
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('month') && this.month && /^\d{4}-\d{2}$/.test(this.month)) {
      this.activeDate = `${this.month}-01`;
      this.weekAt = { ...this.weekAt, date: this.activeDate };
    }
    if (changed.has('view')) this.shownView = this.view === 'week' ? 'week' : 'month';
    if (changed.has('child') && changed.get('child') !== undefined) {
      this.pending = new Map();
      this.#days.clear();
      this.repeatForm = undefined;
    }
    super.willUpdate(changed);
  }

  protected reload() {
    if (!this.child) return;
    this.#setRange();
    void this.#activities.load();
    void this.#agenda.load();
    void this.#checklist.load();
  }

  get #missing(): string[] {
    return this.#checklist.data?.missing ?? [];
  }

  /** Loads `from`…`to` in pieces the API accepts, and keeps every day. */
  async #fetchDays(from: string, to: string, getAgenda = this.adapter?.getAgenda.bind(this.adapter)): Promise<AgendaDay[]> {
    if (!getAgenda || !this.child) return [];
    const days: AgendaDay[] = [];
    for (const range of ranges(from, to, AGENDA_CHUNK_DAYS)) days.push(...(await getAgenda({ childId: this.child.id, ...range })));
    for (const day of days) this.#days.set(keyOf(day.activityId, day.date), day);
    return days;
  }

  /** The range the shown grid needs: its month, or its week. */
  #setRange() {
    if (this.shownView === 'week') {
      const monday = mondayOf(this.weekAt.date);
      this.#range = { from: monday, to: addDays(monday, 6) };
    } else {
      const month = monthOf(this.activeDate);
      this.#range = { from: `${month}-01`, to: lastOfMonth(month) };
    }
  }

  /** Loads the grid's days again if the grid now covers other dates. */
  #loadIfMoved() {
    const before = this.#range.from;
    this.#setRange();
    if (this.#range.from !== before) void this.#agenda.load();
  }

  #dayOf(activityId: string | undefined, date: string): AgendaDay | undefined {
    return activityId ? this.#days.get(keyOf(activityId, date)) : undefined;
  }

  #activity(id: string) {
    return this.#activities.data?.find((a) => a.id === id);
  }

  #cellSelector(activityId: string, date: string) {
    return `td[data-activity="${CSS.escape(activityId)}"][data-date="${date}"]`;
  }

  // ——— Views and navigation ———

  /**
   * Native radio buttons for "Mois / Semaine": one of two views is chosen, exactly the
   * radio group's meaning; aria-pressed toggle buttons are for independent on/off states
   * (a pressed "Mois" that cannot be released), and tabs would announce panels this
   * agenda does not have (the same days, drawn twice).
   */
  private handleViewChange(event: Event) {
    const view = (event.target as HTMLInputElement).value as View;
    if (view === this.shownView) return;
    const weekdays = weekdaysOf(this.#activities.data ?? []);
    if (view === 'week') this.weekAt = { activityId: this.weekAt.activityId || (this.activityId ?? ''), date: onColumn(this.activeDate, weekdays) };
    else this.activeDate = this.weekAt.date;
    this.shownView = view;
    this.#setRange();
    void this.#agenda.load();
  }

  /** Moves the month grid's focused day; another month loads its days. */
  #moveTo(date: string) {
    this.activeDate = date;
    this.#loadIfMoved();
    this.focusAfterRender(this.#cellSelector(this.activityId ?? '', date));
  }

  #moveWeekTo(at: WeekPosition) {
    this.weekAt = at;
    this.#loadIfMoved();
    this.focusAfterRender(this.#cellSelector(at.activityId, at.date));
  }

  /** The grid's tab stop follows focus, wherever it came from (a click, a screen reader's cursor). */
  private handleGridFocus(event: FocusEvent) {
    const cell = (event.target as HTMLElement).closest?.('td');
    const date = cell?.dataset['date'];
    if (!date) return;
    if (this.shownView === 'week') this.weekAt = { activityId: cell.dataset['activity'] ?? this.weekAt.activityId, date };
    else this.activeDate = date;
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
      this.#toggle(this.activityId, date);
    }
  }

  private handleWeekKey(event: KeyboardEvent) {
    const cell = (event.target as HTMLElement).closest?.('td');
    const at = cell?.dataset['date'] ? { activityId: cell.dataset['activity'] ?? '', date: cell.dataset['date'] } : this.weekAt;
    const activities = this.#activities.data ?? [];
    const next = weekMove(event.key, at, activities, weekdaysOf(activities));
    if (next) {
      event.preventDefault();
      this.#moveWeekTo(next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#toggle(at.activityId, at.date);
    }
  }

  #showOther(offset: number) {
    if (this.shownView === 'week') {
      this.weekAt = { ...this.weekAt, date: addDays(this.weekAt.date, 7 * offset) };
    } else {
      this.activeDate = addMonths(`${monthOf(this.activeDate)}-01`, offset);
    }
    this.#loadIfMoved();
  }

  // ——— The batch ———

  #toggle(activityId: string | undefined, date: string) {
    const day = this.#dayOf(activityId, date);
    if (!day || !isToggleable(day)) {
      this.announce(this.#stateText(activityId, date));
      return;
    }
    const key = keyOf(day.activityId, date);
    const pending = new Map(this.pending);
    if (pending.has(key)) pending.delete(key);
    else if (day.state === 'available' && this.#missing.length > 0) {
      this.announce(this.t('dashboard.agenda.checklist.bookRefused', { name: this.child?.firstNames ?? '' }));
      return;
    } else pending.set(key, { activityId: day.activityId, date, action: day.state === 'booked' ? 'cancel' : 'book' });
    this.#setPending(pending);
    this.announce(this.#stateText(activityId, date));
  }

  /** A new batch: another idempotency key, the last answer's notices gone. */
  #setPending(pending: Map<string, BookingChange>) {
    this.pending = pending;
    this.#batchKey = undefined;
    this.conflicts = this.conflicts.filter((c) => !pending.has(keyOf(c.activityId, c.date)));
    if (this.sendState !== 'sending') this.sendState = 'idle';
    this.applied = undefined;
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
      this.repeatResult = undefined;
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
      const price = this.#days.get(keyOf(change.activityId, change.date))?.priceCents ?? 0;
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

  // ——— "Réserver ou annuler plusieurs jours" ———

  async #openRepeat() {
    const activityId = (this.shownView === 'week' ? this.weekAt.activityId : this.activityId) ?? '';
    const today = todayIsoDate();
    this.repeatBusy = true;
    let from = today;
    try {
      // "Du" starts at the first day that can still change: load the next weeks to know it.
      const days = await this.#fetchDays(today, addDays(today, 27));
      from = days.find((d) => d.activityId === activityId && d.state !== 'past' && d.state !== 'locked')?.date ?? today;
    } catch {
      // Without the days, today: the form checks nothing more from them.
    }
    this.repeatBusy = false;
    this.repeatResult = undefined;
    this.holidaysNote = '';
    this.repeatForm = new PanelForm<RepeatPattern>(this, {
      id: `${this.uid}-repeat`,
      fields: REPEAT_FIELDS,
      initial: { activityId, action: 'book', weekdays: '', from, to: '' },
      validate: validatePattern,
      errorText: (_path, code) => {
        const key = `dashboard.agenda.repeat.error.${code}`;
        return this.hasText(key) ? this.t(key) : this.errorText(code);
      },
    });
    this.focusAfterRender(`#${this.uid}-repeat-title`);
  }

  #closeRepeat() {
    this.repeatForm = undefined;
    this.repeatResult = undefined;
    this.focusAfterRender(`#${this.uid}-repeat-toggle`);
  }

  /** Fills "Jusqu'au" with the last day before the next school holidays, loading ahead as needed. */
  async #fillUntilHolidays() {
    const form = this.repeatForm;
    if (!form) return;
    const from = form.values['from'] || todayIsoDate();
    this.repeatBusy = true;
    try {
      let found: { date: string; name: string } | undefined;
      for (const range of ranges(from, addDays(from, HOLIDAYS_LOOKAHEAD_DAYS), AGENDA_CHUNK_DAYS)) {
        found = untilHolidays(from, await this.#fetchDays(range.from, range.to));
        if (found) break;
      }
      if (found) {
        form.set('to', found.date);
        form.recheck('to');
        this.holidaysNote = this.t('dashboard.agenda.repeat.untilHolidaysSet', { date: this.#longDate(found.date), name: found.name });
      } else this.holidaysNote = this.t('dashboard.agenda.repeat.noHolidays');
      this.announce(this.holidaysNote);
    } catch (error) {
      form.requestError = CitizenError.from(error);
    } finally {
      this.repeatBusy = false;
    }
  }

  private async handleRepeatSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = this.repeatForm;
    if (!form || this.repeatBusy) return;
    const result = await form.submit(async (pattern) => {
      if (pattern.action === 'book' && this.#missing.length > 0) {
        throw new CitizenError('validation_failed', { fields: { action: 'recordIncomplete' } });
      }
      const { changes, leftOut } = expandPattern(pattern, await this.#fetchDays(pattern.from, pattern.to), this.pending);
      const pending = new Map(this.pending);
      for (const change of changes) pending.set(keyOf(change.activityId, change.date), change);
      // Nothing is added rather than a part: the parent decides what to cut.
      if (pending.size > MAX_BATCH) throw new CitizenError('validation_failed', { fields: { to: 'tooMany' } });
      this.#setPending(pending);
      return { added: changes.length, leftOut };
    });
    if (!result) return;
    this.repeatResult = result;
    // The notice takes focus, so it is read out at once: no live region repeats it.
    this.focusAfterRender(`#${this.uid}-repeat-result`);
  }

  // ——— Words ———

  #money(cents: number, signed = false) {
    return new Intl.NumberFormat(this.locale, { style: 'currency', currency: 'EUR', signDisplay: signed ? 'always' : 'auto' }).format(cents / 100);
  }

  #longDate(date: string) {
    return new Intl.DateTimeFormat(this.locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(utc(date));
  }

  #conflictText(code: string) {
    const key = `dashboard.agenda.conflict.${code}`;
    return this.hasText(key) ? this.t(key) : this.t('dashboard.agenda.conflict.other');
  }

  /** What a day is, in words: its state, its pending change, its refusal. */
  #stateText(activityId: string | undefined, date: string): string {
    const day = this.#dayOf(activityId, date);
    if (!day) return this.t('dashboard.agenda.state.none');
    const change = this.pending.get(keyOf(day.activityId, date));
    const parts: string[] = [];
    if (change) parts.push(this.t(change.action === 'book' ? 'dashboard.agenda.state.pendingBook' : 'dashboard.agenda.state.pendingCancel'));
    else if (day.state === 'locked') {
      const activity = this.#activity(day.activityId);
      parts.push(this.t(day.booked ? 'dashboard.agenda.state.lockedBooked' : 'dashboard.agenda.state.locked', { hours: activity?.noticeHours ?? 0 }));
    } else if (day.state === 'past' && day.booked) parts.push(this.t('dashboard.agenda.state.pastBooked'));
    else if (day.state === 'closed' && day.closure) parts.push(this.t('dashboard.agenda.state.closedNamed', { name: day.closure.name }));
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

  // ——— Rendering ———

  protected renderBody(): unknown {
    if (!this.child) return nothing;
    return this.renderLoad(this.#activities, 'dashboard.agenda.loadError', (activities) =>
      activities.length === 0 ? html`<p class="notice">${this.t('dashboard.agenda.noActivity')}</p>` : this.#renderAgenda(activities),
    );
  }

  #renderAgenda(activities: Activity[]) {
    const isWeek = this.shownView === 'week';
    const activity = activities.find((a) => a.id === this.activityId) ?? activities[0]!;
    const selectId = `${this.uid}-activity`;
    const titleId = `${this.uid}-period`;
    const helpId = `${this.uid}-grid-help`;
    return html`
      ${this.#renderChecklist()}
      <div class="agenda-controls citizen-form">
        <fieldset class="view-switch">
          <legend>${this.t('dashboard.agenda.view')}</legend>
          ${(['month', 'week'] as const).map(
            (view) => html`<label>
              <input type="radio" name="${this.uid}-view" value=${view} .checked=${this.shownView === view} @change=${this.handleViewChange} />
              ${this.t(view === 'month' ? 'dashboard.agenda.viewMonth' : 'dashboard.agenda.viewWeek')}
            </label>`,
          )}
        </fieldset>
        ${isWeek
          ? nothing
          : html`<div class="citizen-field">
              <label class="citizen-label" for=${selectId}>${this.t('dashboard.agenda.activity')}</label>
              <select
                class="citizen-input citizen-select"
                id=${selectId}
                @change=${(event: Event) => (this.activityId = (event.target as HTMLSelectElement).value)}
              >
                ${activities.map((a) => html`<option value=${a.id} ?selected=${a.id === activity.id}>${a.name}</option>`)}
              </select>
            </div>`}
        <div class="month-nav">
          <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.#showOther(-1)}>
            <span aria-hidden="true">‹</span>
            <span class="visually-hidden">${this.t(isWeek ? 'dashboard.agenda.previousWeek' : 'dashboard.agenda.previousMonth')}</span>
          </button>
          <p class="month-title" id=${titleId} aria-live="polite">${isWeek ? this.#weekTitle(activities) : this.#monthTitle()}</p>
          <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.#showOther(1)}>
            <span class="visually-hidden">${this.t(isWeek ? 'dashboard.agenda.nextWeek' : 'dashboard.agenda.nextMonth')}</span>
            <span aria-hidden="true">›</span>
          </button>
        </div>
      </div>
      <p class="muted">
        ${isWeek
          ? this.t('dashboard.agenda.noticeEach', { list: activities.map((a) => `${a.name} ${a.noticeHours} h`).join(', ') })
          : this.t('dashboard.agenda.notice', { hours: activity.noticeHours })}
      </p>
      <p class="visually-hidden" id=${helpId}>${this.t(isWeek ? 'dashboard.agenda.weekGridHelp' : 'dashboard.agenda.gridHelp')}</p>
      ${this.#agenda.state.status === 'error'
        ? this.renderError(this.#agenda.state.error, 'dashboard.agenda.loadError', () => void this.#agenda.load())
        : isWeek
          ? this.#renderWeek(activities, titleId, helpId)
          : this.#renderMonth(titleId, helpId, activity)}
      ${this.#agenda.state.status === 'loading' ? html`<p class="loading" aria-busy="true">${this.t('common.loading')}</p>` : nothing}
      ${this.#renderLegend()} ${this.#renderRepeat(activities)} ${this.#renderSummary()}
    `;
  }

  #monthTitle() {
    return new Intl.DateTimeFormat(this.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(`${monthOf(this.activeDate)}-01`));
  }

  /** "Semaine du 30 novembre au 4 décembre 2026" (the year twice only across New Year). */
  #weekTitle(activities: Activity[]) {
    const columns = weekColumns(mondayOf(this.weekAt.date), weekdaysOf(activities));
    const first = columns[0]!;
    const last = columns.at(-1)!;
    const format = (date: string, withYear: boolean) =>
      new Intl.DateTimeFormat(this.locale, { day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(utc(date));
    return this.t('dashboard.agenda.weekTitle', { from: format(first, first.slice(0, 4) !== last.slice(0, 4)), to: format(last, true) });
  }

  #renderChecklist() {
    const missing = this.#missing;
    if (missing.length === 0) return nothing;
    return html`<div part="checklist" class="notice notice--warning checklist">
      <p><strong>${this.t('dashboard.agenda.checklist.intro')}</strong></p>
      <ul>
        ${missing.map((item) => html`<li>${item}</li>`)}
      </ul>
      <p>${this.t('dashboard.agenda.checklist.help', { name: this.child?.firstNames ?? '' })}</p>
    </div>`;
  }

  #renderMonth(titleId: string, helpId: string, activity: Activity) {
    const month = monthOf(this.activeDate);
    const first = `${month}-01`;
    const last = lastOfMonth(month);
    const start = addDays(first, -column(first));
    const weeks: string[][] = [];
    for (let day = start; day <= last; day = addDays(day, 7)) weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
    const weekdays = Array.from({ length: 7 }, (_, i) => addDays('2026-11-23', i));
    const dayName = (d: string, style: 'long' | 'short' | 'narrow') => new Intl.DateTimeFormat(this.locale, { weekday: style, timeZone: 'UTC' }).format(utc(d));
    return html`<div class="agenda-box">
      <table
        part="grid"
        class="agenda"
        role="grid"
        aria-labelledby=${titleId}
        aria-describedby=${helpId}
        aria-busy=${this.#agenda.state.status === 'loading' ? 'true' : 'false'}
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
              ${week.map((date) =>
                monthOf(date) === month ? this.#renderDay(activity.id, date, date === this.activeDate, false) : html`<td role="gridcell"></td>`,
              )}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderWeek(activities: Activity[], titleId: string, helpId: string) {
    const columns = weekColumns(mondayOf(this.weekAt.date), weekdaysOf(activities));
    const header = (style: 'short' | 'long') =>
      new Intl.DateTimeFormat(this.locale, { weekday: style, day: 'numeric', month: style, timeZone: 'UTC' });
    return renderWeekGrid({
      activities,
      columns,
      active: this.weekAt,
      titleId,
      helpId,
      busy: this.#agenda.state.status === 'loading',
      columnHeader: (date) => ({ short: header('short').format(utc(date)), long: header('long').format(utc(date)) }),
      corner: this.t('dashboard.agenda.activity'),
      cell: (activityId, date, isActive) => this.#renderDay(activityId, date, isActive, true),
      onKeydown: (event) => this.handleWeekKey(event),
      onFocusin: (event) => this.handleGridFocus(event),
    });
  }

  /** One day of one activity, the same in both grids; the week grid names the activity too. */
  #renderDay(activityId: string, date: string, isActive: boolean, withActivity: boolean): TemplateResult {
    const day = this.#dayOf(activityId, date);
    const change = this.pending.get(keyOf(activityId, date));
    const conflict = day && this.conflicts.some((c) => c.activityId === activityId && c.date === date);
    const classes = [
      'day',
      `day--${change ? `pending-${change.action}` : day ? (day.state === 'past' && day.booked ? 'past-booked' : day.state) : 'none'}`,
      day && isToggleable(day) ? 'day--toggleable' : '',
      conflict ? 'day--conflict' : '',
    ].join(' ');
    const name = withActivity ? `${this.#activity(activityId)?.name ?? activityId}, ${this.#longDate(date)}` : this.#longDate(date);
    return html`<td
      role="gridcell"
      class=${classes}
      data-date=${date}
      data-activity=${activityId}
      tabindex=${isActive ? '0' : '-1'}
      aria-selected=${day && isToggleable(day) ? String(change ? change.action === 'book' : day.state === 'booked') : nothing}
      @click=${() => {
        this.#toggle(activityId, date);
        this.focusAfterRender(this.#cellSelector(activityId, date));
      }}
    >
      <span class="day-number" aria-hidden="true">${Number(date.slice(8))}</span>
      <span class="day-mark" aria-hidden="true">${this.#mark(day, change)}${conflict ? '!' : ''}</span>
      <span class="visually-hidden">${name} : ${this.#stateText(activityId, date)}</span>
    </td>`;
  }

  #renderRepeat(activities: Activity[]) {
    const form = this.repeatForm;
    const formId = `${this.uid}-repeat-box`;
    const dayName = (weekday: number) =>
      new Intl.DateTimeFormat(this.locale, { weekday: 'long', timeZone: 'UTC' }).format(utc(addDays('2026-11-22', weekday)));
    return html`<div class="repeat">
      <button
        class="citizen-button citizen-button--secondary"
        type="button"
        id="${this.uid}-repeat-toggle"
        aria-expanded=${form ? 'true' : 'false'}
        aria-controls=${formId}
        @click=${() => (form ? this.#closeRepeat() : void this.#openRepeat())}
      >
        ${this.t('dashboard.agenda.repeat.toggle')}
      </button>
      <div id=${formId}>
        ${form
          ? renderRepeatForm({
              form,
              activities,
              t: (key, params) => this.t(key, params),
              weekdayName: dayName,
              headingId: `${this.uid}-repeat-title`,
              heading: html`${this.heading(this.subLevel, this.t('dashboard.agenda.repeat.toggle'), {
                id: `${this.uid}-repeat-title`,
                className: 'section-title',
                focusable: true,
              })}
              ${this.#renderRepeatResult()}`,
              feedback: form.renderFeedback(this.subLevel + 1, (error) => this.errorText(error), this.t('common.errorSummary')),
              holidaysNote: this.holidaysNote,
              busy: this.repeatBusy || form.isPending,
              onSubmit: (event) => void this.handleRepeatSubmit(event),
              onUntilHolidays: () => void this.#fillUntilHolidays(),
              onClose: () => this.#closeRepeat(),
            })
          : nothing}
      </div>
    </div>`;
  }

  #renderRepeatResult() {
    const result = this.repeatResult;
    if (!result) return nothing;
    const leftOut = [...result.leftOut.values()].reduce((a, b) => a + b, 0);
    const addedText =
      result.added === 0
        ? this.t('dashboard.agenda.repeat.addedNone')
        : result.added === 1
          ? this.t('dashboard.agenda.repeat.addedOne')
          : this.t('dashboard.agenda.repeat.added', { count: result.added });
    // Days left out are expected (locked, closed, already booked): only an empty result warns.
    return html`<div class="notice ${result.added === 0 ? 'notice--warning' : 'notice--success'}" id="${this.uid}-repeat-result" tabindex="-1">
      <p>${addedText}</p>
      ${leftOut
        ? html`<p>${leftOut === 1 ? this.t('dashboard.agenda.repeat.leftOutOne') : this.t('dashboard.agenda.repeat.leftOut', { count: leftOut })}</p>
            <ul>
              ${[...result.leftOut].map(
                ([reason, count]) =>
                  html`<li>${this.t('dashboard.agenda.repeat.reasonCount', { reason: this.t(`dashboard.agenda.repeat.reason.${reason}`), count })}</li>`,
              )}
            </ul>`
        : nothing}
    </div>`;
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
