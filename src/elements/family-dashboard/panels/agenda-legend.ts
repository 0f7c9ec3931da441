// SPDX-License-Identifier: MIT
/**
 * The words around the child's agenda grid: the legend of the days' marks, and "ce qu'il
 * manque", what the city still needs before it takes a booking.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey, Translate } from '../../../i18n/translate.js';

const LEGEND: readonly [string, MessageKey][] = [
  ['✓', 'dashboard.agenda.state.booked'],
  ['○', 'dashboard.agenda.state.available'],
  ['+', 'dashboard.agenda.state.pendingBook'],
  ['−', 'dashboard.agenda.state.pendingCancel'],
  ['✕', 'dashboard.agenda.state.full'],
  ['—', 'dashboard.agenda.state.closed'],
  ['⊘', 'dashboard.agenda.legendLocked'],
  ['A', 'dashboard.agenda.state.absent'],
];

export function renderLegend(t: Translate): TemplateResult {
  return html`<ul class="legend" aria-label=${t('dashboard.agenda.legend')}>
    ${LEGEND.map(([mark, key]) => html`<li><span aria-hidden="true">${mark}</span> ${t(key)}</li>`)}
  </ul>`;
}

/** The list of what is missing for the child `name`; nothing when the record is complete. */
export function renderChecklist(t: Translate, missing: readonly string[], name: string): TemplateResult | typeof nothing {
  if (missing.length === 0) return nothing;
  return html`<div part="checklist" class="notice notice--warning checklist">
    <p><strong>${t('dashboard.agenda.checklist.intro')}</strong></p>
    <ul>
      ${missing.map((item) => html`<li>${item}</li>`)}
    </ul>
    <p>${t('dashboard.agenda.checklist.help', { name })}</p>
  </div>`;
}
