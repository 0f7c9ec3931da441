// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenEnrolmentForm } from './enrolment-form.component.js';

export { CitizenEnrolmentForm };
define('citizen-enrolment-form', CitizenEnrolmentForm);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-enrolment-form': CitizenEnrolmentForm;
  }
}
