// SPDX-License-Identifier: MIT
/**
 * The shadow frame of `<citizen-signup>`; the wizard itself lives in the light DOM, styled by
 * src/styles/light-form.ts and ./signup-form.styles.ts.
 */
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: var(--citizen-signup-max-width, 40rem);
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
  /* Mobile first: at 320 px every pixel of width goes to the fields. */
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
