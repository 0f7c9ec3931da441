// SPDX-License-Identifier: MIT
/**
 * The invoice's PDF: a long invoice goes on over pages (each row on the page it belongs to,
 * the first page's header untouched), and WinAnsi letters such as œ are kept, not "?".
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream, type PDFPage } from 'pdf-lib';
import { invoicePdf } from '../../demo-server/billing/invoice-pdf.js';
import type { InvoiceRecord } from '../../demo-server/store/types.js';

const invoice = (lines: number): InvoiceRecord => ({
  id: 'inv-1',
  number: 'FAC-2026-10-0001',
  householdId: 'foyer-dupont',
  period: '2026-10',
  lines: Array.from({ length: lines }, (_, i) => ({ label: `Ligne ${i + 1}`, quantity: 1, unitPriceCents: 100, totalCents: 100 })),
  amountCents: lines * 100,
  issuedAt: '2026-11-02T08:00:00.000Z',
  dueDate: '2026-12-02',
});

/** The page's drawing operators, decoded. */
function contentOf(page: PDFPage): string {
  const contents = page.node.Contents();
  // A blank page has no content at all.
  if (!contents) return '';
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return streams
    .map((stream) => {
      assert.ok(stream instanceof PDFRawStream, 'a content stream');
      return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    })
    .join('\n');
}

/** The standard fonts' text is written as hex WinAnsi codes: `<4C69676E65> Tj`. */
const shown = (content: string, text: string) => content.toUpperCase().includes(`<${Buffer.from(text, 'latin1').toString('hex').toUpperCase()}>`);

describe('invoicePdf', () => {
  it('goes on over a second page: each row drawn on its page, the first page’s header kept', async () => {
    const pdf = await PDFDocument.load(await invoicePdf(invoice(60), { cityName: 'Ville de Démo', familyName: 'Famille Dupont' }));
    assert.equal(pdf.getPageCount(), 2);
    const [first, second] = pdf.getPages().map(contentOf);
    assert.ok(shown(first!, 'Facture n° FAC-2026-10-0001') && shown(first!, 'Ligne 1') && shown(first!, 'Ligne 30'));
    assert.ok(!shown(first!, 'Ligne 60'), 'no row of the second page drawn over the first');
    assert.ok(shown(second!, 'Ligne 60'), 'the last row on the second page');
    assert.ok(shown(second!, 'Total'));
    assert.ok(shown(second!, 'Facture n° FAC-2026-10-0001 (suite)'));

    const short = await PDFDocument.load(await invoicePdf(invoice(3), { cityName: 'Ville de Démo', familyName: 'Famille Dupont' }));
    assert.equal(short.getPageCount(), 1);
  });

  it('keeps the WinAnsi letters œ Œ Š Ÿ ž of names; others become "?"', async () => {
    const pdf = await PDFDocument.load(await invoicePdf(invoice(1), { cityName: 'Ville de Démo', familyName: 'Lœtitia ŒUVRARD Šimon Ÿves Žofia žana Ωmega' }));
    const content = contentOf(pdf.getPages()[0]!);
    const winAnsi = 'Famille : L\x9Ctitia \x8CUVRARD \x8Aimon \x9Fves \x8Eofia \x9Eana ?mega';
    assert.ok(content.toUpperCase().includes(`<${Buffer.from(winAnsi, 'latin1').toString('hex').toUpperCase()}>`), 'the family name, œ Œ Š Ÿ Ž ž encoded');
  });
});
