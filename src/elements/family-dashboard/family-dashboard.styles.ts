// SPDX-License-Identifier: MIT
/** `<family-dashboard>`: the frame, the summary, and the disclosure sections. */
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: var(--citizen-dashboard-max-width, 64rem);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .base {
    display: grid;
    gap: calc(var(--_space) * 1.25);
    min-width: 0;
  }
  .base > *,
  p {
    margin: 0;
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

  citizen-dashboard-header {
    padding-bottom: var(--_space);
    border-bottom: 4px solid var(--_primary);
  }

  .loading,
  .hint {
    color: var(--_muted);
  }
  .alert {
    color: var(--_error);
    font-weight: 600;
  }
  .alert p {
    margin: 0;
  }
  .notice-box {
    display: grid;
    gap: 0.75rem;
    justify-items: start;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .logged-out:focus {
    outline: none;
  }

  /* "Mon espace": who, where, how to reach them (seed 001's left column). */
  .summary {
    display: grid;
    gap: 0.25rem;
    justify-items: start;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_primary) 4%, var(--_surface));
    overflow-wrap: anywhere;
  }
  .summary-title,
  .board-title {
    color: var(--_primary);
    font-size: 1.25rem;
  }
  .summary-name {
    font-weight: 600;
  }
  .summary-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    margin-top: 0.5rem;
  }

  .board {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
  }
  .sections {
    display: grid;
    gap: 0.5rem;
  }
  .section {
    min-width: 0;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .section-heading {
    font-size: 1.125rem;
  }
  /* The whole bar is the button: a large target on phones (WCAG 2.5.8). */
  .section-button {
    display: flex;
    gap: 1rem;
    align-items: center;
    justify-content: space-between;
    width: 100%;
    min-height: 3rem;
    padding: 0.75rem var(--_space);
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_primary);
    font: inherit;
    font-weight: 700;
    text-align: start;
    cursor: pointer;
  }
  .section-button:hover {
    background: color-mix(in srgb, var(--_primary) 6%, var(--_surface));
  }
  .section-button:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: -3px;
    box-shadow: inset 0 0 0 6px var(--_focus);
  }
  .chevron {
    flex: none;
    width: 0.75rem;
    height: 0.75rem;
    border-right: 3px solid currentColor;
    border-bottom: 3px solid currentColor;
    transform: translateY(-25%) rotate(45deg);
    transition: transform 0.15s;
  }
  [aria-expanded='true'] > .chevron {
    transform: translateY(25%) rotate(-135deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .chevron {
      transition: none;
    }
  }
  .section--open .section-button {
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 50%, transparent);
    border-radius: var(--_radius) var(--_radius) 0 0;
  }
  .panel {
    padding: var(--_space);
  }
  .panel[hidden] {
    display: none;
  }

  .foot {
    padding-top: 0.5rem;
    border-top: 1px solid color-mix(in srgb, var(--_border) 50%, transparent);
  }
  .link {
    color: var(--_primary);
    font-weight: 600;
  }
  .citizen-button:focus-visible,
  .link:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 3px;
    box-shadow: 0 0 0 3px var(--_focus);
  }

  .status {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Phones: the panels give their padding back to the content. */
  @media (max-width: 30rem) {
    .panel {
      padding: 0.75rem 0.625rem;
    }
    .summary,
    .notice-box {
      padding: 0.75rem;
    }
  }

  @media (forced-colors: active) {
    .section {
      border-inline-start-width: 4px;
    }
  }

  @media print {
    .section-button > .chevron,
    .summary-actions {
      display: none;
    }
  }
`;
