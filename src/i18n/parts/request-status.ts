// SPDX-License-Identifier: MIT
/** A request's status and date, shown by the requests, profile and entourage panels. */
import type { TextPart } from '../part.js';

const fr = {
  'dashboard.requests.loadError': "Vos demandes n'ont pas pu être chargées.",
  'dashboard.requests.sentOn': 'Demande du {date}',
  'dashboard.requests.status.sent': 'Envoyée',
  'dashboard.requests.status.in-progress': 'En cours',
  'dashboard.requests.status.accepted': 'Acceptée',
  'dashboard.requests.status.rejected': 'Refusée',
};

export const requestStatusTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'dashboard.requests.loadError': 'Your requests could not be loaded.',
    'dashboard.requests.sentOn': 'Requested on {date}',
    'dashboard.requests.status.sent': 'Sent',
    'dashboard.requests.status.in-progress': 'In progress',
    'dashboard.requests.status.accepted': 'Accepted',
    'dashboard.requests.status.rejected': 'Refused',
  },
};
