// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenDocumentPicker } from './document-picker.component.js';

export { CitizenDocumentPicker, type DocumentsChosenDetail } from './document-picker.component.js';
define('citizen-document-picker', CitizenDocumentPicker);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-document-picker': CitizenDocumentPicker;
  }
}
