// SPDX-License-Identifier: MIT
/**
 * The panels' forms (profile parts, service key, child record, household addition, account
 * closing), all with GOV.UK's error pattern: errors after a submit, an error summary that
 * takes focus and links to each field, the message above the field with its id in
 * `aria-describedby`; a field in error is checked again when left. The values live here
 * (not only in the DOM), so a re-render never loses what was typed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { CitizenError } from '../../core/errors.js';
import { describedBy, errorSummary, fieldError, focusControl } from '../../core/form.js';
import type { DashboardPanel } from './panel-base.js';

export type Values = Record<string, string>;

/** What a check answers: the payload to send, or field codes by path. */
export type Validation<T> = { data: T; errors?: undefined } | { data?: undefined; errors: Record<string, string> };

export interface PanelFormOptions<T> {
  /** Prefix of the form's ids (unique in the panel's shadow root). */
  id: string;
  /** Paths in the order of the form, for the error summary (a function when rows come and go). */
  fields: readonly string[] | (() => readonly string[]);
  initial?: Values;
  validate(values: Values): Validation<T>;
  /** The text of a field error. */
  errorText(path: string, code: string): string;
  /**
   * Where a server field path lands in this form (e.g. `contact.email` → `email`); by
   * default the last segment if it is one of `fields`.
   */
  mapServerField?(path: string): string | undefined;
}

export class PanelForm<T> {
  values: Values;
  errors: Record<string, string> = {};
  requestError?: CitizenError | 'no_backend';
  isPending = false;
  #attempt = 0;
  /** The values when the errors were found. */
  #valuesAtError: Values = {};

  constructor(
    private readonly host: DashboardPanel,
    private readonly options: PanelFormOptions<T>,
  ) {
    this.values = { ...(options.initial ?? {}) };
  }

  get id() {
    return this.options.id;
  }

  get #fields(): readonly string[] {
    const { fields } = this.options;
    return typeof fields === 'function' ? fields() : fields;
  }

  controlId(path: string) {
    return `${this.options.id}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  }

  get hasFeedback() {
    return Object.keys(this.errors).length > 0 || this.requestError !== undefined;
  }

  set(path: string, value: string) {
    this.values = { ...this.values, [path]: value };
    this.host.requestUpdate();
  }

  /** The text shown on a field, if it is in error. */
  error(path: string): string | undefined {
    const code = this.errors[path];
    return code === undefined ? undefined : this.options.errorText(path, code);
  }

  /**
   * A field in error is checked again when left, so that a corrected field loses its
   * message. One left unchanged keeps it: the server's verdict (a wrong key) stands, and
   * focus moving to the error summary is no correction.
   */
  recheck(path: string) {
    if (this.errors[path] === undefined || this.values[path] === this.#valuesAtError[path]) return;
    const result = this.options.validate(this.values);
    const { [path]: _dropped, ...others } = this.errors;
    const code = result.errors?.[path];
    this.errors = code ? { ...others, [path]: code } : others;
    this.host.requestUpdate();
  }

  /**
   * Checks the values and, if right, sends them with `send`. Resolves with the answer, or
   * `undefined` when the form shows errors (focused in its summary).
   */
  async submit<R>(send: (data: T) => Promise<R>): Promise<R | undefined> {
    if (this.isPending) return undefined;
    this.#attempt++;
    this.requestError = undefined;
    const result = this.options.validate(this.values);
    if (result.errors) {
      this.errors = result.errors;
      this.#focusFeedback();
      return undefined;
    }
    this.errors = {};
    this.isPending = true;
    this.host.requestUpdate();
    try {
      return await send(result.data);
    } catch (error) {
      const citizenError = CitizenError.from(error);
      const fields = this.#mapServerFields(citizenError.fields);
      if (Object.keys(fields).length > 0) this.errors = fields;
      else this.requestError = citizenError;
      this.host.handleRefusal(citizenError);
      this.#focusFeedback();
      return undefined;
    } finally {
      this.isPending = false;
      this.host.requestUpdate();
    }
  }

  #mapServerFields(fields: Record<string, string>) {
    const mapped: Record<string, string> = {};
    for (const [path, code] of Object.entries(fields)) {
      const target = this.options.mapServerField?.(path) ?? this.#defaultField(path);
      if (target) mapped[target] ??= code;
    }
    return mapped;
  }

  #defaultField(path: string) {
    const fields = this.#fields;
    if (fields.includes(path)) return path;
    const last = path.split('.').at(-1)!;
    return fields.includes(last) ? last : undefined;
  }

  #focusFeedback() {
    this.#valuesAtError = { ...this.values };
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      this.host.renderRoot.querySelector<HTMLElement>(`#${this.options.id}-feedback`)?.focus();
    });
  }

  /** The error summary (or the request's error), at the top of the form; focused on failure. */
  renderFeedback(level: number, requestErrorText: (error: CitizenError | 'no_backend') => string, summaryTitle: string) {
    const has = this.hasFeedback;
    let content: TemplateResult | typeof nothing = nothing;
    if (this.requestError) {
      content = html`<p class="citizen-feedback__message">${requestErrorText(this.requestError)}</p>`;
    } else if (has) {
      const items = this.#fields
        .filter((path) => this.errors[path] !== undefined)
        .map((path) => ({ id: this.controlId(path), text: this.error(path)! }));
      content = errorSummary(level, summaryTitle, items, (event, id) => {
        // The #fragment would not reach a control inside a shadow root.
        event.preventDefault();
        focusControl(this.host.renderRoot.querySelector<HTMLElement>(`#${id}`));
      });
    }
    return html`
      <div class="citizen-feedback" id="${this.options.id}-feedback" tabindex="-1" ?hidden=${!has}>
        ${has ? keyed(this.#attempt, html`<div role="alert">${content}</div>`) : nothing}
      </div>
    `;
  }
}

