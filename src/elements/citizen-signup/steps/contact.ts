// SPDX-License-Identifier: MIT
/** Step 3, "Moyens de contact" (seed 002): phones, fax, the required e-mail, the preferred means. */
import { html } from 'lit';
import { selectField, textField, type StepContext } from './fields.js';

export function renderContact(ctx: StepContext) {
  const { t } = ctx;
  return html`
    ${textField(ctx, 'contact.phone', { label: t('signup.contact.phone'), type: 'tel', autocomplete: 'home tel', width: 'medium' })}
    ${textField(ctx, 'contact.mobile', { label: t('signup.contact.mobile'), type: 'tel', autocomplete: 'mobile tel', width: 'medium' })}
    ${textField(ctx, 'contact.fax', { label: t('signup.contact.fax'), type: 'tel', autocomplete: 'fax tel', width: 'medium' })}
    ${textField(ctx, 'contact.email', {
      label: t('signup.contact.email'),
      hint: t('signup.contact.emailHint'),
      required: true,
      type: 'email',
      autocomplete: 'email',
      spellcheck: false,
      autocapitalize: 'none',
    })}
    ${selectField(ctx, 'contact.preferred', {
      label: t('signup.contact.preferred'),
      choices: [
        { value: 'email', label: t('signup.contact.preferred.email') },
        { value: 'phone', label: t('signup.contact.preferred.phone') },
        { value: 'mobile', label: t('signup.contact.preferred.mobile') },
      ],
    })}
  `;
}
