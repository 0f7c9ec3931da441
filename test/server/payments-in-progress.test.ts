// SPDX-License-Identifier: MIT
/**
 * One invoice, one payment at a time: the other parent, or the same parent in a second tab,
 * cannot start a second payment while one is pending (409 `payment_in_progress`), for
 * PENDING_PAYMENT_HOLD_MS only; a second success that still happens (a payment older than the
 * hold, finished late) is kept, flagged `duplicateOf`, logged and listed for staff to refund.
 */
import { after, before, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { loadPaymentSecret, signNotification } from '../../demo-server/payments/provider.js';
import { PENDING_PAYMENT_HOLD_MS } from '../../demo-server/store/types.js';
import type { Client } from './helpers.js';
import { citizen, startDashboardServer, type DashboardServer } from './dashboard-helpers.js';

const key = () => `pay-${randomUUID()}`;

describe('payments: one at a time per invoice', () => {
  let server: DashboardServer;
  let marie: Client;
  let paul: Client;
  let secret: string;
  let period = 0;
  const pay = (client: Client, invoiceId: string, idempotencyKey = key()) =>
    client.call('POST', '/api/v1/payments', { body: { invoiceId, idempotencyKey, returnUrl: '/mon-espace' }, headers: { 'Idempotency-Key': idempotencyKey } });
  /** A fresh unpaid invoice of the Duponts (one period each: a period is invoiced once). */
  const freshInvoice = async () => {
    const [invoice] = await server.store.invoices.issue([
      { householdId: 'foyer-dupont', period: `2020-${String(++period).padStart(2, '0')}`, lines: [], amountCents: 4250, issuedAt: new Date().toISOString(), dueDate: '2099-01-31' },
    ]);
    return invoice!;
  };
  const succeed = async (paymentId: string, amountCents: number, transactionId: string) => {
    const n = { paymentId, status: 'succeeded' as const, transactionId, amountCents };
    const res = await fetch(`${server.url}/api/v1/payments/notifications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...n, signature: signNotification(secret, n) }),
    });
    assert.equal(res.status, 200);
  };

  before(async () => {
    server = await startDashboardServer();
    marie = await citizen(server, 'marie.dupont');
    paul = await citizen(server, 'paul.dupont');
    secret = await loadPaymentSecret(server.config);
  });
  after(() => server.stop());

  it('refuses the other parent’s and a second tab’s payment while one is pending; the same key still answers the same payment', async () => {
    const invoice = await freshInvoice();
    const k = key();
    const first = await pay(marie, invoice.id, k);
    assert.equal(first.status, 201, first.text);

    const byPaul = await pay(paul, invoice.id);
    assert.equal(byPaul.status, 409, byPaul.text);
    assert.equal(byPaul.json.code, 'payment_in_progress');
    assert.deepEqual(byPaul.json.fields, { invoiceId: 'payment_in_progress' });
    assert.match(byPaul.json.message, /less than 20 minutes ago/);
    const secondTab = await pay(marie, invoice.id);
    assert.equal(secondTab.status, 409);
    assert.equal(secondTab.json.code, 'payment_in_progress');

    const retried = await pay(marie, invoice.id, k);
    assert.equal(retried.status, 200);
    assert.equal(retried.json.paymentId, first.json.paymentId);
    assert.equal((await server.store.payments.listForHousehold('foyer-dupont')).filter((p) => p.invoiceId === invoice.id).length, 1);
  });

  it('of both parents clicking at once, exactly one starts a payment; 50 identical clicks still make one', async () => {
    const invoice = await freshInvoice();
    const answers = await Promise.all([pay(marie, invoice.id), pay(paul, invoice.id)]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409]);

    const other = await freshInvoice();
    const k = key();
    const clicks = await Promise.all(Array.from({ length: 50 }, () => pay(paul, other.id, k)));
    assert.equal(clicks.filter((a) => a.status === 201).length, 1);
    assert.equal(clicks.filter((a) => a.status === 200).length, 49);
    assert.equal(new Set(clicks.map((a) => a.json.paymentId)).size, 1);
  });

  it('a payment left pending holds the invoice for 20 minutes, not for ever', async () => {
    assert.equal(PENDING_PAYMENT_HOLD_MS, 20 * 60 * 1000);
    const startedAgo = async (invoiceId: string, ms: number) => {
      const at = new Date(Date.now() - ms).toISOString();
      const { payment } = await server.store.payments.start({
        id: randomUUID(), invoiceId, householdId: 'foyer-dupont', accountId: 'someone', idempotencyKey: key(), bodyHash: 'x',
        amountCents: 4250, provider: 'simulated', returnUrl: `${server.config.publicUrl.origin}/mon-espace`, status: 'pending', createdAt: at, updatedAt: at,
      });
      return payment;
    };
    const recent = await freshInvoice();
    await startedAgo(recent.id, PENDING_PAYMENT_HOLD_MS - 60_000);
    assert.equal((await pay(paul, recent.id)).status, 409);

    const abandoned = await freshInvoice();
    await startedAgo(abandoned.id, PENDING_PAYMENT_HOLD_MS + 60_000);
    assert.equal((await pay(paul, abandoned.id)).status, 201);
  });

  it('keeps a second success as succeeded, flags it duplicateOf, warns staff without personal data and lists it to refund', async () => {
    const invoice = await freshInvoice();
    // A payment started before the hold ended (a tab left open), then another one.
    const at = new Date(Date.now() - PENDING_PAYMENT_HOLD_MS - 60_000).toISOString();
    const { payment: late } = await server.store.payments.start({
      id: randomUUID(), invoiceId: invoice.id, householdId: 'foyer-dupont', accountId: 'someone', idempotencyKey: key(), bodyHash: 'x',
      amountCents: invoice.amountCents, provider: 'simulated', returnUrl: `${server.config.publicUrl.origin}/mon-espace`, status: 'pending', createdAt: at, updatedAt: at,
    });
    const started = await pay(paul, invoice.id);
    assert.equal(started.status, 201, started.text);

    await succeed(started.json.paymentId, invoice.amountCents, 'TX-FIRST');
    const warn = mock.method(console, 'warn', () => {});
    try {
      // The tab left open is finished after all: the bank took the money a second time.
      await succeed(late.id, invoice.amountCents, 'TX-SECOND');
      await succeed(late.id, invoice.amountCents, 'TX-SECOND');
      assert.equal(warn.mock.callCount(), 1, 'one warning, not one per replay');
      const logged = String(warn.mock.calls[0]!.arguments[0]);
      assert.match(logged, new RegExp(`payment ${late.id} .*already paid by payment ${started.json.paymentId}: refund it`));
      assert.doesNotMatch(logged, /Dupont|Marie|Paul|@/);
    } finally {
      warn.mock.restore();
    }

    const second = (await server.store.payments.get(late.id))!;
    assert.equal(second.status, 'succeeded');
    assert.equal(second.duplicateOf, started.json.paymentId);
    assert.ok(second.receiptNumber);
    assert.equal((await server.store.payments.get(started.json.paymentId))!.duplicateOf, undefined);
    const stored = (await server.store.invoices.get(invoice.id))!;
    assert.equal(stored.paymentId, started.json.paymentId);

    const list = await server.staff('invoices:list');
    assert.match(list, new RegExp(`^REFUND ${invoice.number}\\tfoyer-dupont\\t42,50 €\\tpayment ${late.id} \\(receipt ${second.receiptNumber}\\) duplicates payment ${started.json.paymentId}$`, 'm'));
    assert.equal(list.match(/^REFUND /gm)!.length, 1);
    assert.doesNotMatch(await server.staff('invoices:list', '--period', '2020-01'), /REFUND/);
  });
});
