// SPDX-License-Identifier: MIT
/** Texts of `<citizen-document-picker>`, and the refused-document message of the forms that embed it. */
import type { TextPart } from '../part.js';

const fr = {
  'documentPicker.none': 'Aucun document',
  'documentPicker.meta': '{type}, ajouté le {date}',
  'documentPicker.empty': 'Votre espace de stockage sécurisé ne contient encore aucun document.',
  'documentPicker.loadError': "Vos documents n'ont pas pu être chargés.",
  'documentPicker.add': 'Ajouter un nouveau document',
  'documentPicker.hint': 'PDF, JPEG ou PNG, {max} au plus. Il est gardé dans votre espace de stockage sécurisé et choisi ici.',
  'documentPicker.uploaded': '« {name} » a été ajouté à votre espace de stockage et choisi.',
  'dashboard.absence.unknownDocument': 'Ce document n’est plus dans votre espace de stockage : choisissez-en un autre',
};

export const documentPickerTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'documentPicker.none': 'No document',
    'documentPicker.meta': '{type}, added on {date}',
    'documentPicker.empty': 'Your secure document storage has no document yet.',
    'documentPicker.loadError': 'Your documents could not be loaded.',
    'documentPicker.add': 'Add a new document',
    'documentPicker.hint': 'PDF, JPEG or PNG, {max} at most. It is kept in your secure document storage and chosen here.',
    'documentPicker.uploaded': '“{name}” was added to your document storage and chosen.',
    'dashboard.absence.unknownDocument': 'This document is no longer in your document storage: choose another one',
  },
};
