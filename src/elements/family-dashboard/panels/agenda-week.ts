// SPDX-License-Identifier: MIT
/**
 * The week view of the child's agenda: one row per activity, one column per day of the
 * week that has any activity, so that canteen and after-school care are booked for the
 * same days at a glance. A grid of the ARIA practices' data-grid kind: one tab stop,
 * Left/Right by day (across to the next or previous week), Up/Down by activity, Home/End
 * to the row's ends, Page Up/Page Down by week.
 *
 * On a phone five day columns beside the activities' names do not fit: the grid is then
 * drawn "by day", transposed (one row per day, one column per activity), and the arrow keys
 * follow what is seen: Up/Down by day, Left/Right by activity, Home/End to the day's first
 * and last activity.
 */
import { html, type TemplateResult } from 'lit';
import type { Translate } from '../../../i18n/translate.js';
import type { Activity } from '../../../schemas/activities.js';
import { addDays, isoWeekday, mondayOf, utc } from './agenda-dates.js';

/**
 * Below this width (in rem) the week grid is drawn by day: the activities' names beside five
 * day columns scroll sideways below about 24rem, and are cramped well before.
 */
export const WEEK_BY_DAY_BELOW_REM = 30;

/** Where the week grid's focus is: an activity's row, a day's column. */
export interface WeekPosition {
  activityId: string;
  date: string;
}

const SCHOOL_WEEK = [1, 2, 3, 4, 5];

/**
 * The ISO weekdays that have any of the activities (Monday to Friday in the demo), in order.
 * Monday to Friday when none says its days (`weekdays` absent or empty): a week needs columns.
 */
export function weekdaysOf(activities: readonly Activity[]): number[] {
  const days = new Set(activities.flatMap((a) => (a.weekdays?.length ? a.weekdays : SCHOOL_WEEK)));
  return [...days].sort((a, b) => a - b);
}

/** The dates of the week of `monday` that have a column. */
export const weekColumns = (monday: string, weekdays: readonly number[]) => weekdays.map((d) => addDays(monday, d - 1));

/**
 * In the grid drawn by day (transposed), the moves of the grid drawn by activity that each
 * key makes: Down goes to the next day as Right does by activity; Home and End go along the
 * day's row, across activities. Page Up and Page Down move by week in both.
 */
const BY_DAY_KEYS: Record<string, string> = {
  ArrowDown: 'ArrowRight',
  ArrowUp: 'ArrowLeft',
  ArrowRight: 'ArrowDown',
  ArrowLeft: 'ArrowUp',
  Home: 'FirstActivity',
  End: 'LastActivity',
};

/** The position a key leads to, or undefined for a key the grid does not move on. */
export function weekMove(
  key: string,
  at: WeekPosition,
  activities: readonly Activity[],
  weekdays: readonly number[],
  byDay = false,
): WeekPosition | undefined {
  const monday = mondayOf(at.date);
  const columns = weekColumns(monday, weekdays);
  const index = Math.max(0, columns.indexOf(at.date));
  const row = Math.max(0, activities.findIndex((a) => a.id === at.activityId));
  const inRow = (date: string) => ({ activityId: at.activityId, date });
  const onDay = (activity: Activity) => ({ activityId: activity.id, date: at.date });
  switch (byDay ? (BY_DAY_KEYS[key] ?? key) : key) {
    case 'ArrowRight':
      return inRow(index < columns.length - 1 ? columns[index + 1]! : weekColumns(addDays(monday, 7), weekdays)[0]!);
    case 'ArrowLeft':
      return inRow(index > 0 ? columns[index - 1]! : weekColumns(addDays(monday, -7), weekdays).at(-1)!);
    case 'ArrowUp':
      return onDay(activities[Math.max(0, row - 1)]!);
    case 'ArrowDown':
      return onDay(activities[Math.min(activities.length - 1, row + 1)]!);
    case 'Home':
      return inRow(columns[0]!);
    case 'End':
      return inRow(columns.at(-1)!);
    case 'FirstActivity':
      return onDay(activities[0]!);
    case 'LastActivity':
      return onDay(activities.at(-1)!);
    case 'PageUp':
      return inRow(addDays(at.date, -7));
    case 'PageDown':
      return inRow(addDays(at.date, 7));
    default:
      return undefined;
  }
}

