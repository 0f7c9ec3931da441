// SPDX-License-Identifier: MIT
/** The shadow frame of `<citizen-password-reset>`; the form is styled by src/styles/light-form.ts. */
import { css } from 'lit';
import { formIntro } from '../../styles/form-intro.js';

export const styles = css`
  :host {
    max-width: var(--citizen-password-reset-max-width, 36rem);
  }

  ${formIntro}

  .outcome {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--_success);
    background: color-mix(in srgb, var(--_success) 6%, var(--_surface));
  }
  .outcome--invalid,
  .outcome--missing,
  .outcome--check-failed {
    border-inline-start-color: var(--_error);
    background: var(--_surface);
  }
  .outcome p {
    margin: 0;
  }
  .outcome__title {
    font-weight: 600;
  }
  .outcome__actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    align-items: center;
  }
  /* Out of the layout while empty, but still in the accessibility tree: a live region that
     appears together with its text is often not announced. */
  .outcome:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .outcome:focus {
    outline: 3px solid var(--_text);
    outline-offset: 3px;
    box-shadow: 0 0 0 3px var(--_focus);
  }

  a,
  .link-button {
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  /* An action that stays on the page, drawn as the links beside it. */
  .link-button {
    min-height: 2.75rem;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    cursor: pointer;
  }
  a:focus-visible,
  .link-button:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 3px;
    box-shadow: 0 0 0 3px var(--_focus);
  }
`;

/**
 * Light-DOM rules of the element (adopted into the page): the form container leaves the
 * layout while an outcome replaces the form (the shared `.citizen-form` rule sets its
 * display), and the read-only username looks read-only.
 */
export const lightStyles = css`
  .citizen-form[hidden] {
    display: none;
  }
  /* The username shown for password managers: visibly not to be typed in. */
  .citizen-form .citizen-input[readonly] {
    background: color-mix(in srgb, var(--_border) 12%, var(--_surface));
  }
`;
