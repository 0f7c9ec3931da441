// SPDX-License-Identifier: MIT
/**
 * Demo data written on first start (an empty store): the Dupont family of "Ville de Démo",
 * two parents with their own accounts (as in seed 003, Villennes) and two children.
 * The README gives the logins; nothing here runs when the store already holds accounts.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Store } from './store/types.js';
import { hashPassword } from './auth/passwords.js';

export const DEMO_PASSWORD = 'Marelle-Soleil-2026';
export const DEMO_USERNAMES = ['marie.dupont', 'paul.dupont'] as const;
/** The household's "Clé Enfance", as printed on the city's letter. */
export const DEMO_ENFANCE_KEY = 'K7PQ-M4XW-9HTR';

export const normaliseServiceKey = (key: string) => key.toUpperCase().replace(/[^A-Z0-9]/g, '');
export const hashServiceKey = (key: string) => createHash('sha256').update(normaliseServiceKey(key)).digest('hex');

export async function seedDemoData(store: Store): Promise<boolean> {
  if ((await store.accounts.list()).length > 0) return false;
  const householdId = 'foyer-dupont';
  const now = new Date().toISOString();
  await store.households.insert({
    id: householdId,
    keyHashes: { enfance: hashServiceKey(DEMO_ENFANCE_KEY) },
    members: [
      { id: 'm-marie', role: 'parent', civility: 'MME', firstNames: 'Marie', lastName: 'Dupont', birthDate: '1986-03-14' },
      { id: 'm-paul', role: 'co-representative', civility: 'M', firstNames: 'Paul', lastName: 'Dupont', birthDate: '1984-11-02' },
      { id: 'm-lea', role: 'child', firstNames: 'Léa', lastName: 'Dupont', birthDate: '2017-04-12' },
      { id: 'm-hugo', role: 'child', firstNames: 'Hugo', lastName: 'Dupont', birthDate: '2020-09-03' },
    ],
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const address = { street: '12 rue des Lilas', postcode: '45000', commune: 'Ville de Démo' };
  const parents = [
    { username: 'marie.dupont', civility: 'MME', firstNames: 'Marie', email: 'marie.dupont@example.fr', mobile: '06 12 34 56 78' },
    { username: 'paul.dupont', civility: 'M', firstNames: 'Paul', email: 'paul.dupont@example.fr', mobile: '06 98 76 54 32' },
  ] as const;
  for (const p of parents) {
    await store.accounts.insert({
      id: randomUUID(),
      username: p.username,
      email: p.email,
      passwordHash,
      status: 'active',
      identity: { civility: p.civility, lastName: 'Dupont', firstNames: p.firstNames, birthCountry: 'France' },
      address,
      contact: { email: p.email, mobile: p.mobile, preferred: 'email' },
      householdId,
      serviceKeys: [{ serviceId: 'enfance', linkedAt: now }],
      mustChangePassword: false,
      createdAt: now,
    });
  }
  return true;
}