/** A date on a weekday that has a column: itself, or the next such day. */
export function onColumn(date: string, weekdays: readonly number[]): string {
  for (let day = date, i = 0; i < 7; day = addDays(day, 1), i++) if (weekdays.includes(isoWeekday(day))) return day;
  return date;
}

/** "Semaine du 30 novembre au 4 décembre 2026" (the year twice only across New Year). */
export function weekTitle(locale: string, t: Translate, columns: readonly string[]): string {
  const first = columns[0]!;
  const last = columns.at(-1)!;
  const format = (date: string, withYear: boolean) =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(utc(date));
  return t('dashboard.agenda.weekTitle', { from: format(first, first.slice(0, 4) !== last.slice(0, 4)), to: format(last, true) });
}

/**
 * An activity's name short enough for a narrow column: each word longer than eight letters
 * cut after its first consonant from the sixth letter on, with a full stop, as French
 * abbreviates ("Restauration scolaire" → "Restaur. scolaire", "Accueil périscolaire" →
 * "Accueil périsc.").
 */
export function shortName(name: string): string {
  return name.replace(/\p{L}{9,}/gu, (word) => {
    const consonant = word.slice(5).search(/[^aeiouyàâäéèêëîïôöùûüœæ]/i);
    return consonant < 0 ? word : `${word.slice(0, 5 + consonant + 1)}.`;
  });
}

export interface WeekGridView {
  activities: readonly Activity[];
  columns: readonly string[];
  active: WeekPosition;
  titleId: string;
  helpId: string;
  busy: boolean;
  /** Drawn transposed, one row per day: the narrow layout. */
  byDay: boolean;
  locale: string;
  t: Translate;
  cell: (activityId: string, date: string, isActive: boolean) => TemplateResult;
  onKeydown: (event: KeyboardEvent) => void;
  onFocusin: (event: FocusEvent) => void;
}

export function renderWeekGrid(view: WeekGridView): TemplateResult {
  // "lun. 30 nov." on screen, "lundi 30 novembre" in `abbr` for screen readers' header announcements.
  const header = (date: string, style: 'short' | 'long') =>
    new Intl.DateTimeFormat(view.locale, { weekday: style, day: 'numeric', month: style, timeZone: 'UTC' }).format(utc(date));
  const isActive = (activityId: string, date: string) => activityId === view.active.activityId && date === view.active.date;
  // The name said by screen readers stays whole; `abbr` gives it for the cells' header announcements.
  const activityHeader = (name: string) => {
    const short = shortName(name);
    return short === name
      ? html`<th scope="col">${name}</th>`
      : html`<th scope="col" abbr=${name}><span aria-hidden="true">${short}</span><span class="visually-hidden">${name}</span></th>`;
  };
  const dayHeader = (date: string, scope: 'col' | 'row') => html`<th scope=${scope} abbr=${header(date, 'long')}>${header(date, 'short')}</th>`;
  return html`<div class="agenda-box week-box">
    <table
      part="grid"
      class="agenda agenda-week ${view.byDay ? 'agenda-week--by-day' : ''}"
      role="grid"
      aria-labelledby=${view.titleId}
      aria-describedby=${view.helpId}
      aria-busy=${view.busy ? 'true' : 'false'}
      @keydown=${view.onKeydown}
      @focusin=${view.onFocusin}
    >
      ${view.byDay
        ? html`<thead>
              <tr>
                <th scope="col">${view.t('dashboard.agenda.day')}</th>
                ${view.activities.map((activity) => activityHeader(activity.name))}
              </tr>
            </thead>
            <tbody>
              ${view.columns.map(
                (date) => html`<tr>
                  ${dayHeader(date, 'row')} ${view.activities.map((activity) => view.cell(activity.id, date, isActive(activity.id, date)))}
                </tr>`,
              )}
            </tbody>`
        : html`<thead>
              <tr>
                <th scope="col">${view.t('dashboard.agenda.activity')}</th>
                ${view.columns.map((date) => dayHeader(date, 'col'))}
              </tr>
            </thead>
            <tbody>
              ${view.activities.map(
                (activity) => html`<tr>
                  <th scope="row">${activity.name}</th>
                  ${view.columns.map((date) => view.cell(activity.id, date, isActive(activity.id, date)))}
                </tr>`,
              )}
            </tbody>`}
    </table>
  </div>`;
}
