// SPDX-License-Identifier: MIT
/**
 * Closing an account ("Mes données", RGPD art. 17): every session ends, and the personal
 * data is deleted or anonymised, except what the law makes the city keep, which stays
 * flagged with its reason in the account's closure record. The account itself stays as an
 * anonymised tombstone (status `disabled`, no usable password, no name, no address), so that
 * what is kept still points to a record saying why.
 */
import { randomBytes } from 'node:crypto';
import type { CityConfig } from '../../src/schemas/city-config.js';
import { clearFailures } from '../auth/throttle.js';
import { FOOTER, formalName } from '../mail/account-mails.js';
import type { Mailer } from '../mail/mailer.js';
import type { AccountClosure, AccountRecord, MailTokenPurpose, Store } from '../store/types.js';
import { removeDocumentFiles } from '../routes/documents.js';
import { removePhoto } from '../store/photos.js';

/** Why each kind of data outlives the account (shown to staff; listed in the closure record). */
export const RETENTION_REASONS = {
  termsAcceptances:
    "Preuve de l'acceptation des conditions générales d'utilisation : conservée pendant le délai de prescription de 5 ans (Code civil, art. 2224).",
  requests:
    'Décisions de la commune sur les demandes traitées : archives publiques (Code du patrimoine, art. L211-4 et L212-2).',
  household:
    "Dossier famille du service municipal : tenu par le service, indépendamment de l'espace citoyen, et encore utilisé par les autres représentants du foyer.",
  healthAudit:
    "Journal des consultations de données de santé : mesure de sécurité (RGPD, art. 32), sans les données elles-mêmes.",
  invoices:
    'Factures et paiements du foyer : pièces comptables conservées 10 ans (Code de commerce, art. L123-22 ; comptabilité publique).',
} as const;

const MAIL_TOKEN_PURPOSES: readonly MailTokenPurpose[] = ['activation', 'password-reset', 'account-setup'];

export interface CloseDeps {
  store: Store;
  city: CityConfig;
  mailer?: Mailer | undefined;
  /** Where stored documents' contents live: deleted with the account. */
  documentsDir?: string | undefined;
  /** Where sign-up photos live (store/photos.ts): the account's is deleted with it. */
  photosDir?: string | undefined;
}

export async function closeAccount(
  { store, city, mailer, documentsDir, photosDir }: CloseDeps,
  account: AccountRecord,
): Promise<AccountClosure> {
  const closedAt = new Date().toISOString();
  const tag = `compte-clos-${randomBytes(6).toString('hex')}`;
  const kept: AccountClosure['kept'] = [];
  if ((await store.termsAcceptances.listForAccount(account.id)).length > 0) {
    kept.push({ what: 'termsAcceptances', reason: RETENTION_REASONS.termsAcceptances });
  }
  if (account.householdId) kept.push({ what: 'household', reason: RETENTION_REASONS.household });
  if ((await store.healthAudit.listByAccount(account.id)).length > 0) kept.push({ what: 'healthAudit', reason: RETENTION_REASONS.healthAudit });
  if (account.householdId && (await store.invoices.listForHousehold(account.householdId)).length > 0) {
    kept.push({ what: 'invoices', reason: RETENTION_REASONS.invoices });
  }

  // First the account: disabled and anonymised, it opens nothing from now on (a session
  // racing with this one is refused by the status check of every request).
  await store.accounts.update(account.id, {
    username: tag,
    email: `${tag}@anonyme.invalid`,
    passwordHash: '',
    status: 'disabled',
    // The record type requires an identity: placeholders, told apart by `closure`.
    identity: { civility: 'M', lastName: 'ANONYME', firstNames: 'Compte clôturé' },
    address: undefined,
    contact: { email: `${tag}@anonyme.invalid`, preferred: 'email' },
    householdId: undefined,
    serviceKeys: [],
    mustChangePassword: false,
    lastLoginAt: undefined,
    photo: undefined,
    closure: { closedAt, kept },
  });
  // A face is personal data like any other: it goes with the account.
  if (photosDir && account.photo) await removePhoto(photosDir, account.photo);
  await store.sessions.deleteForAccount(account.id);
  for (const purpose of MAIL_TOKEN_PURPOSES) await store.mailTokens.revoke(account.id, purpose);
  await store.franceConnectLinks.deleteForAccount(account.id);
  await store.messages.deleteForAccount(account.id);
  // "Vous seul pouvez consulter son contenu": nobody can, once the account is closed.
  const documents = await store.documents.deleteForAccount(account.id);
  if (documentsDir) await removeDocumentFiles(documentsDir, documents);
  await store.calendarFeeds.deleteCreatedBy(account.id);
  const { retained } = await store.requests.closeForAccount(account.id, RETENTION_REASONS.requests);
  if (retained > 0) {
    kept.push({ what: 'requests', reason: RETENTION_REASONS.requests });
    await store.accounts.update(account.id, { closure: { closedAt, kept } });
  }
  await clearFailures(store, account.username);
  await clearFailures(store, account.email);

  // A last mail to the address being erased: if someone else closed the account, the holder knows.
  if (mailer) {
    await mailer.send(closedMail(city, account)).catch((error: unknown) => {
      console.error(`[demo-server] account-closed mail for ${account.id} failed:`, (error as Error).message);
    });
  }
  return { closedAt, kept };
}

function closedMail(city: CityConfig, account: AccountRecord) {
  return {
    to: account.email,
    subject: `${city.name} - Clôture de votre espace personnel`,
    text: [
      `Bonjour ${formalName(account)},`,
      '',
      `Votre espace personnel (nom d'utilisateur : ${account.username}) a été clôturé à votre demande.`,
      'Vos données personnelles ont été effacées ou anonymisées, sauf celles que la loi impose à la commune de conserver (par exemple ses décisions sur vos demandes).',
      '',
      "Si vous n'êtes pas à l'origine de cette clôture, contactez sans attendre les services de la mairie.",
      '',
      'Cordialement,',
      city.name,
      '',
      FOOTER,
      '',
    ].join('\n'),
  };
}
