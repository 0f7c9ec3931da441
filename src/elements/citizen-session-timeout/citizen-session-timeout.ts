// SPDX-License-Identifier: MIT
import { define } from '../../core/define.js';
import { CitizenSessionTimeout } from './citizen-session-timeout.component.js';

export { CitizenSessionTimeout };
export type { SessionClock, SessionExtendedEventDetail } from './citizen-session-timeout.component.js';
define('citizen-session-timeout', CitizenSessionTimeout);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-session-timeout': CitizenSessionTimeout;
  }
}
