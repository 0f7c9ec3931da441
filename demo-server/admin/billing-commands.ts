// SPDX-License-Identifier: MIT
/** Staff commands of "Mes factures" (issue 7): issue a month's invoices, list them. */
import { parseArgs } from 'node:util';
import { demoCatalogue } from '../activities/catalogue.js';
import { parisToday } from '../activities/calendar.js';
import { PERIOD, euros, generateInvoices, invoiceStatus } from '../billing/invoices.js';
import { AdminUsageError, type Command } from './commands.js';

export const billingCommands: Record<string, Command> = {
  'invoices:generate': {
    usage: 'invoices:generate YYYY-MM',
    summary:
      "Issue an ended month's invoices: one per household with booked days the activity ran, a line per child and activity (days × the family's price), due in 30 days. A household already invoiced for the month is skipped.",
    async run({ store, activities }, args) {
      const { positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: {} });
      const [period, ...rest] = positionals;
      if (!period || rest.length > 0 || !PERIOD.test(period)) throw new AdminUsageError('Usage: invoices:generate YYYY-MM (e.g. 2026-10)');
      // A month still running has days the family may yet book or cancel, and a household is invoiced once a month.
      if (period >= parisToday().slice(0, 7)) throw new AdminUsageError(`${period} is not over yet: invoice a month that has ended`);
      const created = await generateInvoices(store, activities ?? demoCatalogue(), period);
      if (created.length === 0) return `No new invoices for ${period} (no booked days, or every household already invoiced).`;
      const rows = created.map((i) => `${i.number}\t${i.householdId}\t${euros(i.amountCents)}\t${i.lines.length} line(s)\tdue ${i.dueDate}`);
      const total = created.reduce((sum, i) => sum + i.amountCents, 0);
      return [`Issued ${created.length} invoice(s) for ${period}, ${euros(total)} in all:`, ...rows].join('\n');
    },
  },
  'invoices:list': {
    usage: 'invoices:list [--period YYYY-MM]',
    summary: 'List the invoices with their status (due, paid, overdue), then a REFUND line for each invoice paid twice.',
    async run({ store }, args) {
      const { values } = parseArgs({ args, strict: true, options: { period: { type: 'string' } } });
      const invoices = (await store.invoices.list()).filter((i) => !values.period || i.period === values.period);
      if (invoices.length === 0) return 'No invoices.';
      const table = ['number\thousehold\tperiod\tamount\tdue\tstatus', ...invoices.map((i) => [i.number, i.householdId, i.period, euros(i.amountCents), i.dueDate, invoiceStatus(i)].join('\t'))];
      // An invoice paid twice (two tabs, both parents) keeps both payments: the second is to refund.
      const numbers = new Map(invoices.map((i) => [i.id, i.number]));
      const payments = (await Promise.all([...new Set(invoices.map((i) => i.householdId))].map((h) => store.payments.listForHousehold(h)))).flat();
      const refunds = payments
        .filter((p) => p.duplicateOf && numbers.has(p.invoiceId))
        .map((p) => `REFUND ${numbers.get(p.invoiceId)}\t${p.householdId}\t${euros(p.amountCents)}\tpayment ${p.id} (receipt ${p.receiptNumber ?? '—'}) duplicates payment ${p.duplicateOf}`);
      return [...table, ...refunds].join('\n');
    },
  },
};
