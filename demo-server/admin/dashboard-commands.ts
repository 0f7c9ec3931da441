// SPDX-License-Identifier: MIT
/**
 * Staff commands of the dashboard (journey J7): process the citizens' requests, publish
 * news, send a personal message, say what a child's record still lacks. Part of `runCommand` (commands.ts), so they run from the
 * CLI on the data file or inside the running server alike.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { requiredText } from '../../src/schemas/common.js';
import { ChildRecord } from '../../src/schemas/household.js';
import { RequestStatus } from '../../src/schemas/requests.js';
import { writeChildRecord } from '../family/child-records.js';
import { DecisionError, decideRequest, displayName, requestDetails, startRequest } from '../family/requests.js';
import { StoreConflictError, StoreNotFoundError, type RequestRecord, type Store } from '../store/types.js';
import { AdminUsageError, type AdminContext, type Command } from './commands.js';

const Title = requiredText(200);
const Body = requiredText(5000);
const Reason = requiredText(1000);
const MissingItem = requiredText(200);
/** A link of the city's site (root-relative) or an http(s) address. */
const Link = z.string().check(z.trim(), z.maxLength(2000), z.regex(/^(?:https?:\/\/[^\s]+|\/[^\s]*)$/));

function value<T>(schema: z.ZodMiniType<T>, input: unknown, option: string, hint: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AdminUsageError(`--${option}: ${hint}`);
  return parsed.data;
}

async function requestById(store: Store, id: string | undefined, usage: string): Promise<RequestRecord> {
  if (!id) throw new AdminUsageError(`Give the request's id: ${usage} (see requests:list)`);
  const request = await store.requests.get(id);
  if (!request) throw new AdminUsageError(`No request ${id} (see requests:list)`);
  return request;
}

async function authorName(store: Store, accountId: string): Promise<string> {
  const account = await store.accounts.get(accountId);
  return account ? account.username : '(unknown account)';
}

