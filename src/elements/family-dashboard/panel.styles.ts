// SPDX-License-Identifier: MIT
/**
 * Styles shared by the dashboard's panels. Forms reuse the library's form look
 * (src/styles/light-form.ts, under `.citizen-form`); this adds what panels show: data
 * lists, cards, statuses, alerts, and the few controls that form sheet lacks.
 */
import { css } from 'lit';
import { buttonStyles } from '../../styles/buttons.js';

export const panelStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .panel {
    display: grid;
    gap: var(--_space);
    min-width: 0;
  }
  .panel > * {
    margin: 0;
  }
  :host(:not([hide-heading])) .panel {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    line-height: 1.3;
  }
  .panel-title {
    color: var(--_primary);
    font-size: 1.375rem;
  }
  .section-title {
    font-size: 1.125rem;
  }
  .item-title {
    font-size: 1rem;
  }
  /* The seeds' "SERVICE CLÉ – ENFANCE"; the text itself stays in normal case for screen readers. */
  .key-heading {
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }
  /* Focused by script to announce a new view; not a control, so no ring. */
  [tabindex='-1']:focus {
    outline: none;
  }
  p {
    margin: 0;
  }
  .intro,
  .muted,
  .loading {
    color: var(--_muted);
  }

  .block {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
  }
  .block + .block {
    padding-top: var(--_space);
    border-top: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
  }
  .block-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
  }

  /* Label / value pairs: side by side where there is room, stacked on phones. */
  .data {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  .data dt {
    color: var(--_muted);
  }
  .data dd {
    margin: 0;
    min-width: 0;
  }
  @media (max-width: 30rem) {
    .data {
      grid-template-columns: 1fr;
      gap: 0;
    }
    .data dd + dt {
      margin-top: 0.5rem;
    }
  }

  .list {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: grid;
    gap: 0.5rem;
    align-content: start;
    min-width: 0;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .card--unread {
    border-inline-start: 4px solid var(--_primary);
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9375rem;
  }

  /* Family cards: one column on phones, as many as fit beside each other on wider screens. */
  .family {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    align-items: start;
  }
  /* A child's card carries six actions: a row of its own, so they wrap in lines, not a tall column. */
  .family .member--child {
    grid-column: 1 / -1;
  }
  .member-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.25rem;
  }
  .plain-list {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .history {
    margin: 0;
    padding-inline-start: 1.5rem;
    color: var(--_text);
  }
  .history[hidden] {
    display: none;
  }
  .body {
    white-space: pre-line;
  }
  .nowrap {
    white-space: nowrap;
  }
  .unread-count {
    font-weight: 600;
  }
  .intro-group {
    display: grid;
    gap: 0.5rem;
  }
  .pickup-row {
    display: grid;
    gap: 0.75rem;
    justify-items: start;
    padding-bottom: 0.75rem;
    border-bottom: 1px dashed var(--_border);
  }
  .pickup-row > .citizen-field {
    justify-self: stretch;
  }
  .record {
    padding: var(--_space);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
  }
  @media (max-width: 30rem) {
    .record {
      padding: 0.75rem;
    }
  }

  /* Statuses read as words; the colour only repeats them. */
  .badge {
    display: inline-block;
    width: fit-content;
    padding: 0.125rem 0.5rem;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875rem;
    font-weight: 600;
    line-height: 1.4;
  }
  .badge--sent,
  .badge--in-progress,
  .badge--unread {
    color: var(--_primary);
  }
  .badge--accepted {
    color: var(--_success);
  }
  .badge--rejected {
    color: var(--_error);
  }

  .notice {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_primary);
    background: color-mix(in srgb, var(--_primary) 6%, var(--_surface));
  }
  .notice--success {
    border-color: var(--_success);
    background: color-mix(in srgb, var(--_success) 8%, var(--_surface));
  }
  .notice--warning {
    border-color: var(--_error);
    background: color-mix(in srgb, var(--_error) 5%, var(--_surface));
  }
  .alert {
    color: var(--_error);
    font-weight: 600;
  }
  .alert p {
    margin: 0;
  }
  .load-error {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }

  /* Heard, not seen: present from the start, as a live region that appears with its text is often missed. */
  .status,
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }

  /* Buttons outside forms, with the library's look. */
  ${buttonStyles()}
  .citizen-button--danger,
  .citizen-form .citizen-button--danger {
    border-color: var(--_error);
    background: var(--_error);
  }
  .citizen-button--danger:hover,
  .citizen-form .citizen-button--danger:hover {
    background: color-mix(in srgb, var(--_error) 80%, #000);
  }
  .text-button {
    min-height: 2.75rem;
    padding: 0.25rem 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font: inherit;
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .citizen-link {
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  :is(.citizen-button, .text-button, .citizen-link, .citizen-checkbox__input):focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 3px;
    box-shadow: 0 0 0 3px var(--_focus);
  }

  /* Controls the form sheet (src/styles/light-form.ts) does not style: textareas, checkboxes. */
  .citizen-form .citizen-textarea {
    min-height: 5rem;
    resize: vertical;
  }
  .citizen-form .citizen-checkbox {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
  }
  .citizen-form .citizen-checkbox__input {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_primary);
  }
  .citizen-form .citizen-fieldset--group {
    display: grid;
    gap: var(--_space);
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .citizen-form .citizen-fieldset--group > legend {
    padding: 0 0.25rem;
    font-weight: 600;
  }

  .form-box {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_primary) 3%, var(--_surface));
  }
  @media (max-width: 30rem) {
    .form-box {
      padding: 0.75rem;
    }
    :host(:not([hide-heading])) .panel {
      padding: 0.75rem;
    }
  }

  @media (forced-colors: active) {
    .badge,
    .card--unread {
      border-color: CanvasText;
    }
  }
`;
