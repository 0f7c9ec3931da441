// SPDX-License-Identifier: MIT
/**
 * The week view of the child's agenda: one row per activity, one column per day of the
 * week that has any activity, so that canteen and after-school care are booked for the
 * same days at a glance. A grid of the ARIA practices' data-grid kind: one tab stop,
 * Left/Right by day (across to the next or previous week), Up/Down by activity, Home/End
 * to the row's ends, Page Up/Page Down by week.
 */
import { html, type TemplateResult } from 'lit';
import type { Translate } from '../../../i18n/translate.js';
import type { Activity } from '../../../schemas/activities.js';
import { addDays, isoWeekday, mondayOf, utc } from './agenda-dates.js';

/** Where the week grid's focus is: an activity's row, a day's column. */
export interface WeekPosition {
  activityId: string;
  date: string;
}

/** The ISO weekdays that have any of the activities (Monday to Friday in the demo), in order. */
export function weekdaysOf(activities: readonly Activity[]): number[] {
  const days = new Set(activities.flatMap((a) => a.weekdays ?? [1, 2, 3, 4, 5]));
  return [...days].sort((a, b) => a - b);
}

/** The dates of the week of `monday` that have a column. */
export const weekColumns = (monday: string, weekdays: readonly number[]) => weekdays.map((d) => addDays(monday, d - 1));

/** The position a key leads to, or undefined for a key the grid does not move on. */
export function weekMove(key: string, at: WeekPosition, activities: readonly Activity[], weekdays: readonly number[]): WeekPosition | undefined {
  const monday = mondayOf(at.date);
  const columns = weekColumns(monday, weekdays);
  const index = Math.max(0, columns.indexOf(at.date));
  const row = Math.max(0, activities.findIndex((a) => a.id === at.activityId));
  const inRow = (date: string) => ({ activityId: at.activityId, date });
  switch (key) {
    case 'ArrowRight':
      return inRow(index < columns.length - 1 ? columns[index + 1]! : weekColumns(addDays(monday, 7), weekdays)[0]!);
    case 'ArrowLeft':
      return inRow(index > 0 ? columns[index - 1]! : weekColumns(addDays(monday, -7), weekdays).at(-1)!);
    case 'ArrowUp':
      return { activityId: activities[Math.max(0, row - 1)]!.id, date: at.date };
    case 'ArrowDown':
      return { activityId: activities[Math.min(activities.length - 1, row + 1)]!.id, date: at.date };
    case 'Home':
      return inRow(columns[0]!);
    case 'End':
      return inRow(columns.at(-1)!);
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

export interface WeekGridView {
  activities: readonly Activity[];
  columns: readonly string[];
  active: WeekPosition;
  titleId: string;
  helpId: string;
  busy: boolean;
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
  return html`<div class="agenda-box week-box">
    <table
      part="grid"
      class="agenda agenda-week"
      role="grid"
      aria-labelledby=${view.titleId}
      aria-describedby=${view.helpId}
      aria-busy=${view.busy ? 'true' : 'false'}
      @keydown=${view.onKeydown}
      @focusin=${view.onFocusin}
    >
      <thead>
        <tr>
          <th scope="col">${view.t('dashboard.agenda.activity')}</th>
          ${view.columns.map((date) => html`<th scope="col" abbr=${header(date, 'long')}>${header(date, 'short')}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${view.activities.map(
          (activity) => html`<tr>
            <th scope="row">${activity.name}</th>
            ${view.columns.map((date) =>
              view.cell(activity.id, date, activity.id === view.active.activityId && date === view.active.date),
            )}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
