// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenHouseholdPanel } from './household-panel.component.js';

export { CitizenHouseholdPanel };
define('citizen-household-panel', CitizenHouseholdPanel);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-household-panel': CitizenHouseholdPanel;
  }
}
