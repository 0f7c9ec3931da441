// SPDX-License-Identifier: MIT
/**
 * The light-DOM form of the login-like elements (`<citizen-login>`,
 * `<citizen-password-change>`, `<citizen-password-reset>`), written once: its container, the
 * feedback box at its top, the messages under the fields and the password fields. The
 * element keeps its state (errors, attempt, shown passwords) and passes it in.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { CitizenElement } from './citizen-element.js';
import { describedBy, errorSummary, fieldError, focusControl } from './form.js';
import { adoptLightStyles } from '../styles/light-form.js';

/** Error codes by field. */
export type FieldCodes<F extends string> = Partial<Record<F, string>>;

export interface PasswordFieldOptions<F extends string> {
  field: F;
  /** The input's `name`, which password managers read. */
  name: string;
  label: string;
  autocomplete: 'current-password' | 'new-password';
  /** Typed text shown ("Afficher les mots de passe"). */
  shown: boolean;
  /** Ids of the hints that describe the input, before its error. */
  describedIds?: readonly string[];
  hint?: TemplateResult | typeof nothing;
  onInput?: (event: Event) => void;
}

export interface ShowPasswordsTexts {
  show: string;
  hide: string;
  /** Announced after the toggle. */
  shown: string;
  hidden: string;
}

export class LightForm<F extends string> {
  /**
   * The container, the host's first light-DOM child: password managers do not fill inputs
   * inside shadow roots reliably.
   */
  readonly root: HTMLDivElement = Object.assign(document.createElement('div'), { className: 'citizen-form' });

  /**
   * @param host - The element, whose texts and light DOM are used.
   * @param id - Prefix of the controls' ids, unique in the page.
   * @param fields - The fields in the order of the form (and of the error summary).
   * @param fieldText - The message of a field's error code.
   */
  constructor(
    private readonly host: CitizenElement,
    readonly id: string,
    private readonly fields: readonly F[],
    private readonly fieldText: (field: F, code: string) => string,
  ) {}

  /** From the host's `connectedCallback`: the shared styles, and the container as first child. */
  connect() {
    adoptLightStyles(this.host);
    if (this.root.parentNode !== this.host) this.host.prepend(this.root);
  }

  /** From the host's `update`: the light-DOM part, with the host's event listeners. */
  render(template: unknown) {
    render(template, this.root, { host: this.host });
  }

  controlId(field: F) {
    return `${this.id}-${field}`;
  }

  input(field: F) {
    return this.root.querySelector<HTMLInputElement>(`#${this.controlId(field)}`);
  }

  /** The ids of some controls, for `aria-controls`. */
  controlIds(fields: readonly F[]) {
    return fields.map((field) => this.controlId(field)).join(' ');
  }

  /** From the host's `updated`, after a failure: the screen reader reads the box. */
  focusFeedback() {
    this.root.querySelector<HTMLElement>('.citizen-feedback')?.focus();
  }

  /**
   * The box at the top of the form: `message` when there is one (a request that failed),
   * else the summary of the fields in error; hidden when there is neither. Keyed by
   * `attempt`: the same error twice is a new alert, announced again.
   */
  feedback(attempt: number, headingLevel: number, errors: FieldCodes<F>, message?: string) {
    const hasFeedback = Object.keys(errors).length > 0 || message !== undefined;
    return html`
      <div class="citizen-feedback" tabindex="-1" ?hidden=${!hasFeedback}>
        ${hasFeedback ? keyed(attempt, html`<div role="alert">${this.#feedbackContent(headingLevel, errors, message)}</div>`) : nothing}
      </div>
    `;
  }

  #feedbackContent(headingLevel: number, errors: FieldCodes<F>, message: string | undefined) {
    if (message !== undefined) return html`<p class="citizen-feedback__message">${message}</p>`;
    const items = this.fields
      .filter((field) => errors[field])
      .map((field) => ({ id: this.controlId(field), text: this.fieldText(field, errors[field]!) }));
    return errorSummary(Math.min(headingLevel + 1, 6), this.host.t('common.errorSummary'), items, (event, id) => {
      // The link's #fragment would not reach the input when the host sits in a shadow root.
      event.preventDefault();
      focusControl(this.root.querySelector<HTMLElement>(`#${id}`));
    });
  }

  /** The message under a field, when it is in error. */
  error(field: F, errors: FieldCodes<F>) {
    const code = errors[field];
    return fieldError(this.controlId(field), this.host.t('common.errorPrefix'), code && this.fieldText(field, code));
  }

  /**
   * The errors once a control was left (`focusout` on the form): a field in error is checked
   * again with `check`, so that a fixed field loses its message. `undefined` when the control
   * left was not a field in error.
   */
  recheck(event: FocusEvent, errors: FieldCodes<F>, check: (field: F) => string | undefined): FieldCodes<F> | undefined {
    const field = (event.target as HTMLElement).dataset['field'] as F | undefined;
    if (!field || errors[field] === undefined) return undefined;
    const code = check(field);
    const { [field]: _removed, ...others } = errors;
    return (code ? { ...others, [field]: code } : others) as FieldCodes<F>;
  }

  /** A required password field, shown or hidden with the others by one button. */
  password(options: PasswordFieldOptions<F>, errors: FieldCodes<F>) {
    const { field, label, hint = nothing, describedIds = [] } = options;
    const id = this.controlId(field);
    const invalid = errors[field] !== undefined;
    return html`
      <div class="citizen-field ${invalid ? 'citizen-field--error' : ''}">
        <label class="citizen-label" for=${id}><span aria-hidden="true">* </span>${label}</label>
        ${hint} ${this.error(field, errors)}
        <input
          class="citizen-input"
          id=${id}
          name=${options.name}
          type=${options.shown ? 'text' : 'password'}
          data-field=${field}
          autocomplete=${options.autocomplete}
          autocapitalize="none"
          spellcheck="false"
          aria-required="true"
          aria-describedby=${describedBy(...describedIds, invalid && `${id}-error`)}
          aria-invalid=${invalid ? 'true' : nothing}
          @input=${options.onInput ?? nothing}
        />
      </div>
    `;
  }

  /**
   * "Afficher les mots de passe" for `fields`, and the polite region that says what it did
   * (only once it was pressed: nothing to say on the first render).
   */
  showPasswords(fields: readonly F[], shown: boolean, toggled: boolean, texts: ShowPasswordsTexts, onToggle: () => void) {
    return html`
      <div class="citizen-actions">
        <button class="citizen-button citizen-button--secondary" type="button" aria-controls=${this.controlIds(fields)} @click=${onToggle}>
          ${shown ? texts.hide : texts.show}
        </button>
      </div>
      <p class="citizen-visually-hidden" aria-live="polite">
        ${toggled ? (shown ? texts.shown : texts.hidden) : nothing}
      </p>
    `;
  }
}
