// SPDX-License-Identifier: MIT
/**
 * Mock data of "Mes factures" (issue 7): the Dupont family's invoices (one to pay, one late,
 * one paid online) and a payment provider that answers at once — the browser comes back to
 * `returnUrl?paiement=<id>`, as from the demo server's simulated PayFiP page.
 */
import { http, HttpResponse } from 'msw';
import type { Invoice, Payment, PaymentStart } from '../schemas/invoices.js';

export const mockInvoices = (): Invoice[] => [
  {
    id: 'inv-2026-10',
    number: 'F-2026-10-0001',
    period: '2026-10',
    amountCents: 10420,
    dueDate: '2026-12-15',
    status: 'due',
    issuedAt: '2026-11-05T08:00:00Z',
    lines: [
      { label: 'Restauration scolaire — Léa', childId: 'm-lea', activityId: 'cantine', quantity: 14, unitPriceCents: 360, totalCents: 5040 },
      { label: 'Accueil du soir — Léa', childId: 'm-lea', activityId: 'soir', quantity: 10, unitPriceCents: 250, totalCents: 2500 },
      { label: 'Mercredi au centre de loisirs — Hugo', childId: 'm-hugo', activityId: 'mercredi', quantity: 3, unitPriceCents: 960, totalCents: 2880 },
    ],
  },
  {
    id: 'inv-2026-09',
    number: 'F-2026-09-0001',
    period: '2026-09',
    amountCents: 6480,
    dueDate: '2026-10-15',
    status: 'overdue',
    issuedAt: '2026-10-05T08:00:00Z',
    lines: [{ label: 'Restauration scolaire — Léa', childId: 'm-lea', activityId: 'cantine', quantity: 18, unitPriceCents: 360, totalCents: 6480 }],
  },
  {
    id: 'inv-2026-08',
    number: 'F-2026-08-0001',
    period: '2026-08',
    amountCents: 3600,
    dueDate: '2026-09-15',
    status: 'paid',
    issuedAt: '2026-09-05T08:00:00Z',
    paidAt: '2026-09-10T18:12:00Z',
    paymentId: 'pay-0001',
    lines: [{ label: 'Vacances — Léa', childId: 'm-lea', activityId: 'vacances', quantity: 2, unitPriceCents: 1800, totalCents: 3600 }],
  },
];

export const mockPayment = (overrides: Partial<Payment> = {}): Payment => ({
  id: 'pay-0001',
  invoiceId: 'inv-2026-08',
  status: 'succeeded',
  amountCents: 3600,
  receiptNumber: 'R-2026-0001',
  invoiceNumber: 'F-2026-08-0001',
  transactionId: 'SIM-7F3A9C',
  updatedAt: '2026-09-10T18:12:00Z',
  ...overrides,
});

/** MSW handlers of the invoices' and payments' routes; `outcome` is what the provider answers. */
export function createInvoicesHandlers(api: string, outcome: Payment['status'] = 'succeeded') {
  const invoices = mockInvoices();
  const payments = new Map<string, Payment>([['pay-0001', mockPayment()]]);
  const byKey = new Map<string, Payment>();
  let next = 1;
  return [
    http.get(`${api}/invoices`, () => HttpResponse.json(invoices)),
    http.get(`${api}/invoices/:id/pdf`, () => new HttpResponse('%PDF-1.7\n%mock\n', { headers: { 'Content-Type': 'application/pdf' } })),
    http.post(`${api}/payments`, async ({ request }) => {
      const start = (await request.json()) as PaymentStart;
      const invoice = invoices.find((i) => i.id === start.invoiceId);
      if (!invoice) return HttpResponse.json({ code: 'not_found', message: 'No such invoice' }, { status: 404 });
      let payment = byKey.get(start.idempotencyKey);
      if (!payment) {
        payment = mockPayment({
          id: `pay-mock-${++next}`,
          invoiceId: invoice.id,
          amountCents: invoice.amountCents,
          invoiceNumber: invoice.number,
          status: outcome,
          receiptNumber: outcome === 'succeeded' ? `R-2026-000${next}` : undefined,
          updatedAt: new Date().toISOString(),
        });
        if (outcome === 'succeeded') Object.assign(invoice, { status: 'paid', paidAt: payment.updatedAt, paymentId: payment.id });
        byKey.set(start.idempotencyKey, payment);
        payments.set(payment.id, payment);
      }
      const back = new URL(start.returnUrl, location.href);
      back.searchParams.set('paiement', payment.id);
      return HttpResponse.json({ paymentId: payment.id, redirectUrl: back.href });
    }),
    http.get(`${api}/payments/:id`, ({ params }) => {
      const payment = payments.get(String(params.id));
      return payment ? HttpResponse.json(payment) : HttpResponse.json({ code: 'not_found', message: 'No such payment' }, { status: 404 });
    }),
  ];
}