/**
 * Checks a field again when left, unless focus goes to a button: a click on "Envoyer" must
 * not move under the pointer because an error above it vanished (the submit checks anyway).
 */
function recheckUnlessButton<T>(form: PanelForm<T>, path: string, event: FocusEvent) {
  if ((event.relatedTarget as Element | null)?.closest?.('button')) return;
  form.recheck(path);
}

const requiredMark = (required: boolean | undefined) =>
  required ? html`<span class="citizen-required" aria-hidden="true">*</span> ` : nothing;

export interface TextFieldOptions {
  label: string;
  hint?: string | undefined;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'date' | 'password';
  autocomplete?: string;
  inputmode?: 'numeric' | 'tel' | 'email' | 'text';
  width?: 'short' | 'medium';
  min?: string;
  max?: string;
  /** A textarea of this many rows rather than an input. */
  rows?: number;
  spellcheck?: boolean;
}

/** A labelled text input (or textarea): label, hint, error, control, in GOV.UK's order. */
export function textField<T>(form: PanelForm<T>, path: string, prefix: string, options: TextFieldOptions): TemplateResult {
  const id = form.controlId(path);
  const error = form.error(path);
  const hintId = options.hint ? `${id}-hint` : undefined;
  const common = {
    describedBy: describedBy(hintId, error && `${id}-error`),
    invalid: error ? 'true' : nothing,
    onInput: (event: Event) => form.set(path, (event.target as HTMLInputElement).value),
    onBlur: (event: FocusEvent) => recheckUnlessButton(form, path, event),
  };
  const control = options.rows
    ? html`<textarea
        class="citizen-input citizen-textarea"
        id=${id}
        name=${path}
        rows=${options.rows}
        .value=${live(form.values[path] ?? '')}
        aria-required=${options.required ? 'true' : nothing}
        aria-invalid=${common.invalid}
        aria-describedby=${common.describedBy}
        @input=${common.onInput}
        @blur=${common.onBlur}
      ></textarea>`
    : html`<input
        class="citizen-input ${options.width ? `citizen-input--${options.width}` : ''}"
        id=${id}
        name=${path}
        type=${options.type ?? 'text'}
        .value=${live(form.values[path] ?? '')}
        autocomplete=${ifDefined(options.autocomplete)}
        inputmode=${ifDefined(options.inputmode)}
        min=${ifDefined(options.min)}
        max=${ifDefined(options.max)}
        spellcheck=${options.spellcheck === false ? 'false' : nothing}
        aria-required=${options.required ? 'true' : nothing}
        aria-invalid=${common.invalid}
        aria-describedby=${common.describedBy}
        @input=${common.onInput}
        @blur=${common.onBlur}
      />`;
  return html`
    <div class="citizen-field ${error ? 'citizen-field--error' : ''}">
      <label class="citizen-label" for=${id}>${requiredMark(options.required)}${options.label}</label>
      ${options.hint ? html`<p class="citizen-hint" id=${hintId!}>${options.hint}</p>` : nothing}
      ${fieldError(id, prefix, error)}
      ${control}
    </div>
  `;
}

