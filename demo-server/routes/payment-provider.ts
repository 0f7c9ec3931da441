// SPDX-License-Identifier: MIT
/**
 * The provider's side, mounted on the app (not under the citizen API: a provider sends no
 * session, no CSRF header and form-encoded bodies):
 *
 * - `POST /api/v1/payments/notifications`: the provider's signed outcome
 *   (`paymentId`, `status`, `transactionId`, `amountCents`, `signature`, form or JSON).
 *   A signature that does not verify answers 403 and changes nothing; a replayed
 *   notification answers 200 and changes nothing more (the first verified outcome stands).
 *   A success on an invoice another payment already paid is kept (the money was taken),
 *   marked `duplicateOf` and logged as a warning for staff to refund.
 * - `GET /paiement-simule` and `POST /paiement-simule`: the demo's SIMULATED provider page,
 *   "Payer", "Refuser", "Abandonner". Its choice is signed like a real notification, delivered
 *   to the notification handler, and the browser goes back to the payment's return address
 *   with `?paiement=<payment id>`.
 */
import express, { Router } from 'express';
import * as z from 'zod/mini';
import { euros } from '../billing/invoices.js';
import { ApiError, parse } from '../http/api-error.js';
import {
  SIMULATED_PROVIDER_PATH,
  loadPaymentSecret,
  newReceiptNumber,
  newTransactionId,
  sameSignature,
  signCheckout,
  signNotification,
  verifyNotification,
  type PaymentNotification,
} from '../payments/provider.js';
import type { Store } from '../store/types.js';

const Notification = z.object({
  paymentId: z.string().check(z.minLength(1), z.maxLength(100)),
  status: z.enum(['succeeded', 'refused', 'abandoned']),
  transactionId: z.string().check(z.minLength(1), z.maxLength(100)),
  amountCents: z.coerce.number().check(z.int(), z.minimum(0)),
  signature: z.string().check(z.maxLength(200)),
});

const Checkout = z.object({
  paymentId: z.string().check(z.minLength(1), z.maxLength(100)),
  amount: z.coerce.number().check(z.int(), z.minimum(0)),
  ref: z.string().check(z.maxLength(100)),
  sig: z.string().check(z.maxLength(200)),
});

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface PaymentProviderDeps {
  store: Store;
  paymentSecret: string | undefined;
  dataFile: string;
  cityName: string;
}

/** Verifies and records a notification; throws ApiError 403 on a bad signature. */
export async function receiveNotification(deps: PaymentProviderDeps, notification: PaymentNotification, signature: string) {
  const secret = await loadPaymentSecret(deps);
  if (!verifyNotification(secret, notification, signature)) throw new ApiError(403, 'forbidden', 'The notification’s signature does not verify');
  const payment = await deps.store.payments.get(notification.paymentId);
  if (!payment) throw new ApiError(404, 'not_found', 'No such payment');
  if (payment.amountCents !== notification.amountCents) throw new ApiError(400, 'validation_failed', 'The amount differs from the payment’s');
  const at = new Date();
  const settled = await deps.store.payments.settle(payment.id, {
    status: notification.status,
    at: at.toISOString(),
    transactionId: notification.transactionId,
    ...(notification.status === 'succeeded' ? { receiptNumber: newReceiptNumber(at) } : {}),
  });
  const { duplicateOf } = settled.payment;
  if (settled.changed && duplicateOf) {
    // Ids and amount only: staff find the family with `invoices:list`, the log holds no personal data.
    console.warn(
      `[demo-server] payment ${payment.id} (${euros(payment.amountCents)}) paid invoice ${payment.invoiceId} already paid by payment ${duplicateOf}: refund it`,
    );
  }
  return settled;
}

export function paymentProviderRoutes(deps: PaymentProviderDeps): Router {
  const { store, cityName } = deps;
  const router = Router();
  const forms = [express.urlencoded({ extended: false, limit: '10kb' }), express.json({ limit: '10kb' })];

  router.post('/api/v1/payments/notifications', ...forms, async (req, res) => {
    const { signature, ...notification } = parse(Notification, req.body);
    const { changed } = await receiveNotification(deps, notification, signature);
    res.json({ received: true, changed });
  });

  const checkoutOf = async (input: unknown) => {
    const checkout = parse(Checkout, input, 'query');
    const secret = await loadPaymentSecret(deps);
    if (!sameSignature(checkout.sig, signCheckout(secret, checkout.paymentId, checkout.amount, checkout.ref))) {
      throw new ApiError(403, 'forbidden', 'The payment request’s signature does not verify');
    }
    const payment = await store.payments.get(checkout.paymentId);
    if (!payment) throw new ApiError(404, 'not_found', 'No such payment');
    return { checkout, payment, secret };
  };

  router.get(SIMULATED_PROVIDER_PATH, async (req, res) => {
    const { checkout } = await checkoutOf(req.query);
    const hidden = Object.entries(checkout)
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(String(value))}">`)
      .join('');
    res.set('Cache-Control', 'no-store');
    res.type('html').send(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Paiement simulé — ${escapeHtml(cityName)}</title></head>
<body><main>
<h1>Paiement en ligne (simulation)</h1>
<p>Ce service de démonstration remplace le prestataire de paiement (PayFiP). Aucune carte n'est débitée.</p>
<p>Facture ${escapeHtml(checkout.ref)} — montant : <strong>${escapeHtml(euros(checkout.amount))}</strong></p>
<form method="post" action="${SIMULATED_PROVIDER_PATH}">${hidden}
<button type="submit" name="outcome" value="succeeded">Payer</button>
<button type="submit" name="outcome" value="refused">Refuser</button>
<button type="submit" name="outcome" value="abandoned">Abandonner</button>
</form>
</main></body></html>`);
  });

  router.post(SIMULATED_PROVIDER_PATH, ...forms, async (req, res) => {
    const { outcome, ...rest } = req.body as Record<string, unknown>;
    const { checkout, payment, secret } = await checkoutOf(rest);
    const status = parse(z.enum(['succeeded', 'refused', 'abandoned']), outcome, 'outcome');
    const notification: PaymentNotification = { paymentId: checkout.paymentId, status, transactionId: newTransactionId(), amountCents: checkout.amount };
    // A real provider posts this to the notification URL; the simulation hands it over in process.
    await receiveNotification(deps, notification, signNotification(secret, notification));
    const back = new URL(payment.returnUrl);
    back.searchParams.set('paiement', payment.id);
    res.redirect(303, back.href);
  });

  return router;
}
