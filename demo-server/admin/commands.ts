// SPDX-License-Identifier: MIT
/**
 * The staff side's commands. The same code runs from the CLI on the data file, or inside
 * the running server through the admin API (the file has one writer at a time).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { Username } from '../../src/schemas/account.js';
import { Civility, Email, requiredText } from '../../src/schemas/common.js';
import type { CityConfig } from '../../src/schemas/city-config.js';
import { fieldErrors } from '../../src/schemas/errors.js';
import { assertAcceptablePassword, hashPassword } from '../auth/passwords.js';
import { ApiError } from '../http/api-error.js';
import { listOutbox, readOutboxMail, type Mailer } from '../mail/mailer.js';
import { StoreConflictError, type Store } from '../store/types.js';
import { HouseholdMember } from '../../src/schemas/household.js';
import { revokeMailTokens } from '../auth/mail-tokens.js';
import { generateServiceKey } from '../auth/service-keys.js';
import { accountActivatedMail, siteLink } from '../mail/account-mails.js';
import { hashServiceKey } from '../seed.js';
import { importAccounts, ImportRefusedError } from './import-accounts.js';
import type { FieldCipher } from '../auth/field-cipher.js';
import { dashboardCommands } from './dashboard-commands.js';
import { billingCommands } from './billing-commands.js';
import type { ActivityCatalogue } from '../activities/catalogue.js';

export interface AdminContext {
  store: Store;
  city: CityConfig;
  outboxDir: string;
  /** For the mails some commands send (accounts:activate). */
  mailer?: Mailer;
  /** PUBLIC_URL, the base of links in those mails. */
  publicUrl?: URL;
  /** The data key's cipher, for the commands that open health data (requests:show, requests:decide). */
  cipher?: FieldCipher;
  /** The city's activities and prices (invoices:generate); default: activities/catalogue.ts. */
  activities?: ActivityCatalogue;
}

/** A mistake in the command line: shown to the operator as is, exit code 2. */
export class AdminUsageError extends Error {
  override name = 'AdminUsageError';
}

export type Command = { usage: string; summary: string; run(ctx: AdminContext, args: string[]): Promise<string> };

const NewAccount = z.object({
  username: Username,
  email: Email,
  civility: Civility,
  firstNames: requiredText(120),
  lastName: requiredText(80),
});