export interface Choice {
  value: string;
  label: string;
}

/** Radio buttons in a fieldset whose legend asks the question. */
export function radioGroup<T>(
  form: PanelForm<T>,
  path: string,
  prefix: string,
  options: { legend: string; choices: readonly Choice[]; required?: boolean; inline?: boolean; hint?: string },
): TemplateResult {
  const id = form.controlId(path);
  const error = form.error(path);
  const current = form.values[path] ?? '';
  const hintId = options.hint ? `${id}-hint` : undefined;
  return html`
    <fieldset
      class="citizen-fieldset citizen-field ${error ? 'citizen-field--error' : ''}"
      aria-describedby=${describedBy(hintId, error && `${id}-error`)}
    >
      <legend class="citizen-label">${requiredMark(options.required)}${options.legend}</legend>
      ${options.hint ? html`<p class="citizen-hint" id=${hintId!}>${options.hint}</p>` : nothing}
      ${fieldError(id, prefix, error)}
      <div class="citizen-radios ${options.inline ? 'citizen-radios--inline' : ''}">
        ${options.choices.map((choice, index) => {
          // The first radio carries the field's id: the error summary's link leads to it.
          const radioId = index === 0 ? id : `${id}-${choice.value}`;
          return html`
            <div class="citizen-radio">
              <input
                class="citizen-radio__input"
                type="radio"
                id=${radioId}
                name=${id}
                value=${choice.value}
                .checked=${live(current === choice.value)}
                aria-invalid=${error ? 'true' : nothing}
                @change=${() => {
                  form.set(path, choice.value);
                  form.recheck(path);
                }}
              />
              <label class="citizen-radio__label" for=${radioId}>${choice.label}</label>
            </div>
          `;
        })}
      </div>
    </fieldset>
  `;
}

/** A checkbox with its label beside it; the value is `'true'` or `''`. */
export function checkboxField<T>(form: PanelForm<T>, path: string, prefix: string, options: { label: string; hint?: string }) {
  const id = form.controlId(path);
  const error = form.error(path);
  const hintId = options.hint ? `${id}-hint` : undefined;
  return html`
    <div class="citizen-field ${error ? 'citizen-field--error' : ''}">
      ${fieldError(id, prefix, error)}
      <div class="citizen-checkbox">
        <input
          class="citizen-checkbox__input"
          type="checkbox"
          id=${id}
          name=${path}
          .checked=${live(form.values[path] === 'true')}
          aria-invalid=${error ? 'true' : nothing}
          aria-describedby=${describedBy(hintId, error && `${id}-error`)}
          @change=${(event: Event) => {
            form.set(path, (event.target as HTMLInputElement).checked ? 'true' : '');
            form.recheck(path);
          }}
        />
        <label class="citizen-checkbox__label" for=${id}>${options.label}</label>
      </div>
      ${options.hint ? html`<p class="citizen-hint" id=${hintId!}>${options.hint}</p>` : nothing}
    </div>
  `;
}

/** `values` without empty strings: the schemas read an absent optional field, not `''`. */
export function present(values: Values, paths: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of paths) {
    const value = values[path]?.trim();
    if (value) out[path] = value;
  }
  return out;
}
