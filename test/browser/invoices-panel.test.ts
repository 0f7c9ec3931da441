// SPDX-License-Identifier: MIT
/** "Mes factures": <citizen-invoices-panel> with a fake adapter, and through RestBackend + MSW. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/family-dashboard/family-dashboard.js';
import '../../src/elements/family-dashboard/panels/invoices-panel.js';
import type { CitizenInvoicesPanel } from '../../src/elements/family-dashboard/panels/invoices-panel.js';
import { CitizenError } from '../../src/core/errors.js';
import { RestBackend } from '../../src/core/rest-backend.js';
import { startMockApi, useMockScenario } from '../../src/mocks/browser.js';
import { mockInvoices, mockPayment } from '../../src/mocks/invoices.js';
import type { Invoice, Payment, PaymentStart } from '../../src/schemas/invoices.js';
import { deepQuery, deepText, FakeDashboardBackend, waitForText } from './dashboard-helpers.js';
import { getByRole, queryAllByRole } from './helpers.js';

class FakeInvoicesBackend extends FakeDashboardBackend {
  invoices: Invoice[] = mockInvoices();
  payments: Record<string, Payment> = { 'pay-0001': mockPayment(), 'pay-refused': mockPayment({ id: 'pay-refused', status: 'refused', receiptNumber: undefined as never }) };
  readonly starts: PaymentStart[] = [];
  failNextStart?: CitizenError;

  listInvoices() {
    return Promise.resolve(structuredClone(this.invoices));
  }
  invoicePdfUrl(id: string) {
    return `/api/v1/invoices/${id}/pdf`;
  }
  startPayment(start: PaymentStart) {
    this.starts.push(start);
    const failure = this.failNextStart;
    this.failNextStart = undefined;
    if (failure) return Promise.reject(failure);
    return new Promise<{ paymentId: string; redirectUrl: string }>((resolve) =>
      setTimeout(() => resolve({ paymentId: 'pay-9', redirectUrl: `https://paiement.example/p/pay-9` }), 30),
    );
  }
  getPayment(id: string) {
    const payment = this.payments[id];
    return payment ? Promise.resolve(payment) : Promise.reject(new CitizenError('not_found', { status: 404 }));
  }
}

let fake: FakeInvoicesBackend;

async function mount(template = html`<citizen-invoices-panel .backend=${fake.adapter}></citizen-invoices-panel>`) {
  const el = await fixture<CitizenInvoicesPanel>(template);
  await waitUntil(() => !deepQuery(el, '[aria-busy="true"]') && !!deepQuery(el, '.invoice, .notice, .load-error'), 'loaded', { timeout: 3000 });
  return el;
}

/** Stands in for the browser's trip to the provider. */
function catchNavigation(el: CitizenInvoicesPanel) {
  const urls: string[] = [];
  (el as unknown as { navigate: (url: string) => void }).navigate = (url) => urls.push(url);
  return urls;
}

beforeEach(() => {
  fake = new FakeInvoicesBackend();
  sessionStorage.removeItem('citizen-elements:payment-keys');
});

