// SPDX-License-Identifier: MIT
/** The signed-in state (greeting, last login, log out), shown by `<citizen-login>` and the dashboard header. */
import type { TextPart } from '../part.js';

const fr = {
  'login.greeting': 'Bonjour {civility} {name}',
  'login.lastLogin': 'Dernière connexion le {date} à {time}',
  'login.firstLogin': 'Ceci est votre première connexion.',
  'login.logout': 'Se déconnecter',
  'login.loggingOut': 'Déconnexion…',
  'login.loggedOut': 'Vous êtes déconnecté.',
};

export const loginStatusTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'login.greeting': 'Hello {civility} {name}',
    'login.lastLogin': 'Last login on {date} at {time}',
    'login.firstLogin': 'This is your first login.',
    'login.logout': 'Log out',
    'login.loggingOut': 'Logging out…',
    'login.loggedOut': 'You are logged out.',
  },
};
