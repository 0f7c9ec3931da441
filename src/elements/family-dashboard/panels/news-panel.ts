// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenNewsPanel } from './news-panel.component.js';

export { CitizenNewsPanel };
define('citizen-news-panel', CitizenNewsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-news-panel': CitizenNewsPanel;
  }
}
