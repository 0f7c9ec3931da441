// SPDX-License-Identifier: MIT
/** A fake adapter for the sign-up and activation elements, and steps a citizen takes. */
import { waitUntil } from '@open-wc/testing';
import { createChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import type { CitizenBackend } from '../../src/core/backend.js';
import { CitizenError } from '../../src/core/errors.js';
import { demoConfig } from '../../src/mocks/data.js';
import type { ActivationResult, SignupRequest, SignupResult } from '../../src/schemas/account.js';
import type { CaptchaChallenge } from '../../src/schemas/captcha.js';
import type { CityConfig } from '../../src/schemas/city-config.js';
import { getByLabel, getByRole, queryAllByRole, typeInto } from './helpers.js';

let imageSerial = 0;

/** An image challenge whose picture and sound are data: URLs (no server needed). */
export function imageChallenge(): CaptchaChallenge {
  const id = `img-${++imageSerial}`;
  return {
    kind: 'image',
    id,
    imageUrl: `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><text x="10" y="35">${id}</text></svg>`)}`,
    audioUrl: 'data:audio/wav;base64,UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=',
  };
}

/** A real ALTCHA challenge, cheap enough for the widget to solve at once. */
export async function altchaChallenge(): Promise<CaptchaChallenge> {
  const challenge = await createChallenge({
    algorithm: 'PBKDF2/SHA-256',
    cost: 1,
    counter: 3,
    deriveKey,
    hmacSignatureSecret: 'test-secret',
  });
  return { kind: 'altcha', challenge: challenge as unknown as Record<string, unknown> };
}

/** The sign-up part of CitizenBackend, with call logs and replaceable behaviours. */
export class SignupFake {
  config: CityConfig = { ...demoConfig, captcha: 'image' };
  readonly signUpCalls: SignupRequest[] = [];
  readonly activateCalls: string[] = [];
  readonly resendCalls: string[] = [];
  getCaptchaCalls = 0;

  onGetCaptcha = async (): Promise<CaptchaChallenge> => imageChallenge();
  onSignUp = async (_request: SignupRequest): Promise<SignupResult> => ({ activation: 'email' });
  onActivate = async (_token: string): Promise<ActivationResult> => ({ username: 'camille.martin' });
  onResend = async (_identifier: string): Promise<void> => {};

  async getConfig() {
    return this.config;
  }
  async getSession() {
    return null;
  }
  getCaptcha() {
    this.getCaptchaCalls++;
    return this.onGetCaptcha();
  }
  signUp(request: SignupRequest) {
    this.signUpCalls.push(structuredClone(request));
    return this.onSignUp(request);
  }
  activate(token: string) {
    this.activateCalls.push(token);
    return this.onActivate(token);
  }
  resendActivation(identifier: string) {
    this.resendCalls.push(identifier);
    return this.onResend(identifier);
  }

  get adapter(): CitizenBackend {
    return this as unknown as CitizenBackend;
  }
}

export const fieldError = (field: CitizenError['fields']) => new CitizenError('validation_failed', { status: 400, fields: field });

/**
 * Waits until `find` returns something, and returns it (open-wc's waitUntil resolves with
 * nothing).
 */
export async function waitFor<T>(find: () => T | null | undefined | false, message = 'waitFor', timeout = 2000): Promise<T> {
  let found: T | null | undefined | false;
  await waitUntil(() => (found = find()), message, { timeout });
  return found as T;
}

/** A new family's answers, step by step. */
export const family = {
  lastName: 'Martin',
  firstNames: 'Camille',
  email: 'camille.martin@example.fr',
  username: 'camille.martin',
  password: 'Lune-Verte-Escalier-42',
};

/** The wizard's current step heading ("Étape N sur 5 …"), the one on screen. */
export function currentHeading(el: Element) {
  return queryAllByRole(el, 'heading', /^Étape \d sur 5|^Step \d of 5/)[0];
}

export async function waitForStep(el: Element, title: string) {
  await waitUntil(() => currentHeading(el)?.textContent?.includes(title), `step "${title}"`);
}

export async function clickButton(el: Element, name: string | RegExp) {
  getByRole(el, 'button', name).click();
}

/** Fills step 1 with the required fields and goes on. */
export async function fillIdentity(el: Element) {
  getByRole(el, 'radio', 'Madame').click();
  await typeInto(getByLabel(el, 'Nom usuel'), family.lastName);
  await typeInto(getByLabel(el, 'Prénom(s)'), family.firstNames);
}

export async function fillContact(el: Element) {
  await typeInto(getByLabel(el, 'Courriel'), family.email);
}

export async function fillCredentials(el: Element, options: { captcha?: string } = {}) {
  await typeInto(getByLabel(el, "Nom d'utilisateur"), family.username);
  await typeInto(getByLabel(el, 'Mot de passe'), family.password);
  await typeInto(getByLabel(el, 'Confirmation du mot de passe'), family.password);
  if (options.captcha !== undefined) {
    const input = await waitFor(() => queryAllByRole(el, 'textbox', 'Entrez le texte ci-dessous')[0], 'the captcha input');
    await typeInto(input as HTMLInputElement, options.captcha);
  }
}

/** A 1×1 PNG, as the request carries it (base64) and as a File to choose. */
export const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
export const pngFile = (name = 'photo.png', size?: number) => {
  const bytes = Uint8Array.from(atob(TINY_PNG_BASE64), (char) => char.charCodeAt(0));
  // A bigger one keeps the PNG header and pads with zeros: the size is what is checked.
  const content = size === undefined ? bytes : new Uint8Array(size);
  if (size !== undefined) content.set(bytes.subarray(0, Math.min(size, bytes.length)));
  return new File([content], name, { type: 'image/png' });
};

/** Chooses `file` in the "Photo" input, as the file chooser would. */
export function choosePhoto(el: Element, file: File) {
  const input = el.querySelector<HTMLInputElement>('input[type="file"][name="identity.photo"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return input;
}
