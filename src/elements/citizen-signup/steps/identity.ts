// SPDX-License-Identifier: MIT
/** Step 1, "Identité" (seed 002): civilité, names, date and place of birth, the optional photo. */
import { html, nothing } from 'lit';
import { describedBy, fieldError } from '../../../core/form.js';
import { PHOTO_TYPES } from '../../../schemas/account.js';
import { isBornInFrance, PHOTO_FIELD } from '../signup-model.js';
import { controlId, radioGroup, textField, type StepContext } from './fields.js';

/** What the photo field shows and does; the wizard holds the file. */
export interface PhotoView {
  /** Object URL of the chosen photo, for the preview; undefined when none is chosen. */
  previewUrl?: string | undefined;
  /** The largest size, for people ("2 Mo"). */
  maxSize: string;
  onChoose(event: Event): void;
  /** "Changer d'image": opens the file chooser again. */
  onChange(): void;
  onRemove(): void;
}

/** Id of the "Changer d'image" button, which stands in for the hidden file input once a photo is chosen. */
export const photoChangeId = (base: string) => `${controlId(base, PHOTO_FIELD)}-change`;

/**
 * "Photo": a file input; once a photo is chosen, its preview, and the input hidden behind
 * "Changer d'image", which opens it (a file input's own button cannot be renamed, and after
 * a reset it would say "no file chosen" beside the preview).
 */
function photoField(ctx: StepContext, photo: PhotoView) {
  const { t } = ctx;
  const id = controlId(ctx.id, PHOTO_FIELD);
  const error = ctx.error(PHOTO_FIELD);
  const hasPhoto = photo.previewUrl !== undefined;
  const described = describedBy(`${id}-hint`, error && `${id}-error`);
  return html`
    <div class="citizen-field citizen-photo ${error ? 'citizen-field--error' : ''}">
      <label class="citizen-label" for=${id}>${t('signup.identity.photo')}</label>
      <div class="citizen-hint" id="${id}-hint">${t('signup.identity.photoHint', { max: photo.maxSize })}</div>
      ${fieldError(id, t('common.errorPrefix'), error)}
      ${hasPhoto ? html`<img class="citizen-photo__preview" src=${photo.previewUrl!} alt=${t('signup.identity.photoAlt')} />` : nothing}
      <input
        class="citizen-file"
        type="file"
        id=${id}
        name=${PHOTO_FIELD}
        accept=${PHOTO_TYPES.join(',')}
        ?hidden=${hasPhoto}
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${described}
        @change=${photo.onChoose}
      />
      ${hasPhoto || error
        ? html`<div class="citizen-actions citizen-photo__actions">
            ${hasPhoto
              ? html`<button
                  class="citizen-button citizen-button--secondary"
                  type="button"
                  id=${photoChangeId(ctx.id)}
                  aria-describedby=${described}
                  @click=${photo.onChange}
                >
                  ${t('signup.identity.photoChange')}
                </button>`
              : nothing}
            <button class="citizen-button citizen-button--tertiary" type="button" @click=${photo.onRemove}>
              ${t(hasPhoto ? 'signup.identity.photoRemove' : 'signup.identity.photoClear')}
            </button>
          </div>`
        : nothing}
    </div>
  `;
}

export function renderIdentity(ctx: StepContext, today: string, photo: PhotoView) {
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
    ${photoField(ctx, photo)}
  `;
}
