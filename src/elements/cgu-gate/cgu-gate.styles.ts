// SPDX-License-Identifier: MIT
/** `<cgu-gate>`: the frame, the scroll region, the accept button that "devient vert". */
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    box-sizing: border-box;
    --_accept: var(--citizen-cgu-accept-color, var(--citizen-color-success, var(--citizen-city-color-accent, #1a7f37)));
  }

  .base {
    display: grid;
    gap: var(--_space);
    box-sizing: border-box;
    max-width: var(--citizen-cgu-max-width, 48rem);
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .base > *,
  .feedback > * {
    margin: 0;
  }

  .heading {
    color: var(--_primary);
    font-size: 1.375rem;
    line-height: 1.3;
  }
  /* Focused by script when the gate appears under the citizen's focus; not a control. */
  .heading:focus,
  .feedback:focus,
  .content:focus {
    outline: none;
  }
  .version,
  .loading {
    color: var(--_muted);
  }
  .notice {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_primary);
    background: color-mix(in srgb, var(--_primary) 6%, var(--_surface));
  }
  .alert {
    color: var(--_error);
    font-weight: 600;
  }
  .feedback .alert {
    padding-inline-start: 0.75rem;
    border-inline-start: 4px solid var(--_error);
  }
  .alert p {
    margin: 0;
  }

  .region {
    box-sizing: border-box;
    max-height: var(--citizen-cgu-text-max-height, min(60vh, 32rem));
    overflow-y: auto;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .region:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 2px;
    box-shadow: 0 0 0 3px var(--_focus);
  }
  .end {
    margin: var(--_space) 0 0;
    padding-top: 0.5rem;
    border-top: 1px solid var(--_border);
    color: var(--_muted);
    font-style: italic;
    text-align: center;
  }

  .hint {
    color: var(--_muted);
    font-weight: 600;
  }
  .hint--done {
    color: var(--_text);
    font-weight: normal;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  button {
    box-sizing: border-box;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border-radius: var(--_radius);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .accept {
    border: 2px solid var(--_accept);
    background: var(--_accept);
    color: var(--_on-primary);
  }
  .accept:hover {
    background: color-mix(in srgb, var(--_accept) 85%, black);
  }
  /* Inactive until the end of the text is seen: grey, but legible and still focusable. */
  .accept[aria-disabled='true'] {
    border-color: var(--_muted);
    background: color-mix(in srgb, var(--_muted) 12%, var(--_surface));
    color: var(--_muted);
    cursor: not-allowed;
  }
  .accept[aria-busy='true'] {
    cursor: progress;
  }
  .secondary {
    border: 2px solid var(--_primary);
    background: var(--_surface);
    color: var(--_primary);
  }
  .secondary:hover {
    background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
  }
  button:focus-visible,
  .link:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 3px;
    box-shadow: 0 0 0 3px var(--_focus);
  }

  .link {
    color: var(--_primary);
    font-weight: 600;
  }

  /* Heard, not seen (the hint says the same on screen); in the accessibility tree from the
     start, since a live region that appears together with its text is often not announced. */
  .status {
    position: absolute;
    margin: 0;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .content[hidden] {
    display: none;
  }

  /* Phones: the frame and the region each give back some width to the text. */
  @media (max-width: 30rem) {
    .base {
      padding: 0.75rem;
    }
    .region {
      padding: 0.75rem 0.625rem;
    }
  }

  @media (forced-colors: active) {
    .accept[aria-disabled='true'] {
      border-style: dashed;
      color: GrayText;
    }
  }

  /* Printing (or "save as PDF") lays the whole text out: no scroll box, no buttons. */
  @media print {
    .base {
      border: none;
      padding: 0;
      max-width: none;
    }
    .region {
      max-height: none;
      overflow: visible;
      border: none;
      padding: 0;
    }
    .actions,
    .hint,
    .intro,
    .notice,
    .feedback {
      display: none;
    }
    .heading {
      color: black;
    }
  }
`;
