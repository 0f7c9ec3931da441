// SPDX-License-Identifier: MIT
/** Texts of `<citizen-my-data-panel>`. */
import type { TextPart } from '../part.js';

const fr = {
  'dashboard.myData.intro':
    'Vous pouvez obtenir une copie de tout ce que la ville conserve sur vous et votre famille, ou fermer votre espace.',
  'dashboard.myData.downloadHeading': 'Télécharger mes données',
  'dashboard.myData.downloadIntro':
    'Votre identité, vos coordonnées, votre famille et ses dossiers, vos demandes, vos messages et vos acceptations des conditions d’utilisation.',
  'dashboard.myData.download.html': 'Télécharger une version lisible (HTML)',
  'dashboard.myData.download.json': 'Télécharger le fichier de données (JSON)',
  'dashboard.myData.preparing': 'Préparation du fichier…',
  'dashboard.myData.downloaded': 'Le fichier a été téléchargé.',
  'dashboard.myData.closeHeading': 'Fermer mon espace',
  'dashboard.myData.warningTitle': 'Attention : la fermeture de votre espace est définitive.',
  'dashboard.myData.warning':
    "Toutes vos connexions seront fermées et vos données personnelles supprimées ou anonymisées, sauf celles que la loi impose à la ville de conserver (par exemple les factures). Les démarches en cours ne pourront plus être suivies en ligne. Téléchargez vos données avant si vous souhaitez les garder.",
  'dashboard.myData.closeStart': 'Fermer mon espace…',
  'dashboard.myData.closeFormHeading': 'Confirmer la fermeture de mon espace',
  'dashboard.myData.password': 'Mot de passe actuel',
  'dashboard.myData.passwordHint': 'Pour votre sécurité, saisissez de nouveau votre mot de passe.',
  'dashboard.myData.passwordRequired': 'Saisissez votre mot de passe actuel',
  'dashboard.myData.passwordWrong': "Ce n'est pas votre mot de passe actuel",
  'dashboard.myData.confirm': 'Je comprends que la fermeture de mon espace est définitive',
  'dashboard.myData.confirmRequired': 'Cochez la case pour confirmer que vous comprenez que la fermeture est définitive',
  'dashboard.myData.closeSubmit': 'Fermer définitivement mon espace',
  'dashboard.myData.closing': 'Fermeture en cours…',
  'dashboard.myData.closed': 'Votre espace a été fermé et vous avez été déconnecté.',
};

export const myDataTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'dashboard.myData.intro': 'You can get a copy of everything the town keeps about you and your family, or close your space.',
    'dashboard.myData.downloadHeading': 'Download my data',
    'dashboard.myData.downloadIntro':
      'Your identity, your contact details, your family and its records, your requests, your messages and your acceptances of the terms of use.',
    'dashboard.myData.download.html': 'Download a readable version (HTML)',
    'dashboard.myData.download.json': 'Download the data file (JSON)',
    'dashboard.myData.preparing': 'Preparing the file…',
    'dashboard.myData.downloaded': 'The file has been downloaded.',
    'dashboard.myData.closeHeading': 'Close my space',
    'dashboard.myData.warningTitle': 'Warning: closing your space cannot be undone.',
    'dashboard.myData.warning':
      'All your sessions will end and your personal data will be deleted or anonymised, except what the law requires the town to keep (for example invoices). Requests in progress can no longer be followed online. Download your data first if you want to keep it.',
    'dashboard.myData.closeStart': 'Close my space…',
    'dashboard.myData.closeFormHeading': 'Confirm the closing of my space',
    'dashboard.myData.password': 'Current password',
    'dashboard.myData.passwordHint': 'For your security, type your password again.',
    'dashboard.myData.passwordRequired': 'Enter your current password',
    'dashboard.myData.passwordWrong': 'This is not your current password',
    'dashboard.myData.confirm': 'I understand that closing my space cannot be undone',
    'dashboard.myData.confirmRequired': 'Tick the box to confirm you understand that closing cannot be undone',
    'dashboard.myData.closeSubmit': 'Close my space for good',
    'dashboard.myData.closing': 'Closing…',
    'dashboard.myData.closed': 'Your space has been closed and you have been logged out.',
  },
};
