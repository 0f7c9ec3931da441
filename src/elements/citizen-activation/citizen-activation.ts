// SPDX-License-Identifier: MIT
import { define } from '../../core/define.js';
import { CitizenActivation } from './citizen-activation.component.js';

export { CitizenActivation };
export type { ActivatedEventDetail } from './citizen-activation.component.js';
define('citizen-activation', CitizenActivation);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-activation': CitizenActivation;
  }
}
