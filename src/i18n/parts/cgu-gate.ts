// SPDX-License-Identifier: MIT
/** Texts of `<cgu-gate>`. */
import type { TextPart } from '../part.js';

const fr = {
  'cgu.heading': "Conditions générales d'utilisation",
  'cgu.intro':
    'Pour utiliser les services proposés, veuillez prendre connaissance des CGU ci-dessous et les accepter en fin de document.',
  'cgu.newVersion':
    "Les conditions générales d'utilisation ont changé depuis votre acceptation du {date} : prenez connaissance de la nouvelle version et acceptez-la pour continuer.",
  'cgu.changed':
    "Les conditions générales d'utilisation ont été modifiées entre-temps. Lisez la nouvelle version ci-dessous avant de l'accepter.",
  'cgu.region': "Texte des conditions générales d'utilisation",
  'cgu.endOfText': 'Fin du document',
  'cgu.hint': "Faites défiler le texte jusqu'à la fin pour pouvoir accepter",
  'cgu.hintDone': "Vous avez parcouru le texte jusqu'à la fin : vous pouvez accepter.",
  'cgu.reachedEnd':
    "Fin du texte atteinte : le bouton « J'accepte les conditions générales d'utilisation » est maintenant actif.",
  'cgu.accept': "J'accepte les conditions générales d'utilisation",
  'cgu.accepting': 'Enregistrement de votre acceptation…',
  'cgu.accepted': "Vous avez accepté les conditions générales d'utilisation.",
  'cgu.loginRequired': 'Connectez-vous à votre espace pour accéder à ce contenu.',
  'cgu.login': 'Se connecter',
  'cgu.loadError': "Les conditions générales d'utilisation n'ont pas pu être chargées.",
  'cgu.retry': 'Réessayer',
};

export const cguGateTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'cgu.heading': 'Terms of use',
    'cgu.intro': 'To use the services offered, please read the terms of use below and accept them at the end of the document.',
    'cgu.newVersion':
      'The terms of use have changed since you accepted them on {date}: read the new version and accept it to continue.',
    'cgu.changed': 'The terms of use were changed in the meantime. Read the new version below before accepting it.',
    'cgu.region': 'Text of the terms of use',
    'cgu.endOfText': 'End of document',
    'cgu.hint': 'Scroll to the end of the text to be able to accept',
    'cgu.hintDone': 'You have scrolled to the end of the text: you can accept.',
    'cgu.reachedEnd': 'End of the text reached: the "I accept the terms of use" button is now active.',
    'cgu.accept': 'I accept the terms of use',
    'cgu.accepting': 'Saving your acceptance…',
    'cgu.accepted': 'You have accepted the terms of use.',
    'cgu.loginRequired': 'Log in to your space to see this content.',
    'cgu.login': 'Log in',
    'cgu.loadError': 'The terms of use could not be loaded.',
    'cgu.retry': 'Try again',
  },
};
