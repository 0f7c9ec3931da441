// SPDX-License-Identifier: MIT
/**
 * The mail that tells an account holder their password changed (a change from the
 * citizen space now; a reset by mail link later). It carries no password and no link that
 * logs in: only where to go if the holder did not make the change.
 */
import type { CityConfig } from '../../src/schemas/city-config.js';
import type { AccountRecord } from '../store/types.js';
import type { Mail, Mailer } from './mailer.js';

const civility = { M: 'Monsieur', MME: 'Madame' } as const;

/** A page of the public site, from PUBLIC_URL (a relative city URL is resolved against it). */
function siteUrl(publicUrl: URL, path: string | undefined): string {
  return new URL(path ?? '/', publicUrl).href;
}

export function passwordChangedMail(account: AccountRecord, city: CityConfig, publicUrl: URL, when = new Date()): Mail {
  const { identity } = account;
  const date = when.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = when.toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
  const name = `${civility[identity.civility]} ${identity.firstNames} ${identity.lastName.toUpperCase()}`;
  return {
    to: account.email,
    subject: `${city.name} – Votre mot de passe a été modifié`,
    text: [
      `Bonjour ${name},`,
      '',
      `Le mot de passe de votre espace citoyen (nom d'utilisateur : ${account.username}) a été modifié le ${date} à ${time}.`,
      'Vos autres connexions ouvertes ont été fermées.',
      '',
      "Si vous êtes à l'origine de ce changement, vous n'avez rien à faire.",
      "Sinon, choisissez sans attendre un nouveau mot de passe depuis « J'ai oublié mon mot de passe » :",
      siteUrl(publicUrl, city.urls.forgotPassword ?? city.urls.login),
      'et prévenez les services municipaux.',
      '',
      `${city.name}`,
      "Ce courriel est envoyé automatiquement : merci de ne pas y répondre.",
    ].join('\n'),
  };
}

/**
 * Sends the mail; a mail server that fails does not undo the change (already durable), so
 * the failure is logged (without the mail's content) and the citizen's answer stays a success.
 */
export async function notifyPasswordChanged(mailer: Mailer, account: AccountRecord, city: CityConfig, publicUrl: URL): Promise<void> {
  try {
    await mailer.send(passwordChangedMail(account, city, publicUrl));
  } catch (error) {
    console.error(`[demo-server] the "password changed" mail to account ${account.id} failed:`, (error as Error).message);
  }
}
