// SPDX-License-Identifier: MIT
/**
 * "Mes factures" and "Payer en ligne" (issue 7): invoices built from bookings × tariffs, the
 * PDF, the simulated provider's round trip, signed notifications (a forged one refused, a
 * replayed one applied once), 50 identical "Payer" clicks making one payment, and the access
 * rule (another family's invoice or payment answers 404).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { addDays, datesBetween, parisToday, weekday } from '../../demo-server/activities/calendar.js';
import { runsOn } from '../../demo-server/activities/catalogue.js';
import { euros } from '../../demo-server/billing/invoices.js';
import { loadPaymentSecret, signNotification } from '../../demo-server/payments/provider.js';
import { Client } from './helpers.js';
import { citizen, martinFamily, startDashboardServer, type DashboardServer } from './dashboard-helpers.js';

const key = () => `pay-${randomUUID()}`;

describe('invoices and payments', () => {
  let server: DashboardServer;
  let marie: Client;
  let paul: Client;
  let martin: Awaited<ReturnType<typeof martinFamily>>;
  let secret: string;
  const pay = (client: Client, invoiceId: string, idempotencyKey = key()) =>
    client.call('POST', '/api/v1/payments', { body: { invoiceId, idempotencyKey, returnUrl: '/mon-espace' }, headers: { 'Idempotency-Key': idempotencyKey } });
  const notify = (body: Record<string, unknown>) =>
    fetch(`${server.url}/api/v1/payments/notifications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString(),
    }).then(async (res) => ({ status: res.status, json: await res.json() }));
  /** The provider's page is on the server; the test reaches it by the server's loopback address. */
  const local = (url: string) => {
    const u = new URL(url);
    return `${server.url}${u.pathname}${u.search}`;
  };

  before(async () => {
    server = await startDashboardServer();
    marie = await citizen(server, 'marie.dupont');
    paul = await citizen(server, 'paul.dupont');
    martin = await martinFamily(server);
    secret = await loadPaymentSecret(server.config);
  });
  after(() => server.stop());

  it('lists the seeded invoices, built from the bookings at the family’s prices', async () => {
    const list = (await marie.call('GET', '/api/v1/invoices')).json;
    assert.equal(list.length, 2);
    const [due, paid] = list;
    assert.equal(due.status, 'due');
    assert.equal(paid.status, 'paid');
    assert.ok(paid.paidAt && paid.paymentId);
    assert.deepEqual((await paul.call('GET', '/api/v1/invoices')).json, list);
    const bookings = await server.store.bookings.listBetween(`${due.period}-01`, `${due.period}-31`);
    for (const line of due.lines) {
      const days = bookings.filter((b) => b.childId === line.childId && b.activityId === line.activityId);
      assert.equal(line.quantity, days.length, line.label);
      assert.equal(line.totalCents, line.quantity * line.unitPriceCents);
    }
    assert.equal(due.amountCents, due.lines.reduce((s: number, l: { totalCents: number }) => s + l.totalCents, 0));
    assert.equal(due.lines.find((l: { activityId: string }) => l.activityId === 'restauration-scolaire').unitPriceCents, 390);
    assert.equal(due.lines.length, 4);

    const pdf = await fetch(`${server.url}/api/v1/invoices/${due.id}/pdf`, { headers: { Cookie: marie.cookie } });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition')!, /^attachment; filename="?facture-FAC-/);
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
  });

  it('invoices:generate bills an ended month: booked days the activity ran × price, not excused illness days, once', async () => {
    const today = parisToday();
    const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    const days = [...datesBetween(`${lastMonth}-01`, addDays(`${today.slice(0, 7)}-01`, -1))];
    const catalogue = server.config.activities;
    const centre = catalogue.activities.find((a) => a.id === 'mercredi')!;
    const ran = days.filter((d) => runsOn(catalogue, centre, d));
    assert.ok(ran.length >= 2, `Wednesdays the centre ran in ${lastMonth}`);
    // A day it did not run (a Monday): booked by mistake or before the holidays were known, never billed.
    const notRun = days.find((d) => weekday(d) === 1)!;
    await server.store.bookings.insertMany(
      [...ran, notRun].map((date) => ({ householdId: martin.householdId, childId: martin.childId, activityId: 'mercredi', date, bookedAt: new Date().toISOString(), bookedBy: 'test' })),
    );
    await server.store.enrolments.insert({ id: randomUUID(), householdId: martin.householdId, childId: martin.childId, activityId: 'mercredi', from: days[0]!, to: days.at(-1)!, createdAt: new Date().toISOString() });
    // The last one excused by an accepted illness absence.
    const excused = ran.at(-1)!;
    const absence = await martin.client.call('POST', '/api/v1/absences', { body: { childId: martin.childId, from: excused, to: excused, reason: 'illness' } });
    assert.equal(absence.status, 201, absence.text);
    await server.staff('requests:decide', absence.json.id, 'accept');

    // A month still running may change: refused, nothing issued.
    await assert.rejects(server.staff('invoices:generate', today.slice(0, 7)), /not over yet/);
    const out = await server.staff('invoices:generate', lastMonth);
    // No quotient familial known for the Martins: the highest bracket, 16,00 € a day.
    const billed = ran.slice(0, -1);
    assert.match(out, new RegExp(`Issued \\d+ invoice\\(s\\) for ${lastMonth}`));
    assert.match(out, new RegExp(`FAC-${lastMonth}-\\d{4}\\tfoyer-martin\\t${euros(billed.length * 1600)}`));
    assert.match(await server.staff('invoices:generate', lastMonth), /No new invoices/);
    await assert.rejects(server.staff('invoices:generate', '2026-13'), /Usage/);
    const invoice = (await martin.client.call('GET', '/api/v1/invoices')).json.find((i: { period: string }) => i.period === lastMonth);
    assert.equal(invoice.amountCents, billed.length * 1600);
    assert.deepEqual(invoice.lines[0].dates, billed);
  });

  it('pays through the simulated provider: the page, "Payer", the return, the receipt', async () => {
    const [due] = (await marie.call('GET', '/api/v1/invoices')).json;
    // A refused try first: the invoice stays due.
    const refused = await pay(marie, due.id);
    assert.equal(refused.status, 201, refused.text);
    const page = await fetch(local(refused.json.redirectUrl));
    const html = await page.text();
    assert.equal(page.status, 200);
    for (const label of ['Payer', 'Refuser', 'Abandonner']) assert.match(html, new RegExp(`>${label}</button>`));
    const tampered = new URL(local(refused.json.redirectUrl));
    tampered.searchParams.set('amount', '1');
    assert.equal((await fetch(tampered)).status, 403);

    const choose = async (redirectUrl: string, outcome: string) => {
      const form = new URLSearchParams([...new URL(redirectUrl).searchParams.entries()].map(([k, v]) => [k === 'amount' ? 'amount' : k, v]));
      form.set('outcome', outcome);
      return fetch(`${server.url}/paiement-simule`, { method: 'POST', body: form, redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    };
    const back = await choose(refused.json.redirectUrl, 'refused');
    assert.equal(back.status, 303);
    assert.equal(back.headers.get('location'), `${server.config.publicUrl.origin}/mon-espace?paiement=${refused.json.paymentId}`);
    assert.equal((await marie.call('GET', `/api/v1/payments/${refused.json.paymentId}`)).json.status, 'refused');
    assert.equal((await marie.call('GET', '/api/v1/invoices')).json[0].status, 'due');

    const ok = await pay(marie, due.id);
    assert.equal((await choose(ok.json.redirectUrl, 'succeeded')).status, 303);
    const payment = (await paul.call('GET', `/api/v1/payments/${ok.json.paymentId}`)).json;
    assert.equal(payment.status, 'succeeded');
    assert.match(payment.receiptNumber, /^REC-\d{8}-[0-9A-F]{8}$/);
    assert.equal(payment.invoiceNumber, due.number);
    const after = (await marie.call('GET', '/api/v1/invoices')).json[0];
    assert.equal(after.status, 'paid');
    assert.equal(after.paymentId, ok.json.paymentId);
    // Paid: no other payment can start.
    const again = await pay(marie, due.id);
    assert.equal(again.status, 409);
    assert.equal(again.json.fields.invoiceId, 'already_paid');
  });

  it('refuses a forged notification and applies a replayed one once', async () => {
    const [invoice] = (await martin.client.call('GET', '/api/v1/invoices')).json;
    const started = await pay(martin.client, invoice.id);
    const n = { paymentId: started.json.paymentId, status: 'succeeded' as const, transactionId: 'TX-1', amountCents: invoice.amountCents };
    const forged = [
      { ...n, signature: 'f'.repeat(64) },
      { ...n, signature: signNotification('another-secret-of-at-least-32-chars!!', n) },
      { ...n, amountCents: 1, signature: signNotification(secret, n) },
      { ...n, signature: '' },
    ];
    for (const body of forged) assert.equal((await notify(body)).status, 403, JSON.stringify(body));
    assert.equal((await server.store.payments.get(n.paymentId))!.status, 'pending');
    assert.equal((await server.store.invoices.get(invoice.id))!.paidAt, undefined);

    const signed = { ...n, signature: signNotification(secret, n) };
    const answers = await Promise.all(Array.from({ length: 5 }, () => notify(signed)));
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 200, 200]);
    assert.equal(answers.filter((a) => a.json.changed).length, 1);
    const paidAt = (await server.store.invoices.get(invoice.id))!.paidAt;
    assert.ok(paidAt);
    // A later, validly signed "refused" for the same payment changes nothing either.
    const late = { ...n, status: 'refused' as const, transactionId: 'TX-2' };
    assert.equal((await notify({ ...late, signature: signNotification(secret, late) })).json.changed, false);
    assert.equal((await server.store.payments.get(n.paymentId))!.status, 'succeeded');
    assert.equal((await server.store.invoices.get(invoice.id))!.paidAt, paidAt);
  });

  it('makes one payment of 50 identical parallel "Payer" requests', async () => {
    // A fresh unpaid invoice for the Martins.
    const [created] = await server.store.invoices.issue([
      { householdId: martin.householdId, period: '2026-01', lines: [], amountCents: 1234, issuedAt: new Date().toISOString(), dueDate: '2026-02-28' },
    ]);
    assert.equal((await martin.client.call('GET', '/api/v1/invoices')).json.find((i: { id: string }) => i.id === created!.id).status, 'overdue');
    const k = key();
    const answers = await Promise.all(Array.from({ length: 50 }, () => pay(martin.client, created!.id, k)));
    assert.deepEqual([...new Set(answers.map((a) => a.json.paymentId))].length, 1);
    assert.equal(answers.filter((a) => a.status === 201).length, 1);
    assert.equal(answers.filter((a) => a.status === 200).length, 49);
    const payments = (await server.store.payments.listForHousehold(martin.householdId)).filter((p) => p.invoiceId === created!.id);
    assert.equal(payments.length, 1);
    const otherBody = await martin.client.call('POST', '/api/v1/payments', { body: { invoiceId: created!.id, idempotencyKey: k, returnUrl: '/ailleurs' } });
    assert.equal(otherBody.status, 409);
    // Another key while that payment is pending: refused, one payment at a time (payments-in-progress.test.ts).
    assert.equal((await pay(martin.client, created!.id)).status, 409);
    const evil = await martin.client.call('POST', '/api/v1/payments', { body: { invoiceId: created!.id, idempotencyKey: key(), returnUrl: 'https://evil.example/' } });
    assert.equal(evil.status, 400);
  });

  it('keeps another family’s invoices and payments out of reach (404), 401 without a session', async () => {
    const [dupont] = (await marie.call('GET', '/api/v1/invoices')).json;
    const payments = await server.store.payments.listForHousehold('foyer-dupont');
    const other = martin.client;
    assert.ok((await other.call('GET', '/api/v1/invoices')).json.every((i: { id: string }) => i.id !== dupont.id));
    for (const path of [`/api/v1/invoices/${dupont.id}`, `/api/v1/invoices/${dupont.id}/pdf`, `/api/v1/payments/${payments[0]!.id}`]) {
      assert.equal((await other.call('GET', path)).status, 404, path);
      assert.equal((await new Client(server.url).call('GET', path)).status, 401, path);
    }
    const start = await pay(other, dupont.id);
    assert.equal(start.status, 404);
    assert.equal((await new Client(server.url).call('GET', '/api/v1/invoices')).status, 401);
  });
});
