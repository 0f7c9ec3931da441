// SPDX-License-Identifier: MIT
import { define } from '../../core/define.js';
import { CguGate, requireTerms } from './cgu-gate.component.js';

export { CguGate, requireTerms };
export type { TermsAcceptedDetail, TermsRequiredDetail } from './cgu-gate.component.js';
define('cgu-gate', CguGate);

declare global {
  interface HTMLElementTagNameMap {
    'cgu-gate': CguGate;
  }
}
