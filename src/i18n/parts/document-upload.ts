// SPDX-License-Identifier: MIT
/** The upload field shared by the documents panel and the document picker (document-upload.ts). */
import type { TextPart } from '../part.js';

const fr = {
  'dashboard.documents.sending': 'Envoi de « {name} »…',
  'dashboard.documents.sendingPercent': 'Envoi de « {name} » : {percent} %',
  'dashboard.documents.kb': 'Ko',
  'dashboard.documents.mb': 'Mo',
  'dashboard.documents.error.file_too_large': 'Le fichier est trop volumineux : {max} au plus.',
  'dashboard.documents.error.file_type_not_allowed': 'Ce type de fichier n’est pas accepté : choisissez un PDF, un JPEG ou un PNG.',
  'dashboard.documents.error.file_type_mismatch': 'Le contenu du fichier ne correspond pas à son type : choisissez un vrai PDF, JPEG ou PNG.',
  'dashboard.documents.error.quota_exceeded': 'Votre espace de stockage est plein : supprimez un document avant d’en ajouter un.',
  'dashboard.documents.error.required': 'Choisissez un fichier.',
  'dashboard.documents.error.invalid': "L'envoi a été interrompu : réessayez.",
};

export const documentUploadTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'dashboard.documents.sending': 'Sending “{name}”…',
    'dashboard.documents.sendingPercent': 'Sending “{name}”: {percent}%',
    'dashboard.documents.kb': 'KB',
    'dashboard.documents.mb': 'MB',
    'dashboard.documents.error.file_too_large': 'The file is too large: {max} at most.',
    'dashboard.documents.error.file_type_not_allowed': 'This type of file is not accepted: choose a PDF, JPEG or PNG.',
    'dashboard.documents.error.file_type_mismatch': 'The file’s content does not match its type: choose a real PDF, JPEG or PNG.',
    'dashboard.documents.error.quota_exceeded': 'Your storage is full: delete a document before adding one.',
    'dashboard.documents.error.required': 'Choose a file.',
    'dashboard.documents.error.invalid': 'The upload was interrupted: try again.',
  },
};
