// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenServiceKeysPanel } from './service-keys-panel.component.js';

export { CitizenServiceKeysPanel };
define('citizen-service-keys-panel', CitizenServiceKeysPanel);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-service-keys-panel': CitizenServiceKeysPanel;
  }
}
