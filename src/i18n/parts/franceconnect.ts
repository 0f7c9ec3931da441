// SPDX-License-Identifier: MIT
/** FranceConnect: `<citizen-franceconnect-button>` and the FranceConnect steps of `<citizen-login>`. */
import type { TextPart } from '../part.js';

const fr = {
  'franceConnect.login': "S'identifier avec",
  'franceConnect.what': "Qu'est-ce que FranceConnect ?",
  'franceConnect.newWindow': 'nouvelle fenêtre',
  'franceConnect.or': 'OU',
  'franceConnect.choice.heading': 'Votre identité FranceConnect',
  'franceConnect.choice.intro':
    "FranceConnect nous a transmis votre identité certifiée. Elle n'est encore reliée à aucun espace citoyen : choisissez ce que vous souhaitez faire.",
  'franceConnect.choice.certified': 'Ces informations sont certifiées par FranceConnect : elles ne peuvent pas être modifiées ici.',
  'franceConnect.field.givenName': 'Prénom(s)',
  'franceConnect.field.familyName': 'Nom',
  'franceConnect.field.birthdate': 'Date de naissance',
  'franceConnect.field.gender': 'Sexe',
  'franceConnect.field.email': 'Adresse de courriel',
  'franceConnect.gender.male': 'Masculin',
  'franceConnect.gender.female': 'Féminin',
  'franceConnect.create.heading': "Je n'ai pas encore d'espace citoyen",
  'franceConnect.create.intro':
    "Votre espace sera créé avec ces informations, sans nom d'utilisateur ni mot de passe à choisir : vous vous connecterez avec FranceConnect.",
  'franceConnect.create.submit': 'Créer mon espace avec cette identité',
  'franceConnect.create.submitting': 'Création de votre espace…',
  'franceConnect.link.heading': "J'ai déjà un espace citoyen",
  'franceConnect.link.intro':
    "Connectez-vous une fois avec votre nom d'utilisateur et votre mot de passe : votre espace sera relié à FranceConnect.",
  'franceConnect.link.submit': 'Relier mon espace',
  'franceConnect.link.submitting': 'Liaison en cours…',
  'franceConnect.cancel': 'Annuler',
  'franceConnect.error':
    "La connexion avec FranceConnect n'a pas abouti. Réessayez, ou connectez-vous avec votre nom d'utilisateur et votre mot de passe.",
  'franceConnect.canceled': 'Vous avez annulé la connexion avec FranceConnect.',
  'franceConnect.loggedOut': 'Vous êtes déconnecté, de FranceConnect aussi.',
  'franceConnect.expired': 'Le délai pour terminer la connexion avec FranceConnect est dépassé : recommencez.',
  'franceConnect.emailTaken':
    "Un espace citoyen existe déjà avec cette adresse de courriel : reliez-le avec votre nom d'utilisateur et votre mot de passe.",
  'franceConnect.alreadyLinked': 'Cet espace est déjà relié à une autre identité FranceConnect.',
};

export const franceConnectTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'franceConnect.login': 'Sign in with',
    'franceConnect.what': 'What is FranceConnect?',
    'franceConnect.newWindow': 'new window',
    'franceConnect.or': 'OR',
    'franceConnect.choice.heading': 'Your FranceConnect identity',
    'franceConnect.choice.intro':
      'FranceConnect has sent us your certified identity. It is not linked to any citizen account yet: choose what you want to do.',
    'franceConnect.choice.certified': 'This information is certified by FranceConnect: it cannot be changed here.',
    'franceConnect.field.givenName': 'First name(s)',
    'franceConnect.field.familyName': 'Last name',
    'franceConnect.field.birthdate': 'Date of birth',
    'franceConnect.field.gender': 'Sex',
    'franceConnect.field.email': 'E-mail address',
    'franceConnect.gender.male': 'Male',
    'franceConnect.gender.female': 'Female',
    'franceConnect.create.heading': 'I do not have a citizen account yet',
    'franceConnect.create.intro':
      'Your account will be created with this information, with no username or password to choose: you will log in with FranceConnect.',
    'franceConnect.create.submit': 'Create my account with this identity',
    'franceConnect.create.submitting': 'Creating your account…',
    'franceConnect.link.heading': 'I already have a citizen account',
    'franceConnect.link.intro': 'Log in once with your username and password: your account will be linked to FranceConnect.',
    'franceConnect.link.submit': 'Link my account',
    'franceConnect.link.submitting': 'Linking…',
    'franceConnect.cancel': 'Cancel',
    'franceConnect.error': 'The FranceConnect login did not succeed. Try again, or log in with your username and password.',
    'franceConnect.canceled': 'You cancelled the FranceConnect login.',
    'franceConnect.loggedOut': 'You are logged out, of FranceConnect too.',
    'franceConnect.expired': 'The time to finish the FranceConnect login has run out: start again.',
    'franceConnect.emailTaken': 'A citizen account already uses this e-mail address: link it with your username and password.',
    'franceConnect.alreadyLinked': 'This account is already linked to another FranceConnect identity.',
  },
};
