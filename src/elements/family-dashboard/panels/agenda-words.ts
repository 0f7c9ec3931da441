// SPDX-License-Identifier: MIT
/**
 * The child's agenda in words, in the reader's language: prices, dates, why the city
 * refused a day. One object built by the element and handed to the render functions, so
 * that they stay free of the element's state.
 */
import type { MessageKey, Translate } from '../../../i18n/translate.js';
import { utc } from './agenda-dates.js';

export interface AgendaWords {
  locale: string;
  t: Translate;
  /** "3,60 €"; signed: "+7,20 €", "−3,60 €". */
  money(cents: number, signed?: boolean): string;
  /** "mardi 1 décembre". */
  longDate(date: string): string;
  /** The server's refusal code in words; an unknown code reads "refusé par la mairie". */
  conflictText(code: string): string;
}

export function agendaWords(locale: string, t: Translate, hasText: (key: string) => key is MessageKey): AgendaWords {
  return {
    locale,
    t,
    money: (cents, signed = false) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', signDisplay: signed ? 'always' : 'auto' }).format(cents / 100),
    longDate: (date) => new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(utc(date)),
    conflictText: (code) => {
      const key = `dashboard.agenda.conflict.${code}`;
      return hasText(key) ? t(key) : t('dashboard.agenda.conflict.other');
    },
  };
}
