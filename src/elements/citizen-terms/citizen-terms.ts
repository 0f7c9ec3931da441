// SPDX-License-Identifier: MIT
import { define } from '../../core/define.js';
import { CitizenTerms } from './citizen-terms.component.js';

export { CitizenTerms };
define('citizen-terms', CitizenTerms);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-terms': CitizenTerms;
  }
}
