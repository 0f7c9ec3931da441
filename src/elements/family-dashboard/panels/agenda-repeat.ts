// SPDX-License-Identifier: MIT
/**
 * "Réserver ou annuler plusieurs jours" of the child's agenda: a repeating pattern ("tous
 * les lundis et jeudis jusqu'aux vacances") checked, then expanded against the agenda's days
 * into changes of the pending batch, with the days left out counted by reason.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, fieldError } from '../../../core/form.js';
import type { Translate } from '../../../i18n/translate.js';
import type { Activity, AgendaDay, BookingChange } from '../../../schemas/activities.js';
import { CitizenError } from '../../../core/errors.js';
import { addDays, daysBetween, isIsoDate, isoWeekday, ranges, utc } from './agenda-dates.js';
import { keyOf } from './agenda-day.js';
import type { DashboardPanel } from '../panel-base.js';
import { PanelForm, radioGroup, textField, type Validation, type Values } from '../panel-form.js';

export interface RepeatPattern {
  activityId: string;
  action: 'book' | 'cancel';
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  from: string;
  to: string;
}

/** A school year at most: a longer pattern is surely a typing slip. */
export const MAX_PATTERN_DAYS = 366;
/** The batch limit of the API (`BookingBatch.changes`, src/schemas/activities.ts). */
const MAX_BATCH = 400;
/** How far "Jusqu'aux vacances" looks ahead for school holidays. */
const HOLIDAYS_LOOKAHEAD_DAYS = 366;

const REPEAT_FIELDS = ['activityId', 'action', 'weekdays', 'from', 'to'] as const;

export type LeftOutReason = 'full' | 'locked' | 'past' | 'closed' | 'booked' | 'notBooked' | 'absent' | 'pending';

const weekdaysOf = (values: Values) =>
  (values['weekdays'] ?? '')
    .split(',')
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => a - b);

function validatePattern(values: Values): Validation<RepeatPattern> {
  const errors: Record<string, string> = {};
  const weekdays = weekdaysOf(values);
  const { from, to } = values;
  if (weekdays.length === 0) errors['weekdays'] = 'weekdays';
  if (!isIsoDate(from)) errors['from'] = 'fromRequired';
  if (!isIsoDate(to)) errors['to'] = 'toRequired';
  else if (isIsoDate(from) && to < from) errors['to'] = 'beforeFrom';
  else if (isIsoDate(from) && daysBetween(from, to) >= MAX_PATTERN_DAYS) errors['to'] = 'tooLong';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    data: { activityId: values['activityId'] ?? '', action: values['action'] === 'cancel' ? 'cancel' : 'book', weekdays, from: from!, to: to! },
  };
}

/** Why a day of the pattern cannot take its change; undefined when it can. */
function leftOutReason(day: AgendaDay, action: RepeatPattern['action']): LeftOutReason | undefined {
  switch (day.state) {
    case 'available':
      return action === 'book' ? undefined : 'notBooked';
    case 'booked':
      return action === 'cancel' ? undefined : 'booked';
    case 'full':
      return action === 'book' ? 'full' : 'notBooked';
    default:
      return day.state;
  }
}

/**
 * The changes a pattern makes on the days loaded for its range, and the days it leaves
 * out by reason. A day already in the batch with the same change counts as left out
 * ("déjà dans vos modifications"); one with the opposite change is taken out of the batch
 * (`restored`): the day keeps what the server has, which is what the pattern asks, and
 * counts as added.
 */
function expandPattern(pattern: RepeatPattern, days: Iterable<AgendaDay>, pending: ReadonlyMap<string, BookingChange>) {
  const changes: BookingChange[] = [];
  const restored: string[] = [];
  const leftOut = new Map<LeftOutReason, number>();
  for (const day of days) {
    if (day.activityId !== pattern.activityId || day.date < pattern.from || day.date > pattern.to) continue;
    if (!pattern.weekdays.includes(isoWeekday(day.date))) continue;
    const key = keyOf(day.activityId, day.date);
    const waiting = pending.get(key)?.action;
    if (waiting && waiting !== pattern.action) {
      restored.push(key);
      continue;
    }
    const reason = waiting === pattern.action ? 'pending' : leftOutReason(day, pattern.action);
    if (reason) leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);
    else changes.push({ activityId: day.activityId, date: day.date, action: pattern.action });
  }
  return { changes, restored, leftOut };
}

/**
 * The last day before the first school holidays after `from` (the Friday before "Vacances
 * de Noël"), with the holidays' name; undefined when none is in `days`. When `from` falls
 * in holidays, those are skipped: the next ones count, after a day that is not a holiday.
 */
