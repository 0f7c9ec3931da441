// SPDX-License-Identifier: MIT
/**
 * Queries by role and accessible name across light and shadow DOM (a small stand-in for
 * Testing Library, which stops at shadow roots), and a fake adapter for element tests.
 */
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import type { CitizenBackend } from '../../src/core/backend.js';
import { CitizenError } from '../../src/core/errors.js';
import { demoAccount, demoConfig, demoSession } from '../../src/mocks/data.js';
import type { CityConfig } from '../../src/schemas/city-config.js';
import type { LoginRequest, LoginResult, Session } from '../../src/schemas/session.js';

const IMPLICIT_ROLES: Record<string, (el: Element) => string | null> = {
  a: (el) => (el.hasAttribute('href') ? 'link' : null),
  button: () => 'button',
  form: () => 'form',
  h1: () => 'heading',
  h2: () => 'heading',
  h3: () => 'heading',
  h4: () => 'heading',
  h5: () => 'heading',
  h6: () => 'heading',
  input: (el) => {
    const type = (el as HTMLInputElement).type;
    if (['text', 'email', 'search', 'tel', 'url'].includes(type)) return 'textbox';
    return type === 'radio' || type === 'checkbox' ? type : null;
  },
  dialog: () => 'dialog',
  ul: () => 'list',
  select: () => 'combobox',
  img: (el) => (el.getAttribute('alt') ? 'img' : null),
  section: (el) => (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null),
};

export function roleOf(el: Element): string | null {
  return el.getAttribute('role')?.split(/\s+/)[0] ?? IMPLICIT_ROLES[el.localName]?.(el) ?? null;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function textOf(node: Node | null): string {
  if (!node) return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true') return '';
  if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).map(textOf).join('');
  return [...(node.shadowRoot ?? node).childNodes].map(textOf).join('');
}

/** The accessible name, for the cases these elements use (aria-labelledby, aria-label, <label>, content). */
export function accessibleName(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = el.getRootNode() as Document | ShadowRoot;
    return squash(labelledBy.split(/\s+/).map((id) => textOf(root.getElementById(id))).join(' '));
  }
  const label = el.getAttribute('aria-label');
  if (label) return squash(label);
  const labels = (el as HTMLInputElement).labels;
  if (labels?.length) return squash([...labels].map(textOf).join(' '));
  return squash(textOf(el));
}

/** Every element under `root`, shadow roots included, in document order. */
export function* deepElements(root: ParentNode): Generator<Element> {
  for (const el of root.children) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
    yield* deepElements(el);
  }
}

/** `root`'s shadow tree, then its light tree. */
export function* within(root: Element): Generator<Element> {
  if (root.shadowRoot) yield* deepElements(root.shadowRoot);
  yield* deepElements(root);
}

export function queryAllByRole(root: Element, role: string, name?: string | RegExp): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const el of [root, ...within(root)]) {
    if (roleOf(el) !== role || !el.checkVisibility()) continue;
    const actual = accessibleName(el);
    if (name === undefined || (typeof name === 'string' ? actual === name : name.test(actual))) found.push(el as HTMLElement);
  }
  return found;
}

export function getByRole(root: Element, role: string, name?: string | RegExp): HTMLElement {
  const found = queryAllByRole(root, role, name);
  if (found.length !== 1) {
    const all = queryAllByRole(root, role).map((el) => JSON.stringify(accessibleName(el)));
    throw new Error(`Expected one ${role} named ${String(name)}, found ${found.length}; ${role}s: ${all.join(', ') || 'none'}`);
  }
  return found[0]!;
}

/** The form control whose <label> reads `label` (password inputs have no role). */
export function getByLabel(root: Element, label: string): HTMLInputElement {
  const found = [...within(root)].filter(
    (el): el is HTMLInputElement => el instanceof HTMLInputElement && accessibleName(el) === label,
  );
  if (found.length !== 1) throw new Error(`Expected one control labelled ${label}, found ${found.length}`);
  return found[0]!;
}

/** The element that has focus, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Types into a field with real key events, as a citizen would. */
export async function typeInto(input: HTMLInputElement, text: string) {
  input.focus();
  await sendKeys({ type: text });
}

export async function press(key: string) {
  await sendKeys({ press: key });
}

interface A11yNode {
  role: string;
  name: string;
  level?: number;
  children?: A11yNode[];
}

/** Finds a node in Chromium's own accessibility tree (names computed by the browser). */
export async function findInAccessibilityTree(role: string, name: string, selector = 'body'): Promise<A11yNode | null> {
  // The command's declared type is Promise<void>; it resolves with the tree.
  const snapshot = (await a11ySnapshot({ selector })) as unknown as A11yNode & { children: A11yNode[] };
  return findAccessibilityNode<A11yNode>(snapshot, (node) => node.role === role && node.name === name);
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** The demo session as the fake adapter hands it out (last login 14/03/2026 at 17:42, Paris). */
export const fakeSession = (): Session => demoSession(demoAccount.lastLoginAt, new Date('2026-11-23T09:00:00Z'));

/**
 * An adapter for element tests: the login part of CitizenBackend, with call logs and
 * replaceable behaviours. The other methods are absent: an element calling them fails.
 */
export class FakeBackend {
  config: CityConfig = demoConfig;
  session: Session | null = null;
  readonly logInCalls: LoginRequest[] = [];
  getSessionCalls = 0;
  logOutCalls = 0;

  /** Accepts the demo account, refuses anything else. */
  onLogIn = async (request: LoginRequest): Promise<LoginResult> => {
    if (request.identifier === demoAccount.username && request.password === demoAccount.password) {
      return { session: fakeSession() };
    }
    throw new CitizenError('invalid_credentials', { status: 401 });
  };
  onLogOut = async (): Promise<void> => {};
  onGetSession = async (): Promise<Session | null> => this.session;

  async getConfig() {
    return this.config;
  }
  getSession() {
    this.getSessionCalls++;
    return this.onGetSession();
  }
  logIn(request: LoginRequest) {
    this.logInCalls.push(request);
    return this.onLogIn(request);
  }
  logOut() {
    this.logOutCalls++;
    return this.onLogOut();
  }

  get adapter(): CitizenBackend {
    return this as unknown as CitizenBackend;
  }
}
