// SPDX-License-Identifier: MIT
import { define } from '../../core/define.js';
import { CitizenPasswordChange } from './citizen-password-change.component.js';

export { CitizenPasswordChange };
export type { PasswordChangedEventDetail } from './citizen-password-change.component.js';
define('citizen-password-change', CitizenPasswordChange);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-password-change': CitizenPasswordChange;
  }
}
