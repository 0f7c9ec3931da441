// SPDX-License-Identifier: MIT
/** Texts of `<citizen-entourage-panel>`. */
import type { TextPart } from '../part.js';

const fr = {
  'dashboard.entourage.intro':
    "Vous pouvez ajouter à votre famille un co-représentant, vos enfants nés ou à naître et vos contacts. Votre demande est traitée par les services municipaux ; une fois validée, la personne apparaît dans « Ma famille ».",
  'dashboard.entourage.add': 'Ajouter à mon entourage Enfance',
  'dashboard.entourage.role': 'Qui souhaitez-vous ajouter ?',
  'dashboard.entourage.roleRequired': 'Choisissez qui vous souhaitez ajouter',
  'dashboard.entourage.role.co-representative': 'Un co-représentant',
  'dashboard.entourage.role.child': 'Un enfant né',
  'dashboard.entourage.role.expected-child': 'Un enfant à naître',
  'dashboard.entourage.role.contact': 'Un contact',
  'dashboard.entourage.expectedDate': 'Date de naissance prévue',
  'dashboard.entourage.expectedDatePast': 'La date de naissance prévue doit être à venir',
  'dashboard.entourage.relation': 'Lien avec la famille',
  'dashboard.entourage.relationHint': 'Par exemple : grand-mère, voisin, assistante maternelle.',
  'dashboard.entourage.attachments': 'Justificatifs (facultatif)',
  'dashboard.entourage.attachmentsHint':
    'Par exemple l’acte de naissance ou le livret de famille : choisissez-les dans votre espace de stockage sécurisé ou ajoutez-les ici. Ils accompagnent votre demande.',
  'dashboard.entourage.tooManyAttachments': 'Joignez 10 justificatifs au plus',
  'dashboard.entourage.send': 'Envoyer la demande',
  'dashboard.entourage.sent':
    'Votre demande a été transmise aux services municipaux. Elle apparaît ci-dessous et dans « Dernières demandes ».',
  'dashboard.entourage.pendingHeading': 'Demandes en attente',
  'dashboard.entourage.noPending': 'Aucune demande en attente.',
};

export const entourageTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'dashboard.entourage.intro':
      'You can add a co-representative, your children (born or expected) and your contacts to your family. The town hall processes your request; once accepted, the person appears in “My family”.',
    'dashboard.entourage.add': 'Add to my Childhood circle',
    'dashboard.entourage.role': 'Who do you want to add?',
    'dashboard.entourage.roleRequired': 'Choose who you want to add',
    'dashboard.entourage.role.co-representative': 'A co-representative',
    'dashboard.entourage.role.child': 'A child',
    'dashboard.entourage.role.expected-child': 'An expected child',
    'dashboard.entourage.role.contact': 'A contact',
    'dashboard.entourage.expectedDate': 'Expected date of birth',
    'dashboard.entourage.expectedDatePast': 'The expected date of birth must be in the future',
    'dashboard.entourage.relation': 'Relation to the family',
    'dashboard.entourage.relationHint': 'For example: grandmother, neighbour, childminder.',
    'dashboard.entourage.attachments': 'Supporting documents (optional)',
    'dashboard.entourage.attachmentsHint':
      'For example the birth certificate or the family record book: choose them from your secure storage or add them here. They go with your request.',
    'dashboard.entourage.tooManyAttachments': 'Attach 10 documents at most',
    'dashboard.entourage.send': 'Send the request',
    'dashboard.entourage.sent': 'Your request has been sent to the town hall. It is listed below and in “Latest requests”.',
    'dashboard.entourage.pendingHeading': 'Pending requests',
    'dashboard.entourage.noPending': 'No pending request.',
  },
};
