// SPDX-License-Identifier: MIT
/** Step 1, "Identité" (seed 002): civilité, names, date and place of birth. */
import { html, nothing } from 'lit';
import { isBornInFrance } from '../signup-model.js';
import { radioGroup, textField, type StepContext } from './fields.js';

export function renderIdentity(ctx: StepContext, today: string) {
  const { t } = ctx;
  return html`
    ${radioGroup(ctx, 'identity.civility', {
      legend: t('signup.identity.civility'),
      required: true,
      inline: true,
      choices: [
        { value: 'M', label: t('civility.M') },
        { value: 'MME', label: t('civility.MME') },
      ],
    })}
    ${textField(ctx, 'identity.lastName', {
      label: t('signup.identity.lastName'),
      hint: t('signup.identity.lastNameHint'),
      required: true,
      autocomplete: 'family-name',
      spellcheck: false,
    })}
    ${textField(ctx, 'identity.birthName', { label: t('signup.identity.birthName'), spellcheck: false })}
    ${textField(ctx, 'identity.firstNames', {
      label: t('signup.identity.firstNames'),
      required: true,
      autocomplete: 'given-name',
      spellcheck: false,
    })}
    ${textField(ctx, 'identity.birthDate', {
      label: t('signup.identity.birthDate'),
      type: 'date',
      autocomplete: 'bday',
      width: 'short',
      max: today,
    })}
    ${textField(ctx, 'identity.birthCountry', {
      label: t('signup.identity.birthCountry'),
      hint: t('signup.identity.birthPlaceHint'),
    })}
    ${isBornInFrance(ctx.values)
      ? html`
          ${textField(ctx, 'identity.birthDepartment', { label: t('signup.identity.birthDepartment') })}
          ${textField(ctx, 'identity.birthCommune', { label: t('signup.identity.birthCommune') })}
        `
      : nothing}
  `;
}
