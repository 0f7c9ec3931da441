// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenDocumentsPanel } from './documents-panel.component.js';

export { CitizenDocumentsPanel };
define('citizen-documents-panel', CitizenDocumentsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-documents-panel': CitizenDocumentsPanel;
  }
}
