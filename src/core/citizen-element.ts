// SPDX-License-Identifier: MIT
/**
 * The base of every element: where the adapter and city config come from, the message
 * lookup, typed events and safe registration.
 */
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CitizenBackend } from './backend.js';
import { backendFor } from './backend-for.js';
import { backendContext, configContext } from './context.js';
import type { CityConfig, Locale } from '../schemas/city-config.js';
import { commonTexts } from '../i18n/parts/common.js';
import { mergeTexts, type TextPart, type TextTable } from '../i18n/part.js';
import { resolveLocale, translator, type MessageKey, type Params, type Translate } from '../i18n/translate.js';
import { CitizenError } from './errors.js';

/** Each element class's parts and its superclasses', merged the first time one of them speaks. */
const tables = new WeakMap<object, TextTable>();

function textTable(elementClass: typeof CitizenElement): TextTable {
  let table = tables.get(elementClass);
  if (!table) {
    const parts: TextPart[] = [];
    for (let c: unknown = elementClass; c !== LitElement && typeof c === 'function'; c = Object.getPrototypeOf(c)) {
      if (Object.hasOwn(c, 'texts')) parts.unshift(...(c as typeof CitizenElement).texts);
    }
    table = mergeTexts(parts);
    tables.set(elementClass, table);
  }
  return table;
}

export class CitizenElement extends LitElement {
  /**
   * The catalog parts (src/i18n/parts/) whose texts this class uses, besides those of its
   * superclasses; `CitizenElement` brings `commonTexts` (error codes, shared wording). An
   * explicit list rather than side-effect imports, so that no bundler can drop a part, and
   * each element (or lazily loaded panel) downloads only its own texts.
   */
  static texts: readonly TextPart[] = [commonTexts];

  /**
   * The adapter. Set it from JavaScript, or let it come from an enclosing
   * `<citizen-portal>`, or give the element an `api` attribute.
   */
  @consume({ context: backendContext, subscribe: true })
  @property({ attribute: false })
  backend?: CitizenBackend;

  /** Base URL of the reference HTTP API, e.g. `/api`: the no-JavaScript way to connect. */
  @property({ reflect: true }) api?: string;

  /** `cookie` (same site as the API) or `token` (CMS page on another site than the API). */
  @property() auth: 'cookie' | 'token' = 'cookie';

  /** The city config; comes from `<citizen-portal>` or is loaded from the adapter. */
  @consume({ context: configContext, subscribe: true })
  @property({ attribute: false })
  config?: CityConfig;

  @state() protected loadedConfig?: CityConfig;
  @state() protected locale: Locale = 'fr';

  #translator?: { locale: Locale; config: CityConfig | undefined; t: Translate };
  #langObserver?: MutationObserver;

  /** The adapter in use: the property, the context, or one built from `api`. */
  protected get adapter(): CitizenBackend | undefined {
    return this.backend ?? (this.api ? backendFor(this.api, this.auth) : undefined);
  }

  protected get cityConfig(): CityConfig | undefined {
    return this.config ?? this.loadedConfig;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.locale = resolveLocale(this);
    // `lang` may be set on the element or an ancestor after upgrade (CMS language switchers).
    this.#langObserver = new MutationObserver(() => (this.locale = resolveLocale(this)));
    this.#langObserver.observe(this, { attributes: true, attributeFilter: ['lang'] });
    this.#langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    if ((changed.has('backend') || changed.has('api') || changed.has('config')) && !this.config) {
      void this.loadConfig();
    }
  }

  async loadConfig() {
    const adapter = this.adapter;
    if (!adapter) return;
    try {
      const config = await adapter.getConfig();
      if (adapter !== this.adapter) return;
      this.loadedConfig = config;
      // Inside <citizen-portal> the colours are inherited from it; alone, the element sets them.
      this.style.setProperty('--citizen-city-color-primary', config.colors.primary);
      if (config.colors.accent) this.style.setProperty('--citizen-city-color-accent', config.colors.accent);
    } catch {
      // Elements work without the config (default texts and colours); its absence is not fatal.
    }
  }

  /** Looks a message up in the element's language, with the city's overrides. */
  t(key: MessageKey, params?: Params): string {
    const config = this.cityConfig;
    if (this.#translator?.locale !== this.locale || this.#translator.config !== config) {
      const table = textTable(this.constructor as typeof CitizenElement);
      this.#translator = { locale: this.locale, config, t: translator(table, this.locale, config?.texts[this.locale]) };
    }
    // A part missing from `static texts` would show the raw key: say so loudly (the browser
    // tests fail on it, and test/browser/i18n.test.ts checks the declarations statically).
    if (!this.hasText(key)) console.error(`<${this.localName}> has no text "${key}": add its part to static texts.`);
    return this.#translator.t(key, params);
  }

  /** Whether this element's parts hold a key (API and field codes are looked up this way). */
  hasText(key: string): key is MessageKey {
    return Object.hasOwn(textTable(this.constructor as typeof CitizenElement).fr, key);
  }

  /** The text for an error code from the API or a schema (`error.x`, else `field.x`). */
  errorText(error: CitizenError | string, params?: Params): string {
    const code = typeof error === 'string' ? error : error.code;
    for (const key of [`error.${code}`, `field.${code}`]) {
      if (this.hasText(key)) return this.t(key, params);
    }
    return this.t('error.server_error');
  }

  /**
   * The text for a failed request: the catalog text of its code, and for `too_many_attempts`
   * how long to wait (the server's `Retry-After`, rounded up to whole minutes from 60 s).
   */
  protected requestErrorText(error: CitizenError | 'no_backend'): string {
    if (error === 'no_backend' || error.code !== 'too_many_attempts') return this.errorText(error);
    const seconds = error.retryAfter;
    if (!seconds || seconds <= 0) return this.t('error.too_many_attempts_later');
    if (seconds < 60) return this.t('error.too_many_attempts_seconds', { seconds: Math.ceil(seconds) });
    return this.t('error.too_many_attempts', { minutes: Math.ceil(seconds / 60) });
  }

  /** Dispatches a bubbling, composed event: it crosses shadow roots up to the page. */
  protected emit<K extends keyof CitizenEventMap>(name: K, detail: CitizenEventMap[K]): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
  }
}

/** Detail type of each event the elements fire; elements extend it by declaration merging. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CitizenEventMap {}
