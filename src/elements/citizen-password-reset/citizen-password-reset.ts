// SPDX-License-Identifier: MIT
import { define } from '../../core/define.js';
import { CitizenPasswordReset } from './citizen-password-reset.component.js';

export { CitizenPasswordReset };
export type { PasswordResetCompletedDetail, PasswordResetStep } from './citizen-password-reset.component.js';
define('citizen-password-reset', CitizenPasswordReset);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-password-reset': CitizenPasswordReset;
  }
}
