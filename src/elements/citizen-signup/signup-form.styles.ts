// SPDX-License-Identifier: MIT
/**
 * The wizard's own light-DOM styles, on top of src/styles/light-form.ts: step headings,
 * the "check your answers" list, the security check and the
 * "Annuler" confirmation. Adopted into the page (or enclosing shadow root) once; every
 * selector starts with `.citizen-signup` so that it outweighs a CMS theme and touches
 * nothing else.
 */
import { css } from 'lit';

export const wizardStyles = css`
  .citizen-signup p {
    margin: 0;
  }

  .citizen-signup .citizen-step {
    display: grid;
    gap: var(--_space);
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .citizen-signup .citizen-step__legend {
    padding: 0;
    margin-bottom: var(--_space);
    /* A legend does not wrap inside a fieldset in every browser without this. */
    display: block;
    max-width: 100%;
    white-space: normal;
  }
  .citizen-signup .citizen-step__heading {
    display: grid;
    gap: 0.125rem;
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }
  /* Focused by script to announce the new step; it is not a control, so no ring. */
  .citizen-signup .citizen-step__heading:focus {
    outline: none;
  }
  .citizen-signup .citizen-step__count {
    color: var(--_muted);
    font-size: 1rem;
    font-weight: 400;
  }
  .citizen-signup .citizen-subsection {
    display: grid;
    gap: var(--_space);
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .citizen-signup .citizen-subheading {
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.3;
  }
  .citizen-signup .citizen-hint__line + .citizen-hint__line {
    margin-top: 0.25rem;
  }

  .citizen-signup .citizen-welcome,
  .citizen-signup .citizen-done {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }
  .citizen-signup .citizen-done {
    padding: var(--_space);
    border-inline-start: 6px solid var(--_success);
    background: color-mix(in srgb, var(--_success) 8%, var(--_surface));
  }

  /* Restored progress, renewed captcha: polite notes that collapse while empty. */
  .citizen-signup .citizen-notice {
    padding: 0.75rem 1rem;
    border-inline-start: 6px solid var(--_primary);
    background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
  }
  .citizen-signup :is(.citizen-notice, .citizen-notice-inline):empty {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .citizen-signup .citizen-notice-inline {
    font-weight: 600;
  }

  /* Buttons stack full width on a phone, the primary one first (as in the DOM). */
  .citizen-signup .citizen-wizard-actions {
    margin-top: var(--_space);
    gap: 0.75rem;
  }
  @media (max-width: 30rem) {
    .citizen-signup .citizen-wizard-actions {
      display: grid;
    }
  }

  .citizen-signup .citizen-captcha__image {
    display: block;
    max-width: 100%;
    height: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: #fff;
  }
  .citizen-signup .citizen-captcha__tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  /* The ALTCHA widget, in our colours and with targets of at least 24 px. */
  .citizen-signup altcha-widget {
    display: block;
    --altcha-max-width: 100%;
    --altcha-checkbox-size: 24px;
    --altcha-border-radius: var(--_radius);
    --altcha-border-color: var(--_border);
    --altcha-color-base: var(--_surface);
    --altcha-color-base-content: var(--_text);
    --altcha-color-primary: var(--_primary);
    --altcha-color-error: var(--_error);
    --altcha-color-success: var(--_success);
    --altcha-checkbox-border-color: var(--_border);
    --altcha-checkbox-outline: 2px solid var(--_text);
  }
  /* The widget draws its tick over the box: without this, a click in the middle of the box
     lands on the (invisible) tick and does nothing. */
  .citizen-signup altcha-widget .altcha-checkbox svg {
    pointer-events: none;
  }
  /* Room for the focus ring between the box and its label. */
  .citizen-signup altcha-widget .altcha-checkbox-wrap {
    gap: 0.75rem;
  }

  .citizen-signup .citizen-review {
    display: grid;
    gap: 0.5rem;
  }
  .citizen-signup .citizen-review__header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.25rem 1rem;
    padding-bottom: 0.25rem;
    border-bottom: 2px solid var(--_primary);
  }
  .citizen-signup .citizen-photo__preview,
  .citizen-signup .citizen-photo__thumbnail {
    display: block;
    max-width: 100%;
    height: auto;
    object-fit: contain;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .citizen-signup .citizen-photo__preview {
    max-height: 12rem;
  }
  .citizen-signup .citizen-photo__thumbnail {
    max-height: 5rem;
  }
  .citizen-signup .citizen-file {
    max-width: 100%;
    min-height: 2.75rem;
  }
  .citizen-signup .citizen-file[hidden] {
    display: none;
  }

  .citizen-signup .citizen-summary {
    margin: 0;
    display: grid;
  }
  .citizen-signup .citizen-summary__row {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0 1rem;
    padding-block: 0.5rem;
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 40%, var(--_surface));
  }
  @media (min-width: 36rem) {
    .citizen-signup .citizen-summary__row {
      grid-template-columns: 14rem minmax(0, 1fr);
    }
  }
  .citizen-signup .citizen-summary__key {
    font-weight: 600;
  }
  .citizen-signup .citizen-summary__value {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .citizen-signup .citizen-summary__value--empty {
    color: var(--_muted);
    font-style: italic;
  }

  .citizen-signup .citizen-dialog {
    box-sizing: border-box;
    width: min(28rem, calc(100vw - 2rem));
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .citizen-signup .citizen-dialog[open] {
    display: grid;
    gap: var(--_space);
  }
  .citizen-signup .citizen-dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .citizen-signup .citizen-dialog__title {
    font-size: 1.125rem;
    font-weight: 700;
  }
`;
