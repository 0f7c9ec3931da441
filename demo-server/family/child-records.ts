// SPDX-License-Identifier: MIT
/**
 * A child's "Dossier administratif" (school, class, allergies, PAI, doctor, authorised
 * pick-up people, what is missing): the health fields are sealed one by one on the way
 * into the store and opened on the way out, and each opening is written to the health-data
 * access log (who, when, why; never the data).
 */
import { randomUUID } from 'node:crypto';
import { ChildRecord } from '../../src/schemas/household.js';
import type { FieldCipher } from '../auth/field-cipher.js';
import type { ChildRecordRecord, HealthAuditRecord, Store, StoredChildRecordFields } from '../store/types.js';

type HealthField = keyof StoredChildRecordFields['health'];
const HEALTH_FIELDS: readonly HealthField[] = ['allergies', 'hasPai', 'doctor'];

/** Where a record's sealed fields belong: a child of a household, or a request's payload. */
export const childRecordPlace = (householdId: string, childId: string) => `child-record:${householdId}:${childId}`;
export const requestPlace = (requestId: string) => `request:${requestId}`;

/** The stored form of a record: health fields sealed for `place`, the rest as is. */
export function sealChildRecord(cipher: FieldCipher, record: ChildRecord, place: string): StoredChildRecordFields {
  return {
    ...(record.school !== undefined ? { school: record.school } : {}),
    ...(record.schoolClass !== undefined ? { schoolClass: record.schoolClass } : {}),
    authorisedPickup: record.authorisedPickup,
    health: {
      allergies: cipher.seal(record.allergies ?? null, `${place}:allergies`),
      hasPai: cipher.seal(record.hasPai, `${place}:hasPai`),
      doctor: cipher.seal(record.doctor ?? null, `${place}:doctor`),
    },
  };
}

/** Opens a stored record (without logging: callers go through `readChildRecord` or log themselves). */
export function openChildRecord(cipher: FieldCipher, stored: StoredChildRecordFields, place: string, missing: string[] = []): ChildRecord {
  const health = Object.fromEntries(HEALTH_FIELDS.map((field) => [field, cipher.open(stored.health[field], `${place}:${field}`)]));
  return ChildRecord.parse({
    school: stored.school,
    schoolClass: stored.schoolClass,
    allergies: health.allergies ?? undefined,
    hasPai: health.hasPai === true,
    doctor: health.doctor ?? undefined,
    authorisedPickup: stored.authorisedPickup,
    missing,
  });
}

export type HealthReader = HealthAuditRecord['actor'];
export type HealthReadPurpose = HealthAuditRecord['purpose'];

/** Writes one entry of the health-data access log. */
export async function logHealthRead(
  store: Store,
  entry: { actor: HealthReader; householdId: string; childId: string; purpose: HealthReadPurpose; requestId?: string | undefined },
): Promise<void> {
  await store.healthAudit.insert({
    id: randomUUID(),
    at: new Date().toISOString(),
    action: 'health-data-read',
    actor: entry.actor,
    householdId: entry.householdId,
    childId: entry.childId,
    purpose: entry.purpose,
    ...(entry.requestId !== undefined ? { requestId: entry.requestId } : {}),
  });
}

/**
 * A child's record, opened and logged; an empty record when the city has none yet (nothing
 * is then read, so nothing is logged).
 */
export async function readChildRecord(
  store: Store,
  cipher: FieldCipher,
  householdId: string,
  childId: string,
  reader: HealthReader,
  purpose: HealthReadPurpose,
): Promise<ChildRecord> {
  const stored = await store.childRecords.get(householdId, childId);
  if (!stored) return ChildRecord.parse({});
  // Logged before it is shown: a read that cannot be logged does not happen.
  await logHealthRead(store, { actor: reader, householdId, childId, purpose });
  return openChildRecord(cipher, stored, childRecordPlace(householdId, childId), stored.missing);
}

/** Stores a child's record, sealing its health fields; `missing` stays the city's. */
export async function writeChildRecord(
  store: Store,
  cipher: FieldCipher,
  householdId: string,
  childId: string,
  record: ChildRecord,
  missing?: string[],
): Promise<ChildRecordRecord> {
  const current = await store.childRecords.get(householdId, childId);
  const stored: ChildRecordRecord = {
    householdId,
    childId,
    ...sealChildRecord(cipher, record, childRecordPlace(householdId, childId)),
    missing: missing ?? current?.missing ?? [],
    updatedAt: new Date().toISOString(),
  };
  // Read and written in one step of the write queue: a list the city changed meanwhile is kept.
  await store.childRecords.put(stored, { keepMissing: missing === undefined });
  return stored;
}
