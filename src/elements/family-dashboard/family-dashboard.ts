// SPDX-License-Identifier: MIT
import { define } from '../../core/define.js';
import { FamilyDashboard } from './family-dashboard.component.js';

export { FamilyDashboard };
export type { DashboardPanelId } from './family-dashboard.component.js';
export type {
  AccountClosedDetail,
  MessageReadDetail,
  ProfileUpdatedDetail,
  RequestSentDetail,
  ServiceKeyLinkedDetail,
} from './events.js';
define('family-dashboard', FamilyDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'family-dashboard': FamilyDashboard;
  }
}
