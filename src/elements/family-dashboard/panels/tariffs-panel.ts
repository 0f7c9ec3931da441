// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenTariffsPanel } from './tariffs-panel.component.js';

export { CitizenTariffsPanel };
define('citizen-tariffs-panel', CitizenTariffsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-tariffs-panel': CitizenTariffsPanel;
  }
}
