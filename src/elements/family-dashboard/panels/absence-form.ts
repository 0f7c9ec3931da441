// SPDX-License-Identifier: MIT
import { define } from '../../../core/define.js';
import { CitizenAbsenceForm } from './absence-form.component.js';

export { CitizenAbsenceForm };
define('citizen-absence-form', CitizenAbsenceForm);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-absence-form': CitizenAbsenceForm;
  }
}
