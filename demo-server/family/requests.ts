// SPDX-License-Identifier: MIT
/**
 * Requests to the city ("démarches", seeds 000, 002, 004): a change of address, phones or
 * e-mail the city keeps under its control, an addition to the household, an update of a
 * child's record. The citizen creates them; staff accept or refuse them with the admin
 * commands (`requests:decide`), which apply an accepted change and send the citizen a
 * message about the decision.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ChildRecord, HouseholdAddition } from '../../src/schemas/household.js';
import type { CitizenRequest, RequestDetails } from '../../src/schemas/requests.js';
import type { CityConfig } from '../../src/schemas/city-config.js';
import type { FieldCipher } from '../auth/field-cipher.js';
import { generateServiceKey } from '../auth/service-keys.js';
import { hashServiceKey } from '../seed.js';
import {
  StoreConflictError,
  type AccountRecord,
  type HouseholdRecord,
  type RequestPayload,
  type RequestRecord,
  type Store,
} from '../store/types.js';
import {
  logHealthRead,
  openChildRecord,
  requestPlace,
  sealChildRecord,
  writeChildRecord,
  type HealthReader,
  type HealthReadPurpose,
} from './child-records.js';

/** What a citizen asks for, health data still in clear (it is sealed before it is stored). */
export type RequestDraft =
  | Exclude<RequestPayload, { type: 'child-record-update' }>
  | { type: 'child-record-update'; childId: string; childName: string; record: ChildRecord };

/** Request types that concern the whole family: its other representatives see them too. */
const HOUSEHOLD_TYPES = new Set<RequestRecord['type']>(['household-addition', 'child-record-update', 'activity-enrolment', 'absence']);

const ROLE_LABELS: Record<HouseholdAddition['role'], string> = {
  'co-representative': 'co-représentant',
  child: 'enfant',
  'expected-child': 'enfant à naître',
  contact: 'contact',
};

/** "Léa DUPONT", as the seeds write names. */
export const displayName = (person: { firstNames: string; lastName: string }) =>
  `${person.firstNames} ${person.lastName.toLocaleUpperCase('fr')}`;

const frenchDate = (iso: string) => new Date(iso).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

/** One line for the list, in the seeds' words. */
export function summaryOf(draft: RequestDraft): string {
  switch (draft.type) {
    case 'address-change':
      return "Changement d'adresse postale";
    case 'contact-change':
      return draft.email !== undefined ? 'Changement de courriel' : 'Changement de téléphones';
    case 'household-addition':
      return `Ajout de ${displayName(draft.addition)} (${ROLE_LABELS[draft.addition.role]})`;
    case 'child-record-update':
      return `Mise à jour du dossier administratif de ${draft.childName}`;
    case 'activity-enrolment':
      return `Inscription de ${draft.childName} : ${draft.activityName} du ${frenchDay(draft.from)} au ${frenchDay(draft.to)}`;
    case 'absence':
      return `Absence de ${draft.childName} du ${frenchDay(draft.from)} au ${frenchDay(draft.to)} (${draft.reason === 'illness' ? 'maladie' : 'autre motif'})`;
  }
}

/** 2026-11-24 → 24/11/2026. */
const frenchDay = (isoDate: string) => isoDate.split('-').reverse().join('/');

/** Creates a request in the `sent` state, for `account` (and its household for family requests). */
export async function createRequest(
  store: Store,
  cipher: FieldCipher,
  account: AccountRecord,
  draft: RequestDraft,
  at = new Date().toISOString(),
  attachmentIds: readonly string[] = [],
): Promise<RequestRecord> {
  const id = randomUUID();
  const payload: RequestPayload =
    draft.type === 'child-record-update'
      ? { ...draft, record: sealChildRecord(cipher, draft.record, requestPlace(id)) }
      : draft;
  const record: RequestRecord = {
    id,
    accountId: account.id,
    ...(HOUSEHOLD_TYPES.has(draft.type) && account.householdId ? { householdId: account.householdId } : {}),
    type: draft.type,
    createdAt: at,
    status: 'sent',
    summary: summaryOf(draft),
    history: [{ at, status: 'sent' }],
    payload,
    ...(attachmentIds.length > 0 ? { attachmentIds: [...attachmentIds] } : {}),
  };
  await store.requests.insert(record);
  return record;
}

