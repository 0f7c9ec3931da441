// SPDX-License-Identifier: MIT
/** Texts of `<citizen-absence-form>`. */
import type { TextPart } from '../part.js';

const fr = {
  'dashboard.absence.title': 'Signaler une absence',
  'dashboard.absence.intro': 'Indiquez les jours d’absence de {name} et leur motif. La mairie reçoit votre signalement comme une démarche.',
  'dashboard.absence.from': 'Du',
  'dashboard.absence.to': 'Au',
  'dashboard.absence.toHint': 'Pour un seul jour, laissez la même date.',
  'dashboard.absence.reason': 'Motif',
  'dashboard.absence.illness': 'Maladie',
  'dashboard.absence.other': 'Autre motif',
  'dashboard.absence.certificate': 'Certificat médical',
  'dashboard.absence.certificateHint': 'Joignez le certificat médical : sans lui, les jours d’absence peuvent vous être facturés.',
  'dashboard.absence.comment': 'Commentaire (facultatif)',
  'dashboard.absence.commentHint': '500 caractères au plus.',
  'dashboard.absence.send': 'Envoyer le signalement',
  'dashboard.absence.sent':
    "Votre signalement d'absence a été envoyé à la mairie. Les jours concernés apparaissent comme « absence signalée » dans l'agenda.",
  'dashboard.absence.another': 'Signaler une autre absence',
  'dashboard.absence.fromRequired': 'Indiquez le premier jour d’absence',
  'dashboard.absence.reasonRequired': 'Choisissez le motif de l’absence',
  'dashboard.absence.rangeTooLong': 'Un signalement couvre 93 jours au plus : faites-en plusieurs pour une absence plus longue',
};

export const absenceTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'dashboard.absence.title': 'Report an absence',
    'dashboard.absence.intro': "Give the days {name} is away and why. The town hall receives your report as a request.",
    'dashboard.absence.from': 'From',
    'dashboard.absence.to': 'To',
    'dashboard.absence.toHint': 'For a single day, leave the same date.',
    'dashboard.absence.reason': 'Reason',
    'dashboard.absence.illness': 'Illness',
    'dashboard.absence.other': 'Other reason',
    'dashboard.absence.certificate': 'Medical certificate',
    'dashboard.absence.certificateHint': 'Attach the medical certificate: without it, the days of absence may be charged.',
    'dashboard.absence.comment': 'Comment (optional)',
    'dashboard.absence.commentHint': '500 characters at most.',
    'dashboard.absence.send': 'Send the report',
    'dashboard.absence.sent': 'Your absence report was sent to the town hall. The days concerned show as “absence reported” in the calendar.',
    'dashboard.absence.another': 'Report another absence',
    'dashboard.absence.fromRequired': 'Give the first day of absence',
    'dashboard.absence.reasonRequired': 'Choose the reason for the absence',
    'dashboard.absence.rangeTooLong': 'A report covers 93 days at most: make several for a longer absence',
  },
};
