// SPDX-License-Identifier: MIT
/**
 * Above the child's agenda grid: the choice of view ("Affichage : Mois / Semaine"), the
 * activity of the month view, the period with its previous and next buttons, the notice
 * period, and the grid's keys for screen readers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../../i18n/translate.js';
import type { Activity } from '../../../schemas/activities.js';

export type AgendaView = 'month' | 'week';

export interface AgendaControlsView {
  t: Translate;
  view: AgendaView;
  /** The week grid is drawn transposed, its keys too. */
  weekByDay: boolean;
  activities: readonly Activity[];
  /** The month view's activity. */
  activity: Activity;
  /** The radio group's name, unique in the page. */
  viewName: string;
  selectId: string;
  /** The period's id: it names the grid. */
  titleId: string;
  /** "décembre 2026", "Semaine du 30 novembre au 4 décembre 2026". */
  title: string;
  /** The keys' help: it describes the grid. */
  helpId: string;
  onViewChange: (event: Event) => void;
  onActivityChange: (activityId: string) => void;
  onPeriod: (offset: -1 | 1) => void;
}

/**
 * Native radio buttons for "Mois / Semaine": one of two views is chosen, exactly the
 * radio group's meaning; aria-pressed toggle buttons are for independent on/off states
 * (a pressed "Mois" that cannot be released), and tabs would announce panels this
 * agenda does not have (the same days, drawn twice).
 */
export function renderAgendaControls(view: AgendaControlsView): TemplateResult {
  const { t, activities } = view;
  const isWeek = view.view === 'week';
  return html`<div class="agenda-controls citizen-form">
    <fieldset class="view-switch">
      <legend>${t('dashboard.agenda.view')}</legend>
      ${(['month', 'week'] as const).map(
        (value) => html`<label>
          <input type="radio" name=${view.viewName} value=${value} .checked=${view.view === value} @change=${view.onViewChange} />
          ${t(value === 'month' ? 'dashboard.agenda.viewMonth' : 'dashboard.agenda.viewWeek')}
        </label>`,
      )}
    </fieldset>
    ${isWeek
      ? nothing
      : html`<div class="citizen-field">
          <label class="citizen-label" for=${view.selectId}>${t('dashboard.agenda.activity')}</label>
          <select
            class="citizen-input citizen-select"
            id=${view.selectId}
            @change=${(event: Event) => view.onActivityChange((event.target as HTMLSelectElement).value)}
          >
            ${view.activities.map((a) => html`<option value=${a.id} ?selected=${a.id === view.activity.id}>${a.name}</option>`)}
          </select>
        </div>`}
    <div class="month-nav">
      <button class="citizen-button citizen-button--secondary" type="button" @click=${() => view.onPeriod(-1)}>
        <span aria-hidden="true">‹</span>
        <span class="visually-hidden">${t(isWeek ? 'dashboard.agenda.previousWeek' : 'dashboard.agenda.previousMonth')}</span>
      </button>
      <p class="month-title" id=${view.titleId} aria-live="polite">${view.title}</p>
      <button class="citizen-button citizen-button--secondary" type="button" @click=${() => view.onPeriod(1)}>
        <span class="visually-hidden">${t(isWeek ? 'dashboard.agenda.nextWeek' : 'dashboard.agenda.nextMonth')}</span>
        <span aria-hidden="true">›</span>
      </button>
    </div>
  </div>
  <p class="muted">
    ${isWeek
      ? t('dashboard.agenda.noticeEach', { list: activities.map((a) => `${a.name} ${a.noticeHours} h`).join(', ') })
      : t('dashboard.agenda.notice', { hours: view.activity.noticeHours })}
  </p>
  <p class="visually-hidden" id=${view.helpId}>${t(
    isWeek ? (view.weekByDay ? 'dashboard.agenda.weekByDayHelp' : 'dashboard.agenda.weekGridHelp') : 'dashboard.agenda.gridHelp',
  )}</p>`;
}
