// SPDX-License-Identifier: MIT
/**
 * The pending batch of the child's agenda under the grid: what will change and what it
 * costs ("Vous réservez 3 jours, vous annulez 1 jour : +7,20 €"), the buttons that send or
 * drop it, and once sent, what the city saved and which days it refused.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CitizenError } from '../../../core/errors.js';
import type { BookingChange } from '../../../schemas/activities.js';
import type { Conflict } from './agenda-day.js';
import type { AgendaWords } from './agenda-words.js';

/** Days booked and cancelled by `changes`, and what they add to the bill (cancelled days come off). */
export function batchCost(changes: Iterable<BookingChange>, priceOf: (change: BookingChange) => number) {
  let book = 0;
  let cancel = 0;
  let cents = 0;
  for (const change of changes) {
    const price = priceOf(change);
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

const daysText = ({ t }: AgendaWords, count: number) => t(count === 1 ? 'dashboard.agenda.oneDay' : 'dashboard.agenda.days', { count });

/** "Vous réservez 3 jours, vous annulez 1 jour" (either half alone when the other is zero). */
export function changeSentence(words: AgendaWords, book: number, cancel: number): string {
  const parts: string[] = [];
  if (book) parts.push(words.t('dashboard.agenda.youBook', { days: daysText(words, book) }));
  if (cancel) parts.push(words.t('dashboard.agenda.youCancel', { days: daysText(words, cancel) }));
  const sentence = parts.join(', ');
  return sentence.charAt(0).toLocaleUpperCase(words.locale) + sentence.slice(1);
}

/** Days the server booked and cancelled, of the changes it applied. */
export function appliedCounts(applied: readonly BookingChange[]) {
  return { booked: applied.filter((c) => c.action === 'book').length, cancelled: applied.filter((c) => c.action === 'cancel').length };
}

export type SendState = 'idle' | 'sending' | 'error' | 'done';

export interface SendResultView {
  words: AgendaWords;
  /** Days the server booked and cancelled. */
  applied: { booked: number; cancelled: number };
  conflicts: readonly Conflict[];
  activityName: (id: string) => string;
  /** Focused after sending, so that it is read out at once. */
  id: string;
}

/** What the city saved, and the days it refused one by one (the rest of the batch stands). */
export function renderSendResult(view: SendResultView): TemplateResult {
  const { words, conflicts } = view;
  const { booked, cancelled } = view.applied;
  return html`<div class="notice ${conflicts.length ? 'notice--warning' : 'notice--success'}" id=${view.id} tabindex="-1">
    <p>
      ${booked || cancelled
        ? words.t('dashboard.agenda.saved', { changes: changeSentence(words, booked, cancelled) })
        : words.t('dashboard.agenda.nothingSaved')}
    </p>
    ${conflicts.length
      ? html`<p><strong>${words.t('dashboard.agenda.conflicts')}</strong></p>
          <ul class="plain-list">
            ${conflicts.map((c) => html`<li>${`${words.longDate(c.date)}, ${view.activityName(c.activityId)} : ${words.conflictText(c.code)}`}</li>`)}
          </ul>`
      : nothing}
  </div>`;
}

export interface SummaryView {
  words: AgendaWords;
  pending: ReadonlyMap<string, BookingChange>;
  priceOf: (change: BookingChange) => number;
  activityName: (id: string) => string;
  sendState: SendState;
  sendError?: CitizenError;
  errorText: (error: CitizenError) => string;
  /** The last send's result, shown until the batch changes. */
  result: TemplateResult | typeof nothing;
  /** "Vos modifications", at the panel's section level. */
  heading: TemplateResult;
  headingId: string;
  onSend: () => void;
  onDiscard: () => void;
}

export function renderSummary(view: SummaryView): TemplateResult {
  const { words, sendState } = view;
  const { t } = words;
  const { book, cancel, cents } = batchCost(view.pending.values(), view.priceOf);
  const sending = sendState === 'sending';
  const changes = [...view.pending.values()].sort((a, b) => a.date.localeCompare(b.date));
  return html`
    <div part="summary" class="summary">
      ${view.result}
      ${changes.length === 0
        ? sendState === 'done'
          ? nothing
          : html`<p class="muted">${t('dashboard.agenda.noChange')}</p>`
        : html`<div class="block" aria-labelledby=${view.headingId}>
            ${view.heading}
            <p><strong>${changeSentence(words, book, cancel)} : ${words.money(cents, true)}</strong></p>
            <ul class="plain-list">
              ${changes.map(
                (c) => html`<li>
                  ${t(c.action === 'book' ? 'dashboard.agenda.lineBook' : 'dashboard.agenda.lineCancel', {
                    date: words.longDate(c.date),
                    activity: view.activityName(c.activityId),
                  })}
                </li>`,
              )}
            </ul>
            ${sendState === 'error' && view.sendError
              ? html`<div class="alert" role="alert">
                  <p>${t('dashboard.agenda.sendError')}</p>
                  <p>${view.errorText(view.sendError)}</p>
                </div>`
              : nothing}
            <div class="actions">
              <button class="citizen-button" type="button" aria-disabled=${sending ? 'true' : nothing} @click=${view.onSend}>
                ${t(sending ? 'dashboard.sending' : sendState === 'error' ? 'dashboard.agenda.retrySend' : 'dashboard.agenda.send')}
              </button>
              <button class="citizen-button citizen-button--secondary" type="button" ?disabled=${sending} @click=${view.onDiscard}>
                ${t('dashboard.agenda.discard')}
              </button>
            </div>
          </div>`}
    </div>
  `;
}
