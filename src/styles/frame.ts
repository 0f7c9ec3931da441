// SPDX-License-Identifier: MIT
/**
 * The framed box every standalone element draws around itself: a bordered card with the
 * city's colour on top, and its heading. Each element adds its own max width
 * (`--citizen-<tag>-max-width`) and what is particular to it.
 */
import { css } from 'lit';

export const frame = css`
  :host {
    display: block;
    box-sizing: border-box;
  }

  .base {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* Mobile first: at 320 px every pixel of width goes to the content. */
  @media (max-width: 30rem) {
    .base {
      padding: calc(var(--_space) * 0.75);
    }
  }

  .heading {
    margin: 0;
    color: var(--_primary);
    font-size: 1.375rem;
    line-height: 1.3;
  }
`;
