// SPDX-License-Identifier: MIT
/**
 * Shadow rules of a form screen's top (`<citizen-password-change>`, `<citizen-password-reset>`):
 * the heading focused to announce the screen, the intro, the required-fields note and the
 * loading line.
 */
import { css } from 'lit';

export const formIntro = css`
  /* Focused by script to announce the screen; it is not a control, so no ring. */
  .heading:focus {
    outline: none;
  }
  .intro,
  .note,
  .loading {
    margin: 0;
  }
  .note,
  .loading {
    color: var(--_muted);
  }
`;
