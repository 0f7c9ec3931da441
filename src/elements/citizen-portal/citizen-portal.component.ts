// SPDX-License-Identifier: MIT
import { LitElement, css, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { CitizenBackend } from '../../core/backend.js';
import { backendFor } from '../../core/backend-for.js';
import { backendContext, configContext } from '../../core/context.js';
import type { CityConfig } from '../../schemas/city-config.js';

/**
 * Connects the citizen elements inside it to one back end: they receive the adapter and the
 * city config through context, so none of them needs its own `api` attribute. Applies the
 * city's colours as custom properties.
 *
 * @summary Provides the back end and the city config to the elements inside it.
 * @slot - The citizen elements of the page.
 * @fires citizen-config-loaded - The city config arrived; `detail` is the config.
 */
export class CitizenPortal extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the reference HTTP API, e.g. `/api`. */
  @property() api?: string;
  /** `cookie` (same site as the API) or `token` (page on another site than the API). */
  @property() auth: 'cookie' | 'token' = 'cookie';
  /** A custom adapter (another back end); takes precedence over `api`. */
  @property({ attribute: false }) backend?: CitizenBackend;

  @state() private loaded?: CityConfig;

  readonly #backendProvider = new ContextProvider(this, { context: backendContext });
  readonly #configProvider = new ContextProvider(this, { context: configContext });

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('backend') || changed.has('api') || changed.has('auth')) {
      const adapter = this.backend ?? (this.api ? backendFor(this.api, this.auth) : undefined);
      this.#backendProvider.setValue(adapter);
      if (adapter) void this.#load(adapter);
    }
  }

  async #load(adapter: CitizenBackend) {
    try {
      const config = await adapter.getConfig();
      if (this.#backendProvider.value !== adapter) return;
      this.loaded = config;
      this.#configProvider.setValue(config);
      this.style.setProperty('--citizen-city-color-primary', config.colors.primary);
      if (config.colors.accent) this.style.setProperty('--citizen-city-color-accent', config.colors.accent);
      this.dispatchEvent(new CustomEvent('citizen-config-loaded', { detail: config, bubbles: true, composed: true }));
    } catch {
      // The elements fall back to their defaults and report their own errors when they call the API.
    }
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
