// SPDX-License-Identifier: MIT
import { define } from '../../core/define.js';
import { CitizenPortal } from './citizen-portal.component.js';

export { CitizenPortal };
define('citizen-portal', CitizenPortal);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-portal': CitizenPortal;
  }
}
