// SPDX-License-Identifier: MIT
/**
 * One day of one activity in the child's agenda, the same cell in the month and week grids:
 * its state drawn as a colour and a mark (never colour alone), and said in words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AgendaDay, BookingChange, BookingResult } from '../../../schemas/activities.js';
import type { AgendaWords } from './agenda-words.js';

export type Conflict = BookingResult['conflicts'][number];

/** A day the citizen can change: book it when free, cancel it when booked. */
export const isToggleable = (day: AgendaDay) => day.state === 'available' || day.state === 'booked';

/** The key of a day in the pending batch and the days loaded: `activityId|date`. */
export const keyOf = (activityId: string, date: string) => `${activityId}|${date}`;

/** What is known of a day: its state from the server, the change waiting, the server's refusal. */
export interface DayFacts {
  day?: AgendaDay;
  change?: BookingChange;
  conflict?: Conflict;
  /** The activity's notice period, said on locked days. */
  noticeHours: number;
  /** The grid's days are on their way: a day not known yet is not a day without activity. */
  loading?: boolean;
}

/** What a day is, in words: its state, its pending change, its refusal. */
export function dayStateText(words: AgendaWords, { day, change, conflict, noticeHours, loading }: DayFacts): string {
  const { t } = words;
  if (!day) return t(loading ? 'dashboard.agenda.state.loading' : 'dashboard.agenda.state.none');
  const parts: string[] = [];
  if (change) parts.push(t(change.action === 'book' ? 'dashboard.agenda.state.pendingBook' : 'dashboard.agenda.state.pendingCancel'));
  else if (day.state === 'locked') {
    parts.push(t(day.booked ? 'dashboard.agenda.state.lockedBooked' : 'dashboard.agenda.state.locked', { hours: noticeHours }));
  } else if (day.state === 'past' && day.booked) parts.push(t('dashboard.agenda.state.pastBooked'));
  else if (day.state === 'closed' && day.closure) parts.push(t('dashboard.agenda.state.closedNamed', { name: day.closure.name }));
  else parts.push(t(`dashboard.agenda.state.${day.state}`));
  if (isToggleable(day) && day.priceCents !== undefined) parts.push(words.money(day.priceCents));
  if (conflict) parts.push(t('dashboard.agenda.refused', { reason: words.conflictText(conflict.code) }));
  return parts.join(', ');
}

/** The day's mark beside its colour, as the legend lists them. */
export function dayMark(day: AgendaDay | undefined, change: BookingChange | undefined): string {
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

export interface DayCellView extends DayFacts {
  activityId: string;
  date: string;
  /** The cell's name before its state: the date, and in the week grid the activity too. */
  name: string;
  stateText: string;
  /** The grid's only tab stop. */
  isActive: boolean;
  onClick: () => void;
}

export function renderDayCell(view: DayCellView): TemplateResult {
  const { day, change } = view;
  const conflict = !!day && !!view.conflict;
  const classes = [
    'day',
    `day--${change ? `pending-${change.action}` : day ? (day.state === 'past' && day.booked ? 'past-booked' : day.state) : 'none'}`,
    day && isToggleable(day) ? 'day--toggleable' : '',
    conflict ? 'day--conflict' : '',
  ].join(' ');
  return html`<td
    role="gridcell"
    class=${classes}
    data-date=${view.date}
    data-activity=${view.activityId}
    tabindex=${view.isActive ? '0' : '-1'}
    aria-selected=${day && isToggleable(day) ? String(change ? change.action === 'book' : day.state === 'booked') : nothing}
    @click=${view.onClick}
  >
    <span class="day-number" aria-hidden="true">${Number(view.date.slice(8))}</span>
    <span class="day-mark" aria-hidden="true">${dayMark(day, change)}${conflict ? '!' : ''}</span>
    <span class="visually-hidden">${view.name} : ${view.stateText}</span>
  </td>`;
}
