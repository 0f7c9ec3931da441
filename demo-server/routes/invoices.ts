// SPDX-License-Identifier: MIT
/**
 * "Mes factures" (seed 002: "suivre l'ensemble de vos factures"): the household's invoices,
 * newest first, one invoice, and its PDF drawn by the server. Both representatives of the
 * household see them; another family's invoice answers 404, as an unknown id.
 */
import { Router, type Response } from 'express';
import { invoiceJson } from '../billing/invoices.js';
import { invoicePdf } from '../billing/invoice-pdf.js';
import { ApiError } from '../http/api-error.js';
import type { InvoiceRecord, Store } from '../store/types.js';
import type { FamilyRoutesDeps } from './household.js';
import { requireSession } from './session.js';
import { requireTermsAccepted } from './terms.js';

/** The household's invoice, or 404 whatever the reason. */
export async function invoiceOf(store: Store, res: Response, id: unknown): Promise<InvoiceRecord> {
  const { householdId } = res.locals.session!.account;
  const invoice = typeof id === 'string' ? await store.invoices.get(id) : undefined;
  if (!invoice || !householdId || invoice.householdId !== householdId) throw new ApiError(404, 'not_found', 'No such invoice');
  return invoice;
}

export function invoiceRoutes(deps: FamilyRoutesDeps & { cityName: string }): Router {
  const { store, sessions, cityName } = deps;
  const router = Router();
  const guard = [requireSession(sessions), requireTermsAccepted];

  router.get('/invoices', ...guard, async (_req, res) => {
    const { householdId } = res.locals.session!.account;
    const invoices = householdId ? await store.invoices.listForHousehold(householdId) : [];
    res.json(invoices.sort((a, b) => b.period.localeCompare(a.period) || b.number.localeCompare(a.number)).map((i) => invoiceJson(i)));
  });

  router.get('/invoices/:id', ...guard, async (req, res) => {
    res.json(invoiceJson(await invoiceOf(store, res, req.params.id)));
  });

  router.get('/invoices/:id/pdf', ...guard, async (req, res) => {
    const invoice = await invoiceOf(store, res, req.params.id);
    const household = await store.households.get(invoice.householdId);
    const parent = household?.members.find((m) => m.role === 'parent');
    const familyName = household?.name ?? (parent ? `Famille ${parent.lastName}` : invoice.householdId);
    const pdf = await invoicePdf(invoice, { cityName, familyName });
    res.attachment(`facture-${invoice.number}.pdf`);
    res.type('application/pdf').send(Buffer.from(pdf));
  });

  return router;
}
