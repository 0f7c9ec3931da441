// SPDX-License-Identifier: MIT
/** Texts of `<citizen-tariffs-panel>`. */
import type { TextPart } from '../part.js';

const fr = {
  'dashboard.tariffs.title': 'Consultation des tarifs',
  'dashboard.tariffs.family':
    'Votre famille est en « {bracket} ». La tranche dépend de votre quotient familial, celui qu’indique votre attestation de la CAF.',
  'dashboard.tariffs.familyUnknown': 'La tranche de votre famille n’est pas connue. Elle dépend de votre quotient familial, celui qu’indique votre attestation de la CAF.',
  'dashboard.tariffs.readOnly': 'Les tarifs des activités de {name}, fixés par la mairie.',
  'dashboard.tariffs.bracket': 'Tranche (quotient familial)',
  'dashboard.tariffs.price': 'Prix par jour',
  'dashboard.tariffs.yours': 'Votre tranche',
  'dashboard.tariffs.loadError': "Les tarifs n'ont pas pu être chargés.",
  'dashboard.tariffs.noActivity': "{name} n'est inscrit(e) à aucune activité : aucun tarif à afficher.",
};

export const tariffsTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'dashboard.tariffs.title': 'Prices',
    'dashboard.tariffs.family': 'Your family is in “{bracket}”. The bracket depends on your family quotient, the one on your CAF certificate.',
    'dashboard.tariffs.familyUnknown': "Your family's bracket is not known. It depends on your family quotient, the one on your CAF certificate.",
    'dashboard.tariffs.readOnly': "The prices of {name}'s activities, set by the town hall.",
    'dashboard.tariffs.bracket': 'Bracket (family quotient)',
    'dashboard.tariffs.price': 'Price per day',
    'dashboard.tariffs.yours': 'Your bracket',
    'dashboard.tariffs.loadError': 'The prices could not be loaded.',
    'dashboard.tariffs.noActivity': '{name} is not enrolled in any activity: no price to show.',
  },
};
