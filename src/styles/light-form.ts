// SPDX-License-Identifier: MIT
/**
 * Styles for forms an element renders into its light DOM. Password managers do not fill
 * inputs inside shadow roots reliably, so login-like forms live in the page's own tree,
 * inside a container with the class `citizen-form`.
 *
 * The rules read the `--_*` tokens that the host declares on `:host` (src/styles/tokens.ts):
 * custom properties inherit from the host into its light children. Every selector starts
 * with `.citizen-form` so that it outweighs a CMS theme's `input`/`button` rules, and
 * touches nothing outside the container.
 */
import { css, unsafeCSS, type CSSResult } from 'lit';
import { buttonStyles } from './buttons.js';

export const lightFormStyles = css`
  .citizen-form {
    display: grid;
    gap: var(--_space);
  }
  .citizen-form [hidden] {
    display: none !important;
  }
  .citizen-form form {
    display: grid;
    gap: var(--_space);
    margin: 0;
  }

  .citizen-form .citizen-field {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
  }
  .citizen-form .citizen-field--error {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75rem;
  }
  .citizen-form .citizen-label {
    font-weight: 600;
  }
  .citizen-form .citizen-hint {
    color: var(--_muted);
    margin: 0;
  }
  .citizen-form .citizen-error-message {
    color: var(--_error);
    font-weight: 600;
    margin: 0;
  }

  .citizen-form .citizen-input {
    box-sizing: border-box;
    width: 100%;
    min-width: 0;
    min-height: 2.75rem;
    margin: 0;
    padding: 0.5rem 0.625rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .citizen-form .citizen-input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  /* Short inputs where the value is short (postcodes, dates, codes), never wider than the form. */
  .citizen-form .citizen-input--short {
    max-width: 12rem;
  }
  .citizen-form .citizen-input--medium {
    max-width: 22rem;
  }
  .citizen-form .citizen-select {
    appearance: auto;
  }
  /* The seeds' asterisk before a required field's label; the control itself says "required". */
  .citizen-form .citizen-required {
    color: var(--_error);
    font-weight: 700;
  }

  /* A question answered by several controls (radios): its legend reads like a label. */
  .citizen-form .citizen-fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .citizen-form .citizen-fieldset > legend {
    padding: 0;
    margin-bottom: 0.25rem;
  }
  .citizen-form .citizen-radios {
    display: grid;
    gap: 0.5rem;
  }
  .citizen-form .citizen-radios--inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
  }
  .citizen-form .citizen-radio {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
  }
  .citizen-form .citizen-radio__input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_primary);
  }
  .citizen-form .citizen-radio__label {
    padding-block: 0.25rem;
  }

  /* Input and show/hide button side by side; the button wraps below on narrow screens. */
  .citizen-form .citizen-password {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .citizen-form .citizen-password .citizen-input {
    flex: 1 1 12rem;
    width: auto;
  }
  .citizen-form .citizen-password .citizen-button {
    padding-inline: 0.75rem;
  }

  .citizen-form .citizen-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.5rem;
  }

  ${buttonStyles(unsafeCSS('.citizen-form '))}
  /* The least weighty action ("Annuler"): a button that looks like a link. */
  .citizen-form .citizen-button--tertiary {
    border-color: transparent;
    background: transparent;
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .citizen-form .citizen-button--tertiary:hover {
    background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
  }

  .citizen-form .citizen-link {
    display: inline-block;
    padding-block: 0.25rem;
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .citizen-form .citizen-link:hover {
    text-decoration-thickness: 0.15em;
  }

  /* Error summary and request errors: one box at the top of the form, focused on failure. */
  .citizen-form .citizen-feedback {
    padding: 0.75rem 1rem;
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .citizen-form .citizen-feedback__title {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
    line-height: 1.3;
  }
  .citizen-form .citizen-feedback__message {
    margin: 0;
    color: var(--_error);
    font-weight: 600;
  }
  .citizen-form .citizen-feedback__list {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  /* Block, not inline-block: the list marker then sits on the first line of a long message. */
  .citizen-form .citizen-feedback__list a {
    display: block;
    width: fit-content;
    padding-block: 0.125rem;
    color: var(--_error);
    font-weight: 600;
  }

  /*
   * Two rings, light inside and dark outside, so the focus shows on light and dark pages
   * alike. The feedback box is focused by script, where :focus-visible may not match.
   */
  .citizen-form :is(.citizen-input, .citizen-button, .citizen-link, .citizen-feedback__list a, .citizen-radio__input):focus-visible,
  .citizen-form .citizen-feedback:focus {
    outline: 3px solid var(--_text);
    outline-offset: 3px;
    box-shadow: 0 0 0 3px var(--_focus);
  }

  .citizen-form .citizen-visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`;

/**
 * Adds a stylesheet to the document or shadow root that holds `element`, once. A
 * constructable stylesheet rather than a `<style>` element: it works under a strict CSP
 * (`style-src 'self'`) and is shared by every instance in that root.
 */
export function adoptLightStyles(element: Element, styles: CSSResult = lightFormStyles): void {
  const root = element.getRootNode();
  const sheet = styles.styleSheet;
  if (!sheet || !(root instanceof Document || root instanceof ShadowRoot)) return;
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
