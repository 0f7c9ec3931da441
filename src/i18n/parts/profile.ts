// SPDX-License-Identifier: MIT
/** Texts of `<citizen-profile-panel>`. */
import type { TextPart } from '../part.js';

const fr = {
  'dashboard.profile.intro': 'Modifiez selon vos besoins les rubriques Identité, Adresse et Moyens de contact.',
  'dashboard.profile.identity': 'Identité',
  'dashboard.profile.address': 'Adresse',
  'dashboard.profile.contact': 'Moyens de contact',
  'dashboard.profile.credentials': 'Identifiants',
  'dashboard.profile.edit.identity': "Modifier l'identité",
  'dashboard.profile.edit.address': "Modifier l'adresse",
  'dashboard.profile.edit.contact': 'Modifier les moyens de contact',
  'dashboard.profile.editCredentials': 'Modifier les identifiants de mon espace personnel',
  'dashboard.profile.birthPlace': 'Lieu de naissance',
  'dashboard.profile.birthPlaceHint': 'Si vous êtes né(e) en France.',
  'dashboard.profile.noAddress': 'Aucune adresse renseignée',
  'dashboard.profile.empty': 'Non renseigné',
  'dashboard.profile.username': "Nom d'utilisateur",
  'dashboard.profile.cityControlled.address':
    "Un changement d'adresse est une demande : les services municipaux la vérifient avant de l'enregistrer. Vous la suivez dans « Dernières demandes ».",
  'dashboard.profile.cityControlled.contact':
    'Un changement de téléphone ou de courriel est une demande : les services municipaux la vérifient avant de l’enregistrer. Le moyen de contact préféré change tout de suite.',
  'dashboard.profile.save': 'Enregistrer',
  'dashboard.profile.send': 'Envoyer',
  'dashboard.profile.saved': 'Vos modifications ont été enregistrées.',
  'dashboard.profile.requestSent': 'Votre demande a été transmise aux services municipaux.',
  'dashboard.profile.pending': 'En attente de validation : {summary} (demande du {date}, statut : {status}).',
  'dashboard.profile.passwordChanged': 'Votre mot de passe a été modifié.',
  'dashboard.profile.loadError': "Votre profil n'a pas pu être chargé.",
};

export const profileTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'dashboard.profile.intro': 'Edit the Identity, Address and Contact sections as you need.',
    'dashboard.profile.identity': 'Identity',
    'dashboard.profile.address': 'Address',
    'dashboard.profile.contact': 'Contact details',
    'dashboard.profile.credentials': 'Login details',
    'dashboard.profile.edit.identity': 'Edit my identity',
    'dashboard.profile.edit.address': 'Edit my address',
    'dashboard.profile.edit.contact': 'Edit my contact details',
    'dashboard.profile.editCredentials': 'Change the login details of my personal space',
    'dashboard.profile.birthPlace': 'Place of birth',
    'dashboard.profile.birthPlaceHint': 'If you were born in France.',
    'dashboard.profile.noAddress': 'No address given',
    'dashboard.profile.empty': 'Not given',
    'dashboard.profile.username': 'Username',
    'dashboard.profile.cityControlled.address':
      'A change of address is a request: the town hall checks it before recording it. Follow it in “Latest requests”.',
    'dashboard.profile.cityControlled.contact':
      'A change of phone or email is a request: the town hall checks it before recording it. The preferred contact method changes at once.',
    'dashboard.profile.save': 'Save',
    'dashboard.profile.send': 'Send',
    'dashboard.profile.saved': 'Your changes have been saved.',
    'dashboard.profile.requestSent': 'Your request has been sent to the town hall.',
    'dashboard.profile.pending': 'Awaiting approval: {summary} (requested on {date}, status: {status}).',
    'dashboard.profile.passwordChanged': 'Your password has been changed.',
    'dashboard.profile.loadError': 'Your profile could not be loaded.',
  },
};
