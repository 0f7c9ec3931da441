// SPDX-License-Identifier: MIT
/** The invoice as a PDF, drawn by the server with pdf-lib (pure JavaScript, no native code). */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { InvoiceRecord } from '../store/types.js';
import { euros, invoiceStatus } from './invoices.js';

const STATUS_LABELS = { due: 'À payer', paid: 'Payée', overdue: 'En retard' } as const;

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export const frenchPeriod = (period: string) => `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
const frenchDay = (isoDate: string) => isoDate.slice(0, 10).split('-').reverse().join('/');

/** The standard fonts encode WinAnsi only: anything else becomes "?" rather than failing. */
const winAnsi = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[^\x20-\x7e\u00a1-\u00ff€—–’‘“”…•]/g, '?');

export async function invoicePdf(invoice: InvoiceRecord, context: { cityName: string; familyName: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Facture ${invoice.number}`);
  pdf.setAuthor(context.cityName);
  pdf.setLanguage('fr-FR');
  const page = pdf.addPage([595.28, 841.89]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = 790;
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
  text('Prestation', 50, 10, bold);
  right('Jours', 380, 10, bold);
  right('Prix unitaire', 470, 10, bold);
  right('Montant', 545, 10, bold);
  y -= 6;
  page.drawLine({ start: { x: 50, y }, end: { x: 545, y }, thickness: 0.5 });
  for (const line of invoice.lines) {
    y -= 16;
    if (y < 80) {
      y = 790;
      pdf.addPage([595.28, 841.89]);
    }
    text(line.label, 50);
    right(String(line.quantity), 380);
    right(euros(line.unitPriceCents), 470);
    right(euros(line.totalCents), 545);
  }
  y -= 10;
  page.drawLine({ start: { x: 50, y }, end: { x: 545, y }, thickness: 0.5 });
  y -= 18;
  text('Total', 50, 11, bold);
  right(euros(invoice.amountCents), 545, 11, bold);
  y -= 40;
  text('Paiement en ligne depuis votre espace citoyen (« Mes factures », « Payer en ligne »).', 50, 9);
  return pdf.save();
}
