// SPDX-License-Identifier: MIT
/**
 * The month view of the child's agenda: one activity's days, a week per row from Monday.
 * The date-picker grid of the ARIA practices: one tab stop, arrow keys by day and week,
 * Home/End to the week's ends, Page Up/Page Down by month (with Shift, by year).
 */
import { html, type TemplateResult } from 'lit';
import { addDays, addMonths, column, lastOfMonth, monthOf, utc } from './agenda-dates.js';

/** The day a key leads to, or undefined for a key the grid does not move on. */
function dayAfterKey(key: string, date: string, shiftKey: boolean): string | undefined {
  const col = column(date);
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return addDays(date, -col);
    case 'End':
      return addDays(date, 6 - col);
    case 'PageUp':
      return addMonths(date, shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonths(date, shiftKey ? 12 : 1);
    default:
      return undefined;
  }
}

/** The focused day moved by a key (the activity stays), or undefined for a key the grid does not move on. */
export function monthMove<T extends { date: string }>(key: string, at: T, shiftKey: boolean): T | undefined {
  const date = dayAfterKey(key, at.date, shiftKey);
  return date === undefined ? undefined : { ...at, date };
}

export interface MonthGridView {
  /** YYYY-MM. */
  month: string;
  activityId: string;
  locale: string;
  titleId: string;
  helpId: string;
  busy: boolean;
  cell: (date: string) => TemplateResult;
  onKeydown: (event: KeyboardEvent) => void;
  onFocusin: (event: FocusEvent) => void;
}

export function renderMonthGrid(view: MonthGridView): TemplateResult {
  const { month } = view;
  const first = `${month}-01`;
  const last = lastOfMonth(month);
  const start = addDays(first, -column(first));
  const weeks: string[][] = [];
  for (let day = start; day <= last; day = addDays(day, 7)) weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
  // 23 November 2026 is a Monday: any Monday-first week names the weekdays.
  const weekdays = Array.from({ length: 7 }, (_, i) => addDays('2026-11-23', i));
  const dayName = (d: string, style: 'long' | 'short' | 'narrow') => new Intl.DateTimeFormat(view.locale, { weekday: style, timeZone: 'UTC' }).format(utc(d));
  return html`<div class="agenda-box">
    <table
      part="grid"
      class="agenda"
      role="grid"
      aria-labelledby=${view.titleId}
      aria-describedby=${view.helpId}
      aria-busy=${view.busy ? 'true' : 'false'}
      @keydown=${view.onKeydown}
      @focusin=${view.onFocusin}
      data-activity=${view.activityId}
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
            ${week.map((date) => (monthOf(date) === month ? view.cell(date) : html`<td role="gridcell"></td>`))}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** "décembre 2026". */
export const monthTitle = (locale: string, month: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(`${month}-01`));
