// SPDX-License-Identifier: MIT
/** The invoice as a PDF, drawn by the server with pdf-lib (pure JavaScript, no native code). */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { InvoiceRecord } from '../store/types.js';
import { euros, invoiceStatus } from './invoices.js';

const STATUS_LABELS = { due: 'À payer', paid: 'Payée', overdue: 'En retard' } as const;

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export const frenchPeriod = (period: string) => `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
const frenchDay = (isoDate: string) => isoDate.slice(0, 10).split('-').reverse().join('/');

/**
 * The standard fonts encode WinAnsi only: anything else becomes "?" rather than failing. WinAnsi
 * is Latin-1 plus these (0x80–0x9F), among them œ Œ Š š Ÿ Ž ž of French and other names.
 */
const winAnsi = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[^\x20-\x7e\u00a1-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, '?');

const A4: [number, number] = [595.28, 841.89];
const TOP = 790;
/** Below this, the next row goes on a new page. */
const BOTTOM = 60;

export async function invoicePdf(invoice: InvoiceRecord, context: { cityName: string; familyName: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Facture ${invoice.number}`);
  pdf.setAuthor(context.cityName);
  pdf.setLanguage('fr-FR');
  let page = pdf.addPage(A4);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = TOP;
  const text = (value: string, x: number, size = 10, f = font) => page.drawText(winAnsi(value), { x, y, size, font: f, color: rgb(0.1, 0.1, 0.1) });
  const right = (value: string, xRight: number, size = 10, f = font) => {
    const safe = winAnsi(value);
    page.drawText(safe, { x: xRight - f.widthOfTextAtSize(safe, size), y, size, font: f });
  };
  text(context.cityName, 50, 16, bold);
  y -= 30;
  text(`Facture n° ${invoice.number}`, 50, 13, bold);
  y -= 18;
  text(`Période : ${frenchPeriod(invoice.period)}`, 50);
  y -= 14;
  text(`Famille : ${context.familyName}`, 50);
  y -= 14;
  text(`Émise le ${frenchDay(invoice.issuedAt)} · à régler avant le ${frenchDay(invoice.dueDate)}`, 50);
  y -= 14;
  text(`Statut : ${STATUS_LABELS[invoiceStatus(invoice)]}${invoice.paidAt ? ` (payée le ${frenchDay(invoice.paidAt)})` : ''}`, 50);
  y -= 30;
  const columns = () => {
    text('Prestation', 50, 10, bold);
    right('Jours', 380, 10, bold);
    right('Prix unitaire', 470, 10, bold);
    right('Montant', 545, 10, bold);
    y -= 6;
    page.drawLine({ start: { x: 50, y }, end: { x: 545, y }, thickness: 0.5 });
  };
  /** Moves down `dy`; past the bottom, goes on with a new page (the drawing helpers use `page`). */
  const down = (dy: number) => {
    y -= dy;
    if (y >= BOTTOM) return;
    page = pdf.addPage(A4);
    y = TOP;
    text(`Facture n° ${invoice.number} (suite)`, 50, 11, bold);
    y -= 24;
    columns();
    y -= dy;
  };
  columns();
  for (const line of invoice.lines) {
    down(16);
    text(line.label, 50);
    right(String(line.quantity), 380);
    right(euros(line.unitPriceCents), 470);
    right(euros(line.totalCents), 545);
  }
  down(10);
  page.drawLine({ start: { x: 50, y }, end: { x: 545, y }, thickness: 0.5 });
  down(18);
  text('Total', 50, 11, bold);
  right(euros(invoice.amountCents), 545, 11, bold);
  down(40);
  text('Paiement en ligne depuis votre espace citoyen (« Mes factures », « Payer en ligne »).', 50, 9);
  return pdf.save();
}
