// SPDX-License-Identifier: MIT
/**
 * Every part of the catalog, for the public API (`catalogs`, `createTranslator`,
 * `isMessageKey`) and the `MessageKey` type. Elements never import this module at run time:
 * they declare their own parts.
 */
import type { TextPart } from './part.js';
import { commonTexts } from './parts/common.js';
import { passwordChecklistTexts } from './parts/password-checklist.js';
import { passwordChangeTexts } from './parts/password-change.js';
import { loginStatusTexts } from './parts/login-status.js';
import { loginTexts } from './parts/login.js';
import { franceConnectTexts } from './parts/franceconnect.js';
import { sessionTimeoutTexts } from './parts/session-timeout.js';
import { termsTexts } from './parts/terms.js';
import { cguGateTexts } from './parts/cgu-gate.js';
import { activationTexts } from './parts/activation.js';
import { passwordResetTexts } from './parts/password-reset.js';
import { signupTexts } from './parts/signup.js';
import { documentPickerTexts } from './parts/document-picker.js';
import { dashboardPanelTexts } from './parts/dashboard-panel.js';
import { personFieldsTexts } from './parts/person-fields.js';
import { requestStatusTexts } from './parts/request-status.js';
import { documentUploadTexts } from './parts/document-upload.js';
import { childToolsTexts } from './parts/child-tools.js';
import { householdTexts } from './parts/household.js';
import { entourageTexts } from './parts/entourage.js';
import { requestsTexts } from './parts/requests.js';
import { newsTexts } from './parts/news.js';
import { profileTexts } from './parts/profile.js';
import { serviceKeysTexts } from './parts/service-keys.js';
import { myDataTexts } from './parts/my-data.js';
import { agendaTexts } from './parts/agenda.js';
import { absenceTexts } from './parts/absence.js';
import { enrolmentTexts } from './parts/enrolment.js';
import { tariffsTexts } from './parts/tariffs.js';
import { calendarFeedTexts } from './parts/calendar-feed.js';
import { invoicesTexts } from './parts/invoices.js';
import { documentsTexts } from './parts/documents.js';
import { dashboardTexts } from './parts/dashboard.js';

/** No key is in two parts (checked by the i18n test). */
export const allTexts = [
  commonTexts,
  passwordChecklistTexts,
  passwordChangeTexts,
  loginStatusTexts,
  loginTexts,
  franceConnectTexts,
  sessionTimeoutTexts,
  termsTexts,
  cguGateTexts,
  activationTexts,
  passwordResetTexts,
  signupTexts,
  documentPickerTexts,
  dashboardPanelTexts,
  personFieldsTexts,
  requestStatusTexts,
  documentUploadTexts,
  childToolsTexts,
  householdTexts,
  entourageTexts,
  requestsTexts,
  newsTexts,
  profileTexts,
  serviceKeysTexts,
  myDataTexts,
  agendaTexts,
  absenceTexts,
  enrolmentTexts,
  tariffsTexts,
  calendarFeedTexts,
  invoicesTexts,
  documentsTexts,
  dashboardTexts,
] as const;

type KeysOf<P> = P extends TextPart<infer K> ? K : never;
/** Every key of every part. */
export type MessageKey = KeysOf<(typeof allTexts)[number]>;
export type Catalog = Record<MessageKey, string>;
