// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenEntouragePanel } from './entourage-panel.component.js';

export { CitizenEntouragePanel };
define('citizen-entourage-panel', CitizenEntouragePanel);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-entourage-panel': CitizenEntouragePanel;
  }
}
