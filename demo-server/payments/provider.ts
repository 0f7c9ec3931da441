// SPDX-License-Identifier: MIT
/**
 * The payment provider behind an interface of the server's own, after DGFiP's PayFiP: the
 * server sends the family to the provider's page with the payment's reference and amount,
 * and the provider sends back a signed notification of the outcome. Only a notification whose
 * HMAC-SHA256 verifies (compared in constant time) changes a payment, and only once.
 *
 * The demo ships a simulated provider (pages at /paiement-simule, see routes/payment-provider.ts);
 * a city plugs the real one by implementing `PaymentProvider` and the same notification check.
 */
import { createHmac, randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { InvoiceRecord, PaymentRecord, PaymentStatus } from '../store/types.js';

export interface PaymentProvider {
  readonly id: string;
  /** Where to send the family's browser to pay (`secret` signs the request). */
  checkoutUrl(payment: PaymentRecord, invoice: InvoiceRecord, secret: string): string;
}

/** The outcome a provider notifies, as signed. */
export interface PaymentNotification {
  paymentId: string;
  status: Exclude<PaymentStatus, 'pending'>;
  transactionId: string;
  amountCents: number;
}

const canonical = (n: PaymentNotification) => ['notification', n.paymentId, n.status, n.transactionId, String(n.amountCents)].join('|');
const checkoutCanonical = (paymentId: string, amountCents: number, reference: string) => ['checkout', paymentId, String(amountCents), reference].join('|');

const hmac = (secret: string, message: string) => createHmac('sha256', secret).update(message).digest('hex');

/** Constant-time comparison, whatever the lengths (both sides hashed first). */
export function sameSignature(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export const signNotification = (secret: string, n: PaymentNotification) => hmac(secret, canonical(n));
export const verifyNotification = (secret: string, n: PaymentNotification, signature: string) => sameSignature(signature, signNotification(secret, n));
export const signCheckout = (secret: string, paymentId: string, amountCents: number, reference: string) =>
  hmac(secret, checkoutCanonical(paymentId, amountCents, reference));

export const SIMULATED_PROVIDER_PATH = '/paiement-simule';

/** The demo's provider: its page lives on the demo server itself. */
export function simulatedProvider(publicUrl: URL): PaymentProvider {
  return {
    id: 'simulated',
    checkoutUrl(payment, invoice, secret) {
      const url = new URL(SIMULATED_PROVIDER_PATH, publicUrl);
      url.searchParams.set('paymentId', payment.id);
      url.searchParams.set('amount', String(payment.amountCents));
      url.searchParams.set('ref', invoice.number);
      url.searchParams.set('sig', signCheckout(secret, payment.id, payment.amountCents, invoice.number));
      return url.href;
    },
  };
}

const secrets = new Map<string, Promise<string>>();

/**
 * PAYMENT_SECRET, or the `payment-secret` file beside the data file (made at first use,
 * readable by its owner only), like the admin token.
 */
export function loadPaymentSecret(config: { paymentSecret: string | undefined; dataFile: string }): Promise<string> {
  if (config.paymentSecret) return Promise.resolve(config.paymentSecret);
  const file = join(dirname(resolve(config.dataFile)), 'payment-secret');
  let found = secrets.get(file);
  if (!found) {
    found = (async () => {
      const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
      if (existing.length >= 32) return existing;
      const secret = randomBytes(32).toString('base64url');
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, secret, { mode: 0o600 });
      return secret;
    })();
    found.catch(() => secrets.delete(file));
    secrets.set(file, found);
  }
  return found;
}

export const newReceiptNumber = (at: Date) => `REC-${at.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex').toUpperCase()}`;
export const newTransactionId = () => `SIM-${randomBytes(8).toString('hex').toUpperCase()}`;
