// SPDX-License-Identifier: MIT
/**
 * The adapter contract: everything an element asks of a city's back end, journey by
 * journey. `RestBackend` implements it against the demo server's HTTP API; a city with
 * another back end implements it once (see the README). Every method resolves with data
 * matching the schema of the same name, or rejects with a {@link CitizenError}.
 */
import type {
  AbsenceReport,
  AcceptTermsRequest,
  CaptchaChallenge,
  ActivationResult,
  Activity,
  AgendaDay,
  AgendaQuery,
  BookingBatch,
  BookingResult,
  CalendarFeedStatus,
  ChildChecklist,
  DocumentQuota,
  EnrolmentRequest,
  ChangePasswordRequest,
  ChildRecord,
  CitizenMessage,
  CitizenRequest,
  CityConfig,
  CloseAccountRequest,
  ExportFormat,
  ForgotPasswordRequest,
  Household,
  HouseholdAddition,
  Invoice,
  FranceConnectIdentity,
  LoginRequest,
  LoginResult,
  LogoutResult,
  NewsItem,
  Payment,
  PaymentRedirect,
  PaymentStart,
  Profile,
  ProfileUpdate,
  ProfileUpdateResult,
  ResetPasswordRequest,
  ResetTokenInfo,
  ServiceKeySubmission,
  Session,
  SignupRequest,
  SignupResult,
  StoredDocument,
  TariffGrid,
  Terms,
  TermsStatus,
} from '../schemas/index.js';

export interface CitizenBackend {
  // J8 — city configuration
  getConfig(): Promise<CityConfig>;

  // J1, J2 — sign-up and activation
  /** A fresh security-check challenge of the city's captcha kind (single use, expiring). */
  getCaptcha(): Promise<CaptchaChallenge>;
  signUp(request: SignupRequest): Promise<SignupResult>;
  activate(token: string): Promise<ActivationResult>;
  /** Sends a new activation link if an inactive account matches; says nothing either way. */
  resendActivation(identifier: string): Promise<void>;

  // J4 — login, session, logout
  logIn(request: LoginRequest): Promise<LoginResult>;
  /**
   * The current session, or `null` when nobody is logged in. `passive: true` asks without
   * counting as activity (the idle timer is left alone): the time-out warning uses it.
   */
  getSession(options?: { passive?: boolean }): Promise<Session | null>;
  /** Resets the idle timer (the "Prolonger ma session" button). */
  extendSession(): Promise<Session>;
  /**
   * Ends the session. May resolve with `{ redirect }`: a page to open to end an identity
   * provider's session too (FranceConnect's logout), which `<citizen-login>` then opens.
   */
  logOut(): Promise<void | LogoutResult>;
  /**
   * Optional: calls `listener` with the session's new idle expiry (ISO 8601) whenever an
   * answer of the back end tells it (any activity pushes it back), so that a time-out warning
   * shows at the right time; returns the unsubscribe function. Without it, the warning
   * relies on the sessions it is given and a check just before warning.
   */
  subscribeIdleExpiry?(listener: (idleExpiresAt: string) => void): () => void;

  // J4 — FranceConnect (optional: cities that offer it; needs the session cookie, so not in token mode)
  /** The address that starts a FranceConnect login and comes back to `returnTo`, a page of the site. */
  franceConnectLoginUrl?(returnTo: string): string;
  /** The certified identity waiting for the citizen's choice after a first FranceConnect login, or `null`. */
  getFranceConnectIdentity?(): Promise<FranceConnectIdentity | null>;
  /** Links the waiting identity to the account these credentials open, and logs in. */
  linkFranceConnect?(request: LoginRequest): Promise<LoginResult>;
  /** Creates the account from the waiting certified identity (nothing else asked), and logs in. */
  createAccountFromFranceConnect?(): Promise<LoginResult>;
  /** Drops the waiting identity (the citizen chose neither). */
  cancelFranceConnect?(): Promise<void>;

  // J3, J5 — password recovery and change
  requestPasswordReset(request: ForgotPasswordRequest): Promise<void>;
  resetPassword(request: ResetPasswordRequest): Promise<void>;
  /**
   * Optional: whether a reset (or first-password) link is still good, and whose account it
   * sets the password of, without using it up; rejects with `token_invalid` otherwise.
   * Without it, the reset page shows no username and learns of a dead link only on submit.
   */
  checkPasswordResetToken?(token: string): Promise<ResetTokenInfo>;
  /**
   * Sets a new password; resolves with the session after the change (no longer
   * `mustChangePassword`). The back end ends the account's other sessions.
   */
  changePassword(request: ChangePasswordRequest): Promise<Session>;

