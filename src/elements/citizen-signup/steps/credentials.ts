// SPDX-License-Identifier: MIT
/**
 * Step 4, "Authentification" (seeds 000 and 002): username and password with the city's
 * policy checked live, then "Services" (service keys) and "Contrôle de sécurité".
 *
 * The inputs carry autocomplete="username" / "new-password" and live in the page's light
 * DOM (the whole wizard does), so that password managers offer to save the new password.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { headingTag } from '../../../core/form.js';
import { passwordChecklist, type PasswordRuleView } from '../../../core/password-checklist.js';
import { html as staticHtml } from 'lit/static-html.js';
import type { ServiceKeyDefinition } from '../../../schemas/city-config.js';
import { controlId, textField, type StepContext } from './fields.js';

export interface CredentialsView {
  /** The seeds' sentence, from describePasswordPolicy(). */
  policySentence: string;
  /** The policy's rules, each ticked once the password meets it. */
  rules: readonly PasswordRuleView[];
  isPasswordShown: boolean;
  hasToggledPassword: boolean;
  /** What the polite live region says about the rules (set after a pause in typing). */
  announcement: string;
  onTogglePassword(): void;
  serviceKeys: readonly ServiceKeyDefinition[];
  /** The security check block, or nothing when the city has none. */
  captcha: TemplateResult | typeof nothing;
}

export function renderCredentials(ctx: StepContext, view: CredentialsView) {
  const { t } = ctx;
  const passwordId = controlId(ctx.id, 'password');
  const confirmationId = controlId(ctx.id, 'passwordConfirmation');
  const rulesId = `${passwordId}-rules`;
  const shown = view.isPasswordShown;
  const subheading = headingTag(ctx.level + 1);
  return html`
    <p class="citizen-intro">${t('signup.credentials.intro')}</p>
    ${textField(ctx, 'username', {
      label: t('signup.credentials.username'),
      hint: t('signup.credentials.usernameHint'),
      required: true,
      autocomplete: 'username',
      autocapitalize: 'none',
      spellcheck: false,
    })}
    ${textField(ctx, 'password', {
      label: t('signup.credentials.password'),
      hint: html`<p class="citizen-hint__line">${view.policySentence}</p>
        <p class="citizen-hint__line">${t('signup.credentials.passwordAdvice')}</p>`,
      required: true,
      type: shown ? 'text' : 'password',
      autocomplete: 'new-password',
      autocapitalize: 'none',
      spellcheck: false,
      describedBy: rulesId,
      inline: true,
      after: html`<button
        class="citizen-button citizen-button--secondary"
        type="button"
        aria-controls="${passwordId} ${confirmationId}"
        @click=${view.onTogglePassword}
      >
        ${t(shown ? 'signup.credentials.hidePasswords' : 'signup.credentials.showPasswords')}
      </button>`,
    })}
    ${passwordChecklist(rulesId, view.rules, t, view.announcement)}
    ${textField(ctx, 'passwordConfirmation', {
      label: t('signup.credentials.passwordConfirmation'),
      required: true,
      type: shown ? 'text' : 'password',
      autocomplete: 'new-password',
      autocapitalize: 'none',
      spellcheck: false,
    })}
    <p class="citizen-visually-hidden" aria-live="polite">
      ${view.hasToggledPassword
        ? t(shown ? 'signup.credentials.passwordsShown' : 'signup.credentials.passwordsHidden')
        : nothing}
    </p>

    ${view.serviceKeys.length > 0
      ? staticHtml`
          <div class="citizen-subsection">
            <${subheading} class="citizen-subheading">${t('signup.services.heading')}</${subheading}>
            <p class="citizen-intro">${t('signup.services.intro')}</p>
            <p class="citizen-intro">${t('signup.services.later')}</p>
            ${view.serviceKeys.map((key) =>
              textField(ctx, `serviceKeys.${key.id}`, {
                label: key.label,
                hint: t('signup.services.keyHint'),
                autocomplete: 'off',
                autocapitalize: 'characters',
                spellcheck: false,
                width: 'medium',
              }),
            )}
          </div>
        `
      : nothing}
    ${view.captcha}
  `;
}
