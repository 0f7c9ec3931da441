// SPDX-License-Identifier: MIT
/**
 * Demo data written on first start (an empty store): the Dupont family of "Ville de Démo",
 * two parents with their own accounts (as in seed 003, Villennes) and two children, with
 * their records, the city's news, a message and requests for the dashboard.
 * The README gives the logins; nothing here runs when the store already holds accounts.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Store } from './store/types.js';
import { hashPassword } from './auth/passwords.js';
import type { FieldCipher } from './auth/field-cipher.js';
import { writeChildRecord } from './family/child-records.js';
import { summaryOf } from './family/requests.js';
import { runsOn, type ActivityCatalogue } from './activities/catalogue.js';
import { addDays, datesBetween, parisToday } from './activities/calendar.js';
import type { BookingRecord } from './store/types.js';
import { generateInvoices } from './billing/invoices.js';
import { newReceiptNumber, newTransactionId } from './payments/provider.js';

export const DEMO_PASSWORD = 'Marelle-Soleil-2026';
export const DEMO_USERNAMES = ['marie.dupont', 'paul.dupont'] as const;
/** The household's "Clé Enfance", as printed on the city's letter. */
export const DEMO_ENFANCE_KEY = 'K7PQ-M4XW-9HTR';

export const normaliseServiceKey = (key: string) => key.toUpperCase().replace(/[^A-Z0-9]/g, '');
export const hashServiceKey = (key: string) => createHash('sha256').update(normaliseServiceKey(key)).digest('hex');

export async function seedDemoData(store: Store, cipher: FieldCipher, catalogue: ActivityCatalogue): Promise<boolean> {
  if ((await store.accounts.list()).length > 0) return false;
  const householdId = 'foyer-dupont';
  const now = new Date().toISOString();
  await store.households.insert({
    id: householdId,
    keyHashes: { enfance: hashServiceKey(DEMO_ENFANCE_KEY) },
    // Tranche C of the demo city's grid (activities/catalogue.ts).
    quotientFamilial: 820,
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
  await seedDashboard(store, cipher, householdId);
  await seedActivities(store, householdId, catalogue);
  return true;
}

/** First day of the month `offset` months from `today`'s (YYYY-MM-DD). */
const monthStart = (today: string, offset: number) => {
  const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 + offset, 1));
  return d.toISOString().slice(0, 10);
};

/**
 * Activities (issue 7): Léa in restauration scolaire and accueil du soir (Mondays, Tuesdays
 * and Thursdays), Hugo in restauration scolaire and the Wednesday centre, enrolled since two
 * months ago until the end of the school year, booked on every open day of the last two
 * months, and Hugo on the next open Wednesdays.
 */
async function seedActivities(store: Store, householdId: string, catalogue: ActivityCatalogue): Promise<void> {
  const today = parisToday();
  const from = monthStart(today, -2);
  const year = Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 8 ? 1 : 0);
  const to = `${year}-07-31`;
  const now = new Date().toISOString();
  const plan = [
    { childId: 'm-lea', activityId: 'restauration-scolaire', weekdays: [1, 2, 4, 5] },
    { childId: 'm-lea', activityId: 'accueil-soir', weekdays: [1, 2, 4] },
    { childId: 'm-hugo', activityId: 'restauration-scolaire', weekdays: [1, 2, 4, 5] },
    { childId: 'm-hugo', activityId: 'mercredi', weekdays: [3] },
  ];
  const marie = (await store.accounts.findByLogin('marie.dupont', true))!;
  const bookings: BookingRecord[] = [];
  const lastMonthEnd = addDays(monthStart(today, 0), -1);
  for (const { childId, activityId, weekdays } of plan) {
    await store.enrolments.insert({ id: randomUUID(), householdId, childId, activityId, from, to, createdAt: now });
    const activity = catalogue.activities.find((a) => a.id === activityId)!;
    const days = [...datesBetween(from, lastMonthEnd)];
    if (activityId === 'mercredi') days.push(...[...datesBetween(addDays(today, 7), addDays(today, 28))]);
    for (const date of days) {
      if (!runsOn(catalogue, activity, date) || !weekdays.includes(new Date(`${date}T00:00:00Z`).getUTCDay())) continue;
      bookings.push({ householdId, childId, activityId, date, bookedAt: now, bookedBy: marie.id });
    }
  }
  await store.bookings.insertMany(bookings);

  // "Mes factures": the last two months billed from those bookings; the older one paid online.
  // Each issued on the first day of the month after it, as the city's run would have.
  const issuedOn = (offset: number) => new Date(`${monthStart(today, offset)}T08:00:00Z`);
  const [older] = await generateInvoices(store, catalogue, monthStart(today, -2).slice(0, 7), issuedOn(-1));
  await generateInvoices(store, catalogue, monthStart(today, -1).slice(0, 7), issuedOn(0));
  if (older) {
    const paidAt = new Date(Date.now() - 20 * 86_400_000);
    const id = randomUUID();
    await store.payments.start({
      id,
      invoiceId: older.id,
      householdId,
      accountId: marie.id,
      idempotencyKey: `seed-${id}`,
      bodyHash: 'seed',
      amountCents: older.amountCents,
      provider: 'simulated',
      returnUrl: 'http://localhost/mon-espace',
      status: 'pending',
      createdAt: paidAt.toISOString(),
      updatedAt: paidAt.toISOString(),
    });
    await store.payments.settle(id, { status: 'succeeded', at: paidAt.toISOString(), transactionId: newTransactionId(), receiptNumber: newReceiptNumber(paidAt) });
  }
}

