// SPDX-License-Identifier: MIT
/**
 * "Contrôle de sécurité", the last block of step 4, in the city's kind: ALTCHA (a proof of
 * work the device solves, no image to read) or the seeds' text image with "Changer le texte
 * de contrôle" and an audio version ("cliquez pour l'écouter").
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { html as staticHtml } from 'lit/static-html.js';
import { describedBy, fieldError, headingTag } from '../../core/form.js';
import type { CaptchaChallenge } from '../../schemas/captcha.js';
import { CAPTCHA_FIELD } from './signup-model.js';
import { controlId, requiredMark, type StepContext } from './steps/fields.js';

export interface CaptchaView {
  state: 'loading' | 'ready' | 'error';
  challenge: CaptchaChallenge | undefined;
  /** Changes with each new challenge: a new ALTCHA widget, a new image. */
  serial: number;
  /** The `configuration` attribute of `<altcha-widget>` (JSON). */
  altchaConfiguration: string;
  /** A polite note after the check had to be renewed (a failed sign-up used it up). */
  notice: string;
  onRetry(): void;
  onChangeImage(): void;
  onListen(): void;
  onAltchaStateChange(event: Event): void;
}

export function renderCaptcha(ctx: StepContext, view: CaptchaView): TemplateResult {
  const { t } = ctx;
  const id = controlId(ctx.id, CAPTCHA_FIELD);
  const heading = headingTag(ctx.level + 1);
  return staticHtml`
    <div class="citizen-subsection citizen-captcha">
      <${heading} class="citizen-subheading" id="${id}-heading">${t('signup.captcha.heading')}</${heading}>
      <p class="citizen-intro">${t('signup.captcha.why')}</p>
      <p class="citizen-notice-inline" role="status">${view.notice}</p>
      ${renderBody(ctx, view, id)}
    </div>
  `;
}

function renderBody(ctx: StepContext, view: CaptchaView, id: string) {
  const { t } = ctx;
  if (view.state === 'loading') return html`<p class="citizen-hint">${t('signup.captcha.loading')}</p>`;
  if (view.state === 'error' || !view.challenge) {
    return html`
      <div class="citizen-field citizen-field--error">
        ${fieldError(id, t('common.errorPrefix'), ctx.error(CAPTCHA_FIELD) ?? t('signup.captcha.loadError'))}
        <div>
          <button class="citizen-button citizen-button--secondary" type="button" id=${id} @click=${view.onRetry}>
            ${t('signup.captcha.retry')}
          </button>
        </div>
      </div>
    `;
  }
  const error = ctx.error(CAPTCHA_FIELD);
  switch (view.challenge.kind) {
    case 'none':
      return nothing;
    case 'altcha':
      return html`
        <div
          class="citizen-field ${error ? 'citizen-field--error' : ''}"
          role="group"
          aria-labelledby="${id}-heading"
          aria-describedby=${describedBy(`${id}-hint`, error && `${id}-error`)}
        >
          <p class="citizen-hint" id="${id}-hint">${t('signup.captcha.altchaIntro')}</p>
          ${fieldError(id, t('common.errorPrefix'), error)}
          ${keyed(
            view.serial,
            html`<altcha-widget
              class="citizen-altcha"
              id=${id}
              name="altcha"
              configuration=${view.altchaConfiguration}
              @statechange=${view.onAltchaStateChange}
            ></altcha-widget>`,
          )}
        </div>
      `;
    case 'image':
      return html`
        <div class="citizen-field ${error ? 'citizen-field--error' : ''}">
          <label class="citizen-label" for=${id}>${requiredMark(true)}${t('signup.captcha.imageLabel')}</label>
          <p class="citizen-hint" id="${id}-hint">${t('signup.captcha.imageHint')}</p>
          ${keyed(
            view.serial,
            html`<img class="citizen-captcha__image" src=${view.challenge.imageUrl} alt=${t('signup.captcha.imageAlt')} />`,
          )}
          <div class="citizen-captcha__tools">
            <button class="citizen-button citizen-button--secondary" type="button" @click=${view.onChangeImage}>
              ${t('signup.captcha.change')}
            </button>
            <button
              class="citizen-button citizen-button--secondary"
              type="button"
              aria-describedby="${id}-listen-hint"
              @click=${view.onListen}
            >
              ${t('signup.captcha.listen')}
            </button>
          </div>
          <p class="citizen-hint" id="${id}-listen-hint">${t('signup.captcha.listenHint')}</p>
          ${fieldError(id, t('common.errorPrefix'), error)}
          <input
            class="citizen-input citizen-input--short"
            id=${id}
            name=${CAPTCHA_FIELD}
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            aria-required="true"
            aria-invalid=${error ? 'true' : nothing}
            aria-describedby=${describedBy(`${id}-hint`, error && `${id}-error`)}
            .value=${live(ctx.values[CAPTCHA_FIELD] ?? '')}
            @input=${(event: Event) => ctx.onInput(CAPTCHA_FIELD, (event.target as HTMLInputElement).value)}
            @blur=${() => ctx.onBlur(CAPTCHA_FIELD)}
          />
        </div>
      `;
  }
}
