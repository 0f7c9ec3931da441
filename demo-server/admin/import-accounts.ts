// SPDX-License-Identifier: MIT
/**
 * `accounts:import FILE.csv`: staff import the legacy family accounts (journey J3, seeds 001
 * and 003: "votre espace personnel a été automatiquement créé par nos services").
 *
 * All or nothing: every row is checked with the shared schemas, and against the other rows
 * and the existing accounts, before anything is written; one mistake anywhere and nothing
 * is imported, with every problem reported by line and column. The accounts are then
 * written in one store write, and each holder is mailed:
 * - `choose` (the city's `importedPasswords`, default): a link to choose a first password,
 *   which also activates the account. Until then no password opens it (a random one nobody
 *   knows is stored). A lost or expired link is replaced by "J'ai oublié mon mot de passe".
 * - `generated`: the activation link and a generated password (seed 001), which the first
 *   login forces the holder to replace.
 * Imported accounts wait as `pending-email` until their holder follows the link.
 *
 * The columns (header row required, any order, names case-insensitive) are listed in
 * `IMPORT_COLUMNS` and the README. The file is UTF-8, with or without a byte order mark.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Address, Contact, Identity, Username } from '../../src/schemas/account.js';
import type { CityConfig } from '../../src/schemas/city-config.js';
import { fieldErrors } from '../../src/schemas/errors.js';
import { issueMailToken, mailTokenLink } from '../auth/mail-tokens.js';
import { hashPassword } from '../auth/passwords.js';
import { siteLink } from '../mail/account-mails.js';
import type { Mailer } from '../mail/mailer.js';
import { accountSetupMail, generatedPasswordMail } from '../mail/password-reset-mails.js';
import { ACTIVATION_PATH } from '../routes/accounts.js';
import { SETUP_PATH } from '../routes/password-reset.js';
import { StoreConflictError, type AccountRecord, type Store } from '../store/types.js';
import { CsvSyntaxError, detectDelimiter, parseCsv } from './csv.js';

export interface ImportColumn {
  name: string;
  required: boolean;
  /** What goes in it, for the README and the error messages. */
  description: string;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: 'username', required: true, description: "login name: 3 to 60 letters, digits and . _ - @" },
  { name: 'email', required: true, description: 'the holder’s own address (each account needs its own): the mail goes there' },
  { name: 'civility', required: true, description: '`M` or `MME` (also `M.`, `Monsieur`, `Mme`, `Madame`)' },
  { name: 'first_names', required: true, description: 'prénom(s)' },
  { name: 'last_name', required: true, description: 'nom usuel' },
  { name: 'birth_name', required: false, description: 'nom de naissance' },
  { name: 'birth_date', required: false, description: '`YYYY-MM-DD` or `DD/MM/YYYY`' },
  { name: 'phone', required: false, description: 'French number' },
  { name: 'mobile', required: false, description: 'French number' },
  { name: 'street', required: false, description: 'numéro et voie (with `postcode` and `commune`, or none of the address columns)' },
  { name: 'complement', required: false, description: "complément d'adresse" },
  { name: 'postcode', required: false, description: 'five digits' },
  { name: 'commune', required: false, description: 'commune' },
  { name: 'household_id', required: false, description: 'an existing family record (`households:create`), e.g. `foyer-dupont`' },
];

/** Beyond these, the file is surely not what staff meant to import. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
/** Problems listed before "… and N more". */
const MAX_REPORTED = 100;

/** The file cannot be imported; `message` says every reason. Nothing was written. */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
}

export interface ImportContext {
  store: Store;
  city: CityConfig;
  mailer?: Mailer | undefined;
  publicUrl?: URL | undefined;
}

interface Problem {
  line: number;
  column?: string;
  code: string;
  detail?: string;
}

interface Candidate {
  line: number;
  account: AccountRecord;
}

