// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenChildAgenda } from './child-agenda.component.js';

export { CitizenChildAgenda };
define('citizen-child-agenda', CitizenChildAgenda);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-child-agenda': CitizenChildAgenda;
  }
}
