// SPDX-License-Identifier: MIT
/**
 * The security check's state: the challenge of the city's kind, fetched when step 4 shows
 * (challenges are single use and expire: not earlier), renewed after any answer of the
 * server, and the ALTCHA widget's payload once it is solved.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CitizenBackend } from '../../core/backend.js';
import { CitizenError } from '../../core/errors.js';
import type { CaptchaChallenge } from '../../schemas/captcha.js';
import type { CaptchaKind } from '../../schemas/city-config.js';
import { adoptSheet, loadAltcha, setAltchaStrings } from './altcha-loader.js';

export interface CaptchaHost extends ReactiveControllerHost, Element {}

export interface CaptchaOptions {
  adapter(): CitizenBackend | undefined;
  /** A new challenge is on screen: what was typed for the old one no longer counts. */
  onNewChallenge(): void;
  /** The ALTCHA widget was solved, or its solution expired. */
  onAnswerChange(): void;
}

export class CaptchaController implements ReactiveController {
  challenge?: CaptchaChallenge;
  state: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  /** A polite note: a new check after a refusal, a new image. */
  notice = '';
  /** Changes with each challenge: a new ALTCHA widget, a new image. */
  serial = 0;
  altchaPayload?: string;
  /** Just renewed: saying "required" before the citizen could do it would be noise. */
  isFresh = false;

  #request = 0;
  #audio?: HTMLAudioElement;

  constructor(
    private readonly host: CaptchaHost,
    private readonly options: CaptchaOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    this.#audio?.pause();
  }

  /** Loads the check once, unless the city has none. */
  prepare(kind: CaptchaKind | undefined) {
    if (this.state !== 'idle') return;
    if (kind === 'none') {
      this.challenge = { kind: 'none' };
      this.state = 'ready';
      this.host.requestUpdate();
      return;
    }
    void this.#load();
  }

  /** After a refusal of the server: the challenge may be spent. */
  renew(notice: string) {
    if (this.challenge?.kind === 'none') return;
    this.isFresh = true;
    void this.#load(notice);
  }

  /** "Changer le texte de contrôle", and "Réessayer" after a failed load. */
  change(notice: string) {
    this.isFresh = true;
    void this.#load(notice);
  }

  /** Forgets everything (the citizen cancelled): a new check next time. */
  reset() {
    this.#request++;
    this.challenge = undefined;
    this.state = 'idle';
    this.notice = '';
    this.altchaPayload = undefined;
    this.isFresh = false;
  }

  /** "Écouter le texte de contrôle". */
  listen() {
    if (this.challenge?.kind !== 'image') return;
    this.#audio?.pause();
    this.#audio = new Audio(this.challenge.audioUrl);
    void this.#audio.play().catch(() => {
      // No audio output, or the browser refused: the citizen can press again.
    });
  }

  handleAltchaStateChange = (event: Event) => {
    const { state, payload } = (event as CustomEvent<{ state: string; payload: string | null }>).detail;
    const solved = state === 'verified' && payload ? payload : undefined;
    if (solved === this.altchaPayload) return;
    this.altchaPayload = solved;
    this.options.onAnswerChange();
    this.host.requestUpdate();
  };

  /**
   * The `configuration` attribute of `<altcha-widget>`. Its texts are registered under a
   * language name of this instance, so that they come from our catalogs and the city's.
   */
  altchaConfiguration(language: string, strings: Record<string, string>): string {
    if (this.challenge?.kind !== 'altcha') return '';
    setAltchaStrings(language, strings);
    return JSON.stringify({
      challenge: this.challenge.challenge,
      language,
      hideLogo: true,
      hideFooter: true,
      auto: 'off',
      type: 'checkbox',
    });
  }

  async #load(notice = '') {
    const request = ++this.#request;
    const adapter = this.options.adapter();
    this.state = 'loading';
    this.altchaPayload = undefined;
    this.options.onNewChallenge();
    this.host.requestUpdate();
    try {
      if (!adapter) throw new CitizenError('network_error');
      const challenge = await adapter.getCaptcha();
      if (challenge.kind === 'altcha') {
        const sheet = await loadAltcha();
        if (sheet) adoptSheet(this.host, sheet);
      }
      if (request !== this.#request) return;
      this.challenge = challenge;
      this.serial++;
      this.state = 'ready';
      this.notice = notice;
    } catch {
      if (request !== this.#request) return;
      this.challenge = undefined;
      this.state = 'error';
    }
    this.host.requestUpdate();
  }
}