/** Schema paths → the file's column names, so that a problem points at a cell. */
const COLUMN_OF_PATH: Record<string, string> = {
  'identity.civility': 'civility',
  'identity.lastName': 'last_name',
  'identity.birthName': 'birth_name',
  'identity.firstNames': 'first_names',
  'identity.birthDate': 'birth_date',
  'contact.email': 'email',
  'contact.phone': 'phone',
  'contact.mobile': 'mobile',
  'address.street': 'street',
  'address.complement': 'complement',
  'address.postcode': 'postcode',
  'address.commune': 'commune',
};

const fold = (value: string) => value.normalize('NFC').toLowerCase();

const CIVILITIES: Record<string, 'M' | 'MME'> = { M: 'M', 'M.': 'M', MR: 'M', MONSIEUR: 'M', MME: 'MME', MADAME: 'MME' };

/** The spellings staff files use for "Civilité"; anything else is left for the schema to refuse. */
function civility(value: string): string {
  return CIVILITIES[value.trim().toUpperCase()] ?? value;
}

/** `14/03/1986` (French spreadsheets) → `1986-03-14`; anything else as is. */
function isoDate(value: string): string {
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  return french ? `${french[3]}-${french[2]}-${french[1]}` : value;
}

/** `value` without its absent fields (empty optional cells), as a sign-up's JSON would be. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A value to quote in a report: short, on one line. */
function shown(value: string): string {
  const line = value.replace(/\s+/g, ' ');
  return line.length > 40 ? `"${line.slice(0, 39)}…"` : `"${line}"`;
}

/**
 * A password typed from a letter or a mail: no look-alike characters (0/O, 1/l/I), 16 of
 * 54 symbols, about 92 bits. Shown once in the mail, stored only as its hash.
 */
export function generateReadablePassword(length = 16): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let password = '';
  for (let i = 0; i < length; i++) password += alphabet[randomInt(alphabet.length)];
  return password;
}

/** Reads the file as UTF-8 (a byte order mark is dropped); anything else is refused. */
async function readUtf8(file: string): Promise<string> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    throw new ImportRefusedError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (size > MAX_IMPORT_BYTES) throw new ImportRefusedError(`${file} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it`);
  const bytes = await readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportRefusedError(
      `${file} is not UTF-8 text. In Excel, save it as "CSV UTF-8 (délimité par des virgules)"; in LibreOffice, choose the character set "Unicode (UTF-8)".`,
    );
  }
}

/** Checks one row; its account, or its problems. */
function checkRow(line: number, cells: Record<string, string>): { account?: Omit<AccountRecord, 'passwordHash' | 'status' | 'mustChangePassword'>; problems: Problem[] } {
  const problems: Problem[] = [];
  const cell = (name: string) => cells[name]?.trim() ?? '';
  const optional = (name: string) => cell(name) || undefined;
  const report = (fields: Record<string, string>, prefix: string, columnFor?: string) => {
    for (const [path, code] of Object.entries(fields)) {
      const column = columnFor ?? COLUMN_OF_PATH[`${prefix}.${path}`] ?? path;
      const value = cell(column);
      problems.push({ line, column, code, ...(value && code !== 'required' ? { detail: shown(value) } : {}) });
    }
  };

  const username = Username.safeParse(cell('username'));
  if (!username.success) report(cell('username') ? fieldErrors(username.error.issues) : { _: 'required' }, '', 'username');
  const identity = Identity.safeParse({
    civility: cell('civility') ? civility(cell('civility')) : undefined,
    lastName: cell('last_name'),
    birthName: optional('birth_name'),
    firstNames: cell('first_names'),
    birthDate: optional('birth_date') && isoDate(cell('birth_date')),
  });
  if (!identity.success) report(fieldErrors(identity.error.issues), 'identity');
  const contact = Contact.safeParse({ email: cell('email'), phone: optional('phone'), mobile: optional('mobile'), preferred: 'email' });
  if (!contact.success) report(fieldErrors(contact.error.issues), 'contact');
  const hasAddress = ['street', 'complement', 'postcode', 'commune'].some((name) => cell(name) !== '');
  const address = hasAddress
    ? Address.safeParse({ street: cell('street'), complement: optional('complement'), postcode: cell('postcode'), commune: cell('commune') })
    : undefined;
  if (address && !address.success) report(fieldErrors(address.error.issues), 'address');

  if (problems.length > 0 || !username.success || !identity.success || !contact.success) return { problems };
  return {
    problems,
    account: {
      id: randomUUID(),
      username: username.data,
      email: contact.data.email,
      identity: defined(identity.data),
      address: address?.success ? defined(address.data) : undefined,
      contact: defined(contact.data),
      householdId: optional('household_id'),
      serviceKeys: [],
      createdAt: new Date().toISOString(),
    },
  };
}

