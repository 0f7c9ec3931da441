// SPDX-License-Identifier: MIT
/** Texts of `<citizen-calendar-feed>`. */
import type { TextPart } from '../part.js';

const fr = {
  'dashboard.calendarFeed.title': 'Ajouter à mon agenda',
  'dashboard.calendarFeed.intro':
    'Abonnez l’agenda de votre téléphone ou de votre ordinateur aux jours réservés de {name} : il se met à jour tout seul quand vous réservez ou annulez. Le lien d’abonnement est privé.',
  'dashboard.calendarFeed.active': 'Un lien est actif depuis le {date}.',
  'dashboard.calendarFeed.none': "Aucun lien n'est actif pour le moment.",
  'dashboard.calendarFeed.loadError': "L'état de votre lien n'a pas pu être chargé.",
  'dashboard.calendarFeed.create': 'Créer mon lien d’abonnement',
  'dashboard.calendarFeed.renew': 'Créer un nouveau lien',
  'dashboard.calendarFeed.renewHint': 'Le lien actuel cessera de fonctionner : un agenda abonné avec lui devra utiliser le nouveau.',
  'dashboard.calendarFeed.creating': 'Création du lien…',
  'dashboard.calendarFeed.createError': "Le lien n'a pas pu être créé.",
  'dashboard.calendarFeed.created': 'Votre lien d’abonnement est prêt. Il n’est affiché qu’une fois : copiez-le ou ouvrez-le dans votre agenda maintenant.',
  'dashboard.calendarFeed.url': 'Lien d’abonnement',
  'dashboard.calendarFeed.copy': 'Copier le lien',
  'dashboard.calendarFeed.copied': 'Lien copié',
  'dashboard.calendarFeed.copyFailed': 'Le lien n’a pas pu être copié : sélectionnez-le et copiez-le vous-même.',
  'dashboard.calendarFeed.open': 'Ouvrir dans mon agenda',
  'dashboard.calendarFeed.warning':
    'Ce lien est personnel : toute personne qui le connaît voit les réservations de {name}. Si vous l’avez partagé par erreur, révoquez-le.',
  'dashboard.calendarFeed.revoke': 'Révoquer le lien',
  'dashboard.calendarFeed.confirm': 'Révoquer le lien ? Les agendas abonnés ne recevront plus les réservations de {name}.',
  'dashboard.calendarFeed.confirmRevoke': 'Oui, révoquer',
  'dashboard.calendarFeed.revoked': 'Le lien a été révoqué : il ne fonctionne plus.',
  'dashboard.calendarFeed.revokeError': "Le lien n'a pas pu être révoqué.",
};

export const calendarFeedTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'dashboard.calendarFeed.title': 'Add to my calendar',
    'dashboard.calendarFeed.intro':
      "Subscribe your phone's or computer's calendar to {name}'s booked days: it updates by itself when you book or cancel. The subscription link is private.",
    'dashboard.calendarFeed.active': 'A link has been active since {date}.',
    'dashboard.calendarFeed.none': 'No link is active at the moment.',
    'dashboard.calendarFeed.loadError': "Your link's status could not be loaded.",
    'dashboard.calendarFeed.create': 'Create my subscription link',
    'dashboard.calendarFeed.renew': 'Create a new link',
    'dashboard.calendarFeed.renewHint': 'The current link will stop working: a calendar subscribed with it will need the new one.',
    'dashboard.calendarFeed.creating': 'Creating the link…',
    'dashboard.calendarFeed.createError': 'The link could not be created.',
    'dashboard.calendarFeed.created': 'Your subscription link is ready. It is shown only once: copy it or open it in your calendar now.',
    'dashboard.calendarFeed.url': 'Subscription link',
    'dashboard.calendarFeed.copy': 'Copy the link',
    'dashboard.calendarFeed.copied': 'Link copied',
    'dashboard.calendarFeed.copyFailed': 'The link could not be copied: select it and copy it yourself.',
    'dashboard.calendarFeed.open': 'Open in my calendar',
    'dashboard.calendarFeed.warning': "This link is personal: anyone who knows it sees {name}'s bookings. If you shared it by mistake, revoke it.",
    'dashboard.calendarFeed.revoke': 'Revoke the link',
    'dashboard.calendarFeed.confirm': "Revoke the link? Subscribed calendars will no longer receive {name}'s bookings.",
    'dashboard.calendarFeed.confirmRevoke': 'Yes, revoke',
    'dashboard.calendarFeed.revoked': 'The link was revoked: it no longer works.',
    'dashboard.calendarFeed.revokeError': 'The link could not be revoked.',
  },
};
