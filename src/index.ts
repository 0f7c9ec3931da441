// SPDX-License-Identifier: MIT
/**
 * The "all elements" entry: registers every element and re-exports the public API.
 *
 * A plain list on purpose: each new element folder `src/elements/<tag>/` needs its
 * `import './elements/<tag>/<tag>.js'` line and class export here (the build gives it its
 * own entry `dist/elements/<tag>.js` automatically, but not a place in this file).
 */

// Elements (importing a define file registers its tag).
export { CitizenLogin, type SessionEventDetail } from './elements/citizen-login/citizen-login.js';
export { CitizenPortal } from './elements/citizen-portal/citizen-portal.js';
export { CitizenPasswordChange, type PasswordChangedEventDetail } from './elements/citizen-password-change/citizen-password-change.js';
export {
  CitizenSessionTimeout,
  type SessionClock,
  type SessionExtendedEventDetail,
} from './elements/citizen-session-timeout/citizen-session-timeout.js';
export { CitizenFranceConnectButton } from './elements/citizen-franceconnect-button/citizen-franceconnect-button.js';
export {
  CguGate,
  requireTerms,
  type TermsAcceptedDetail,
  type TermsRequiredDetail,
} from './elements/cgu-gate/cgu-gate.js';
export {
  FamilyDashboard,
  type AccountClosedDetail,
  type DashboardPanelId,
  type MessageReadDetail,
  type ProfileUpdatedDetail,
  type RequestSentDetail,
  type ServiceKeyLinkedDetail,
} from './elements/family-dashboard/family-dashboard.js';
// The dashboard's panels, each usable alone (the dashboard itself loads them when opened).
export { CitizenDashboardHeader } from './elements/family-dashboard/panels/dashboard-header.js';
export { CitizenProfilePanel } from './elements/family-dashboard/panels/profile-panel.js';
export { CitizenServiceKeysPanel } from './elements/family-dashboard/panels/service-keys-panel.js';
export { CitizenHouseholdPanel } from './elements/family-dashboard/panels/household-panel.js';
export { CitizenEntouragePanel } from './elements/family-dashboard/panels/entourage-panel.js';
export { CitizenRequestsPanel } from './elements/family-dashboard/panels/requests-panel.js';
export { CitizenNewsPanel } from './elements/family-dashboard/panels/news-panel.js';
export { CitizenMyDataPanel } from './elements/family-dashboard/panels/my-data-panel.js';
export { CitizenChildAgenda } from './elements/family-dashboard/panels/child-agenda.js';
export { CitizenInvoicesPanel } from './elements/family-dashboard/panels/invoices-panel.js';
export { CitizenDocumentsPanel } from './elements/family-dashboard/panels/documents-panel.js';
export { CitizenAbsenceForm } from './elements/family-dashboard/panels/absence-form.js';
export { CitizenEnrolmentForm } from './elements/family-dashboard/panels/enrolment-form.js';
export { CitizenTariffsPanel } from './elements/family-dashboard/panels/tariffs-panel.js';
export { CitizenCalendarFeed } from './elements/family-dashboard/panels/calendar-feed.js';
export { CitizenDocumentPicker, type DocumentsChosenDetail } from './elements/family-dashboard/panels/document-picker.js';
export { CitizenTerms } from './elements/citizen-terms/citizen-terms.js';
export {
  CitizenPasswordReset,
  type PasswordResetCompletedDetail,
  type PasswordResetStep,
} from './elements/citizen-password-reset/citizen-password-reset.js';
export { CitizenSignup, type SignedUpEventDetail } from './elements/citizen-signup/citizen-signup.js';
export { CitizenActivation, type ActivatedEventDetail } from './elements/citizen-activation/citizen-activation.js';

// Adapter contract, REST adapter, errors.
export type { CitizenBackend } from './core/backend.js';
export { RestBackend, type RestBackendOptions } from './core/rest-backend.js';
export { backendFor } from './core/backend-for.js';
export { CitizenError } from './core/errors.js';

// Contexts, for providers other than <citizen-portal> and for elements written by a city.
export { backendContext, configContext } from './core/context.js';
export { CitizenElement, type CitizenEventMap } from './core/citizen-element.js';
export { define } from './core/define.js';

// Payload schemas (zod/mini) and their types: `schemas.CityConfig` is both.
export * as schemas from './schemas/index.js';

// Messages.
export {
  catalogs,
  createTranslator,
  formatDateTime,
  isMessageKey,
  resolveLocale,
  type Catalog,
  type MessageKey,
  type Params,
  type TextPart,
  type Translate,
} from './i18n/index.js';