function untilHolidays(from: string, days: Iterable<AgendaDay>): { date: string; name: string } | undefined {
  const sorted = [...days].filter((d) => d.date >= from).sort((a, b) => a.date.localeCompare(b.date));
  // A date is off when an activity is closed on it: a public holiday (Noël) inside school holidays is still in them.
  const offDates = new Set(sorted.filter((d) => d.closure).map((d) => d.date));
  const firstSchoolDay = sorted.find((d) => !offDates.has(d.date));
  const closure = firstSchoolDay && sorted.find((d) => d.date > firstSchoolDay.date && d.closure?.kind === 'school-holidays');
  if (!closure) return undefined;
  const before = sorted.filter((d) => d.date < closure.date && d.state !== 'closed').at(-1);
  return { date: before?.date ?? addDays(closure.date, -1), name: closure.closure!.name };
}

/**
 * The batch with the pattern's changes added, and what the pattern added and left out.
 * Throws a field error when the batch would pass the API's limit: nothing is added rather
 * than a part, the parent decides what to cut.
 */
export function addPattern(pattern: RepeatPattern, days: Iterable<AgendaDay>, pending: ReadonlyMap<string, BookingChange>) {
  const { changes, restored, leftOut } = expandPattern(pattern, days, pending);
  const batch = new Map(pending);
  for (const key of restored) batch.delete(key);
  for (const change of changes) batch.set(keyOf(change.activityId, change.date), change);
  if (batch.size > MAX_BATCH) throw new CitizenError('validation_failed', { fields: { to: 'tooMany' } });
  return { pending: batch, result: { added: changes.length + restored.length, leftOut } satisfies RepeatResult };
}

/** `untilHolidays` a year ahead at most, loading the days a range of `chunkDays` at a time until holidays turn up. */
export async function findHolidays(from: string, fetchDays: (from: string, to: string) => Promise<AgendaDay[]>, chunkDays: number) {
  // Every range so far: holidays around `from` may end in a later range.
  const days: AgendaDay[] = [];
  for (const range of ranges(from, addDays(from, HOLIDAYS_LOOKAHEAD_DAYS), chunkDays)) {
    days.push(...(await fetchDays(range.from, range.to)));
    const found = untilHolidays(from, days);
    if (found) return found;
  }
  return undefined;
}

/** The pattern's form, for `activityId` from the day `from`; its errors in the agenda's words first. */
export function createRepeatForm(host: DashboardPanel, id: string, { activityId, from }: { activityId: string; from: string }) {
  return new PanelForm<RepeatPattern>(host, {
    id,
    fields: REPEAT_FIELDS,
    initial: { activityId, action: 'book', weekdays: '', from, to: '' },
    validate: validatePattern,
    errorText: (_path, code) => {
      const key = `dashboard.agenda.repeat.error.${code}`;
      return host.hasText(key) ? host.t(key) : host.errorText(code);
    },
  });
}

export interface RepeatFormView {
  form: PanelForm<RepeatPattern>;
  activities: Activity[];
  t: Translate;
  locale: string;
  headingId: string;
  heading: TemplateResult;
  feedback: TemplateResult;
  holidaysNote: string;
  busy: boolean;
  onSubmit: (event: SubmitEvent) => void;
  onUntilHolidays: () => void;
  onClose: () => void;
}

export interface RepeatToggleView {
  t: Translate;
  open: boolean;
  /** Focus returns to the button when the form closes. */
  toggleId: string;
  boxId: string;
  onToggle: () => void;
  form: TemplateResult | typeof nothing;
}

/** "Réserver ou annuler plusieurs jours": the disclosure button and the form it opens. */
export function renderRepeatToggle(view: RepeatToggleView): TemplateResult {
  return html`<div class="repeat">
    <button
      class="citizen-button citizen-button--secondary"
      type="button"
      id=${view.toggleId}
      aria-expanded=${view.open ? 'true' : 'false'}
      aria-controls=${view.boxId}
      @click=${view.onToggle}
    >
      ${view.t('dashboard.agenda.repeat.toggle')}
    </button>
    <div id=${view.boxId}>${view.form}</div>
  </div>`;
}

