// SPDX-License-Identifier: MIT
/**
 * The adapter for the reference HTTP API (`/api/v1`, served by demo-server/). Schemas are
 * imported as types only: the server validates what it sends, and the browser bundle stays
 * small.
 */
import type { CitizenBackend } from './backend.js';
import { CitizenError } from './errors.js';
import type * as S from '../schemas/index.js';

export interface RestBackendOptions {
  /**
   * `cookie` (default): an httpOnly session cookie, for pages on the API's own site.
   * `token`: for a CMS page on another site than the API, where browsers block
   * third-party cookies; the token lives in sessionStorage, so it dies with the tab.
   */
  auth?: 'cookie' | 'token';
  /** For tests and for cities that wrap fetch (retries, tracing). */
  fetch?: typeof fetch;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export class RestBackend implements CitizenBackend {
  readonly baseUrl: string;
  readonly #auth: 'cookie' | 'token';
  readonly #fetch: typeof fetch;
  #config?: Promise<S.CityConfig>;
  readonly #idleListeners = new Set<(idleExpiresAt: string) => void>();

  /** @param baseUrl where the API lives, e.g. `/api` or `https://citoyens.ville.fr/api`. */
  constructor(baseUrl: string, options: RestBackendOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.#auth = options.auth ?? 'cookie';
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  get #tokenKey() {
    return `citizen-elements:token:${this.baseUrl}`;
  }

  async #request<T>(method: Method, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    // A custom header makes cross-site requests need a CORS preflight: the server's CSRF defence.
    headers.set('X-Citizen-Request', '1');
    if (this.#auth === 'token') {
      headers.set('X-Citizen-Auth', 'token');
      const token = sessionStorage.getItem(this.#tokenKey);
      if (token) headers.set('Authorization', `Bearer ${token}`);
    }
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers.set('Content-Type', 'application/json');
      payload = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await this.#fetch(`${this.baseUrl}/v1${path}`, {
        ...init,
        method,
        headers,
        body: payload ?? null,
        credentials: this.#auth === 'cookie' ? 'include' : 'omit',
      });
    } catch (cause) {
      throw new CitizenError('network_error', { cause });
    }
    // Authenticated answers say when the session now ends if nothing else happens.
    const idleExpiresAt = response.headers.get('X-Citizen-Idle-Expires');
    if (idleExpiresAt) for (const listener of this.#idleListeners) listener(idleExpiresAt);
    if (response.status === 204) return undefined as T;
    const data: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      if (isErrorBody(data)) throw CitizenError.fromBody(data, response.status);
      throw new CitizenError(response.status >= 500 ? 'server_error' : 'not_found', { status: response.status });
    }
    return data as T;
  }

  getConfig(): Promise<S.CityConfig> {
    // One city config per adapter: every element on the page shares the same request.
    this.#config ??= this.#request<S.CityConfig>('GET', '/config').catch((error: unknown) => {
      this.#config = undefined;
      throw error;
    });
    return this.#config;
  }

  async getCaptcha() {
    const challenge = await this.#request<S.CaptchaChallenge>('GET', '/captcha');
    if (challenge.kind !== 'image') return challenge;
    // The server gives root-relative URLs; a CMS page on another site must reach the API's host.
    const base = new URL(this.baseUrl, document.baseURI);
    return { ...challenge, imageUrl: new URL(challenge.imageUrl, base).href, audioUrl: new URL(challenge.audioUrl, base).href };
  }
  signUp(request: S.SignupRequest) {
    return this.#request<S.SignupResult>('POST', '/accounts', request);
  }
  activate(token: string) {
    return this.#request<S.ActivationResult>('POST', '/accounts/activation', { token });
  }
  resendActivation(identifier: string) {
    return this.#request<void>('POST', '/accounts/activation/resend', { identifier });
  }

  async logIn(request: S.LoginRequest) {
    const result = await this.#request<S.LoginResult>('POST', '/session', request);
    if (this.#auth === 'token' && result.token) sessionStorage.setItem(this.#tokenKey, result.token);
    return result;
  }
  async getSession(options: { passive?: boolean } = {}) {
    try {
      return await this.#request<S.Session>('GET', options.passive ? '/session?passive=1' : '/session');
    } catch (error) {
      if (error instanceof CitizenError && (error.code === 'not_authenticated' || error.code === 'session_expired')) {
        return null;
      }
      throw error;
    }
  }
  extendSession() {
    return this.#request<S.Session>('POST', '/session/extend');
  }
  subscribeIdleExpiry(listener: (idleExpiresAt: string) => void): () => void {
    this.#idleListeners.add(listener);
    return () => void this.#idleListeners.delete(listener);
  }
  async logOut() {
    try {
      // 204, or for a FranceConnect session { redirect }: FranceConnect's logout page.
      return (await this.#request<S.LogoutResult | undefined>('DELETE', '/session')) ?? undefined;
    } finally {
      if (this.#auth === 'token') sessionStorage.removeItem(this.#tokenKey);
    }
  }

  franceConnectLoginUrl(returnTo: string) {
    return `${this.baseUrl}/v1/franceconnect/login?returnTo=${encodeURIComponent(returnTo)}`;
  }
  async getFranceConnectIdentity() {
    try {
      return await this.#request<S.FranceConnectIdentity>('GET', '/franceconnect/identity');
    } catch (error) {
      if (error instanceof CitizenError && error.code === 'not_found') return null;
      throw error;
    }
  }
  linkFranceConnect(request: S.LoginRequest) {
    return this.#request<S.LoginResult>('POST', '/franceconnect/link', request);
  }
  createAccountFromFranceConnect() {
    return this.#request<S.LoginResult>('POST', '/franceconnect/accounts', {});
  }
  cancelFranceConnect() {
    return this.#request<void>('DELETE', '/franceconnect/identity');
  }

  requestPasswordReset(request: S.ForgotPasswordRequest) {
    return this.#request<void>('POST', '/password/forgot', request);
  }
  resetPassword(request: S.ResetPasswordRequest) {
    return this.#request<void>('POST', '/password/reset', request);
  }
  checkPasswordResetToken(token: string) {
    return this.#request<S.ResetTokenInfo>('POST', '/password/reset/check', { token });
  }
  async changePassword(request: S.ChangePasswordRequest) {
    // The server renews the session id at a change of credentials: in token mode, a new token.
    const result = await this.#request<S.LoginResult>('POST', '/password/change', request);
    if (this.#auth === 'token' && result.token) sessionStorage.setItem(this.#tokenKey, result.token);
    return result.session;
  }

  getTerms(version?: string) {
    return this.#request<S.Terms>('GET', version ? `/terms?version=${encodeURIComponent(version)}` : '/terms');
  }
  getTermsStatus() {
    return this.#request<S.TermsStatus>('GET', '/terms/status');
  }
  acceptTerms(request: S.AcceptTermsRequest) {
    return this.#request<S.TermsStatus>('POST', '/terms/acceptances', request);
  }

  getProfile() {
    return this.#request<S.Profile>('GET', '/profile');
  }
  updateProfile(update: S.ProfileUpdate) {
    return this.#request<S.ProfileUpdateResult>('PATCH', '/profile', update);
  }
  submitServiceKey(submission: S.ServiceKeySubmission) {
    return this.#request<S.Profile>('POST', '/profile/service-keys', submission);
  }

  async getHousehold() {
    try {
      return await this.#request<S.Household>('GET', '/household');
    } catch (error) {
      if (error instanceof CitizenError && error.code === 'not_found') return null;
      throw error;
    }
  }
  getChildRecord(childId: string) {
    return this.#request<S.ChildRecord>('GET', `/household/children/${encodeURIComponent(childId)}/record`);
  }
  requestChildRecordUpdate(childId: string, record: S.ChildRecord) {
    return this.#request<S.CitizenRequest>('POST', `/household/children/${encodeURIComponent(childId)}/record-updates`, record);
  }
  requestHouseholdAddition(addition: S.HouseholdAddition) {
    return this.#request<S.CitizenRequest>('POST', '/household/additions', addition);
  }

  listRequests() {
    return this.#request<S.CitizenRequest[]>('GET', '/requests');
  }
  getRequest(id: string) {
    return this.#request<S.CitizenRequest>('GET', `/requests/${encodeURIComponent(id)}`);
  }

  listActivities(childId: string) {
    return this.#request<S.Activity[]>('GET', `/children/${encodeURIComponent(childId)}/activities`);
  }
  getAgenda({ childId, from, to }: S.AgendaQuery) {
    const query = new URLSearchParams({ from, to });
    return this.#request<S.AgendaDay[]>('GET', `/children/${encodeURIComponent(childId)}/agenda?${query}`);
  }
  submitBookings(batch: S.BookingBatch) {
    return this.#request<S.BookingResult>('POST', '/bookings', batch, { headers: { 'Idempotency-Key': batch.idempotencyKey } });
  }
  reportAbsence(report: S.AbsenceReport) {
    return this.#request<S.CitizenRequest>('POST', '/absences', report);
  }
  getTariffs(activityId: string) {
    return this.#request<S.TariffGrid>('GET', `/activities/${encodeURIComponent(activityId)}/tariffs`);
  }
  async getCalendarFeedUrl(childId: string) {
    const { url } = await this.#request<{ url: string }>('POST', `/children/${encodeURIComponent(childId)}/calendar-feed`);
    return url;
  }
  getCalendarFeedStatus(childId: string) {
    return this.#request<S.CalendarFeedStatus>('GET', `/children/${encodeURIComponent(childId)}/calendar-feed`);
  }
  revokeCalendarFeed(childId: string) {
    return this.#request<void>('DELETE', `/children/${encodeURIComponent(childId)}/calendar-feed`);
  }
  listCityActivities() {
    return this.#request<S.Activity[]>('GET', '/activities');
  }
  requestEnrolment(childId: string, request: S.EnrolmentRequest) {
    return this.#request<S.CitizenRequest>('POST', `/children/${encodeURIComponent(childId)}/enrolments`, request);
  }
  getChildChecklist(childId: string) {
    return this.#request<S.ChildChecklist>('GET', `/children/${encodeURIComponent(childId)}/checklist`);
  }

  listInvoices() {
    return this.#request<S.Invoice[]>('GET', '/invoices');
  }
  invoicePdfUrl(invoiceId: string) {
    return `${this.baseUrl}/v1/invoices/${encodeURIComponent(invoiceId)}/pdf`;
  }
  startPayment(request: S.PaymentStart) {
    return this.#request<S.PaymentRedirect>('POST', '/payments', request, { headers: { 'Idempotency-Key': request.idempotencyKey } });
  }
  getPayment(paymentId: string) {
    return this.#request<S.Payment>('GET', `/payments/${encodeURIComponent(paymentId)}`);
  }

  listDocuments() {
    return this.#request<S.StoredDocument[]>('GET', '/documents');
  }
  uploadDocument(file: Blob, name: string, category?: string) {
    const form = new FormData();
    form.set('file', file, name);
    if (category) form.set('category', category);
    return this.#request<S.StoredDocument>('POST', '/documents', form);
  }
  uploadDocumentWithProgress(file: Blob, name: string, onProgress: (sent: number, total: number) => void, category?: string) {
    const form = new FormData();
    form.set('file', file, name);
    if (category) form.set('category', category);
    return new Promise<S.StoredDocument>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${this.baseUrl}/v1/documents`);
      // The same headers as #request: the CSRF header, and the token in token mode.
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('X-Citizen-Request', '1');
      if (this.#auth === 'token') {
        xhr.setRequestHeader('X-Citizen-Auth', 'token');
        const token = sessionStorage.getItem(this.#tokenKey);
        if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      }
      xhr.withCredentials = this.#auth === 'cookie';
      xhr.upload.addEventListener('progress', (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size));
      xhr.addEventListener('error', () => reject(new CitizenError('network_error')));
      xhr.addEventListener('abort', () => reject(new CitizenError('network_error')));
      xhr.addEventListener('load', () => {
        const idleExpiresAt = xhr.getResponseHeader('X-Citizen-Idle-Expires');
        if (idleExpiresAt) for (const listener of this.#idleListeners) listener(idleExpiresAt);
        let data: unknown;
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          data = undefined;
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve(data as S.StoredDocument);
        else if (isErrorBody(data)) reject(CitizenError.fromBody(data, xhr.status));
        else reject(new CitizenError(xhr.status >= 500 ? 'server_error' : 'not_found', { status: xhr.status }));
      });
      xhr.send(form);
    });
  }
  documentUrl(documentId: string) {
    return `${this.baseUrl}/v1/documents/${encodeURIComponent(documentId)}/content`;
  }
  deleteDocument(documentId: string) {
    return this.#request<void>('DELETE', `/documents/${encodeURIComponent(documentId)}`);
  }
  renameDocument(documentId: string, name: string) {
    return this.#request<S.StoredDocument>('PATCH', `/documents/${encodeURIComponent(documentId)}`, { name });
  }
  getDocumentQuota() {
    return this.#request<S.DocumentQuota>('GET', '/documents/quota');
  }

  listNews() {
    return this.#request<S.NewsItem[]>('GET', '/news');
  }
  listMessages() {
    return this.#request<S.CitizenMessage[]>('GET', '/messages');
  }
  markMessageRead(messageId: string) {
    return this.#request<void>('POST', `/messages/${encodeURIComponent(messageId)}/read`);
  }

  async exportAccount(format: S.ExportFormat) {
    const headers = new Headers({ 'X-Citizen-Request': '1' });
    if (this.#auth === 'token') {
      const token = sessionStorage.getItem(this.#tokenKey);
      if (token) headers.set('Authorization', `Bearer ${token}`);
    }
    let response: Response;
    try {
      response = await this.#fetch(this.exportAccountUrl(format), {
        headers,
        credentials: this.#auth === 'cookie' ? 'include' : 'omit',
      });
    } catch (cause) {
      throw new CitizenError('network_error', { cause });
    }
    const idleExpiresAt = response.headers.get('X-Citizen-Idle-Expires');
    if (idleExpiresAt) for (const listener of this.#idleListeners) listener(idleExpiresAt);
    if (!response.ok) {
      const data: unknown = await response.json().catch(() => undefined);
      if (isErrorBody(data)) throw CitizenError.fromBody(data, response.status);
      throw new CitizenError(response.status >= 500 ? 'server_error' : 'not_found', { status: response.status });
    }
    return response.blob();
  }
  exportAccountUrl(format: S.ExportFormat) {
    return `${this.baseUrl}/v1/account/export?format=${encodeURIComponent(format)}`;
  }
  async closeAccount(request: S.CloseAccountRequest) {
    await this.#request<void>('DELETE', '/account', request);
    // The server ended every session: a kept token would only be refused.
    if (this.#auth === 'token') sessionStorage.removeItem(this.#tokenKey);
  }
}

function isErrorBody(data: unknown): data is S.ApiErrorBody {
  return typeof data === 'object' && data !== null && typeof (data as { code?: unknown }).code === 'string';
}
