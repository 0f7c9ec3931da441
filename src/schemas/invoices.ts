// SPDX-License-Identifier: MIT
/** "Mes factures" and online payment (seed 002: "suivre l'ensemble de vos factures … et les payer"). */
import * as z from 'zod/mini';
import { Cents, Id, IsoDate, IsoDateTime } from './common.js';

export const InvoiceStatus = z.enum(['due', 'paid', 'overdue']);

export const Invoice = z.object({
  id: Id,
  number: z.string(),
  /** Billed month, YYYY-MM. */
  period: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_period')),
  amountCents: Cents,
  dueDate: IsoDate,
  status: InvoiceStatus,
  lines: z.array(
    z.object({
      label: z.string(),
      childId: z.optional(Id),
      quantity: z.int(),
      unitPriceCents: Cents,
      totalCents: Cents,
      activityId: z.optional(Id),
      /** The billed days. */
      dates: z.optional(z.array(IsoDate)),
    }),
  ),
  paidAt: z.optional(IsoDateTime),
  issuedAt: z.optional(IsoDateTime),
  /** The payment that settled it, for its receipt. */
  paymentId: z.optional(Id),
});
export type Invoice = z.infer<typeof Invoice>;

export const PaymentStart = z.object({
  invoiceId: Id,
  /** 50 identical "Payer" clicks make one payment. */
  idempotencyKey: z.string().check(z.minLength(16), z.maxLength(100)),
  returnUrl: z.string().check(z.maxLength(2000)),
});
export type PaymentStart = z.infer<typeof PaymentStart>;

export const PaymentRedirect = z.object({ paymentId: Id, redirectUrl: z.string() });
export type PaymentRedirect = z.infer<typeof PaymentRedirect>;

export const Payment = z.object({
  id: Id,
  invoiceId: Id,
  status: z.enum(['pending', 'succeeded', 'refused', 'abandoned']),
  amountCents: Cents,
  receiptNumber: z.optional(z.string()),
  updatedAt: IsoDateTime,
  /** The invoice's number, for the receipt. */
  invoiceNumber: z.optional(z.string()),
  /** The provider's transaction reference, once it answered. */
  transactionId: z.optional(z.string()),
});
export type Payment = z.infer<typeof Payment>;
