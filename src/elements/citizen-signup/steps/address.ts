// SPDX-License-Identifier: MIT
/**
 * Step 2, "Adresse": optional, as seed 000 says ("vous pouvez passer cette étape car les
 * services municipaux connaissent votre adresse"). Once a field is filled, the address must
 * be complete and its postcode French.
 */
import { html } from 'lit';
import { textField, type StepContext } from './fields.js';

export function renderAddress(ctx: StepContext) {
  const { t } = ctx;
  return html`
    <p class="citizen-intro">${t('signup.address.intro')}</p>
    <p class="citizen-intro">${t('signup.address.change')}</p>
    ${textField(ctx, 'address.street', { label: t('signup.address.street'), autocomplete: 'address-line1' })}
    ${textField(ctx, 'address.complement', {
      label: t('signup.address.complement'),
      hint: t('signup.address.complementHint'),
      autocomplete: 'address-line2',
    })}
    ${textField(ctx, 'address.postcode', {
      label: t('signup.address.postcode'),
      autocomplete: 'postal-code',
      inputmode: 'numeric',
      width: 'short',
    })}
    ${textField(ctx, 'address.commune', { label: t('signup.address.commune'), autocomplete: 'address-level2' })}
  `;
}
