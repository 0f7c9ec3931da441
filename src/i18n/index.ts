// SPDX-License-Identifier: MIT
/**
 * Message lookup: French by default, English second, and any text overridable by the
 * city (`texts` in its config). `{name}` placeholders are replaced from `params`.
 */
import { en } from './en.js';
import { fr, type Catalog, type MessageKey } from './fr.js';
import type { Locale } from '../schemas/city-config.js';

export type { Catalog, MessageKey };
export const catalogs: Record<Locale, Catalog> = { fr, en };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function createTranslator(locale: Locale, overrides: Partial<Record<string, string>> = {}): Translate {
  const catalog = catalogs[locale];
  return (key, params = {}) => {
    const text = overrides[key] ?? catalog[key] ?? fr[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}

/** Whether a string is a key of the catalog (API and field codes are looked up this way). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
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