describe('<citizen-invoices-panel>', () => {
  it('lists the invoices, newest first, with number, amount, due date and status; details on demand', async () => {
    const el = await mount();
    expect(queryAllByRole(el, 'heading').map((h) => h.textContent?.trim())).to.deep.equal(['Mes factures', 'Octobre 2026', 'Septembre 2026', 'Août 2026']);
    const text = deepText(el);
    expect(text).to.include('À payer Numéro F-2026-10-0001 Montant 104,20 € À payer avant le 15/12/2026');
    expect(text).to.include('En retard Numéro F-2026-09-0001');
    expect(text).to.include('Payée Numéro F-2026-08-0001 Montant 36,00 € Payée le');
    expect(queryAllByRole(el, 'button', 'Payer en ligne')).to.have.length(2);
    const pdf = queryAllByRole(el, 'link', 'Télécharger la facture (PDF)')[0]!;
    expect(pdf.getAttribute('href')).to.equal('/api/v1/invoices/inv-2026-10/pdf');
    await expect(el).to.be.accessible();

    const details = queryAllByRole(el, 'button', 'Détail')[0]!;
    details.click();
    await waitUntil(() => !!deepQuery(el, 'table.lines'), 'the lines shown');
    expect(details.getAttribute('aria-expanded')).to.equal('true');
    expect(deepText(deepQuery(el, 'table.lines')!)).to.include('Restauration scolaire — Léa 14 3,60 € 50,40 €');
    await expect(el).to.be.accessible();
  });

  it('"Payer en ligne" starts one payment (idempotency key, this page as return) and goes to the provider', async () => {
    const el = await mount();
    const urls = catchNavigation(el);
    const pay = queryAllByRole(el, 'button', 'Payer en ligne')[0]!;
    pay.click();
    pay.click();
    await waitUntil(() => urls.length === 1, 'sent to the provider');
    expect(urls[0]).to.equal('https://paiement.example/p/pay-9');
    expect(fake.starts).to.have.length(1);
    expect(fake.starts[0]).to.include({ invoiceId: 'inv-2026-10', returnUrl: location.href.split('#')[0] });
    expect(fake.starts[0]!.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
  });

  it('a payment that could not start says so; the retry keeps the same key', async () => {
    const el = await mount();
    const urls = catchNavigation(el);
    fake.failNextStart = new CitizenError('server_error', { status: 500 });
    queryAllByRole(el, 'button', 'Payer en ligne')[0]!.click();
    await waitForText(el, "Le paiement n'a pas pu être ouvert");
    expect(queryAllByRole(el, 'alert')).to.have.length(1);
    await expect(el).to.be.accessible();
    queryAllByRole(el, 'button', 'Payer en ligne')[0]!.click();
    await waitUntil(() => urls.length === 1);
    expect(fake.starts[1]!.idempotencyKey).to.equal(fake.starts[0]!.idempotencyKey);
  });

  it('after a reload, "Payer en ligne" resumes the same payment; once it came to an end, a new one', async () => {
    const first = await mount();
    catchNavigation(first);
    queryAllByRole(first, 'button', 'Payer en ligne')[0]!.click();
    await waitUntil(() => fake.starts.length === 1);
    first.remove();
    // The provider's page closed, the space opened again in the same tab.
    const again = await mount();
    const urls = catchNavigation(again);
    queryAllByRole(again, 'button', 'Payer en ligne')[0]!.click();
    await waitUntil(() => urls.length === 1);
    expect(fake.starts[1]!.idempotencyKey, 'the same payment, not one refused as in progress').to.equal(fake.starts[0]!.idempotencyKey);
    again.remove();
    // Back from the provider with a refusal: that payment ended, the next try is another.
    fake.payments['pay-refused'] = { ...fake.payments['pay-refused']!, invoiceId: fake.starts[0]!.invoiceId };
    const back = await mount(html`<citizen-invoices-panel payment-id="pay-refused" .backend=${fake.adapter}></citizen-invoices-panel>`);
    catchNavigation(back);
    await waitUntil(() => !deepQuery(back, '[aria-busy="true"]'));
    queryAllByRole(back, 'button', 'Payer en ligne')[0]!.click();
    await waitUntil(() => fake.starts.length === 3);
    expect(fake.starts[2]!.idempotencyKey).not.to.equal(fake.starts[0]!.idempotencyKey);
  });

  it('a payment already in progress (another tab, the other parent) says so in words, in French and English', async () => {
    const inProgress = () => new CitizenError('payment_in_progress', { status: 409, fields: { invoiceId: 'payment_in_progress' } });
    const el = await mount();
    fake.failNextStart = inProgress();
    queryAllByRole(el, 'button', 'Payer en ligne')[0]!.click();
    await waitForText(el, 'Un paiement de cette facture est déjà en cours');
    expect(deepText(getByRole(el, 'alert'))).to.include(
      "Un paiement de cette facture est déjà en cours (dans un autre onglet ou par l'autre parent). Attendez quelques minutes avant de réessayer.",
    );
    expect(deepText(getByRole(el, 'alert')), 'no invitation to try again at once').not.to.include('Vous pouvez réessayer');
    await expect(el).to.be.accessible();

    const en = await mount(html`<citizen-invoices-panel lang="en" .backend=${fake.adapter}></citizen-invoices-panel>`);
    fake.failNextStart = inProgress();
    queryAllByRole(en, 'button', 'Pay online')[0]!.click();
    await waitForText(en, 'A payment of this invoice is already in progress (in another tab or by the other parent).');
  });

  it('back from the provider: the outcome and the receipt', async () => {
    const el = await mount(html`<citizen-invoices-panel payment-id="pay-0001" .backend=${fake.adapter}></citizen-invoices-panel>`);
    await waitForText(el, 'Votre paiement est accepté. Merci !');
    expect(deepText(el)).to.include('Numéro de reçu R-2026-0001 Numéro F-2026-08-0001 Montant 36,00 €');
    expect(getByRole(el, 'status', /Votre paiement est accepté/)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('back from a refused payment: an alert, nothing charged', async () => {
    const el = await mount(html`<citizen-invoices-panel payment-id="pay-refused" .backend=${fake.adapter}></citizen-invoices-panel>`);
    await waitForText(el, 'Votre paiement a été refusé.');
    expect(deepText(getByRole(el, 'alert'))).to.include("Aucune somme n'a été prélevée");
  });

  it('empty and error states', async () => {
    fake.invoices = [];
    const empty = await mount();
    await waitForText(empty, "Vous n'avez aucune facture pour le moment.");
    fake.listInvoices = () => Promise.reject(new CitizenError('server_error', { status: 500 }));
    const failed = await mount();
    await waitForText(failed, "Vos factures n'ont pas pu être chargées.");
    expect(queryAllByRole(failed, 'button', 'Réessayer')).to.have.length(1);
  });

  it('speaks English', async () => {
    const el = await mount(html`<citizen-invoices-panel lang="en" .backend=${fake.adapter}></citizen-invoices-panel>`);
    await waitForText(el, 'To pay Number F-2026-10-0001 Amount €104.20 Due by 15/12/2026');
    expect(queryAllByRole(el, 'button', 'Pay online')).to.have.length(2);
  });
});

describe('<family-dashboard> back from the payment provider', () => {
  it('opens "Mes factures" on the outcome (?paiement=)', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?paiement=pay-0001`);
    try {
      const el = await fixture(html`<family-dashboard .backend=${fake.adapter}></family-dashboard>`);
      await waitUntil(() => queryAllByRole(el, 'region', 'Mes factures').length === 1, '"Mes factures" opened', { timeout: 3000 });
      await waitForText(el, 'Votre paiement est accepté. Merci !');
      expect(getByRole(el, 'button', 'Mes factures').getAttribute('aria-expanded')).to.equal('true');
    } finally {
      history.replaceState(null, '', before);
    }
  });
});

describe('<citizen-invoices-panel> with RestBackend and the mock API', () => {
  before(() => startMockApi());

  it('lists, and "Payer en ligne" posts with the Idempotency-Key header and goes to the returned address', async () => {
    useMockScenario({ scenario: 'loggedIn', terms: { state: 'accepted' } });
    const headers: Headers[] = [];
    const backend = new RestBackend('/api', {
      fetch: (input, init) => {
        if (init?.method === 'POST') headers.push(new Headers(init.headers));
        return fetch(input, init);
      },
    });
    const el = await mount(html`<citizen-invoices-panel .backend=${backend}></citizen-invoices-panel>`);
    const urls = catchNavigation(el);
    queryAllByRole(el, 'button', 'Payer en ligne')[0]!.click();
    await waitUntil(() => urls.length === 1, 'sent to the provider');
    expect(new URL(urls[0]!).searchParams.get('paiement')).to.match(/^pay-mock-/);
    expect(headers[0]!.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
  });
});
