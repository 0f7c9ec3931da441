// SPDX-License-Identifier: MIT
/**
 * The public message API over the whole catalog (every part). Elements do not use this
 * module: they look their texts up in the parts they declare (CitizenElement.texts).
 */
import { allTexts, type Catalog, type MessageKey } from './catalog.js';
import { mergeTexts } from './part.js';
import { translator, type Translate } from './translate.js';
import type { Locale } from '../schemas/city-config.js';

export type { Catalog, MessageKey };
export type { TextPart } from './part.js';
export { formatDateTime, resolveLocale, type Params, type Translate } from './translate.js';

export const catalogs = mergeTexts(allTexts) as Record<Locale, Catalog>;

export function createTranslator(locale: Locale, overrides: Partial<Record<string, string>> = {}): Translate {
  return translator(catalogs, locale, overrides);
}

/** Whether a string is a key of the catalog (API and field codes are looked up this way). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogs.fr, key);
}