/** Whether `viewer` may see this request: its own, or its household's family requests. */
export function canSee(request: RequestRecord, viewer: AccountRecord): boolean {
  return request.accountId === viewer.id || (request.householdId !== undefined && request.householdId === viewer.householdId);
}

/** The requests `viewer` may see, newest first. */
export async function visibleRequests(store: Store, viewer: AccountRecord): Promise<RequestRecord[]> {
  const all = await store.requests.listVisibleTo(viewer.id, viewer.householdId);
  return all.filter((request) => canSee(request, viewer)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The request's details, health data opened (and the reading logged for `reader`). */
export async function requestDetails(
  store: Store,
  cipher: FieldCipher,
  request: RequestRecord,
  reader: HealthReader,
  purpose: HealthReadPurpose = reader.kind === 'staff' ? 'staff-decision' : 'request-detail',
): Promise<RequestDetails> {
  const { payload } = request;
  if (payload.type !== 'child-record-update') return payload;
  if (request.householdId !== undefined) {
    await logHealthRead(store, { actor: reader, householdId: request.householdId, childId: payload.childId, purpose, requestId: request.id });
  }
  const record = openChildRecord(cipher, payload.record, requestPlace(request.id));
  return { type: payload.type, childId: payload.childId, childName: payload.childName, record };
}

/** The API's view of a request for `viewer`; with `details`, what it asks for too. */
export async function citizenRequest(
  store: Store,
  cipher: FieldCipher,
  request: RequestRecord,
  viewer: AccountRecord,
  options: { details?: boolean; purpose?: HealthReadPurpose } = {},
): Promise<CitizenRequest> {
  let submittedBy: string | undefined;
  if (request.accountId !== viewer.id) {
    const author = await store.accounts.get(request.accountId);
    submittedBy = author && !author.closure ? displayName(author.identity) : 'Compte clôturé';
  }
  return {
    id: request.id,
    type: request.type,
    createdAt: request.createdAt,
    status: request.status,
    ...(request.reason !== undefined ? { reason: request.reason } : {}),
    summary: request.summary,
    history: request.history.map((entry) => (entry.note === undefined ? { at: entry.at, status: entry.status } : { ...entry })),
    ...(submittedBy !== undefined ? { submittedBy } : {}),
    ...(request.attachmentIds?.length ? { attachments: await attachmentsOf(store, request, viewer) } : {}),
    ...(options.details
      ? { details: await requestDetails(store, cipher, request, { kind: 'account', accountId: viewer.id }, options.purpose) }
      : {}),
  };
}

/** A request's attachments: their names for their owner only ("vous seul pouvez consulter son contenu"). */
async function attachmentsOf(store: Store, request: RequestRecord, viewer: AccountRecord) {
  const attachments: { id: string; name?: string }[] = [];
  for (const id of request.attachmentIds ?? []) {
    const document = request.accountId === viewer.id ? await store.documents.get(id) : undefined;
    attachments.push(document && document.accountId === viewer.id ? { id, name: document.name } : { id });
  }
  return attachments;
}

/** Why an accepted request cannot be applied: staff should refuse it with a reason instead. */
export class DecisionError extends Error {
  override name = 'DecisionError';
}

export interface DecisionContext {
  store: Store;
  city: CityConfig;
  /** Needed to apply a child-record update (its health data is sealed). */
  cipher?: FieldCipher | undefined;
}

const PENDING = ['sent', 'in-progress'] as const;

/** Marks a request as being handled (`in-progress`), with an optional note to the citizen. */
export async function startRequest(store: Store, id: string, note?: string): Promise<RequestRecord> {
  const at = new Date().toISOString();
  return store.requests.transition(id, ['sent'], { status: 'in-progress', at, ...(note ? { note } : {}) });
}

/**
 * Accepts (and applies) or refuses a pending request, then tells its author with a message.
 * Returns the decided request and lines for the operator (e.g. a new household's keys).
 */
export async function decideRequest(
  ctx: DecisionContext,
  id: string,
  decision: 'accept' | 'reject',
  reason?: string,
): Promise<{ request: RequestRecord; notes: string[] }> {
  // Accepting applies the change (an enrolment, a member, an address) before the status moves:
  // a second decision at the same time (two staff members, a retried call) is refused before
  // anything is applied, so that a request is never both refused and carried out, nor applied twice.
  const inFlight = deciding.get(ctx.store) ?? new Set<string>();
  deciding.set(ctx.store, inFlight);
  if (inFlight.has(id)) throw new DecisionError(`Request ${id} is being decided by someone else`);
  inFlight.add(id);
  try {
    return await decide(ctx, id, decision, reason);
  } finally {
    inFlight.delete(id);
  }
}

/** Requests being decided, per store (one process serves a store: its lock file says so). */
const deciding = new WeakMap<Store, Set<string>>();

async function decide(ctx: DecisionContext, id: string, decision: 'accept' | 'reject', reason: string | undefined) {
  const { store } = ctx;
  const request = await store.requests.get(id);
  if (!request) throw new DecisionError(`No request ${id}`);
  if (!(PENDING as readonly string[]).includes(request.status)) {
    throw new DecisionError(`Request ${id} is already ${request.status}`);
  }
  if (decision === 'reject' && !reason) throw new DecisionError('A refusal needs a reason for the citizen (--reason "…")');
  const notes: string[] = [];
  let memberId: string | undefined;
  if (decision === 'accept') ({ memberId } = await apply(ctx, request, notes));
  const at = new Date().toISOString();
  let decided: RequestRecord;
  try {
    decided = await store.requests.transition(id, PENDING, {
      status: decision === 'accept' ? 'accepted' : 'rejected',
      at,
      ...(reason ? { note: reason, reason } : {}),
      ...(memberId !== undefined ? { memberId } : {}),
    });
  } catch (error) {
    if (error instanceof StoreConflictError) throw new DecisionError(`Request ${id} was decided meanwhile`);
    throw error;
  }
  await store.messages.insert(decisionMessage(ctx.city, decided));
  return { request: decided, notes };
}

function decisionMessage(city: CityConfig, request: RequestRecord) {
  const accepted = request.status === 'accepted';
  const lines = [
    'Bonjour,',
    '',
    `Votre demande « ${request.summary} » du ${frenchDate(request.createdAt)} a été ${accepted ? 'acceptée' : 'refusée'} par les services de ${city.name}.`,
  ];
  if (request.reason) lines.push('', `${accepted ? 'Commentaire' : 'Motif'} : ${request.reason}`);
  if (accepted && request.type === 'household-addition') lines.push('', 'La personne apparaît désormais dans « Ma famille ».');
  if (!accepted) lines.push('', 'Les informations enregistrées dans votre espace restent inchangées.');
  lines.push('', 'Vous pouvez suivre toutes vos demandes dans « Dernières demandes ».');
  return {
    id: randomUUID(),
    accountId: request.accountId,
    subject: `Votre demande « ${request.summary} » a été ${accepted ? 'acceptée' : 'refusée'}`,
    body: lines.join('\n'),
    sentAt: new Date().toISOString(),
    requestId: request.id,
  };
}

async function apply(ctx: DecisionContext, request: RequestRecord, notes: string[]): Promise<{ memberId?: string }> {
  const { store } = ctx;
  const author = await store.accounts.get(request.accountId);
  if (!author || author.status === 'disabled') throw new DecisionError('The account that made this request is closed or disabled');
  const { payload } = request;
  switch (payload.type) {
    case 'address-change':
      await store.accounts.update(author.id, { address: payload.address });
      return {};
    case 'contact-change': {
      const contact = { ...author.contact };
      if (payload.phones) {
        for (const field of ['phone', 'mobile', 'fax'] as const) {
          if (payload.phones[field] === undefined) delete contact[field];
          else contact[field] = payload.phones[field];
        }
      }
      // The login address and the contact address are one: both change together.
      if (payload.email !== undefined) contact.email = payload.email;
      try {
        await store.accounts.update(author.id, { contact, ...(payload.email !== undefined ? { email: payload.email } : {}) });
      } catch (error) {
        if (error instanceof StoreConflictError) {
          throw new DecisionError('That e-mail address is now used by another account: refuse the request with a reason');
        }
        throw error;
      }
      return {};
    }
    case 'household-addition':
      return addMember(ctx, author, payload.addition, notes);
    case 'child-record-update': {
      if (!ctx.cipher) throw new DecisionError('Applying a child-record update needs the data key (DATA_KEY or the data-key file)');
      const householdId = request.householdId;
      const household = householdId ? await store.households.get(householdId) : undefined;
      if (!household || !household.members.some((m) => m.id === payload.childId && m.role === 'child')) {
        throw new DecisionError('The child is no longer in the household: refuse the request with a reason');
      }
      const record = openChildRecord(ctx.cipher, payload.record, requestPlace(request.id));
      await logHealthRead(store, { actor: { kind: 'staff' }, householdId: household.id, childId: payload.childId, purpose: 'staff-decision', requestId: request.id });
      await writeChildRecord(store, ctx.cipher, household.id, payload.childId, record);
      return {};
    }
    case 'activity-enrolment': {
      const householdId = request.householdId;
      const household = householdId ? await store.households.get(householdId) : undefined;
      if (!household || !household.members.some((m) => m.id === payload.childId && m.role === 'child')) {
        throw new DecisionError('The child is no longer in the household: refuse the request with a reason');
      }
      await store.enrolments.insert({
        id: randomUUID(),
        householdId: household.id,
        childId: payload.childId,
        activityId: payload.activityId,
        from: payload.from,
        to: payload.to,
        createdAt: new Date().toISOString(),
        requestId: request.id,
      });
      return {};
    }
    case 'absence':
      // Shown as absent since it was reported; accepting an illness absence keeps its days off the invoice.
      return {};
  }
}

/**
 * Adds the member to the author's household. An account with no household yet (seed 004:
 * "la rubrique « Ma famille » apparaîtra" once the city validated the request) gets a new
 * family record with its holder as parent, and the record's service keys are given to the
 * operator to send, so that the other parent can link an account to it.
 */
async function addMember(ctx: DecisionContext, author: AccountRecord, addition: HouseholdAddition, notes: string[]) {
  const { store, city } = ctx;
  const memberId = `m-${randomBytes(4).toString('hex')}`;
  const member = {
    id: memberId,
    role: addition.role === 'expected-child' ? ('child' as const) : addition.role,
    ...(addition.civility ? { civility: addition.civility } : {}),
    firstNames: addition.firstNames,
    lastName: addition.lastName,
    ...(addition.birthDate ? { birthDate: addition.birthDate } : {}),
    ...(addition.role === 'expected-child' ? { expected: true } : {}),
    ...(addition.role === 'contact' && addition.relation ? { relation: addition.relation } : {}),
  };
  const existing = author.householdId ? await store.households.get(author.householdId) : undefined;
  if (existing) {
    await store.households.addMember(existing.id, member);
    return { memberId };
  }
  const { identity } = author;
  const household: HouseholdRecord = {
    id: `foyer-${slug(identity.lastName)}-${randomBytes(3).toString('hex')}`,
    name: `Famille ${identity.lastName}`,
    members: [
      {
        id: `m-${randomBytes(4).toString('hex')}`,
        role: 'parent',
        civility: identity.civility,
        firstNames: identity.firstNames,
        lastName: identity.lastName,
        ...(identity.birthDate ? { birthDate: identity.birthDate } : {}),
      },
      member,
    ],
    keyHashes: {},
  };
  for (const { id: serviceId, label } of city.serviceKeys) {
    const key = generateServiceKey();
    household.keyHashes[serviceId] = hashServiceKey(key);
    notes.push(`  ${label}: ${key}`);
  }
  await store.households.insert(household);
  await store.accounts.update(author.id, { householdId: household.id });
  if (notes.length > 0) {
    notes.unshift(`New household ${household.id} for ${author.username}; service key(s), shown only now (print them on the letter to the family):`);
  } else {
    notes.push(`New household ${household.id} for ${author.username}.`);
  }
  return { memberId };
}

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 30) || 'famille';
