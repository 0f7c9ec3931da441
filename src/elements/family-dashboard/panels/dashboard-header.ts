// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenDashboardHeader } from './dashboard-header.component.js';

export { CitizenDashboardHeader };
define('citizen-dashboard-header', CitizenDashboardHeader);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-dashboard-header': CitizenDashboardHeader;
  }
}
