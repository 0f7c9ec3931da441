// SPDX-License-Identifier: MIT
/**
 * A fake adapter with the dashboard's part of the contract (journey J7), built on the mocks'
 * data, with call logs and per-method failures or hangs; and small queries the dashboard's
 * tests share.
 */
import { nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CitizenError } from '../../src/core/errors.js';
import { mockChildRecords, mockHousehold, mockMessages, mockNews, mockProfile, mockRequests, MOCK_ENFANCE_KEY } from '../../src/mocks/dashboard.js';
import type { CloseAccountRequest, ExportFormat } from '../../src/schemas/account-data.js';
import type { ChildRecord, Household, HouseholdAddition } from '../../src/schemas/household.js';
import type { CitizenMessage, NewsItem } from '../../src/schemas/news.js';
import type { Profile, ProfileUpdate, ProfileUpdateResult, ServiceKeySubmission } from '../../src/schemas/profile.js';
import type { CitizenRequest } from '../../src/schemas/requests.js';
import { accessibleName, deepActiveElement, FakeBackend, fakeSession, findInAccessibilityTree, within } from './helpers.js';

export type DashboardMethod =
  | 'getProfile'
  | 'updateProfile'
  | 'submitServiceKey'
  | 'getHousehold'
  | 'getChildRecord'
  | 'requestChildRecordUpdate'
  | 'requestHouseholdAddition'
  | 'listRequests'
  | 'getRequest'
  | 'listNews'
  | 'listMessages'
  | 'markMessageRead'
  | 'exportAccount'
  | 'closeAccount';

const never = () => new Promise<never>(() => {});

export class FakeDashboardBackend extends FakeBackend {
  profile: Profile = mockProfile(true);
  household: Household | null = mockHousehold();
  records: Record<string, ChildRecord> = mockChildRecords();
  requests: CitizenRequest[] = mockRequests();
  news: NewsItem[] = mockNews();
  messages: CitizenMessage[] = mockMessages();
  /** Every dashboard call, in order, e.g. `listRequests`, `getChildRecord m-lea`. */
  readonly calls: string[] = [];
  readonly failures = new Map<DashboardMethod, CitizenError>();
  readonly hangs = new Set<DashboardMethod>();
  readonly updates: ProfileUpdate[] = [];
  readonly additions: HouseholdAddition[] = [];
  readonly recordUpdates: { childId: string; record: ChildRecord }[] = [];
  readonly closings: CloseAccountRequest[] = [];
  #next = 100;

  constructor() {
    super();
    this.session = fakeSession();
  }

  /** Makes `method` fail with `code` (and `fields`) from now on. */
  fail(method: DashboardMethod, code: CitizenError['code'], fields?: Record<string, string>) {
    this.failures.set(method, new CitizenError(code, { fields, status: code === 'server_error' ? 500 : 400 }));
  }

