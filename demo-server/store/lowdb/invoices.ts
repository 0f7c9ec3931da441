// SPDX-License-Identifier: MIT
import { randomUUID } from 'node:crypto';
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import type { InvoiceRecord, InvoiceRepository } from '../types.js';
import { changedSome, copy } from './util.js';

export function lowdbInvoices(db: Low<DbData>, queue: WriteQueue): InvoiceRepository {
  return {
    async get(id) {
      return copy(db.data.invoices.find((i) => i.id === id));
    },
    async listForHousehold(householdId) {
      return copy(db.data.invoices.filter((i) => i.householdId === householdId));
    },
    async list() {
      return copy(db.data.invoices);
    },
    issue(drafts) {
      const values = copy([...drafts]);
      return queue.run(
        (data) => {
          const created: InvoiceRecord[] = [];
          for (const draft of values) {
            if (data.invoices.some((i) => i.householdId === draft.householdId && i.period === draft.period)) continue;
            // Numbered in the queue: two runs of the command cannot hand out the same number.
            const sequence = data.invoices.filter((i) => i.period === draft.period).length + 1;
            const invoice: InvoiceRecord = { id: randomUUID(), number: `FAC-${draft.period}-${String(sequence).padStart(4, '0')}`, ...draft };
            data.invoices.push(invoice);
            created.push(copy(invoice));
          }
          return created;
        },
        (created) => changedSome(created.length),
      );
    },
  };
}
