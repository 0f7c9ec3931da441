// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CitizenError } from '../../../core/errors.js';
import type { MessageKey, Translate } from '../../../i18n/translate.js';
import type { Activity, AgendaDay, BookingChange, ChildChecklist } from '../../../schemas/activities.js';
import type { HouseholdMember } from '../../../schemas/household.js';
import { todayIsoDate } from '../format.js';
import { DashboardPanel, Loader } from '../panel-base.js';
import { agendaTexts } from '../../../i18n/parts/agenda.js';
import type { PanelForm } from '../panel-form.js';
import { renderAgendaControls, type AgendaView } from './agenda-controls.js';
import { addDays, addMonths, lastOfMonth, mondayOf, monthOf, ranges } from './agenda-dates.js';
import { dayStateText, isToggleable, keyOf, renderDayCell, type Conflict, type DayFacts } from './agenda-day.js';
import { renderChecklist, renderLegend } from './agenda-legend.js';
import { monthMove, monthTitle, renderMonthGrid } from './agenda-month.js';
import { NarrowController } from './agenda-narrow.js';
import {
  addPattern,
  createRepeatForm,
  findHolidays,
  renderRepeatForm,
  renderRepeatToggle,
  renderRepeatResult,
  type RepeatPattern,
  type RepeatResult,
} from './agenda-repeat.js';
import { appliedCounts, renderSendResult, renderSummary, type SendState } from './agenda-summary.js';
import { onColumn, renderWeekGrid, WEEK_BY_DAY_BELOW_REM, weekColumns, weekdaysOf, weekMove, weekTitle, type WeekPosition } from './agenda-week.js';
import { agendaWords, type AgendaWords } from './agenda-words.js';
import { agendaStyles } from './agenda.styles.js';

