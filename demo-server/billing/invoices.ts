// SPDX-License-Identifier: MIT
/**
 * "Mes factures": a month's invoices built from the bookings and the tariffs (one invoice per
 * household, one line per child and activity), and the status the family sees — à payer,
 * payée, en retard (computed from the due date, never stored). Amounts are integer cents.
 */
import type { Invoice } from '../../src/schemas/invoices.js';
import { absenceRanges } from '../activities/agenda.js';
import { addDays, parisToday } from '../activities/calendar.js';
import { bracketFor, runsOn, unitPrice, type ActivityCatalogue } from '../activities/catalogue.js';
import type { InvoiceLineRecord, InvoiceRecord, Store } from '../store/types.js';

/** Days between issue and due date. */
export const PAYMENT_TERM_DAYS = 30;

export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export function periodBounds(period: string): { from: string; to: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const from = `${period}-01`;
  const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { from, to };
}

export function invoiceStatus(invoice: InvoiceRecord, today = parisToday()): Invoice['status'] {
  if (invoice.paidAt) return 'paid';
  return today > invoice.dueDate ? 'overdue' : 'due';
}

export function invoiceJson(invoice: InvoiceRecord, today = parisToday()): Invoice {
  return {
    id: invoice.id,
    number: invoice.number,
    period: invoice.period,
    amountCents: invoice.amountCents,
    dueDate: invoice.dueDate,
    status: invoiceStatus(invoice, today),
    lines: invoice.lines.map((l) => ({
      label: l.label,
      ...(l.childId ? { childId: l.childId } : {}),
      ...(l.activityId ? { activityId: l.activityId } : {}),
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      totalCents: l.totalCents,
      ...(l.dates ? { dates: [...l.dates] } : {}),
    })),
    issuedAt: invoice.issuedAt,
    ...(invoice.paidAt ? { paidAt: invoice.paidAt } : {}),
    ...(invoice.paymentId ? { paymentId: invoice.paymentId } : {}),
  };
}

/**
 * Issues the invoices of `period` (YYYY-MM) for every household with booked days in it.
 * Days covered by an accepted illness absence are not billed. A household already invoiced
 * for the period is skipped: running it twice issues nothing more.
 */
export async function generateInvoices(store: Store, catalogue: ActivityCatalogue, period: string, now = new Date()): Promise<InvoiceRecord[]> {
  const { from, to } = periodBounds(period);
  const bookings = await store.bookings.listBetween(from, to);
  const requests = await store.requests.list();
  const byHousehold = new Map<string, typeof bookings>();
  for (const b of bookings) byHousehold.set(b.householdId, [...(byHousehold.get(b.householdId) ?? []), b]);
  const issuedAt = now.toISOString();
  const today = parisToday(now);
  const drafts: Omit<InvoiceRecord, 'id' | 'number'>[] = [];
  for (const [householdId, list] of [...byHousehold].sort(([a], [b]) => a.localeCompare(b))) {
    const household = await store.households.get(householdId);
    if (!household) continue;
    const bracket = bracketFor(catalogue, household.quotientFamilial);
    const lines: InvoiceLineRecord[] = [];
    for (const child of household.members.filter((m) => m.role === 'child')) {
      const excused = absenceRanges(requests, householdId, child.id).filter((a) => a.reason === 'illness' && a.status === 'accepted');
      for (const activity of catalogue.activities) {
        const dates = list
          .filter((b) => b.childId === child.id && b.activityId === activity.id)
          .map((b) => b.date)
          // A day the activity did not run (holidays added after it was booked, a public holiday) is not billed.
          .filter((d) => runsOn(catalogue, activity, d))
          .filter((d) => !excused.some((a) => d >= a.from && d <= a.to))
          .sort();
        if (dates.length === 0) continue;
        const price = unitPrice(activity, bracket);
        lines.push({
          label: `${activity.name} — ${child.firstNames}`,
          childId: child.id,
          activityId: activity.id,
          quantity: dates.length,
          unitPriceCents: price,
          totalCents: price * dates.length,
          dates,
        });
      }
    }
    if (lines.length === 0) continue;
    drafts.push({
      householdId,
      period,
      lines,
      amountCents: lines.reduce((sum, l) => sum + l.totalCents, 0),
      issuedAt,
      dueDate: addDays(today, PAYMENT_TERM_DAYS),
    });
  }
  return store.invoices.issue(drafts);
}

/** "1 234,50 €" without the narrow no-break spaces a PDF standard font cannot draw. */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${units},${String(abs % 100).padStart(2, '0')} €`;
}
