// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import { PENDING_PAYMENT_HOLD_MS, StoreConflictError, StoreNotFoundError, type PaymentRepository } from '../types.js';
import { copy } from './util.js';

export function lowdbPayments(db: Low<DbData>, queue: WriteQueue): PaymentRepository {
  return {
    async get(id) {
      return copy(db.data.payments.find((p) => p.id === id));
    },
    async listForHousehold(householdId) {
      return copy(db.data.payments.filter((p) => p.householdId === householdId));
    },
    start(payment) {
      const record = copy(payment);
      return queue.run(
        (data) => {
          // In the queue: of 50 identical clicks, the first creates, the others find it.
          const existing = data.payments.find((p) => p.accountId === record.accountId && p.idempotencyKey === record.idempotencyKey);
          if (existing) {
            if (existing.bodyHash !== record.bodyHash) throw new StoreConflictError('idempotencyKey');
            return { payment: copy(existing), created: false };
          }
          const invoice = data.invoices.find((i) => i.id === record.invoiceId);
          if (!invoice) throw new StoreNotFoundError(`No invoice ${record.invoiceId}`);
          if (invoice.paidAt) throw new StoreConflictError('invoice');
          // Decided in the queue too: of two parents clicking at once, one starts, the other waits.
          const now = Date.parse(record.createdAt);
          const inProgress = data.payments.some(
            (p) => p.invoiceId === record.invoiceId && p.status === 'pending' && now - Date.parse(p.createdAt) < PENDING_PAYMENT_HOLD_MS,
          );
          if (inProgress) throw new StoreConflictError('paymentInProgress');
          data.payments.push(record);
          return { payment: copy(record), created: true };
        },
        ({ created }) => created,
      );
    },
    settle(id, outcome) {
      return queue.run(
        (data) => {
          const payment = data.payments.find((p) => p.id === id);
          if (!payment) throw new StoreNotFoundError(`No payment ${id}`);
          // A replayed notification changes nothing: the first verified outcome stands.
          if (payment.status !== 'pending') return { payment: copy(payment), changed: false };
          payment.status = outcome.status;
          payment.updatedAt = outcome.at;
          payment.transactionId = outcome.transactionId;
          if (outcome.status === 'succeeded') {
            if (outcome.receiptNumber) payment.receiptNumber = outcome.receiptNumber;
            const invoice = data.invoices.find((i) => i.id === payment.invoiceId);
            if (invoice && !invoice.paidAt) {
              invoice.paidAt = outcome.at;
              invoice.paymentId = payment.id;
            } else if (invoice?.paymentId && invoice.paymentId !== payment.id) {
              // The money was taken: the payment did succeed. The invoice keeps its first
              // payment; this one is flagged for staff to refund.
              payment.duplicateOf = invoice.paymentId;
            }
          }
          return { payment: copy(payment), changed: true };
        },
        ({ changed }) => changed,
      );
    },
  };
}
