// SPDX-License-Identifier: MIT
/** Texts of `<citizen-terms>`, also used by `<cgu-gate>`. */
import type { TextPart } from '../part.js';

const fr = {
  'cgu.version': 'Version {version} du {date}',
  'cgu.print': 'Imprimer ou enregistrer en PDF',
};

export const termsTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'cgu.version': 'Version {version} of {date}',
    'cgu.print': 'Print or save as PDF',
  },
};