/** The agenda API answers at most this many days at a time (MAX_RANGE_DAYS on the server). */
const AGENDA_CHUNK_DAYS = 93;
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
 * Down by week; in a narrow container (a phone) the week grid is drawn transposed, a row per
 * day and a column per activity, and the arrows follow: Up/Down by day, Left/Right by
 * activity. Enter or Space chooses the day in all.
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
  @property() view: AgendaView = 'month';

  /** The month grid's focused day (its only tab stop), YYYY-MM-DD. */
  @state() private activeDate = todayIsoDate();
  /** The week grid's focused cell (its only tab stop). */
  @state() private weekAt: WeekPosition = { activityId: '', date: todayIsoDate() };
  @state() private shownView: AgendaView = 'month';
  @state() private activityId?: string;
  /** Pending changes, `activityId|date` → action. */
  @state() private pending = new Map<string, BookingChange>();
  @state() private conflicts: Conflict[] = [];
  @state() private sendState: SendState = 'idle';
  @state() private sendError?: CitizenError;
  @state() private applied?: { booked: number; cancelled: number };
  @state() private repeatForm?: PanelForm<RepeatPattern>;
  @state() private repeatBusy = false;
  @state() private repeatResult?: RepeatResult;
  @state() private holidaysNote = '';

  /**
   * The idempotency key of the batch last sent, with that batch (`key:action` sorted): a retry
   * of exactly that batch reuses the key, so a lost answer never books twice; a changed batch
   * is another request and gets another key.
   */
  #batchKey?: { key: string; batch: string };
  /** The week grid drawn by day (transposed): the container is narrow. */
  readonly #narrow = new NarrowController(this, WEEK_BY_DAY_BELOW_REM, () => {
    // The cells are drawn anew in another order: the focused one (a phone turned) keeps focus.
    if (this.shownView === 'week' && this.shadowRoot?.activeElement?.closest('td')) {
      this.focusAfterRender(this.#cellSelector(this.weekAt.activityId, this.weekAt.date));
    }
  });
  /** The days the grid shows, loaded by `#agenda`. */
  #range = { from: '', to: '' };
  /** Days known so far, `activityId|date`, every range loaded. */
  readonly #days = new Map<string, AgendaDay>();
  /** Successful sends so far: an answer to a fetch started before the last one may predate it. */
  #sends = 0;

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
    // Another child after the first render: nothing of the last one's batch may be sent for this one.
    const otherChild = this.hasUpdated && changed.has('child');
    if (otherChild) {
      this.pending = new Map();
      this.conflicts = [];
      this.applied = undefined;
      this.sendState = 'idle';
      this.sendError = undefined;
      this.#batchKey = undefined;
      this.repeatForm = undefined;
      this.repeatResult = undefined;
      this.holidaysNote = '';
      this.#days.clear();
    }
    const activities = this.#activities.data;
    if (activities && !otherChild) this.#onWeekColumn(activities);
    super.willUpdate(changed);
    if (otherChild) this.reload();
    else if (this.hasUpdated && (changed.has('month') || changed.has('view'))) this.#loadIfMoved();
  }

  /**
   * The week grid's tab stop on a day that has a column: a week opened on a Saturday, or on a
   * day no activity runs, would have no cell to tab to, and Page Up/Down would keep that day.
   */
  #onWeekColumn(activities: Activity[]) {
    const date = onColumn(this.weekAt.date, weekdaysOf(activities));
    if (date === this.weekAt.date) return;
    this.weekAt = { ...this.weekAt, date };
    if (this.shownView === 'week') this.#loadIfMoved();
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
    const sends = this.#sends;
    const days: AgendaDay[] = [];
    for (const range of ranges(from, to, AGENDA_CHUNK_DAYS)) days.push(...(await getAgenda({ childId: this.child.id, ...range })));
    // Asked before the last send was saved, the answer may show its days as they were before:
    // the reload after the send has the newer states, which this answer must not overwrite.
    if (sends === this.#sends) for (const day of days) this.#days.set(keyOf(day.activityId, day.date), day);
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
    const { from, to } = this.#range;
    this.#setRange();
    if (this.#range.from !== from || this.#range.to !== to) void this.#agenda.load();
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

  /** Another view shows the same place: the month's focused day, or the week's column nearest to it. */
  private handleViewChange(event: Event) {
    const view = (event.target as HTMLInputElement).value as AgendaView;
    if (view === this.shownView) return;
    const weekdays = weekdaysOf(this.#activities.data ?? []);
    if (view === 'week') this.weekAt = { activityId: this.weekAt.activityId || (this.activityId ?? ''), date: onColumn(this.activeDate, weekdays) };
    else this.activeDate = this.weekAt.date;
    this.shownView = view;
    this.#setRange();
    void this.#agenda.load();
  }

  /** Moves the grid's focused day; another month or week loads its days. */
  #moveTo(at: WeekPosition) {
    if (this.shownView === 'week') this.weekAt = at;
    else this.activeDate = at.date;
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

  /** Arrow, Home/End and Page keys move the focused day; Enter or Space chooses it. */
  private handleGridKey(event: KeyboardEvent) {
    const cell = (event.target as HTMLElement).closest?.('td');
    const date = cell?.dataset['date'];
    if (!date) return;
    const at = { activityId: cell.dataset['activity'] ?? '', date };
    const activities = this.#activities.data ?? [];
    const next = this.shownView === 'week' ? weekMove(event.key, at, activities, weekdaysOf(activities), this.#narrow.narrow) : monthMove(event.key, at, event.shiftKey);
    if (next) {
      event.preventDefault();
      this.#moveTo(next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#toggle(at.activityId, date);
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

  /** The batch changed: the last answer's notices gone (its key is dropped only when it is not the batch sent). */
  #setPending(pending: Map<string, BookingChange>) {
    this.pending = pending;
    this.conflicts = this.conflicts.filter((c) => !pending.has(keyOf(c.activityId, c.date)));
    if (this.sendState !== 'sending') this.sendState = 'idle';
    this.applied = undefined;
  }

  #discard() {
    this.pending = new Map();
    this.#batchKey = undefined;
    this.sendState = 'idle';
    // The button goes with the batch's block: focus goes back to the grid rather than to the page.
    this.focusAfterRender('td[role="gridcell"][tabindex="0"]');
    this.announce(this.t('dashboard.agenda.discarded'));
  }

  async #send() {
    const adapter = this.adapter;
    if (!adapter || !this.child || this.pending.size === 0 || this.sendState === 'sending') return;
    const changes = [...this.pending.values()];
    const batch = [...this.pending].map(([key, change]) => `${key}:${change.action}`).sort().join(',');
    const sent = this.#batchKey?.batch === batch ? this.#batchKey : { key: crypto.randomUUID(), batch };
    this.#batchKey = sent;
    this.sendState = 'sending';
    try {
      const result = await adapter.submitBookings({ childId: this.child.id, changes, idempotencyKey: sent.key });
      this.#batchKey = undefined;
      this.#sends++;
      // Days chosen while the batch was on its way were not in it: they stay for the next send.
      const pending = new Map(this.pending);
      for (const change of changes) {
        const key = keyOf(change.activityId, change.date);
        if (pending.get(key)?.action === change.action) pending.delete(key);
      }
      this.pending = pending;
      this.conflicts = result.conflicts;
      this.applied = appliedCounts(result.applied);
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

  // ——— "Réserver ou annuler plusieurs jours" ———

  async #openRepeat() {
    const activityId = (this.shownView === 'week' ? this.weekAt.activityId : this.activityId) ?? '';
    const today = todayIsoDate();
    this.repeatBusy = true;
    let from = today;
    try {
      // "Du" starts at the first day that can still change: load the next weeks to know it.
      const days = await this.#fetchDays(today, addDays(today, 27));
      // Not a closed day either: in holidays, "Jusqu'aux vacances" would stop before them.
      from = days.find((d) => d.activityId === activityId && d.state !== 'past' && d.state !== 'locked' && d.state !== 'closed')?.date ?? today;
    } catch {
      // Without the days, today: the form checks nothing more from them.
    }
    this.repeatBusy = false;
    this.repeatResult = undefined;
    this.holidaysNote = '';
    this.repeatForm = createRepeatForm(this, `${this.uid}-repeat`, { activityId, from });
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
    // aria-disabled while busy, not disabled: a disabled button would lose focus.
    if (!form || this.repeatBusy || form.isPending) return;
    const from = form.values['from'] || todayIsoDate();
    this.repeatBusy = true;
    try {
      const found = await findHolidays(from, (rangeFrom, rangeTo) => this.#fetchDays(rangeFrom, rangeTo), AGENDA_CHUNK_DAYS);
      if (found) {
        form.set('to', found.date);
        form.recheck('to');
        this.holidaysNote = this.t('dashboard.agenda.repeat.untilHolidaysSet', { date: this.#words.longDate(found.date), name: found.name });
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
      const { pending, result } = addPattern(pattern, await this.#fetchDays(pattern.from, pattern.to), this.pending);
      this.#setPending(pending);
      return result;
    });
    if (!result) return;
    this.repeatResult = result;
    // The notice takes focus, so it is read out at once: no live region repeats it.
    this.focusAfterRender(`#${this.uid}-repeat-result`);
  }

  // ——— Words ———

  get #words(): AgendaWords {
    return agendaWords(this.locale, (key, params) => this.t(key, params), (key) => this.hasText(key));
  }

  #facts(activityId: string | undefined, date: string): DayFacts {
    const day = this.#dayOf(activityId, date);
    if (!day) return { noticeHours: 0, loading: this.#agenda.state.status === 'loading' };
    return {
      day,
      change: this.pending.get(keyOf(day.activityId, date)),
      conflict: this.conflicts.find((c) => c.activityId === day.activityId && c.date === date),
      noticeHours: this.#activity(day.activityId)?.noticeHours ?? 0,
    };
  }

  #stateText(activityId: string | undefined, date: string): string {
    return dayStateText(this.#words, this.#facts(activityId, date));
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
    const t: Translate = (key, params) => this.t(key, params);
    const titleId = `${this.uid}-period`;
    const helpId = `${this.uid}-grid-help`;
    return html`
      ${renderChecklist(t, this.#missing, this.child?.firstNames ?? '')}
      ${renderAgendaControls({
        t,
        view: this.shownView,
        weekByDay: this.#narrow.narrow,
        activities,
        activity,
        viewName: `${this.uid}-view`,
        selectId: `${this.uid}-activity`,
        titleId,
        helpId,
        title: isWeek
          ? weekTitle(this.locale, t, weekColumns(mondayOf(this.weekAt.date), weekdaysOf(activities)))
          : monthTitle(this.locale, monthOf(this.activeDate)),
        onViewChange: (event) => this.handleViewChange(event),
        onActivityChange: (activityId) => (this.activityId = activityId),
        onPeriod: (offset) => this.#showOther(offset),
      })}
      ${this.#agenda.state.status === 'error'
        ? this.renderError(this.#agenda.state.error, 'dashboard.agenda.loadError', () => void this.#agenda.load())
        : isWeek
          ? this.#renderWeek(activities, titleId, helpId)
          : renderMonthGrid({
              ...this.#gridProps(titleId, helpId),
              month: monthOf(this.activeDate),
              activityId: activity.id,
              cell: (date) => this.#renderDay(activity.id, date, date === this.activeDate, false),
            })}
      ${this.#agenda.state.status === 'loading' ? html`<p class="loading" aria-busy="true">${this.t('common.loading')}</p>` : nothing}
      ${renderLegend(t)} ${this.#renderRepeat(activities, t)} ${this.#renderSummary()}
    `;
  }

  /** What the month and week grids share: their name and help, their state, their keys. */
  #gridProps(titleId: string, helpId: string) {
    return {
      titleId,
      helpId,
      busy: this.#agenda.state.status === 'loading',
      locale: this.locale,
      onKeydown: (event: KeyboardEvent) => this.handleGridKey(event),
      onFocusin: (event: FocusEvent) => this.handleGridFocus(event),
    };
  }

  #renderWeek(activities: Activity[], titleId: string, helpId: string) {
    return renderWeekGrid({
      ...this.#gridProps(titleId, helpId),
      activities,
      columns: weekColumns(mondayOf(this.weekAt.date), weekdaysOf(activities)),
      active: this.weekAt,
      byDay: this.#narrow.narrow,
      t: (key, params) => this.t(key, params),
      cell: (activityId, date, isActive) => this.#renderDay(activityId, date, isActive, true),
    });
  }

  /** One day of one activity, the same in both grids; the week grid names the activity too. */
  #renderDay(activityId: string, date: string, isActive: boolean, withActivity: boolean): TemplateResult {
    const facts = this.#facts(activityId, date);
    const longDate = this.#words.longDate(date);
    return renderDayCell({
      ...facts,
      activityId,
      date,
      name: withActivity ? `${this.#activity(activityId)?.name ?? activityId}, ${longDate}` : longDate,
      stateText: dayStateText(this.#words, facts),
      isActive,
      onClick: () => {
        this.#toggle(activityId, date);
        this.focusAfterRender(this.#cellSelector(activityId, date));
      },
    });
  }

  #renderRepeat(activities: Activity[], t: Translate) {
    const form = this.repeatForm;
    const titleId = `${this.uid}-repeat-title`;
    return renderRepeatToggle({
      t,
      open: !!form,
      toggleId: `${this.uid}-repeat-toggle`,
      boxId: `${this.uid}-repeat-box`,
      onToggle: () => (form ? this.#closeRepeat() : void this.#openRepeat()),
      form: form
        ? renderRepeatForm({
            form,
            activities,
            t,
            locale: this.locale,
            headingId: titleId,
            heading: html`${this.heading(this.subLevel, t('dashboard.agenda.repeat.toggle'), { id: titleId, className: 'section-title', focusable: true })}
            ${this.repeatResult ? renderRepeatResult(t, this.repeatResult, `${this.uid}-repeat-result`) : nothing}`,
            feedback: form.renderFeedback(this.subLevel + 1, (error) => this.errorText(error), t('common.errorSummary')),
            holidaysNote: this.holidaysNote,
            busy: this.repeatBusy || form.isPending,
            onSubmit: (event) => void this.handleRepeatSubmit(event),
            onUntilHolidays: () => void this.#fillUntilHolidays(),
            onClose: () => this.#closeRepeat(),
          })
        : nothing,
    });
  }

  #renderSummary() {
    const words = this.#words;
    const activityName = (id: string) => this.#activity(id)?.name ?? id;
    return renderSummary({
      words,
      pending: this.pending,
      priceOf: (change) => this.#days.get(keyOf(change.activityId, change.date))?.priceCents ?? 0,
      activityName,
      sendState: this.sendState,
      sendError: this.sendError,
      errorText: (error) => this.errorText(error),
      result:
        this.sendState === 'done' && this.applied
          ? renderSendResult({ words, applied: this.applied, conflicts: this.conflicts, activityName, id: `${this.uid}-result` })
          : nothing,
      headingId: `${this.uid}-pending-title`,
      heading: this.heading(this.subLevel, this.t('dashboard.agenda.pendingTitle'), { id: `${this.uid}-pending-title`, className: 'item-title' }),
      onSend: () => void this.#send(),
      onDiscard: () => this.#discard(),
    });
  }
}
