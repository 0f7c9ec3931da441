// SPDX-License-Identifier: MIT
/** Texts of `<family-dashboard>` itself (frame, summary, loading and errors). */
import type { TextPart } from '../part.js';

const fr = {
  'dashboard.loading': 'Chargement de votre espace…',
  'dashboard.loadError': "Votre espace n'a pas pu être chargé.",
  'dashboard.termsRequired': "Acceptez les conditions générales d'utilisation pour accéder à votre espace.",
  'dashboard.terms': "Conditions générales d'utilisation",
  'dashboard.closed': 'Votre espace a été fermé. Merci d’avoir utilisé l’espace citoyen.',
  'dashboard.summary': 'Mes coordonnées',
  'dashboard.summaryError': "Les informations de votre espace n'ont pas pu être chargées.",
  'dashboard.editProfile': 'Modifier mon profil',
  'dashboard.enterKey': 'Saisir ma clé',
  'dashboard.noFamily':
    "Votre espace n'est pas encore relié au dossier de votre famille : saisissez la clé reçue de la mairie, ou demandez l'ajout des membres de votre famille dans « Mon entourage ».",
  'dashboard.heading': 'Mon tableau de bord',
  'dashboard.familyShown': 'La rubrique « Ma famille » est maintenant disponible dans votre tableau de bord.',
  'dashboard.panelLoadError': "Cette rubrique n'a pas pu être chargée. Vérifiez votre connexion puis réessayez.",
};

export const dashboardTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'dashboard.loading': 'Loading your space…',
    'dashboard.loadError': 'Your space could not be loaded.',
    'dashboard.termsRequired': 'Accept the terms of use to enter your space.',
    'dashboard.terms': 'Terms of use',
    'dashboard.closed': 'Your space has been closed. Thank you for using the citizen space.',
    'dashboard.summary': 'My details',
    'dashboard.summaryError': 'The details of your space could not be loaded.',
    'dashboard.editProfile': 'Edit my profile',
    'dashboard.enterKey': 'Enter my key',
    'dashboard.noFamily':
      'Your space is not linked to your family record yet: enter the key the town hall sent you, or ask to add your family members in “My circle”.',
    'dashboard.heading': 'My dashboard',
    'dashboard.familyShown': 'The “My family” section is now available in your dashboard.',
    'dashboard.panelLoadError': 'This section could not be loaded. Check your connection and try again.',
  },
};