function refusal(file: string, problems: Problem[]): ImportRefusedError {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const lines = sorted
    .slice(0, MAX_REPORTED)
    .map((p) => `  line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.code}${p.detail ? ` (${p.detail})` : ''}`);
  if (sorted.length > MAX_REPORTED) lines.push(`  … and ${sorted.length - MAX_REPORTED} more`);
  return new ImportRefusedError(
    [`${basename(file)}: ${problems.length} problem(s); nothing was imported. Correct the file and run the command again.`, ...lines].join('\n'),
  );
}

/** Reads and checks the whole file; the accounts to create (without passwords yet), or every problem. */
export async function readImportFile(ctx: ImportContext, file: string): Promise<Candidate[]> {
  const text = await readUtf8(file);
  let records;
  try {
    records = parseCsv(text, detectDelimiter(text));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ImportRefusedError(`${basename(file)}: ${error.message}; nothing was imported.`);
    throw error;
  }
  // Blank lines, and the ";;;;" rows spreadsheets leave below the data, are not rows.
  const rows = records.filter((record) => record.fields.some((field) => field.trim() !== ''));
  const [header, ...data] = rows;
  if (!header) throw new ImportRefusedError(`${basename(file)} is empty; nothing was imported.`);

  const problems: Problem[] = [];
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const known = new Set(IMPORT_COLUMNS.map((column) => column.name));
  for (const name of names) {
    if (!known.has(name)) problems.push({ line: header.line, code: `unknown column ${shown(name)} (known: ${[...known].join(', ')})` });
  }
  for (const [i, name] of names.entries()) {
    if (names.indexOf(name) !== i) problems.push({ line: header.line, code: `column ${shown(name)} appears twice` });
  }
  for (const column of IMPORT_COLUMNS) {
    if (column.required && !names.includes(column.name)) problems.push({ line: header.line, code: `missing column "${column.name}"` });
  }
  if (problems.length > 0) throw refusal(file, problems);
  if (data.length === 0) throw new ImportRefusedError(`${basename(file)} has a header but no accounts; nothing was imported.`);
  if (data.length > MAX_IMPORT_ROWS) throw new ImportRefusedError(`${basename(file)} has ${data.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`);

  const candidates: Candidate[] = [];
  // Login identifiers met so far: a username or an address may not come back as either.
  const seen = new Map<string, { line: number; column: string }>();
  const households = new Map<string, boolean>();
  for (const record of data) {
    if (record.fields.length !== names.length) {
      problems.push({ line: record.line, code: `${record.fields.length} value(s) where the header has ${names.length} columns` });
      continue;
    }
    const cells = Object.fromEntries(names.map((name, i) => [name, record.fields[i]!]));
    const { account, problems: rowProblems } = checkRow(record.line, cells);
    problems.push(...rowProblems);
    if (!account) continue;

    for (const [column, value] of [['username', account.username], ['email', account.email]] as const) {
      const key = fold(value);
      const first = seen.get(key);
      if (first && !(first.line === record.line)) {
        problems.push({ line: record.line, column, code: `duplicate of the ${first.column} of line ${first.line}`, detail: shown(value) });
      } else if (!first) {
        seen.set(key, { line: record.line, column });
      }
      // A username may not be another account's address, nor the other way round: the login accepts both.
      const existing = await ctx.store.accounts.findByLogin(value, true);
      if (existing) problems.push({ line: record.line, column, code: column === 'username' ? 'username_taken' : 'email_taken', detail: shown(value) });
    }
    if (account.householdId !== undefined) {
      const id = account.householdId;
      if (!households.has(id)) households.set(id, (await ctx.store.households.get(id)) !== undefined);
      if (!households.get(id)) problems.push({ line: record.line, column: 'household_id', code: 'no such household', detail: shown(id) });
    }
    candidates.push({ line: record.line, account: { ...account, passwordHash: '', status: 'pending-email', mustChangePassword: false } });
  }
  if (problems.length > 0) throw refusal(file, problems);
  return candidates;
}

