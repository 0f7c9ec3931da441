// SPDX-License-Identifier: MIT
/**
 * The account mails, worded as the seeds' (000: "Ville d'Arras - Création de votre espace
 * personnel", "Bonjour M. …"). Plain text; links are built from PUBLIC_URL, never from a
 * request's Host header (a forged Host would send the citizen elsewhere); no password is
 * ever written in a mail.
 */
import type { CityConfig } from '../../src/schemas/city-config.js';
import type { AccountRecord } from '../store/types.js';
import type { Mail } from './mailer.js';

export const FOOTER = 'Ce message est envoyé par un automate, merci de ne pas y répondre. Votre réponse ne pourra être traitée.';

/** "M. Olivier TEST" / "Mme Testa ARPEGE": how the seeds' mails (000, 001) address a citizen. */
export function formalName(account: Pick<AccountRecord, 'identity'>): string {
  const { civility, lastName, firstNames } = account.identity;
  return `${civility === 'MME' ? 'Mme' : 'M.'} ${firstNames} ${lastName.toLocaleUpperCase('fr')}`;
}

/** Resolves a site path against PUBLIC_URL, keeping its path prefix if it has one. */
export function siteLink(publicUrl: URL, path: string): string {
  const base = publicUrl.href.endsWith('/') ? publicUrl.href : `${publicUrl.href}/`;
  return new URL(path.replace(/^\/+/, ''), base).href;
}

/** Sent at sign-up (and on "send a new link") when the city activates by e-mail. */
export function activationMail(city: CityConfig, account: AccountRecord, link: string): Mail {
  const hours = city.activationLinkHours;
  return {
    to: account.email,
    subject: `${city.name} - Création de votre espace personnel`,
    text: [
      `Bonjour ${formalName(account)},`,
      '',
      "Votre demande de création d'un espace personnel a bien été prise en compte.",
      '',
      `Pour l'activer, veuillez cliquer sur le lien suivant : ${link}`,
      '',
      `Ce lien est valable ${hours} heures et ne sert qu'une fois. S'il a expiré, la page qu'il ouvre vous permet d'en demander un nouveau.`,
      `Votre nom d'utilisateur : ${account.username}`,
      '',
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : l'espace ne sera pas activé.",
      '',
      'Cordialement,',
      city.name,
      '',
      FOOTER,
      '',
    ].join('\n'),
  };
}

/** Sent when staff activate an account (`accounts:activate`). */
export function accountActivatedMail(city: CityConfig, account: AccountRecord, loginLink: string): Mail {
  return {
    to: account.email,
    subject: `${city.name} - Activation de votre espace personnel`,
    text: [
      `Bonjour ${formalName(account)},`,
      '',
      `Votre espace a bien été activé pour le nom d'utilisateur : ${account.username}.`,
      '',
      `Vous pouvez dès à présent vous connecter : ${loginLink}`,
      '',
      'Cordialement,',
      city.name,
      '',
      FOOTER,
      '',
    ].join('\n'),
  };
}
