// SPDX-License-Identifier: MIT
/** Texts of `<citizen-enrolment-form>`. */
import type { TextPart } from '../part.js';

const fr = {
  'dashboard.enrolment.title': 'Inscrire à une activité',
  'dashboard.enrolment.intro': 'Demandez l’inscription de {name} à une activité pour une période. La mairie étudie votre demande et vous répond.',
  'dashboard.enrolment.activity': 'Activité',
  'dashboard.enrolment.choose': 'Choisissez une activité',
  'dashboard.enrolment.enrolledOption': '{activity} — déjà inscrit(e) jusqu’au {date}',
  'dashboard.enrolment.enrolledOptionNoDate': '{activity} — déjà inscrit(e)',
  'dashboard.enrolment.enrolledHint': '{name} est déjà inscrit(e) à : {activities}.',
  'dashboard.enrolment.from': 'Du',
  'dashboard.enrolment.to': 'Au',
  'dashboard.enrolment.periodLegend': 'Période',
  'dashboard.enrolment.periodHint': 'Proposé : de lundi prochain à la fin de l’année scolaire. Vous pouvez changer ces dates.',
  'dashboard.enrolment.send': 'Envoyer la demande d’inscription',
  'dashboard.enrolment.sent': "Votre demande d'inscription a été envoyée à la mairie. Vous suivrez sa réponse dans « Dernières demandes ».",
  'dashboard.enrolment.another': 'Faire une autre demande d’inscription',
  'dashboard.enrolment.loadError': "Les activités n'ont pas pu être chargées.",
  'dashboard.enrolment.activityRequired': 'Choisissez une activité',
  'dashboard.enrolment.fromRequired': 'Indiquez le premier jour de l’inscription',
  'dashboard.enrolment.toRequired': 'Indiquez le dernier jour de l’inscription',
  'dashboard.enrolment.unknownActivity': 'Cette activité n’est plus proposée : choisissez-en une autre',
  'dashboard.enrolment.rangeTooLong': 'Une inscription couvre une année scolaire au plus',
};

export const enrolmentTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'dashboard.enrolment.title': 'Enrol in an activity',
    'dashboard.enrolment.intro': 'Ask to enrol {name} in an activity for a period. The town hall considers your request and answers.',
    'dashboard.enrolment.activity': 'Activity',
    'dashboard.enrolment.choose': 'Choose an activity',
    'dashboard.enrolment.enrolledOption': '{activity} — already enrolled until {date}',
    'dashboard.enrolment.enrolledOptionNoDate': '{activity} — already enrolled',
    'dashboard.enrolment.enrolledHint': '{name} is already enrolled in: {activities}.',
    'dashboard.enrolment.from': 'From',
    'dashboard.enrolment.to': 'To',
    'dashboard.enrolment.periodLegend': 'Period',
    'dashboard.enrolment.periodHint': 'Suggested: from next Monday to the end of the school year. You can change these dates.',
    'dashboard.enrolment.send': 'Send the enrolment request',
    'dashboard.enrolment.sent': 'Your enrolment request was sent to the town hall. You will follow its answer in “Latest requests”.',
    'dashboard.enrolment.another': 'Make another enrolment request',
    'dashboard.enrolment.loadError': 'The activities could not be loaded.',
    'dashboard.enrolment.activityRequired': 'Choose an activity',
    'dashboard.enrolment.fromRequired': 'Give the first day of the enrolment',
    'dashboard.enrolment.toRequired': 'Give the last day of the enrolment',
    'dashboard.enrolment.unknownActivity': 'This activity is no longer offered: choose another one',
    'dashboard.enrolment.rangeTooLong': 'An enrolment covers one school year at most',
  },
};
