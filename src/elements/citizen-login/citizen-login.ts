// SPDX-License-Identifier: MIT
import { define } from '../../core/define.js';
import { CitizenLogin } from './citizen-login.component.js';

export { CitizenLogin };
export type { SessionEventDetail } from './citizen-login.component.js';
define('citizen-login', CitizenLogin);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-login': CitizenLogin;
  }
}
