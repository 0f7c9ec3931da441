// SPDX-License-Identifier: MIT
import { define } from '../../core/define.js';
import { CitizenSignup } from './citizen-signup.component.js';

export { CitizenSignup };
export type { SignedUpEventDetail } from './citizen-signup.component.js';
define('citizen-signup', CitizenSignup);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-signup': CitizenSignup;
  }
}
