// SPDX-License-Identifier: MIT
/**
 * Message lookup over a table of texts: French by default, English second, and any text
 * overridable by the city (`texts` in its config). `{name}` placeholders are replaced from
 * `params`. Imports no catalog: each element brings the parts it uses.
 */
import type { Locale } from '../schemas/city-config.js';
import type { MessageKey } from './catalog.js';
import type { TextTable } from './part.js';

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const own = (texts: Readonly<Record<string, string>>, key: string) => (Object.hasOwn(texts, key) ? texts[key] : undefined);

export function translator(table: TextTable, locale: Locale, overrides: Partial<Record<string, string>> = {}): Translate {
  return (key, params = {}) => {
    const text = own(overrides as Record<string, string>, key) ?? own(table[locale], key) ?? own(table.fr, key) ?? key;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}

/** `fr` unless the nearest `lang` (on the element or an ancestor) is English. */
export function resolveLocale(element: Element): Locale {
  const lang = element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  return /^en\b/i.test(lang) ? 'en' : 'fr';
}

/** Dates as the seeds print them: 15/06/2020 and 12:55, in Paris time. */
export function formatDateTime(iso: string, locale: Locale): { date: string; time: string } {
  const d = new Date(iso);
  const tag = locale === 'en' ? 'en-GB' : 'fr-FR';
  return {
    date: d.toLocaleDateString(tag, { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }),
    time: d.toLocaleTimeString(tag, { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }),
  };
}
