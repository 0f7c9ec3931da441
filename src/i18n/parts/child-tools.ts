// SPDX-License-Identifier: MIT
/** The child card's tools (child-tools.ts): each tool's heading and close button, and the shared date check. */
import type { TextPart } from '../part.js';

const fr = {
  'dashboard.childTools.beforeFrom': 'La date de fin doit être le même jour que la date de début ou après',
  'dashboard.absence.heading': 'Signaler une absence — {name}',
  'dashboard.absence.close': 'Fermer le signalement',
  'dashboard.tariffs.heading': 'Consultation des tarifs — {name}',
  'dashboard.tariffs.close': 'Fermer les tarifs',
  'dashboard.enrolment.heading': 'Inscrire {name} à une activité',
  'dashboard.enrolment.close': 'Fermer l’inscription',
  'dashboard.calendarFeed.heading': 'Ajouter à mon agenda — {name}',
  'dashboard.calendarFeed.close': 'Fermer « Ajouter à mon agenda »',
  'dashboard.agenda.heading': 'Annuler ou réserver — {name}',
  'dashboard.agenda.close': 'Fermer l’agenda',
};

export const childToolsTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'dashboard.childTools.beforeFrom': 'The end date must be the same day as the start date or later',
    'dashboard.absence.heading': 'Report an absence — {name}',
    'dashboard.absence.close': 'Close the absence report',
    'dashboard.tariffs.heading': 'Prices — {name}',
    'dashboard.tariffs.close': 'Close the prices',
    'dashboard.enrolment.heading': 'Enrol {name} in an activity',
    'dashboard.enrolment.close': 'Close the enrolment',
    'dashboard.calendarFeed.heading': 'Add to my calendar — {name}',
    'dashboard.calendarFeed.close': 'Close “Add to my calendar”',
    'dashboard.agenda.heading': 'Cancel or book — {name}',
    'dashboard.agenda.close': 'Close the calendar',
  },
};