const commands: Record<string, Command> = {
  'accounts:list': {
    usage: 'accounts:list',
    summary: 'List every account with its status and last login.',
    async run({ store }, args) {
      parseArgs({ args, strict: true, options: {} });
      const accounts = await store.accounts.list();
      if (accounts.length === 0) return 'No accounts.';
      const rows = accounts.map((a) =>
        [a.username, a.status, `${a.identity.firstNames} ${a.identity.lastName.toUpperCase()}`, a.email, a.lastLoginAt ?? '-'].join('\t'),
      );
      return ['username\tstatus\tname\temail\tlast login', ...rows].join('\n');
    },
  },
  'accounts:create': {
    usage:
      'accounts:create --username U --email E --civility M|MME --first-names F --last-name L [--password P | --generate-password] [--household ID]',
    summary: 'Create an active family account (a generated password must be changed at first login).',
    async run({ store, city }, args) {
      const { values } = parseArgs({
        args,
        strict: true,
        options: {
          username: { type: 'string' },
          email: { type: 'string' },
          civility: { type: 'string' },
          'first-names': { type: 'string' },
          'last-name': { type: 'string' },
          password: { type: 'string' },
          'generate-password': { type: 'boolean' },
          household: { type: 'string' },
        },
      });
      const parsed = NewAccount.safeParse({
        username: values.username,
        email: values.email,
        civility: values.civility,
        firstNames: values['first-names'],
        lastName: values['last-name'],
      });
      if (!parsed.success) {
        const list = Object.entries(fieldErrors(parsed.error.issues)).map(([f, c]) => `--${kebab(f)}: ${c}`);
        throw new AdminUsageError(`Invalid account: ${list.join(', ')}`);
      }
      if (!values.password === !values['generate-password']) {
        throw new AdminUsageError('Give exactly one of --password or --generate-password');
      }
      if (values.household && !(await store.households.get(values.household))) {
        throw new AdminUsageError(`No household with id ${values.household}`);
      }
      const a = parsed.data;
      // 15 random bytes in base64url: 20 characters, 120 bits; shown once, never stored in clear.
      const password = values.password ?? randomBytes(15).toString('base64url');
      if (values.password) {
        try {
          await assertAcceptablePassword(password, city, { username: a.username, names: [a.firstNames, a.lastName] });
        } catch (error) {
          if (error instanceof ApiError) throw new AdminUsageError(`--password refused: ${error.message}`);
          throw error;
        }
      }
      const account = {
        id: randomUUID(),
        username: a.username,
        email: a.email,
        passwordHash: await hashPassword(password),
        status: 'active' as const,
        identity: { civility: a.civility, firstNames: a.firstNames, lastName: a.lastName },
        contact: { email: a.email, preferred: 'email' as const },
        householdId: values.household,
        serviceKeys: [],
        mustChangePassword: !values.password,
        createdAt: new Date().toISOString(),
      };
      try {
        await store.accounts.insert(account);
      } catch (error) {
        if (error instanceof StoreConflictError) throw new AdminUsageError(`That ${error.field} is already used by another account`);
        throw error;
      }
      return values.password
        ? `Created account ${a.username} (${account.id}).`
        : `Created account ${a.username} (${account.id}).\nGenerated password (shown once; it must be changed at first login): ${password}`;
    },
  },
  'accounts:import': {
    usage: 'accounts:import FILE.csv [--dry-run]',
    summary:
      'Import legacy family accounts from a CSV file (columns in the README), all or nothing, and mail each holder that the account "a été automatiquement créé". --dry-run only checks the file.',
    async run(ctx, args) {
      const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { 'dry-run': { type: 'boolean' } } });
      if (positionals.length !== 1) throw new AdminUsageError('Give exactly one file: accounts:import FILE.csv [--dry-run]');
      try {
        return await importAccounts(ctx, positionals[0]!, { dryRun: values['dry-run'] === true });
      } catch (error) {
        // Every refusal comes before the first write: the operator's to fix, exit code 2.
        if (error instanceof ImportRefusedError) throw new AdminUsageError(error.message);
        throw error;
      }
    },
  },
  'accounts:pending': {
    usage: 'accounts:pending',
    summary: 'List the accounts waiting for activation: by staff (pending-staff) or by their e-mail link (pending-email).',
    async run({ store }, args) {
      parseArgs({ args, strict: true, options: {} });
      const pending = (await store.accounts.list()).filter((a) => a.status === 'pending-staff' || a.status === 'pending-email');
      if (pending.length === 0) return 'No accounts waiting for activation.';
      const rows = pending.map((a) =>
        [a.username, a.status, `${a.identity.firstNames} ${a.identity.lastName.toUpperCase()}`, a.email, a.householdId ?? '-', a.createdAt].join('\t'),
      );
      return ['username\tstatus\tname\temail\thousehold\tsigned up', ...rows].join('\n');
    },
  },
  'accounts:activate': {
    usage: 'accounts:activate USERNAME',
    summary: 'Activate a pending account (staff activation) and mail its holder that the account is active.',
    async run({ store, city, mailer, publicUrl }, args) {
      const { positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: {} });
      if (positionals.length !== 1) throw new AdminUsageError('Give exactly one username: accounts:activate USERNAME');
      const username = positionals[0]!;
      const account = await store.accounts.findByLogin(username, true);
      // By username only: an e-mail address would be ambiguous in an operator's hands.
      if (!account || account.username.toLowerCase() !== username.toLowerCase()) {
        throw new AdminUsageError(`No account with username ${username} (see accounts:pending)`);
      }
      if (account.status === 'active') throw new AdminUsageError(`Account ${account.username} is already active`);
      if (account.status === 'disabled') throw new AdminUsageError(`Account ${account.username} is disabled; it cannot be activated`);
      const updated = await store.accounts.update(account.id, { status: 'active' });
      // A link still in the citizen's mailbox must not matter any more.
      await revokeMailTokens(store, account.id, 'activation');
      if (!mailer || !publicUrl) return `Activated ${updated.username}. No mail was sent (no mailer here).`;
      await mailer.send(accountActivatedMail(city, updated, siteLink(publicUrl, city.urls.login ?? '/connexion')));
      return `Activated ${updated.username}; a mail tells ${updated.email} that the account is active.`;
    },
  },
  'households:create': {
    usage:
      'households:create --name NAME [--member ROLE:FIRST-NAMES:LAST-NAME[:YYYY-MM-DD[:M|MME]]]... [--service ID]... [--id ID]',
    summary:
      "Create a family record and print its service key(s), once (only a hash is kept). ROLE is parent, co-representative, child or contact; --service defaults to every service the city configures.",
    async run({ store, city }, args) {
      const { values } = parseArgs({
        args,
        strict: true,
        options: {
          name: { type: 'string' },
          member: { type: 'string', multiple: true },
          service: { type: 'string', multiple: true },
          id: { type: 'string' },
        },
      });
      const name = requiredText(80).safeParse(values.name);
      if (!name.success) throw new AdminUsageError('--name is required, e.g. --name "Famille Martin" (80 characters at most)');
      const services = values.service ?? city.serviceKeys.map((s) => s.id);
      if (services.length === 0) throw new AdminUsageError(`The city configures no service keys (serviceKeys in ${city.id}'s config)`);
      for (const id of services) {
        if (!city.serviceKeys.some((s) => s.id === id)) {
          throw new AdminUsageError(`--service ${id}: not a service of the city (known: ${city.serviceKeys.map((s) => s.id).join(', ') || 'none'})`);
        }
      }
      const members = (values.member ?? []).map((spec, i) => parseMember(spec, i));
      const id = values.id ?? (await freeHouseholdId(store, name.data));
      if (!/^[a-z0-9][a-z0-9-]{0,59}$/.test(id)) throw new AdminUsageError(`--id ${id}: use lowercase letters, digits and dashes`);
      if (await store.households.get(id)) throw new AdminUsageError(`A household with id ${id} already exists`);
      const keys: Record<string, string> = {};
      const keyHashes: Record<string, string> = {};
      for (const serviceId of services) {
        // 74 bits: a collision is practically impossible, but a duplicate would open two families.
        let key = generateServiceKey();
        while (await store.households.findByServiceKey(serviceId, hashServiceKey(key))) key = generateServiceKey();
        keys[serviceId] = key;
        keyHashes[serviceId] = hashServiceKey(key);
      }
      try {
        await store.households.insert({ id, name: name.data, members, keyHashes });
      } catch (error) {
        if (error instanceof StoreConflictError) throw new AdminUsageError(`A household with id ${id} already exists`);
        throw error;
      }
      const lines = services.map((s) => `  ${city.serviceKeys.find((d) => d.id === s)!.label}: ${keys[s]}`);
      return [
        `Created household ${id} ("${name.data}") with ${members.length} member(s).`,
        'Service key(s), shown only now (only a hash is kept; print them on the letter to the family):',
        ...lines,
      ].join('\n');
    },
  },
  ...dashboardCommands,
  ...billingCommands,
  'mail:list': {
    usage: 'mail:list',
    summary: 'List the mails in the embedded outbox (when SMTP_URL is not set).',
    async run({ outboxDir }, args) {
      parseArgs({ args, strict: true, options: {} });
      const names = await listOutbox(outboxDir);
      return names.length ? names.map((n, i) => `${i + 1}\t${n}`).join('\n') : `The outbox (${outboxDir}) is empty.`;
    },
  },
  'mail:show': {
    usage: 'mail:show [N]',
    summary: 'Print mail number N of mail:list (default: the newest).',
    async run({ outboxDir }, args) {
      const names = await listOutbox(outboxDir);
      if (names.length === 0) return `The outbox (${outboxDir}) is empty.`;
      const n = args[0] === undefined ? names.length : Number(args[0]);
      const name = Number.isInteger(n) ? names[n - 1] : undefined;
      if (!name) throw new AdminUsageError(`No mail number ${args[0]}: choose 1 to ${names.length}`);
      return readOutboxMail(outboxDir, name);
    },
  },
};

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `child:Léa:Dupont:2017-04-12` → a household member; the error names the option and its place. */
function parseMember(spec: string, index: number) {
  const [role, firstNames, lastName, birthDate, civility] = spec.split(':').map((part) => part.trim());
  const parsed = HouseholdMember.safeParse({
    id: `m-${index + 1}`,
    role,
    firstNames,
    lastName,
    birthDate: birthDate || undefined,
    civility: civility || undefined,
  });
  const problems: string[] = parsed.success ? [] : Object.entries(fieldErrors(parsed.error.issues)).map(([f, c]) => `${f} ${c}`);
  if (!firstNames || !lastName) problems.push('first names and last name are required');
  if (problems.length > 0) {
    throw new AdminUsageError(
      `--member "${spec}" (number ${index + 1}): ${problems.join(', ')}. Expected ROLE:FIRST-NAMES:LAST-NAME[:YYYY-MM-DD[:M|MME]], ROLE one of parent, co-representative, child, contact`,
    );
  }
  return parsed.data!;
}

/** `foyer-martin`, or `foyer-martin-2`… when taken. */
async function freeHouseholdId(store: Store, name: string): Promise<string> {
  const slug =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/^famille\s+/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'famille';
  for (let n = 1; ; n++) {
    const id = n === 1 ? `foyer-${slug}` : `foyer-${slug}-${n}`;
    if (!(await store.households.get(id))) return id;
  }
}

export function helpText(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return ['Usage: npm run admin -- <command> [options]', '', 'Commands:', ...lines].join('\n');
}

export async function runCommand(ctx: AdminContext, argv: string[]): Promise<string> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') return helpText();
  const command = commands[name];
  if (!command) throw new AdminUsageError(`Unknown command "${name}".\n\n${helpText()}`);
  try {
    return await command.run(ctx, args);
  } catch (error) {
    // parseArgs reports unknown or malformed options with this code.
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      throw new AdminUsageError(`${(error as Error).message}\nUsage: ${command.usage}`);
    }
    throw error;
  }
}