/** The dashboard's demo data (issue 6): children's records, news, a message, two requests. */
async function seedDashboard(store: Store, cipher: FieldCipher, householdId: string): Promise<void> {
  const school = 'École élémentaire Jean Moulin';
  const doctor = { name: 'Dr Claire Martin', phone: '02 38 12 34 56' };
  const grandmother = { name: 'Jeanne Dupont (grand-mère)', phone: '06 11 22 33 44' };
  await writeChildRecord(store, cipher, householdId, 'm-lea', {
    school,
    schoolClass: 'CM1',
    allergies: 'Arachide et fruits à coque',
    hasPai: true,
    doctor,
    authorisedPickup: [grandmother],
    missing: [],
  }, []);
  await writeChildRecord(store, cipher, householdId, 'm-hugo', {
    school,
    schoolClass: 'CP',
    hasPai: false,
    doctor,
    authorisedPickup: [grandmother, { name: 'Karim Benali (voisin)', phone: '06 55 44 33 22' }],
    missing: [],
  }, ["Attestation d'assurance 2026-2027"]);

  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  await store.news.insert({
    id: randomUUID(),
    title: 'Accueils de loisirs des vacances : les inscriptions sont ouvertes',
    body: "Vous pouvez inscrire vos enfants aux accueils de loisirs des prochaines vacances scolaires depuis votre espace, jusqu'à quinze jours avant le premier jour des vacances. Pensez à vérifier leur dossier administratif avant de réserver.",
    link: '/mon-espace',
    publishedAt: daysAgo(3),
  });
  await store.news.insert({
    id: randomUUID(),
    title: "Fermeture de l'accueil de loisirs pendant les congés de Noël",
    body: "L'accueil de loisirs Les Tilleuls sera fermé du 24 décembre au 1er janvier. Les enfants inscrits seront accueillis au centre Jean Moulin.",
    publishedAt: daysAgo(10),
  });

  const marie = (await store.accounts.findByLogin('marie.dupont', true))!;
  await store.messages.insert({
    id: randomUUID(),
    accountId: marie.id,
    subject: "Dossier de Hugo : attestation d'assurance",
    body: "Bonjour Madame Dupont,\n\nL'attestation d'assurance scolaire 2026-2027 de Hugo ne nous est pas encore parvenue. Merci de nous la transmettre avant la rentrée.\n\nLe service Enfance",
    sentAt: daysAgo(1),
  });

  const address = { type: 'address-change' as const, address: marie.address! };
  const accepted = {
    id: randomUUID(),
    accountId: marie.id,
    type: address.type,
    createdAt: daysAgo(20),
    status: 'accepted' as const,
    summary: summaryOf(address),
    history: [
      { at: daysAgo(20), status: 'sent' as const },
      { at: daysAgo(19), status: 'in-progress' as const },
      { at: daysAgo(18), status: 'accepted' as const },
    ],
    payload: address,
  };
  await store.requests.insert(accepted);
  await store.messages.insert({
    id: randomUUID(),
    accountId: marie.id,
    subject: `Votre demande « ${accepted.summary} » a été acceptée`,
    body: `Bonjour,\n\nVotre demande « ${accepted.summary} » a été acceptée par les services de la mairie.\n\nVous pouvez suivre toutes vos demandes dans « Dernières demandes ».`,
    sentAt: daysAgo(18),
    readAt: daysAgo(17),
    requestId: accepted.id,
  });
  const addition = {
    type: 'household-addition' as const,
    addition: { role: 'contact' as const, civility: 'MME' as const, firstNames: 'Jeanne', lastName: 'Dupont', phone: '06 11 22 33 44', relation: 'grand-mère' },
  };
  await store.requests.insert({
    id: randomUUID(),
    accountId: marie.id,
    householdId,
    type: addition.type,
    createdAt: daysAgo(2),
    status: 'sent',
    summary: summaryOf(addition),
    history: [{ at: daysAgo(2), status: 'sent' }],
    payload: addition,
  });
}
