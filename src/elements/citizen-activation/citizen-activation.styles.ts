// SPDX-License-Identifier: MIT
/** `<citizen-activation>`: its frame; the controls use the shared form styles (light-form.ts). */
import { css } from 'lit';

export const styles = css`
  :host {
    max-width: var(--citizen-activation-max-width, 36rem);
  }

  .subheading {
    margin: var(--_space) 0 0;
    font-size: 1.125rem;
    line-height: 1.3;
  }
  p {
    margin: 0;
  }

  .done {
    display: grid;
    gap: var(--_space);
    justify-items: start;
    padding: var(--_space);
    border-inline-start: 6px solid var(--_success);
    background: color-mix(in srgb, var(--_success) 8%, var(--_surface));
  }
  .result {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.35;
    overflow-wrap: anywhere;
  }
  /* A link that leads on, shaped as the primary action. */
  .citizen-form .login {
    display: inline-block;
    text-decoration: none;
  }

  .resent {
    font-weight: 600;
  }
  /* Out of the layout while empty, still in the accessibility tree: a live region that
     appears together with its text is often not announced. */
  .resent:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }

  /* Focused by script to announce the new state; not controls, so no ring. */
  .result:focus,
  .resent:focus {
    outline: none;
  }
`;
