// SPDX-License-Identifier: MIT
/** Texts of `<citizen-news-panel>` (messages and news). */
import type { TextPart } from '../part.js';

const fr = {
  'dashboard.news.heading': 'Actualités',
  'dashboard.news.empty': 'Aucune actualité pour le moment.',
  'dashboard.news.loadError': "Les actualités n'ont pas pu être chargées.",
  'dashboard.news.publishedOn': 'Publiée le {date}',
  'dashboard.news.readMore': 'En savoir plus',
  'dashboard.messages.heading': 'Mes messages',
  'dashboard.messages.empty': "Vous n'avez reçu aucun message.",
  'dashboard.messages.loadError': "Vos messages n'ont pas pu être chargés.",
  'dashboard.messages.unreadOne': '1 message non lu.',
  'dashboard.messages.unreadMany': '{count} messages non lus.',
  'dashboard.messages.allRead': 'Tous vos messages sont lus.',
  'dashboard.messages.unreadBadge': 'Non lu',
  'dashboard.messages.sentOn': 'Reçu le {date} à {time}',
  'dashboard.messages.markRead': 'Marquer comme lu',
  'dashboard.messages.marking': 'Enregistrement…',
  'dashboard.messages.marked': 'Message marqué comme lu.',
};

export const newsTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'dashboard.news.heading': 'News',
    'dashboard.news.empty': 'No news for now.',
    'dashboard.news.loadError': 'The news could not be loaded.',
    'dashboard.news.publishedOn': 'Published on {date}',
    'dashboard.news.readMore': 'Read more',
    'dashboard.messages.heading': 'My messages',
    'dashboard.messages.empty': 'You have not received any message.',
    'dashboard.messages.loadError': 'Your messages could not be loaded.',
    'dashboard.messages.unreadOne': '1 unread message.',
    'dashboard.messages.unreadMany': '{count} unread messages.',
    'dashboard.messages.allRead': 'All your messages are read.',
    'dashboard.messages.unreadBadge': 'Unread',
    'dashboard.messages.sentOn': 'Received on {date} at {time}',
    'dashboard.messages.markRead': 'Mark as read',
    'dashboard.messages.marking': 'Saving…',
    'dashboard.messages.marked': 'Message marked as read.',
  },
};
