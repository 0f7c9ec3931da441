// SPDX-License-Identifier: MIT
/** Texts of `<citizen-login>`. */
import type { TextPart } from '../part.js';

const fr = {
  'login.changePassword': 'Modifier mon mot de passe',
  'login.passwordChanged': 'Votre mot de passe a été modifié.',
  'login.sessionExpired': 'Votre session a expiré : reconnectez-vous.',

  'login.heading': 'Mon espace perso',
  'login.username': "Nom d'utilisateur",
  'login.usernameHint': 'Ou votre adresse de courriel.',
  'login.password': 'Mot de passe',
  'login.submit': 'Connexion',
  'login.submitting': 'Connexion en cours…',
  'login.forgotPassword': "J'ai oublié mon mot de passe",
  'login.identifier.required': "Saisissez votre nom d'utilisateur ou votre adresse de courriel",
  'login.password.required': 'Saisissez votre mot de passe',
};

export const loginTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'login.changePassword': 'Change my password',
    'login.passwordChanged': 'Your password has been changed.',
    'login.sessionExpired': 'Your session has expired: please log in again.',

    'login.heading': 'My personal space',
    'login.username': 'Username',
    'login.usernameHint': 'Or your e-mail address.',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.submitting': 'Logging in…',
    'login.forgotPassword': 'I forgot my password',
    'login.identifier.required': 'Enter your username or your e-mail address',
    'login.password.required': 'Enter your password',
  },
};
