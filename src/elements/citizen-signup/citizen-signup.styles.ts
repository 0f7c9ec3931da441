// SPDX-License-Identifier: MIT
/**
 * The shadow frame of `<citizen-signup>`; the wizard itself lives in the light DOM, styled by
 * src/styles/light-form.ts and ./signup-form.styles.ts.
 */
import { css } from 'lit';

export const styles = css`
  :host {
    max-width: var(--citizen-signup-max-width, 40rem);
  }

`;
