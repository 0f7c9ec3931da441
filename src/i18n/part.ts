// SPDX-License-Identifier: MIT
/**
 * The catalog comes in parts, one per element or area (src/i18n/parts/): an element declares
 * the parts it uses (`static texts`, see CitizenElement), so a page that shows a login form
 * downloads the login texts and not the dashboard's.
 */
import type { Locale } from '../schemas/city-config.js';

/**
 * One part's texts in both languages. Typed from the French object, so that the English one
 * must have exactly the same keys (a missing or extra key is a compile error).
 */
export interface TextPart<K extends string = string> {
  readonly fr: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

/** Parts merged into one lookup table per language. */
export type TextTable = Record<Locale, Readonly<Record<string, string>>>;

export function mergeTexts(parts: Iterable<TextPart>): TextTable {
  const fr: Record<string, string> = {};
  const en: Record<string, string> = {};
  for (const part of parts) {
    Object.assign(fr, part.fr);
    Object.assign(en, part.en);
  }
  return { fr, en };
}
