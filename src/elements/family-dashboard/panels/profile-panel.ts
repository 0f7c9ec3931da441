// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenProfilePanel } from './profile-panel.component.js';

export { CitizenProfilePanel };
define('citizen-profile-panel', CitizenProfilePanel);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-profile-panel': CitizenProfilePanel;
  }
}
