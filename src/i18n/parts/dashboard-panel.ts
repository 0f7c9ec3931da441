// SPDX-License-Identifier: MIT
/** What every dashboard panel shares (section titles, retry, login link, the "request sent" notice). Declared by `DashboardPanel` and `<family-dashboard>`. */
import type { TextPart } from '../part.js';

const fr = {
  'dashboard.retry': 'Réessayer',
  'dashboard.loginRequired': 'Connectez-vous à votre espace pour accéder à votre tableau de bord.',
  'dashboard.login': 'Se connecter',
  'dashboard.section.family': 'Ma famille',
  'dashboard.section.requests': 'Dernières demandes',
  'dashboard.section.news': 'Actualités et messages',
  'dashboard.section.entourage': 'Mon entourage',
  'dashboard.section.profile': 'Mon profil',
  'dashboard.section.services': 'Services et clés',
  'dashboard.section.myData': 'Mes données',
  'dashboard.cancel': 'Annuler',
  'dashboard.sending': 'Envoi en cours…',
  'dashboard.absence.summary': 'Démarche : {summary}',

  'dashboard.section.invoices': 'Mes factures',

  'dashboard.section.documents': 'Espace de stockage sécurisé',
};

export const dashboardPanelTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'dashboard.retry': 'Try again',
    'dashboard.loginRequired': 'Log in to your space to see your dashboard.',
    'dashboard.login': 'Log in',
    'dashboard.section.family': 'My family',
    'dashboard.section.requests': 'Latest requests',
    'dashboard.section.news': 'News and messages',
    'dashboard.section.entourage': 'My circle',
    'dashboard.section.profile': 'My profile',
    'dashboard.section.services': 'Services and keys',
    'dashboard.section.myData': 'My data',
    'dashboard.cancel': 'Cancel',
    'dashboard.sending': 'Sending…',
    'dashboard.absence.summary': 'Request: {summary}',

    'dashboard.section.invoices': 'My invoices',

    'dashboard.section.documents': 'Secure document storage',
  },
};
