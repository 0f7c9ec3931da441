// SPDX-License-Identifier: MIT
/** The shadow frame of `<citizen-login>`; the form itself is styled by src/styles/light-form.ts. */
import { css } from 'lit';

export const styles = css`
  :host {
    max-width: var(--citizen-login-max-width, 28rem);
  }

  .account {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
  .greeting {
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.4;
  }
  .last-login,
  .loading {
    margin: 0;
    color: var(--_muted);
  }
  .status {
    margin: 0;
    font-weight: 600;
  }
  /* Out of the layout while empty, but still in the accessibility tree: a live region that
     appears together with its text is often not announced. */
  .status:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .alert {
    margin: 0;
    color: var(--_error);
    font-weight: 600;
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    margin-top: 0.5rem;
  }
  .buttons .logout {
    margin-top: 0;
  }
  /* On the forced change screen the button sits directly in the frame's grid. */
  .base > .logout {
    justify-self: start;
  }
  .logout,
  .change-password {
    box-sizing: border-box;
    min-height: 2.75rem;
    margin-top: 0.5rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .logout:hover,
  .change-password:hover {
    background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
  }
  .logout[aria-disabled='true'] {
    cursor: progress;
  }

  .logout:focus-visible,
  .change-password:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 3px;
    box-shadow: 0 0 0 3px var(--_focus);
  }
  /* Focused by script to announce the new view; it is not a control, so no ring. */
  .greeting:focus {
    outline: none;
  }
`;

/**
 * Light-DOM styles of the FranceConnect choice (the certified identity, then create or
 * link), adopted next to src/styles/light-form.ts.
 */
export const franceConnectChoiceStyles = css`
  .citizen-form .citizen-franceconnect-choice {
    display: grid;
    gap: 0.75rem;
  }
  .citizen-form .citizen-franceconnect-choice p {
    margin: 0;
  }
  .citizen-form .citizen-franceconnect-choice__heading,
  .citizen-form .citizen-franceconnect-choice__subheading {
    margin: 0.5rem 0 0;
    font-size: 1.125rem;
    line-height: 1.3;
  }
  .citizen-form .citizen-franceconnect-choice__heading:focus {
    outline: none;
  }
  .citizen-form .citizen-certified {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid #000091;
    background: color-mix(in srgb, #000091 5%, var(--_surface));
  }
  .citizen-form .citizen-certified__row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  .citizen-form .citizen-certified dt {
    font-weight: 600;
  }
  .citizen-form .citizen-certified dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
