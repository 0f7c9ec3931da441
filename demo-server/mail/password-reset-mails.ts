// SPDX-License-Identifier: MIT
/**
 * The mails of journeys J3 and J5: the "forgotten password" link, and the mail that tells
 * the holder of an account imported by staff that it "a été automatiquement créé" (seed
 * 001). Worded and addressed as the other account mails (account-mails.ts); links come from
 * PUBLIC_URL only. Only the `generated` import mode, which a city must ask for, puts a
 * password in a mail (seed 001's way); the reset mail never does.
 */
import type { CityConfig } from '../../src/schemas/city-config.js';
import type { AccountRecord } from '../store/types.js';
import { FOOTER, formalName } from './account-mails.js';
import type { Mail } from './mailer.js';

/** "30 minutes", "1 heure", "7 jours": how long a link lives, in the mail's words. */
export function frenchDuration(minutes: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
  if (minutes % (24 * 60) === 0) return plural(minutes / (24 * 60), 'jour');
  if (minutes % 60 === 0) return plural(minutes / 60, 'heure');
  return plural(minutes, 'minute');
}

const signature = (city: CityConfig) => ['', 'Cordialement,', city.name, '', FOOTER, ''];

/** The link of "J'ai oublié mon mot de passe" (seed 002), and nothing that logs in by itself. */
export function passwordResetMail(city: CityConfig, account: AccountRecord, link: string): Mail {
  return {
    to: account.email,
    subject: `${city.name} - Réinitialisation de votre mot de passe`,
    text: [
      `Bonjour ${formalName(account)},`,
      '',
      `Une réinitialisation du mot de passe de votre espace personnel a été demandée (nom d'utilisateur : ${account.username}).`,
      '',
      `Pour choisir un nouveau mot de passe, veuillez cliquer sur le lien suivant : ${link}`,
      '',
      `Ce lien est valable ${frenchDuration(city.resetLinkMinutes)} et ne sert qu'une fois ; une nouvelle demande le remplace. Tant que vous ne l'avez pas utilisé, votre mot de passe actuel reste valable.`,
      '',
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe ne sera pas modifié.",
      ...signature(city),
    ].join('\n'),
  };
}

/** Seed 001's words. */
const WELCOME =
  "Nous vous souhaitons la bienvenue sur votre espace citoyen. Pour faciliter l'accès à vos démarches liées à votre vie quotidienne, votre espace personnel a été automatiquement créé par nos services, à partir des informations de votre ancien compte famille.";

/** Import, `choose` mode: the link lets the holder choose a first password (and activates the account). */
export function accountSetupMail(city: CityConfig, account: AccountRecord, link: string, forgotPasswordLink: string): Mail {
  return {
    to: account.email,
    subject: `${city.name} - Création de votre espace personnel`,
    text: [
      `Bonjour ${formalName(account)},`,
      '',
      WELCOME,
      '',
      `Votre nom d'utilisateur : ${account.username}`,
      '',
      `Pour l'activer, veuillez cliquer sur le lien suivant et choisir votre mot de passe : ${link}`,
      '',
      `Ce lien est valable ${frenchDuration(city.setupLinkHours * 60)} et ne sert qu'une fois. S'il a expiré, choisissez votre mot de passe depuis « J'ai oublié mon mot de passe » : ${forgotPasswordLink}`,
      ...signature(city),
    ].join('\n'),
  };
}

/**
 * Import, `generated` mode (seed 001): the activation link and the generated credentials.
 * The first login then forces the holder to replace the password.
 */
export function generatedPasswordMail(city: CityConfig, account: AccountRecord, activationLink: string, password: string): Mail {
  return {
    to: account.email,
    subject: `${city.name} - Création de votre espace personnel`,
    text: [
      `Bonjour ${formalName(account)},`,
      '',
      WELCOME,
      '',
      `Pour l'activer, veuillez cliquer sur le lien suivant : ${activationLink}`,
      `Ce lien est valable ${frenchDuration(city.setupLinkHours * 60)} et ne sert qu'une fois.`,
      '',
      'Voici vos identifiants de connexion :',
      `• Nom d'utilisateur : ${account.username}`,
      `• Mot de passe : ${password}`,
      '',
      'Ce mot de passe a été généré automatiquement : à votre première connexion, vous devrez en choisir un nouveau.',
      ...signature(city),
    ].join('\n'),
  };
}
