// SPDX-License-Identifier: MIT
import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }

  .dialog {
    box-sizing: border-box;
    width: min(32rem, calc(100vw - 2rem));
    max-width: var(--citizen-session-timeout-max-width, 32rem);
    padding: calc(var(--_space) * 1.25);
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_font);
    line-height: 1.5;
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  /* The dialog is focused by script so that its name and text are read; it is not a control. */
  .dialog:focus {
    outline: none;
  }

  .heading {
    margin: 0 0 0.75rem;
    color: var(--_primary);
    font-size: 1.25rem;
    line-height: 1.3;
  }
  .text {
    margin: 0 0 1rem;
  }
  .alert {
    margin: 0 0 1rem;
    color: var(--_error);
    font-weight: 600;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.5rem;
  }
  .button,
  .link {
    box-sizing: border-box;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    cursor: pointer;
  }
  .button {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .button:hover {
    background: color-mix(in srgb, var(--_primary) 80%, #000);
  }
  .button--secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  .button--secondary:hover {
    background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
  }
  .button[aria-disabled='true'] {
    cursor: progress;
  }
  .link {
    display: inline-flex;
    align-items: center;
    background: var(--_primary);
    color: var(--_on-primary);
    text-decoration: none;
  }
  .button:focus-visible,
  .link:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 3px;
    box-shadow: 0 0 0 3px var(--_focus);
  }

  .status {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
