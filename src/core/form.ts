// SPDX-License-Identifier: MIT
/**
 * Pieces every form of the library renders the same way (GOV.UK's error pattern), styled by
 * src/styles/light-form.ts: the error summary's content, the message under a field, and
 * following a summary link to its field.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';

/** A heading level as a tag, clamped to 1–6 (it reaches `unsafeStatic`). */
export function headingTag(level: number) {
  return unsafeStatic(`h${Math.min(6, Math.max(1, Math.round(level) || 2))}`);
}

export interface SummaryItem {
  /** Id of the control the link leads to. */
  id: string;
  text: string;
}

/**
 * The inside of the error summary box: a heading and one link per field in error. Put it in
 * a `role="alert"` child of the focusable `.citizen-feedback` box (a screen reader announces
 * an alert that appears; focusing the box too makes it read even where alerts race).
 */
export function errorSummary(
  headingLevel: number,
  title: string,
  items: readonly SummaryItem[],
  onFollow: (event: Event, id: string) => void,
): TemplateResult {
  const tag = headingTag(headingLevel);
  return staticHtml`
    <${tag} class="citizen-feedback__title">${title}</${tag}>
    <ul class="citizen-feedback__list">
      ${items.map(
        (item) => html`
          <li><a href="#${item.id}" @click=${(event: Event) => onFollow(event, item.id)}>${item.text}</a></li>
        `,
      )}
    </ul>
  `;
}

/** The message under a field, `${id}-error`, with the visually hidden "Erreur :" prefix. */
export function fieldError(id: string, prefix: string, text: string | undefined) {
  return text
    ? html`<p class="citizen-error-message" id="${id}-error">
        <span class="citizen-visually-hidden">${prefix}</span>
        ${text}
      </p>`
    : nothing;
}

/** `aria-describedby` from the ids that apply, or nothing. */
export function describedBy(...ids: (string | false | undefined | null)[]) {
  const list = ids.filter(Boolean).join(' ');
  return list || nothing;
}

/**
 * Focuses a control from an error summary link. The link's #fragment would not reach it
 * when the form sits in a shadow root; and, as GOV.UK's summary does, the label (or legend)
 * is scrolled on screen above the focused control.
 */
export function focusControl(control: HTMLElement | null | undefined) {
  if (!control) return;
  const input = control as HTMLInputElement;
  // A radio's own label is not what tells the question: its group's legend is.
  const label = input.type === 'radio' ? control.closest('fieldset')?.querySelector('legend') : input.labels?.[0];
  label?.scrollIntoView();
  control.focus({ preventScroll: !!label });
}
