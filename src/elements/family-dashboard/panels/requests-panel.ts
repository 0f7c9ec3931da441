// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenRequestsPanel } from './requests-panel.component.js';

export { CitizenRequestsPanel };
define('citizen-requests-panel', CitizenRequestsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-requests-panel': CitizenRequestsPanel;
  }
}
