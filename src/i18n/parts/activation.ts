// SPDX-License-Identifier: MIT
/** Texts of `<citizen-activation>`. */
import type { TextPart } from '../part.js';

const fr = {
  'activation.heading': 'Activation de votre espace',
  'activation.intro': 'Pour activer votre espace personnel, cliquez sur le bouton ci-dessous.',
  'activation.activate': 'Activer mon espace',
  'activation.activating': 'Activation en cours…',
  'activation.success': "Votre espace a bien été activé pour le nom d'utilisateur : {username}.",
  'activation.successNext': 'Vous avez désormais accès à toutes les fonctionnalités de votre espace citoyen.',
  'activation.login': 'Me connecter à mon espace',
  'activation.missingToken':
    "Ce lien d'activation est incomplet. Ouvrez le lien complet reçu par courriel, ou demandez un nouveau lien ci-dessous.",
  'activation.invalid':
    "Ce lien d'activation n'est plus valable : il a expiré, a déjà servi, ou un lien plus récent l'a remplacé.",
  'activation.alreadyActive': 'Si votre espace est déjà activé, vous pouvez vous connecter.',
  'activation.resend.heading': 'Recevoir un nouveau lien',
  'activation.resend.intro':
    "Saisissez votre nom d'utilisateur ou votre adresse de courriel : si un espace en attente d'activation y correspond, un nouveau lien vous sera envoyé par courriel.",
  'activation.resend.identifier': "Nom d'utilisateur ou adresse de courriel",
  'activation.resend.submit': 'Envoyer un nouveau lien',
  'activation.resend.submitting': 'Envoi en cours…',
  'activation.resend.sent':
    "C'est noté : si un espace en attente d'activation correspond à cet identifiant, un nouveau lien d'activation vient d'être envoyé par courriel.",
  'activation.resend.identifier.required': "Saisissez votre nom d'utilisateur ou votre adresse de courriel",
};

export const activationTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'activation.heading': 'Activating your space',
    'activation.intro': 'To activate your personal space, click the button below.',
    'activation.activate': 'Activate my space',
    'activation.activating': 'Activating…',
    'activation.success': 'Your space has been activated for the username: {username}.',
    'activation.successNext': 'You now have access to every feature of your citizen space.',
    'activation.login': 'Log in to my space',
    'activation.missingToken': 'This activation link is incomplete. Open the full link from the e-mail, or ask for a new link below.',
    'activation.invalid': 'This activation link is no longer valid: it has expired, has already been used, or a newer link replaced it.',
    'activation.alreadyActive': 'If your space is already active, you can log in.',
    'activation.resend.heading': 'Get a new link',
    'activation.resend.intro':
      'Enter your username or your e-mail address: if a space waiting for activation matches it, a new link will be sent to you by e-mail.',
    'activation.resend.identifier': 'Username or e-mail address',
    'activation.resend.submit': 'Send a new link',
    'activation.resend.submitting': 'Sending…',
    'activation.resend.sent':
      'Done: if a space waiting for activation matches this identifier, a new activation link has just been sent by e-mail.',
    'activation.resend.identifier.required': 'Enter your username or your e-mail address',
  },
};
