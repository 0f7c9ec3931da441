// SPDX-License-Identifier: MIT
/**
 * FranceConnect's published button: dark blue (#000091, lighter on hover), white text on two
 * lines ("S'identifier avec" / "FranceConnect" in bold) beside the FranceConnect mark, and
 * the "Qu'est-ce que FranceConnect ?" link under it. These are FranceConnect's colours, not
 * the city's: the partner kit asks that the button keep its look on every site.
 */
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-width: var(--citizen-franceconnect-button-max-width, 38rem);
  }
  :host([hidden]) {
    display: none !important;
  }

  .franceconnect {
    display: grid;
    justify-items: start;
    gap: 0.5rem;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.75rem;
    box-sizing: border-box;
    min-height: 3.5rem;
    margin: 0;
    padding: 0.5rem 1.25rem 0.5rem 0.75rem;
    border: 0;
    border-radius: 0;
    background: #000091;
    color: #ffffff;
    font: inherit;
    line-height: 1.25;
    text-align: start;
    cursor: pointer;
  }
  .button:hover {
    background: #1212ff;
  }
  .button:active {
    background: #2323ff;
  }
  .button:focus-visible {
    outline: 2px solid #0a76f6;
    outline-offset: 2px;
  }
  .button[aria-disabled='true'] {
    cursor: progress;
  }
  .logo {
    flex: none;
    width: 2.5rem;
    height: 2.5rem;
  }
  .text {
    display: grid;
  }
  .login {
    font-size: 1rem;
  }
  .brand {
    font-size: 1.125rem;
    font-weight: 700;
  }

  .what {
    margin: 0;
    font-size: 0.875rem;
  }
  .what a {
    color: #000091;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .what a:focus-visible {
    outline: 2px solid #0a76f6;
    outline-offset: 2px;
  }

  /* "OU", between two rules: FranceConnect first, the other ways after. */
  .separator {
    display: flex;
    align-items: center;
    gap: 1rem;
    margin: var(--_space) 0 calc(var(--_space) / 2);
    color: var(--_muted);
    font-weight: 600;
  }
  .separator::before,
  .separator::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--_border);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    .button {
      border: 2px solid ButtonText;
    }
  }
`;