  async #call<T>(method: DashboardMethod, detail: string, answer: () => T | Promise<T>): Promise<T> {
    this.calls.push(detail ? `${method} ${detail}` : method);
    if (this.hangs.has(method)) return never();
    const failure = this.failures.get(method);
    if (failure) throw failure;
    return answer();
  }

  #request(type: CitizenRequest['type'], summary: string): CitizenRequest {
    const at = '2026-11-23T09:30:00Z';
    const request: CitizenRequest = { id: `req-${++this.#next}`, type, summary, createdAt: at, status: 'sent', history: [{ at, status: 'sent' }] };
    this.requests = [request, ...this.requests];
    return request;
  }

  getProfile() {
    return this.#call('getProfile', '', () => structuredClone(this.profile));
  }
  updateProfile(update: ProfileUpdate): Promise<ProfileUpdateResult> {
    return this.#call('updateProfile', Object.keys(update).join(','), () => {
      this.updates.push(update);
      const requestIds: string[] = [];
      if (update.identity) this.profile = { ...this.profile, identity: update.identity };
      if (update.address) requestIds.push(this.#request('address-change', `Changement d’adresse : ${update.address.street}`).id);
      if (update.contact) requestIds.push(this.#request('contact-change', `Changement de courriel : ${update.contact.email}`).id);
      return { profile: structuredClone(this.profile), requestIds };
    });
  }
  submitServiceKey(submission: ServiceKeySubmission) {
    return this.#call('submitServiceKey', submission.serviceId, () => {
      if (submission.key.replace(/[^A-Z0-9]/gi, '').toUpperCase() !== MOCK_ENFANCE_KEY.replace(/-/g, '')) {
        throw new CitizenError('validation_failed', { fields: { key: 'service_key_unknown' }, status: 400 });
      }
      this.profile = { ...this.profile, serviceKeys: [{ serviceId: submission.serviceId, linked: true, linkedAt: '2026-11-23T09:30:00Z' }] };
      this.household ??= mockHousehold();
      return structuredClone(this.profile);
    });
  }
  getHousehold() {
    return this.#call('getHousehold', '', () => structuredClone(this.household));
  }
  getChildRecord(childId: string) {
    return this.#call('getChildRecord', childId, () => {
      const record = this.records[childId];
      if (!record) throw new CitizenError('not_found', { status: 404 });
      return structuredClone(record);
    });
  }
  requestChildRecordUpdate(childId: string, record: ChildRecord) {
    return this.#call('requestChildRecordUpdate', childId, () => {
      this.recordUpdates.push({ childId, record });
      return this.#request('child-record-update', `Mise à jour du dossier administratif (${childId})`);
    });
  }
  requestHouseholdAddition(addition: HouseholdAddition) {
    return this.#call('requestHouseholdAddition', addition.role, () => {
      this.additions.push(addition);
      return this.#request('household-addition', `Ajout de ${addition.firstNames} ${addition.lastName.toUpperCase()}`);
    });
  }
  listRequests() {
    return this.#call('listRequests', '', () => structuredClone(this.requests));
  }
  getRequest(id: string) {
    return this.#call('getRequest', id, () => {
      const found = this.requests.find((r) => r.id === id);
      if (!found) throw new CitizenError('not_found', { status: 404 });
      return structuredClone(found);
    });
  }
  listNews() {
    return this.#call('listNews', '', () => structuredClone(this.news));
  }
  listMessages() {
    return this.#call('listMessages', '', () => structuredClone(this.messages));
  }
  markMessageRead(id: string) {
    return this.#call('markMessageRead', id, () => {
      this.messages = this.messages.map((m) => (m.id === id ? { ...m, readAt: '2026-11-23T09:31:00Z' } : m));
    });
  }
  exportAccount(format: ExportFormat) {
    return this.#call('exportAccount', format, () => new Blob(['{}'], { type: format === 'json' ? 'application/json' : 'text/html' }));
  }
  exportAccountUrl(format: ExportFormat) {
    return `/api/v1/account/export?format=${format}`;
  }
  closeAccount(request: CloseAccountRequest) {
    return this.#call('closeAccount', '', () => {
      if (request.password !== 'Famille-Demo-2026') {
        throw new CitizenError('validation_failed', { fields: { password: 'password_wrong' }, status: 400 });
      }
      this.closings.push(request);
      this.session = null;
    });
  }
}

/** The open shadow root's element matching `selector`, anywhere below `root`. */
export function deepQuery<T extends Element = HTMLElement>(root: Element, selector: string): T | null {
  for (const el of within(root)) if (el.matches(selector)) return el as T;
  return null;
}

/** Every text control (input, textarea) whose label reads `label`, shadow roots included. */
export function getControl(root: Element, label: string | RegExp): HTMLInputElement {
  const found = [...within(root)].filter(
    (el): el is HTMLInputElement =>
      (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) &&
      el.checkVisibility() &&
      (typeof label === 'string' ? accessibleName(el) === label : label.test(accessibleName(el))),
  );
  if (found.length !== 1) throw new Error(`Expected one control labelled ${String(label)}, found ${found.length}`);
  return found[0]!;
}

/** The name of the element holding focus (following shadow roots). */
export function focusedName(): string {
  const active = deepActiveElement();
  return active ? accessibleName(active) : '';
}

/** Lets pending promises and renders settle. */
export async function settle(frames = 3) {
  for (let i = 0; i < frames; i++) await nextFrame();
}

/** The text `root` shows, its shadow trees included (slots followed), spaces squashed. */
export function deepText(root: Node): string {
  const text = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element)) return '';
    if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).map(text).join('');
    if (node.hasAttribute('hidden') || node instanceof HTMLStyleElement) return '';
    return [...(node.shadowRoot ?? node).childNodes].map(text).join(' ');
  };
  return text(root).replace(/\s+/g, ' ').trim();
}

/** Waits for `text` to show in `root` (shadow roots included). */
export async function waitForText(root: Element, text: string | RegExp, message?: string) {
  const has = () => (typeof text === 'string' ? deepText(root).includes(text) : text.test(deepText(root)));
  await waitUntil(has, message ?? `text ${String(text)} shown`, { timeout: 3000 });
}

/**
 * A node of Chromium's accessibility tree for the whole page. (Rooted at an element that is
 * not itself in the tree, such as `body`, the snapshot keeps only its first node.)
 */
export function a11yNode(role: string, name: string) {
  return findInAccessibilityTree(role, name, '');
}

export async function pressShiftTab() {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}
