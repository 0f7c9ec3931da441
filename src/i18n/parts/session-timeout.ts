// SPDX-License-Identifier: MIT
/** Texts of `<citizen-session-timeout>`. */
import type { TextPart } from '../part.js';

const fr = {
  'sessionTimeout.heading': 'Votre session va bientôt expirer',
  'sessionTimeout.text':
    'Sans action de votre part, vous serez déconnecté à {time}, dans environ {minutes} minute(s). Ce que vous avez saisi reste sur la page.',
  'sessionTimeout.extend': 'Prolonger ma session',
  'sessionTimeout.extending': 'Prolongation…',
  'sessionTimeout.extended': 'Votre session a été prolongée.',
  'sessionTimeout.expiredHeading': 'Votre session a expiré',
  'sessionTimeout.expiredText':
    "Pour votre sécurité, vous avez été déconnecté après une période d'inactivité. Reconnectez-vous pour continuer : ce que vous avez saisi reste sur la page.",
  'sessionTimeout.login': 'Me reconnecter',
  'sessionTimeout.close': 'Fermer',
};

export const sessionTimeoutTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'sessionTimeout.heading': 'Your session will expire soon',
    'sessionTimeout.text':
      'If you do nothing, you will be logged out at {time}, in about {minutes} minute(s). What you have typed stays on the page.',
    'sessionTimeout.extend': 'Extend my session',
    'sessionTimeout.extending': 'Extending…',
    'sessionTimeout.extended': 'Your session has been extended.',
    'sessionTimeout.expiredHeading': 'Your session has expired',
    'sessionTimeout.expiredText':
      'For your security, you have been logged out after a period of inactivity. Log in again to continue: what you have typed stays on the page.',
    'sessionTimeout.login': 'Log in again',
    'sessionTimeout.close': 'Close',
  },
};
