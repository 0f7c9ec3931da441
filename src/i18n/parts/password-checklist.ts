// SPDX-License-Identifier: MIT
/** The live password checklist (src/core/password-checklist.ts), shared by sign-up, password change and password reset. */
import type { TextPart } from '../part.js';

const fr = {
  'passwordChecklist.title': 'Règles du mot de passe',
  'passwordChecklist.met': 'respectée',
  'passwordChecklist.unmet': 'pas encore respectée',
  'passwordChecklist.allMet': 'Le mot de passe respecte toutes les règles.',
  'passwordChecklist.remaining': 'Il manque encore : {rules}.',
  'passwordChecklist.rule.length': 'Au moins {count} caractère(s)',
  'passwordChecklist.rule.lowercase': 'Au moins {count} minuscule(s)',
  'passwordChecklist.rule.uppercase': 'Au moins {count} majuscule(s)',
  'passwordChecklist.rule.digits': 'Au moins {count} chiffre(s)',
  'passwordChecklist.rule.special': 'Au moins {count} caractère(s) spécial(aux)',
  'passwordChecklist.rule.personal': "Ni votre nom, ni votre nom d'utilisateur, ni le nom de la ville",
};

export const passwordChecklistTexts: TextPart<keyof typeof fr> = {
  fr,
  en: {
    'passwordChecklist.title': 'Password rules',
    'passwordChecklist.met': 'met',
    'passwordChecklist.unmet': 'not met yet',
    'passwordChecklist.allMet': 'The password meets every rule.',
    'passwordChecklist.remaining': 'Still missing: {rules}.',
    'passwordChecklist.rule.length': 'At least {count} character(s)',
    'passwordChecklist.rule.lowercase': 'At least {count} lowercase letter(s)',
    'passwordChecklist.rule.uppercase': 'At least {count} uppercase letter(s)',
    'passwordChecklist.rule.digits': 'At least {count} digit(s)',
    'passwordChecklist.rule.special': 'At least {count} special character(s)',
    'passwordChecklist.rule.personal': 'Not your name, your username or the city name',
  },
};
