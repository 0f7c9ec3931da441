// SPDX-License-Identifier: MIT
/**
 * The terms' text as the back end sends it (src/schemas/terms.ts: headings, paragraphs,
 * lists of plain text), rendered the same way by `<citizen-terms>` and `<cgu-gate>`. Every
 * string becomes a text node: nothing a city writes is ever parsed as markup.
 */
import { css, html, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '../../core/form.js';
import type { Locale } from '../../schemas/city-config.js';
import type { TermsBlock } from '../../schemas/terms.js';

/**
 * The blocks, their headings placed under the element's own: a block heading of level 2
 * (a section, `##` in the city's Markdown) becomes `h{sectionLevel}`, level 3 one below.
 */
export function renderTermsBlocks(blocks: readonly TermsBlock[], sectionLevel: number): TemplateResult[] {
  const items = (list: readonly string[]) => list.map((item) => html`<li>${frenchSpacing(item)}</li>`);
  return blocks.map((block) => {
    switch (block.type) {
      case 'heading': {
        const tag = headingTag(Math.min(6, sectionLevel + block.level - 2));
        return staticHtml`<${tag} class="terms-heading terms-heading--${block.level}">${frenchSpacing(block.text)}</${tag}>`;
      }
      case 'paragraph':
        return html`<p>${frenchSpacing(block.text)}</p>`;
      case 'list':
        return block.ordered ? html`<ol>${items(block.items)}</ol>` : html`<ul>${items(block.items)}</ul>`;
    }
  });
}

/**
 * French puts a space before ":", ";", "!", "?" and "»" and after "«"; a plain one lets the
 * sign start a line on narrow screens. It becomes a no-break space for display only.
 */
export function frenchSpacing(text: string): string {
  return text.replace(/ (?=[:;!?»])/g, '\u00a0').replace(/« /g, '«\u00a0');
}

/** "1 septembre 2026" / "1 September 2026" from an ISO date (a calendar date: no time zone shift). */
export function formatLongDate(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return date.toLocaleDateString(locale === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

/** Reading comfort for long legal text: a measure of ~70 characters, spaced sections. */
export const termsTextStyles = css`
  .terms-text {
    max-width: 70ch;
    overflow-wrap: break-word;
  }
  .terms-text > :first-child {
    margin-top: 0;
  }
  .terms-text p,
  .terms-text ul,
  .terms-text ol {
    margin: 0 0 0.75em;
  }
  .terms-text ul,
  .terms-text ol {
    padding-inline-start: 1.5em;
  }
  .terms-text li + li {
    margin-top: 0.25em;
  }
  .terms-heading {
    margin: 1.25em 0 0.5em;
    line-height: 1.3;
  }
  /* No text-transform: Chromium puts the transformed text in the accessibility tree, and
     some screen readers spell out words in capitals. */
  .terms-heading--2 {
    font-size: 1.125rem;
  }
  .terms-heading--3 {
    font-size: 1rem;
  }
  .terms-heading--4 {
    font-size: 1rem;
    font-style: italic;
  }
  .terms-title {
    margin: 0 0 0.75em;
    font-size: 1.25rem;
    line-height: 1.3;
  }
`;
