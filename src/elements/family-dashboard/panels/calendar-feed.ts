// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenCalendarFeed } from './calendar-feed.component.js';

export { CitizenCalendarFeed };
define('citizen-calendar-feed', CitizenCalendarFeed);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-calendar-feed': CitizenCalendarFeed;
  }
}
