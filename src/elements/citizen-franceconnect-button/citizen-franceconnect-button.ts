// SPDX-License-Identifier: MIT
import { define } from '../../core/define.js';
import { CitizenFranceConnectButton } from './citizen-franceconnect-button.component.js';

export { CitizenFranceConnectButton };
define('citizen-franceconnect-button', CitizenFranceConnectButton);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-franceconnect-button': CitizenFranceConnectButton;
  }
}
