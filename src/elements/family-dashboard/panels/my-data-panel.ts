// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenMyDataPanel } from './my-data-panel.component.js';

export { CitizenMyDataPanel };
define('citizen-my-data-panel', CitizenMyDataPanel);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-my-data-panel': CitizenMyDataPanel;
  }
}
