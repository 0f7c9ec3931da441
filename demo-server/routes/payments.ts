// SPDX-License-Identifier: MIT
/**
 * "Payer en ligne": `POST /payments` starts a payment of one of the household's invoices
 * with the provider and answers where to send the browser; `GET /payments/:id` gives its
 * outcome and, once paid, the receipt number. The body and the `Idempotency-Key` header carry
 * one key: 50 identical clicks make one payment (201 for the first, 200 with the same
 * payment after). While another payment of the invoice (another tab, the other parent) is
 * still pending, a new one is refused (409 `payment_in_progress`) for PENDING_PAYMENT_HOLD_MS,
 * so the family does not pay twice. The invoice is marked paid only by the provider's
 * verified notification (routes/payment-provider.ts), never by this route.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Router } from 'express';
import { PaymentStart, type Payment } from '../../src/schemas/invoices.js';
import { ApiError, parse } from '../http/api-error.js';
import { loadPaymentSecret, type PaymentProvider } from '../payments/provider.js';
import { PENDING_PAYMENT_HOLD_MS, StoreConflictError, type PaymentRecord, type Store } from '../store/types.js';
import type { FamilyRoutesDeps } from './household.js';
import { invoiceOf } from './invoices.js';
import { requireSession } from './session.js';
import { requireTermsAccepted } from './terms.js';

export interface PaymentRoutesDeps extends FamilyRoutesDeps {
  provider: PaymentProvider;
  publicUrl: URL;
  corsOrigins: string[];
  paymentSecret: string | undefined;
  dataFile: string;
}

export async function paymentJson(store: Store, payment: PaymentRecord): Promise<Payment> {
  const invoice = await store.invoices.get(payment.invoiceId);
  return {
    id: payment.id,
    invoiceId: payment.invoiceId,
    status: payment.status,
    amountCents: payment.amountCents,
    ...(payment.receiptNumber ? { receiptNumber: payment.receiptNumber } : {}),
    updatedAt: payment.updatedAt,
    ...(invoice ? { invoiceNumber: invoice.number } : {}),
    ...(payment.transactionId ? { transactionId: payment.transactionId } : {}),
  };
}

/** The return address must be a page of this site or of an allowed CMS origin (no open redirect). */
function returnUrlOf(raw: string, publicUrl: URL, corsOrigins: string[]): string {
  let url: URL;
  try {
    url = new URL(raw, publicUrl);
  } catch {
    url = new URL('invalid:');
  }
  if (!['http:', 'https:'].includes(url.protocol) || (url.origin !== publicUrl.origin && !corsOrigins.includes(url.origin))) {
    throw new ApiError(400, 'validation_failed', 'Invalid body: returnUrl (invalid_return_url)', { fields: { returnUrl: 'invalid_return_url' } });
  }
  return url.href;
}

export function paymentRoutes(deps: PaymentRoutesDeps): Router {
  const { store, sessions, provider, publicUrl, corsOrigins } = deps;
  const router = Router();
  const guard = [requireSession(sessions), requireTermsAccepted];

  router.post('/payments', ...guard, async (req, res) => {
    const start = parse(PaymentStart, req.body);
    const header = req.get('idempotency-key');
    if (header !== undefined && header !== start.idempotencyKey) {
      throw new ApiError(400, 'validation_failed', 'Idempotency-Key differs from the body’s idempotencyKey', { fields: { idempotencyKey: 'mismatch' } });
    }
    const invoice = await invoiceOf(store, res, start.invoiceId);
    const returnUrl = returnUrlOf(start.returnUrl, publicUrl, corsOrigins);
    const { account } = res.locals.session!;
    const at = new Date().toISOString();
    let result;
    try {
      result = await store.payments.start({
        id: randomUUID(),
        invoiceId: invoice.id,
        householdId: invoice.householdId,
        accountId: account.id,
        idempotencyKey: start.idempotencyKey,
        bodyHash: createHash('sha256').update(JSON.stringify([invoice.id, returnUrl])).digest('hex'),
        amountCents: invoice.amountCents,
        provider: provider.id,
        returnUrl,
        status: 'pending',
        createdAt: at,
        updatedAt: at,
      });
    } catch (error) {
      if (error instanceof StoreConflictError && error.field === 'idempotencyKey') {
        throw new ApiError(409, 'conflict', 'This idempotency key was used for another payment', { fields: { idempotencyKey: 'reused' } });
      }
      if (error instanceof StoreConflictError && error.field === 'invoice') {
        throw new ApiError(409, 'conflict', 'This invoice is already paid', { fields: { invoiceId: 'already_paid' } });
      }
      if (error instanceof StoreConflictError && error.field === 'paymentInProgress') {
        throw new ApiError(
          409,
          'payment_in_progress',
          `Another payment of this invoice was started less than ${PENDING_PAYMENT_HOLD_MS / 60_000} minutes ago and is not finished: finish or abandon it, or wait`,
          { fields: { invoiceId: 'payment_in_progress' } },
        );
      }
      throw error;
    }
    const secret = await loadPaymentSecret(deps);
    res.status(result.created ? 201 : 200).json({ paymentId: result.payment.id, redirectUrl: provider.checkoutUrl(result.payment, invoice, secret) });
  });

  router.get('/payments/:id', ...guard, async (req, res) => {
    const { householdId } = res.locals.session!.account;
    const payment = await store.payments.get(String(req.params.id));
    if (!payment || !householdId || payment.householdId !== householdId) throw new ApiError(404, 'not_found', 'No such payment');
    res.json(await paymentJson(store, payment));
  });

  return router;
}