/** The form: Activité, Action, Jours, Du, Jusqu'au (and "Jusqu'aux vacances"). */
export function renderRepeatForm(view: RepeatFormView): TemplateResult {
  const { form, t } = view;
  // 22 November 2026 is a Sunday: ISO weekday n is n days later.
  const weekdayName = (weekday: number) =>
    new Intl.DateTimeFormat(view.locale, { weekday: 'long', timeZone: 'UTC' }).format(utc(addDays('2026-11-22', weekday)));
  const prefix = t('common.errorPrefix');
  const activity = view.activities.find((a) => a.id === form.values['activityId']) ?? view.activities[0]!;
  const selectId = form.controlId('activityId');
  const weekdaysId = form.controlId('weekdays');
  const weekdaysError = form.error('weekdays');
  const chosen = new Set(weekdaysOf(form.values));
  const toggleWeekday = (weekday: number, checked: boolean) => {
    if (checked) chosen.add(weekday);
    else chosen.delete(weekday);
    form.set('weekdays', [...chosen].sort((a, b) => a - b).join(','));
    form.recheck('weekdays');
  };
  return html`<div class="citizen-form form-box repeat-form" aria-labelledby=${view.headingId} role="group">
    ${view.heading} ${view.feedback}
    <form novalidate aria-busy=${view.busy ? 'true' : nothing} @submit=${view.onSubmit}>
      <div class="citizen-field">
        <label class="citizen-label" for=${selectId}>${t('dashboard.agenda.activity')}</label>
        <select
          class="citizen-input citizen-select"
          id=${selectId}
          @change=${(event: Event) => {
            const next = view.activities.find((a) => a.id === (event.target as HTMLSelectElement).value);
            form.set('activityId', next?.id ?? '');
            // Days the new activity does not run on cannot stay chosen.
            form.set('weekdays', [...chosen].filter((d) => next?.weekdays?.includes(d) ?? true).join(','));
          }}
        >
          ${view.activities.map((a) => html`<option value=${a.id} ?selected=${a.id === activity.id}>${a.name}</option>`)}
        </select>
      </div>
      ${radioGroup(form, 'action', prefix, {
        legend: t('dashboard.agenda.repeat.action'),
        inline: true,
        choices: [
          { value: 'book', label: t('dashboard.agenda.repeat.book') },
          { value: 'cancel', label: t('dashboard.agenda.repeat.cancel') },
        ],
      })}
      <fieldset
        class="citizen-fieldset citizen-field ${weekdaysError ? 'citizen-field--error' : ''}"
        aria-describedby=${describedBy(weekdaysError && `${weekdaysId}-error`)}
      >
        <legend class="citizen-label">${t('dashboard.agenda.repeat.weekdays')}</legend>
        ${fieldError(weekdaysId, prefix, weekdaysError)}
        <div class="weekday-choices">
          ${(activity.weekdays?.length ? activity.weekdays : [1, 2, 3, 4, 5]).map((weekday, index) => {
            // The first box carries the group's id: the error summary's link leads to it.
            const id = index === 0 ? weekdaysId : `${weekdaysId}-${weekday}`;
            return html`<div class="citizen-checkbox">
              <input
                class="citizen-checkbox__input"
                type="checkbox"
                id=${id}
                .checked=${live(chosen.has(weekday))}
                aria-invalid=${weekdaysError ? 'true' : nothing}
                @change=${(event: Event) => toggleWeekday(weekday, (event.target as HTMLInputElement).checked)}
              />
              <label class="citizen-checkbox__label" for=${id}>${weekdayName(weekday)}</label>
            </div>`;
          })}
        </div>
      </fieldset>
      ${textField(form, 'from', prefix, { label: t('dashboard.agenda.repeat.from'), type: 'date', width: 'medium' })}
      <div class="until">
        ${textField(form, 'to', prefix, { label: t('dashboard.agenda.repeat.to'), type: 'date', width: 'medium' })}
        <button class="citizen-button citizen-button--secondary" type="button" aria-disabled=${view.busy ? 'true' : nothing} @click=${view.onUntilHolidays}>
          ${t('dashboard.agenda.repeat.untilHolidays')}
        </button>
      </div>
      ${view.holidaysNote ? html`<p class="citizen-hint">${view.holidaysNote}</p>` : nothing}
      <div class="actions">
        <button class="citizen-button" type="submit" aria-disabled=${view.busy ? 'true' : nothing}>${t('dashboard.agenda.repeat.submit')}</button>
        <button class="citizen-button citizen-button--secondary" type="button" @click=${view.onClose}>${t('dashboard.agenda.repeat.close')}</button>
      </div>
    </form>
  </div>`;
}

/** What a pattern added to the batch, and the days it left out by reason. */
export interface RepeatResult {
  added: number;
  leftOut: Map<LeftOutReason, number>;
}

/** The pattern's result notice, focused after "Ajouter à mes modifications" so that it is read out at once. */
export function renderRepeatResult(t: Translate, result: RepeatResult, id: string): TemplateResult {
  const leftOut = [...result.leftOut.values()].reduce((a, b) => a + b, 0);
  const addedText =
    result.added === 0
      ? t('dashboard.agenda.repeat.addedNone')
      : result.added === 1
        ? t('dashboard.agenda.repeat.addedOne')
        : t('dashboard.agenda.repeat.added', { count: result.added });
  // Days left out are expected (locked, closed, already booked): only an empty result warns.
  return html`<div class="notice ${result.added === 0 ? 'notice--warning' : 'notice--success'}" id=${id} tabindex="-1">
    <p>${addedText}</p>
    ${leftOut
      ? html`<p>${leftOut === 1 ? t('dashboard.agenda.repeat.leftOutOne') : t('dashboard.agenda.repeat.leftOut', { count: leftOut })}</p>
          <ul>
            ${[...result.leftOut].map(
              ([reason, count]) =>
                html`<li>${t('dashboard.agenda.repeat.reasonCount', { reason: t(`dashboard.agenda.repeat.reason.${reason}`), count })}</li>`,
            )}
          </ul>`
      : nothing}
  </div>`;
}
