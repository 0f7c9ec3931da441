// SPDX-License-Identifier: MIT
/**
 * The wizard's form controls: a label, an optional hint, the error message, the control,
 * with `aria-describedby` naming hint and error (GOV.UK's order). Values come from the
 * wizard's state (`live()` so that a restored or cleared value reaches the input), and every
 * change goes back to it; nothing is kept only in the DOM.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { describedBy, fieldError } from '../../../core/form.js';
import type { MessageKey, Params } from '../../../i18n/translate.js';
import type { Values } from '../signup-model.js';

/** What a step needs from the wizard to render its fields. */
export interface StepContext {
  /** Prefix of every id of this wizard instance. */
  id: string;
  /** Level of the step headings (the element heading's level + 1). */
  level: number;
  t(key: MessageKey, params?: Params): string;
  values: Values;
  /** The text of the error shown on a field, if any. */
  error(path: string): string | undefined;
  onInput(path: string, value: string): void;
  onBlur(path: string): void;
}

export const controlId = (base: string, path: string) => `${base}-${path.replaceAll('.', '-')}`;

/** The asterisk of required fields, as in the seeds; hidden from the accessible name (the control says "required"). */
export const requiredMark = (required: boolean | undefined) =>
  required ? html`<span class="citizen-required" aria-hidden="true">*</span> ` : nothing;

export interface TextFieldOptions {
  label: string;
  hint?: string | TemplateResult | undefined;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'date' | 'password';
  autocomplete?: string;
  inputmode?: 'numeric' | 'tel' | 'email' | 'text';
  /** `short` for postcodes and dates; full width otherwise. */
  width?: 'short' | 'medium';
  /** Ids of more descriptions (e.g. the password rules). */
  describedBy?: string;
  autocapitalize?: 'none' | 'characters' | 'words';
  spellcheck?: boolean;
  max?: string;
  /** Content after the input, inside the field (e.g. the show/hide button). */
  after?: TemplateResult;
  /** The input and `after` side by side, wrapping on narrow screens. */
  inline?: boolean;
}

export function textField(ctx: StepContext, path: string, options: TextFieldOptions): TemplateResult {
  const id = controlId(ctx.id, path);
  const error = ctx.error(path);
  const hintId = options.hint ? `${id}-hint` : undefined;
  const input = html`<input
    class="citizen-input ${options.width ? `citizen-input--${options.width}` : ''}"
    id=${id}
    name=${path}
    type=${options.type ?? 'text'}
    .value=${live(ctx.values[path] ?? '')}
    autocomplete=${ifDefined(options.autocomplete)}
    inputmode=${ifDefined(options.inputmode)}
    autocapitalize=${ifDefined(options.autocapitalize)}
    spellcheck=${options.spellcheck === false ? 'false' : nothing}
    max=${ifDefined(options.max)}
    aria-required=${options.required ? 'true' : nothing}
    aria-invalid=${error ? 'true' : nothing}
    aria-describedby=${describedBy(hintId, options.describedBy, error && `${id}-error`)}
    @input=${(event: Event) => ctx.onInput(path, (event.target as HTMLInputElement).value)}
    @blur=${() => ctx.onBlur(path)}
  />`;
  return html`
    <div class="citizen-field ${error ? 'citizen-field--error' : ''}">
      <label class="citizen-label" for=${id}>${requiredMark(options.required)}${options.label}</label>
      ${options.hint ? html`<div class="citizen-hint" id=${hintId!}>${options.hint}</div>` : nothing}
      ${fieldError(id, ctx.t('common.errorPrefix'), error)}
      ${options.inline ? html`<div class="citizen-password">${input}${options.after}</div>` : html`${input}${options.after ?? nothing}`}
    </div>
  `;
}

export interface Choice {
  value: string;
  label: string;
}

/** Radio buttons in a fieldset whose legend asks the question. */
export function radioGroup(
  ctx: StepContext,
  path: string,
  options: { legend: string; choices: readonly Choice[]; required?: boolean; inline?: boolean },
): TemplateResult {
  const id = controlId(ctx.id, path);
  const error = ctx.error(path);
  const current = ctx.values[path] ?? '';
  return html`
    <fieldset
      class="citizen-fieldset citizen-field ${error ? 'citizen-field--error' : ''}"
      aria-describedby=${describedBy(error && `${id}-error`)}
    >
      <legend class="citizen-label">${requiredMark(options.required)}${options.legend}</legend>
      ${fieldError(id, ctx.t('common.errorPrefix'), error)}
      <div class="citizen-radios ${options.inline ? 'citizen-radios--inline' : ''}">
        ${options.choices.map(
          (choice, index) => html`
            <div class="citizen-radio">
              <input
                class="citizen-radio__input"
                type="radio"
                id=${index === 0 ? id : `${id}-${choice.value}`}
                name=${path}
                value=${choice.value}
                .checked=${live(current === choice.value)}
                ?required=${options.required}
                aria-invalid=${error ? 'true' : nothing}
                @change=${() => {
                  ctx.onInput(path, choice.value);
                  ctx.onBlur(path);
                }}
              />
              <label class="citizen-radio__label" for=${index === 0 ? id : `${id}-${choice.value}`}>${choice.label}</label>
            </div>
          `,
        )}
      </div>
    </fieldset>
  `;
}

export function selectField(
  ctx: StepContext,
  path: string,
  options: { label: string; choices: readonly Choice[] },
): TemplateResult {
  const id = controlId(ctx.id, path);
  const error = ctx.error(path);
  const current = ctx.values[path] ?? '';
  return html`
    <div class="citizen-field ${error ? 'citizen-field--error' : ''}">
      <label class="citizen-label" for=${id}>${options.label}</label>
      ${fieldError(id, ctx.t('common.errorPrefix'), error)}
      <select
        class="citizen-input citizen-select citizen-input--medium"
        id=${id}
        name=${path}
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describedBy(error && `${id}-error`)}
        @change=${(event: Event) => ctx.onInput(path, (event.target as HTMLSelectElement).value)}
      >
        ${options.choices.map(
          (choice) => html`<option value=${choice.value} ?selected=${current === choice.value}>${choice.label}</option>`,
        )}
      </select>
    </div>
  `;
}
