// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CitizenElement } from '../../core/citizen-element.js';
import { franceConnectTexts } from '../../i18n/parts/franceconnect.js';
import { tokens } from '../../styles/tokens.js';
import { FRANCECONNECT_RESULT_PARAM } from '../../schemas/franceconnect.js';
import { styles } from './citizen-franceconnect-button.styles.js';

/** FranceConnect's page for citizens, linked under the button as FranceConnect asks. */
export const FRANCECONNECT_INFO_URL = 'https://franceconnect.gouv.fr/';

/**
 * The FranceConnect mark, drawn here from simple shapes (nothing is fetched): a white
 * hexagon holding a blue and a red wedge, FranceConnect's colours. Decorative: the button's
 * text names it.
 */
const logo = html`<svg class="logo" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
  <polygon points="20,2 36,11 36,29 20,38 4,29 4,11" fill="#ffffff" />
  <polygon points="20,8 31,14.5 20,21 9,14.5" fill="#000091" />
  <polygon points="9,17.5 20,24 20,32 9,25.5" fill="#e1000f" />
  <polygon points="31,17.5 31,25.5 22,30.8 22,22.8" fill="#000091" opacity="0.55" />
</svg>`;

/**
 * "S'identifier avec FranceConnect", as FranceConnect's partner kit draws it, with the
 * "Qu'est-ce que FranceConnect ?" link under it (new window), and optionally the "OU"
 * separator that puts FranceConnect before the site's own login or sign-up form.
 *
 * Shown only when the city offers FranceConnect (`franceConnect` in its config) and the
 * adapter can start it (`franceConnectLoginUrl`); not in `auth="token"` mode (FranceConnect
 * comes back with a cookie on the API's site). Pressing it leaves the page for FranceConnect,
 * which comes back to `return-to`.
 *
 * @summary The FranceConnect button, shown when the city offers FranceConnect.
 *
 * @csspart base - The button and its link.
 * @csspart button - The "S'identifier avec FranceConnect" button.
 * @csspart link - "Qu'est-ce que FranceConnect ?".
 * @csspart separator - The "OU" line, with the `separator` attribute.
 *
 * @cssprop [--citizen-franceconnect-button-max-width=38rem] - Widest the element (and its "OU" line) gets.
 */
export class CitizenFranceConnectButton extends CitizenElement {
  static override texts = [franceConnectTexts];

  static override styles = [tokens, styles];

  /** The page of this site to come back to; default: this page. */
  @property({ attribute: 'return-to' }) returnTo?: string;

  /** Shows "OU" under the button, before the page's other way of logging in or signing up. */
  @property({ type: Boolean }) separator = false;

  @state() private isLeaving = false;

  /** Opens a page; tests replace it. */
  protected navigate(url: string) {
    location.assign(url);
  }

  /** Whether the button is offered here. */
  get isAvailable(): boolean {
    return this.cityConfig?.franceConnect === true && this.auth !== 'token' && typeof this.adapter?.franceConnectLoginUrl === 'function';
  }

  #returnTo(): string {
    if (this.returnTo) return this.returnTo;
    const here = new URL(location.href);
    here.searchParams.delete(FRANCECONNECT_RESULT_PARAM);
    return `${here.pathname}${here.search}`;
  }

  private handleClick() {
    const url = this.adapter?.franceConnectLoginUrl?.(this.#returnTo());
    if (!url || this.isLeaving) return;
    this.isLeaving = true;
    this.navigate(url);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    this.toggleAttribute('hidden', !this.isAvailable);
  }

  protected override render(): TemplateResult {
    if (!this.isAvailable) return html``;
    return html`
      <div part="base" class="franceconnect">
        <button
          part="button"
          class="button"
          type="button"
          aria-disabled=${this.isLeaving ? 'true' : nothing}
          @click=${this.handleClick}
        >
          ${logo}
          <span class="text">
            <span class="login">${this.t('franceConnect.login')}</span>
            <span class="brand">FranceConnect</span>
          </span>
        </button>
        <p class="what">
          <a part="link" href=${FRANCECONNECT_INFO_URL} target="_blank" rel="noopener"
            >${this.t('franceConnect.what')}<span class="visually-hidden"> (${this.t('franceConnect.newWindow')})</span></a
          >
        </p>
      </div>
      ${this.separator ? html`<p part="separator" class="separator">${this.t('franceConnect.or')}</p>` : nothing}
    `;
  }
}
