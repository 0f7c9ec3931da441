// SPDX-License-Identifier: MIT
/**
 * Design tokens. Two levels: global `--citizen-*` properties a webmaster sets once for the
 * page, falling back to the city's colours from its config, then to our defaults.
 * Defaults meet WCAG 2.2 AA contrast on white.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_primary: var(--citizen-color-primary, var(--citizen-city-color-primary, #1d4f91));
    --_on-primary: var(--citizen-color-on-primary, #ffffff);
    --_text: var(--citizen-color-text, #1e1e1e);
    --_muted: var(--citizen-color-muted, #555555);
    --_surface: var(--citizen-color-surface, #ffffff);
    --_border: var(--citizen-color-border, #767676);
    --_error: var(--citizen-color-error, #b00020);
    --_success: var(--citizen-color-success, #1a7f37);
    --_focus: var(--citizen-color-focus, #ffbf47);
    --_radius: var(--citizen-radius, 4px);
    --_font: var(--citizen-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_space: var(--citizen-space, 1rem);
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none !important;
  }
`;
