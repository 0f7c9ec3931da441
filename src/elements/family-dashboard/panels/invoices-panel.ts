// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenInvoicesPanel } from './invoices-panel.component.js';

export { CitizenInvoicesPanel };
define('citizen-invoices-panel', CitizenInvoicesPanel);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-invoices-panel': CitizenInvoicesPanel;
  }
}