export const dashboardCommands: Record<string, Command> = {
  'requests:list': {
    usage: 'requests:list [--status sent|in-progress|accepted|rejected]...',
    summary: "List the citizens' requests, oldest first (the order to process them in), optionally of some statuses.",
    async run({ store }, args) {
      const { values } = parseArgs({ args, strict: true, options: { status: { type: 'string', multiple: true } } });
      const statuses = (values.status ?? []).map((s) => value(RequestStatus, s, 'status', `${s} is not one of sent, in-progress, accepted, rejected`));
      const requests = (await store.requests.list()).filter((r) => statuses.length === 0 || statuses.includes(r.status));
      if (requests.length === 0) return statuses.length ? `No requests with status ${statuses.join(' or ')}.` : 'No requests.';
      const rows = [];
      for (const r of requests) rows.push([r.id, r.createdAt, r.status, r.type, await authorName(store, r.accountId), r.summary].join('\t'));
      return ['id\tcreated\tstatus\ttype\taccount\tsummary', ...rows].join('\n');
    },
  },
  'requests:show': {
    usage: 'requests:show ID',
    summary: "Print one request: who made it, its history and what it asks for (a child's health data is opened, and the reading logged).",
    async run({ store, cipher }, args) {
      const { positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: {} });
      if (positionals.length !== 1) throw new AdminUsageError('Give exactly one id: requests:show ID');
      const request = await requestById(store, positionals[0], 'requests:show ID');
      if (request.payload.type === 'child-record-update' && !cipher) {
        throw new AdminUsageError('This request holds health data: the data key is needed (DATA_KEY or the data-key file)');
      }
      const author = await store.accounts.get(request.accountId);
      const details = await requestDetails(store, cipher!, request, { kind: 'staff' });
      return [
        `Request ${request.id}: ${request.summary}`,
        `Type: ${request.type} · status: ${request.status}${request.reason ? ` (${request.reason})` : ''}`,
        `By: ${author ? `${author.username} (${displayName(author.identity)}, ${author.email})` : '(unknown account)'}${request.householdId ? ` · household ${request.householdId}` : ''}`,
        'History:',
        ...request.history.map((h) => `  ${h.at}\t${h.status}${h.note ? `\t${h.note}` : ''}`),
        'Details:',
        JSON.stringify(details, null, 2),
      ].join('\n');
    },
  },
  'requests:start': {
    usage: 'requests:start ID [--note "…"]',
    summary: 'Mark a sent request as being handled (in-progress); the note is shown to the citizen in its history.',
    async run({ store }, args) {
      const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { note: { type: 'string' } } });
      if (positionals.length !== 1) throw new AdminUsageError('Give exactly one id: requests:start ID [--note "…"]');
      const request = await requestById(store, positionals[0], 'requests:start ID');
      const note = values.note === undefined ? undefined : value(Reason, values.note, 'note', 'up to 1000 characters, not empty');
      try {
        await startRequest(store, request.id, note);
      } catch (error) {
        if (error instanceof StoreConflictError || error instanceof StoreNotFoundError) {
          throw new AdminUsageError(`Request ${request.id} is ${request.status}: only a sent request can be started`);
        }
        throw error;
      }
      return `Request ${request.id} is now in progress.`;
    },
  },
  'requests:decide': {
    usage: 'requests:decide ID accept|reject [--reason "…"]',
    summary:
      'Accept (and apply: address, phones, e-mail, household member, child record) or reject a pending request; a refusal needs a reason. The citizen gets a message about the decision.',
    async run(ctx: AdminContext, args) {
      const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { reason: { type: 'string' } } });
      const [id, decision, ...rest] = positionals;
      if (!id || (decision !== 'accept' && decision !== 'reject') || rest.length > 0) {
        throw new AdminUsageError('Usage: requests:decide ID accept|reject [--reason "…"]');
      }
      const reason = values.reason === undefined ? undefined : value(Reason, values.reason, 'reason', 'up to 1000 characters, not empty');
      if (decision === 'reject' && !reason) throw new AdminUsageError('A refusal needs --reason "…": the citizen is told why');
      try {
        const { request, notes } = await decideRequest(ctx, id, decision, reason);
        const author = await authorName(ctx.store, request.accountId);
        return [`Request ${request.id} ${request.status} ("${request.summary}"); ${author} has a message about it.`, ...notes].join('\n');
      } catch (error) {
        if (error instanceof DecisionError) throw new AdminUsageError(error.message);
        throw error;
      }
    },
  },
  'news:publish': {
    usage: 'news:publish --title "…" --body "…" [--link URL]',
    summary: 'Publish a news item ("Actualités") for every citizen; --link is an http(s) address or a path of the site.',
    async run({ store }, args) {
      const { values } = parseArgs({ args, strict: true, options: { title: { type: 'string' }, body: { type: 'string' }, link: { type: 'string' } } });
      const title = value(Title, values.title, 'title', 'required, up to 200 characters');
      const body = value(Body, values.body, 'body', 'required, up to 5000 characters');
      const link = values.link === undefined ? undefined : value(Link, values.link, 'link', 'an http(s) address or a path starting with /');
      const id = randomUUID();
      await store.news.insert({ id, title, body, publishedAt: new Date().toISOString(), ...(link ? { link } : {}) });
      return `Published news ${id}: "${title}".`;
    },
  },
  'children:missing': {
    usage: 'children:missing HOUSEHOLD_ID CHILD_ID [--set "…"]... [--clear]',
    summary:
      "Print, set (--set once per item) or clear what the city still needs for a child (\"ce qu'il manque\"); while the list is not empty the child's days cannot be booked, only cancelled.",
    async run({ store, cipher }, args) {
      const { values, positionals } = parseArgs({
        args,
        strict: true,
        allowPositionals: true,
        options: { set: { type: 'string', multiple: true }, clear: { type: 'boolean' } },
      });
      const usage = 'children:missing HOUSEHOLD_ID CHILD_ID [--set "…"]... [--clear]';
      if (positionals.length !== 2) throw new AdminUsageError(`Give a household id and a child id: ${usage}`);
      if (values.set && values.clear) throw new AdminUsageError('Give either --set or --clear, not both');
      const [householdId, childId] = positionals as [string, string];
      const household = await store.households.get(householdId);
      if (!household) throw new AdminUsageError(`No household ${householdId}`);
      const child = household.members.find((m) => m.id === childId && m.role === 'child');
      if (!child) throw new AdminUsageError(`No child ${childId} in household ${householdId}`);
      const items = (values.set ?? []).map((item) => value(MissingItem, item, 'set', 'up to 200 characters, not empty'));
      const record = await store.childRecords.get(householdId, childId);
      if (!values.set && !values.clear) {
        const missing = record?.missing ?? [];
        return missing.length ? [`${child.firstNames} still needs:`, ...missing.map((m) => `  - ${m}`)].join('\n') : `Nothing missing for ${child.firstNames}.`;
      }
      const missing = values.clear ? [] : [...new Set(items)];
      // Only the list changes, inside the write queue: a record update accepted at the same time is kept.
      if (record) await store.childRecords.setMissing(householdId, childId, missing, new Date().toISOString());
      else if (cipher) await writeChildRecord(store, cipher, householdId, childId, ChildRecord.parse({}), missing);
      // Without the data key no new record can be sealed: say so rather than store half of one.
      else throw new AdminUsageError(`${child.firstNames} has no record yet: the data key is needed to create it (DATA_KEY or the data-key file)`);
      return missing.length ? `${child.firstNames} now needs: ${missing.join('; ')}.` : `Nothing missing for ${child.firstNames} any more: bookings are open.`;
    },
  },
  'messages:send': {
    usage: 'messages:send USERNAME --subject "…" --body "…"',
    summary: "Send a personal message to a citizen's space (shown unread until opened).",
    async run({ store }, args) {
      const { values, positionals } = parseArgs({
        args,
        strict: true,
        allowPositionals: true,
        options: { subject: { type: 'string' }, body: { type: 'string' } },
      });
      if (positionals.length !== 1) throw new AdminUsageError('Give exactly one username: messages:send USERNAME --subject "…" --body "…"');
      const username = positionals[0]!;
      const account = await store.accounts.findByLogin(username, true);
      // By username only, as accounts:activate: an e-mail address would be ambiguous here.
      if (!account || account.username.toLowerCase() !== username.toLowerCase() || account.status === 'disabled') {
        throw new AdminUsageError(`No account with username ${username} (see accounts:list)`);
      }
      const subject = value(Title, values.subject, 'subject', 'required, up to 200 characters');
      const body = value(Body, values.body, 'body', 'required, up to 5000 characters');
      const id = randomUUID();
      await store.messages.insert({ id, accountId: account.id, subject, body, sentAt: new Date().toISOString() });
      return `Sent message ${id} to ${account.username}.`;
    },
  },
};
