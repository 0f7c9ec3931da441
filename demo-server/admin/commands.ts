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
import { listOutbox, readOutboxMail } from '../mail/mailer.js';
import { StoreConflictError, type Store } from '../store/types.js';

export interface AdminContext {
  store: Store;
  city: CityConfig;
  outboxDir: string;
}

/** A mistake in the command line: shown to the operator as is, exit code 2. */
export class AdminUsageError extends Error {
  override name = 'AdminUsageError';
}

type Command = { usage: string; summary: string; run(ctx: AdminContext, args: string[]): Promise<string> };

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