  // J6 — terms of use
  getTerms(version?: string): Promise<Terms>;
  getTermsStatus(): Promise<TermsStatus>;
  acceptTerms(request: AcceptTermsRequest): Promise<TermsStatus>;

  // J7 — profile and service keys
  getProfile(): Promise<Profile>;
  updateProfile(update: ProfileUpdate): Promise<ProfileUpdateResult>;
  submitServiceKey(submission: ServiceKeySubmission): Promise<Profile>;

  // J7 — household ("Ma famille", "Entourage")
  /** The family record, or `null` while no service key links the account to one. */
  getHousehold(): Promise<Household | null>;
  getChildRecord(childId: string): Promise<ChildRecord>;
  requestChildRecordUpdate(childId: string, record: ChildRecord): Promise<CitizenRequest>;
  requestHouseholdAddition(addition: HouseholdAddition): Promise<CitizenRequest>;

  // J7 — requests ("démarches")
  listRequests(): Promise<CitizenRequest[]>;
  getRequest(id: string): Promise<CitizenRequest>;

  // J7 — activities and bookings
  listActivities(childId: string): Promise<Activity[]>;
  getAgenda(query: AgendaQuery): Promise<AgendaDay[]>;
  submitBookings(batch: BookingBatch): Promise<BookingResult>;
  reportAbsence(report: AbsenceReport): Promise<CitizenRequest>;
  getTariffs(activityId: string): Promise<TariffGrid>;
  /**
   * A private, revocable iCalendar feed URL of the child's booked days. The demo server makes
   * a new address at each call (revoking the previous one) and keeps only its hash: show it once.
   */
  getCalendarFeedUrl(childId: string): Promise<string>;
  /** Optional: whether the child has a feed (never its address). */
  getCalendarFeedStatus?(childId: string): Promise<CalendarFeedStatus>;
  /** Optional: revokes the child's feed (its address then answers 404). */
  revokeCalendarFeed?(childId: string): Promise<void>;
  /** Optional: every activity of the city (to choose one for "Inscrire"). */
  listCityActivities?(): Promise<Activity[]>;
  /** Optional: "Inscrire" — a request to enrol the child in an activity for a period. */
  requestEnrolment?(childId: string, request: EnrolmentRequest): Promise<CitizenRequest>;
  /** Optional: "ce qu'il manque" — what the city still needs before the child can book. */
  getChildChecklist?(childId: string): Promise<ChildChecklist>;

  // J7 — invoices and payment
  listInvoices(): Promise<Invoice[]>;
  /** URL of the invoice PDF, fetched with the session's credentials. */
  invoicePdfUrl(invoiceId: string): string;
  startPayment(request: PaymentStart): Promise<PaymentRedirect>;
  getPayment(paymentId: string): Promise<Payment>;

  // J7 — document storage
  listDocuments(): Promise<StoredDocument[]>;
  uploadDocument(file: Blob, name: string, category?: string): Promise<StoredDocument>;
  /**
   * Optional: the same upload, calling `onProgress` with the bytes sent so far (an XHR in
   * `RestBackend`: fetch cannot report an upload's progress). Without it, elements call
   * `uploadDocument` and show a progress bar without a value.
   */
  uploadDocumentWithProgress?(file: Blob, name: string, onProgress: (sent: number, total: number) => void, category?: string): Promise<StoredDocument>;
  documentUrl(documentId: string): string;
  deleteDocument(documentId: string): Promise<void>;
  /** Optional: renames a stored document. */
  renameDocument?(documentId: string, name: string): Promise<StoredDocument>;
  /** Optional: the storage used and allowed, and the largest file accepted. */
  getDocumentQuota?(): Promise<DocumentQuota>;

  // J7 — news and messages
  listNews(): Promise<NewsItem[]>;
  listMessages(): Promise<CitizenMessage[]>;
  markMessageRead(messageId: string): Promise<void>;

  // J7 — "Mes données" (RGPD)
  /**
   * A copy of everything the city holds about the account and its household, as a file to
   * save: `json` (the `AccountExport` schema) or `html` (a readable page). Works in token
   * mode too.
   */
  exportAccount(format: ExportFormat): Promise<Blob>;
  /**
   * The address of the same download, for a plain `<a download>` link: cookie mode only
   * (a link cannot carry the bearer token of token mode).
   */
  exportAccountUrl(format: ExportFormat): string;
  /**
   * Closes the account, the password typed again (400 `validation_failed` with
   * `fields.password: 'password_wrong'` otherwise): every session ends, personal data is
   * erased or anonymised except what the law makes the city keep.
   */
  closeAccount(request: CloseAccountRequest): Promise<void>;
}