/**
 * Imports `file` (see the module comment). With `dryRun`, checks it and writes nothing.
 * Returns the report for the operator.
 */
export async function importAccounts(ctx: ImportContext, file: string, options: { dryRun?: boolean } = {}): Promise<string> {
  const { store, city, mailer, publicUrl } = ctx;
  const candidates = await readImportFile(ctx, file);
  if (options.dryRun) return `${basename(file)}: ${candidates.length} account(s) can be imported; nothing was written (--dry-run).`;
  // Without a way to tell the holders, the accounts would wait for ever.
  if (!mailer || !publicUrl) throw new ImportRefusedError('accounts:import needs the mailer and PUBLIC_URL; nothing was imported.');

  const generated = city.importedPasswords === 'generated';
  const passwords = new Map<string, string>();
  const accounts: AccountRecord[] = [];
  for (const { account } of candidates) {
    // `choose`: a random password nobody ever sees, until the holder chooses theirs.
    const password = generated ? generateReadablePassword() : randomBytes(32).toString('base64url');
    if (generated) passwords.set(account.id, password);
    accounts.push({ ...account, passwordHash: await hashPassword(password), mustChangePassword: generated });
  }
  try {
    await store.accounts.insertMany(accounts);
  } catch (error) {
    if (error instanceof StoreConflictError) {
      throw new ImportRefusedError(
        `An account took one of the file's ${error.field === 'email' ? 'addresses' : 'usernames'} while it was checked; nothing was imported. Run the command again to see which.`,
      );
    }
    throw error;
  }

  const ttlMs = city.setupLinkHours * 60 * 60_000;
  const forgotLink = siteLink(publicUrl, city.urls.forgotPassword ?? '/mot-de-passe-oublie');
  const lines: string[] = [];
  let failed = 0;
  for (const account of accounts) {
    try {
      if (generated) {
        const token = await issueMailToken(store, account.id, 'activation', ttlMs);
        await mailer.send(generatedPasswordMail(city, account, mailTokenLink(publicUrl, ACTIVATION_PATH, token), passwords.get(account.id)!));
      } else {
        const token = await issueMailToken(store, account.id, 'account-setup', ttlMs);
        await mailer.send(accountSetupMail(city, account, mailTokenLink(publicUrl, SETUP_PATH, token), forgotLink));
      }
      lines.push(`  ${account.username}\t${account.email}\tmailed`);
    } catch (error) {
      failed++;
      lines.push(`  ${account.username}\t${account.email}\tMAIL FAILED (${(error as Error).message})`);
    }
  }
  passwords.clear();
  const how = generated
    ? 'an activation link and a generated password, to be replaced at first login'
    : 'a link to choose a password';
  return [
    `Imported ${accounts.length} account(s) from ${basename(file)}; each holder was mailed ${how} (valid ${city.setupLinkHours} h):`,
    ...lines,
    ...(failed > 0
      ? [`${failed} mail(s) failed: those holders can use "J'ai oublié mon mot de passe" (${forgotLink}) with their username or address.`]
      : []),
  ].join('\n');
}
