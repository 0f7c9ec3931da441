// SPDX-License-Identifier: MIT
/**
 * The library's buttons, in a module of their own: an element that only needs buttons (the
 * terms, the dashboard's frame and header) does not download the light-DOM form styles.
 */
import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The library's buttons (`citizen-button`, `--secondary`, busy), written once. `scope`
 * prefixes every selector: `.citizen-form ` in light-DOM forms, which must never style the
 * host page, and nothing inside a shadow root (the dashboard's panels).
 */
export function buttonStyles(scope: CSSResult = unsafeCSS('')): CSSResult {
  return css`
    ${scope}.citizen-button {
      box-sizing: border-box;
      min-height: 2.75rem;
      margin: 0;
      padding: 0.5rem 1.25rem;
      border: 2px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_primary);
      color: var(--_on-primary);
      font: inherit;
      font-weight: 600;
      line-height: 1.25;
      cursor: pointer;
    }
    ${scope}.citizen-button:hover {
      background: color-mix(in srgb, var(--_primary) 80%, #000);
    }
    ${scope}.citizen-button--secondary {
      background: var(--_surface);
      color: var(--_primary);
    }
    ${scope}.citizen-button--secondary:hover {
      background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
    }
    ${scope}.citizen-button[aria-disabled='true'] {
      cursor: progress;
    }
  `;
}
