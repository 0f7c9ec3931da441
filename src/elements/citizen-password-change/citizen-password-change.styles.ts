// SPDX-License-Identifier: MIT
/** The shadow frame of `<citizen-password-change>`; the form is styled by src/styles/light-form.ts. */
import { css } from 'lit';
import { formIntro } from '../../styles/form-intro.js';

export const styles = css`
  :host {
    max-width: var(--citizen-password-change-max-width, 36rem);
  }

  /* Inside another element's frame (<citizen-login>): no second frame. */
  :host([plain]) .base {
    padding: 0;
    border: 0;
    background: none;
  }

  .heading {
    margin: 0;
    color: var(--_primary);
    font-size: 1.25rem;
    line-height: 1.3;
  }
  ${formIntro}
  .done {
    margin: 0;
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--_success);
    font-weight: 600;
  }
  .done:focus {
    outline: 3px solid var(--_text);
    outline-offset: 3px;
    box-shadow: 0 0 0 3px var(--_focus);
  }
  /* Out of the layout while empty, but still in the accessibility tree: a live region that
     appears together with its text is often not announced. */
  .done:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
  }
  a {
    color: var(--_primary);
  }
  a:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 3px;
    box-shadow: 0 0 0 3px var(--_focus);
  }
`;
