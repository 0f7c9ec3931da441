// SPDX-License-Identifier: MIT
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { CitizenError } from '../../../core/errors.js';
import type { MessageKey } from '../../../i18n/translate.js';
import type { Invoice, Payment } from '../../../schemas/invoices.js';
import { formatIsoDate } from '../format.js';
import { DashboardPanel, Loader } from '../panel-base.js';
import { invoicesTexts } from '../../../i18n/parts/invoices.js';

/** The query parameter the payment provider's return carries (demo server: routes/payment-provider.ts). */
export const PAYMENT_RETURN_PARAM = 'paiement';

const PAYMENT_KEYS = 'citizen-elements:payment-keys';

const readPaymentKeys = (): Record<string, string> => {
  try {
    return JSON.parse(sessionStorage.getItem(PAYMENT_KEYS) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
};
const writePaymentKeys = (keys: Record<string, string>) => {
  try {
    sessionStorage.setItem(PAYMENT_KEYS, JSON.stringify(keys));
  } catch {
    // Storage refused: the key lives as long as the page, as before.
  }
};

/**
 * The idempotency key of the invoice's payment in this tab, kept until the payment comes to
 * an end: a retry — or a reload after the provider's page was closed — resumes the same
 * payment, which the server would otherwise refuse as already in progress for 20 minutes.
 */
function paymentKey(invoiceId: string): string {
  const keys = readPaymentKeys();
  const key = keys[invoiceId] ?? crypto.randomUUID();
  if (!keys[invoiceId]) writePaymentKeys({ ...keys, [invoiceId]: key });
  return key;
}

function forgetPaymentKey(invoiceId: string) {
  const { [invoiceId]: _ended, ...others } = readPaymentKeys();
  writePaymentKeys(others);
}

/**
 * "Mes factures" (seed 002: "suivre l'ensemble de vos factures … et les payer en ligne"):
 * each invoice with its number, month, amount, due date and status (à payer, payée, en
 * retard), its lines on demand, its PDF, and "Payer en ligne" for one not paid. Paying
 * starts a payment with an idempotency key (a second click, or a retry after a lost answer,
 * makes no second payment) and sends the browser to the provider's page; the provider sends
 * it back here with `?paiement=<id>`, and the panel shows the outcome and the receipt.
 *
 * @summary The family's invoices, their PDF, online payment and its receipt.
 *
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading "Mes factures" (absent with `hide-heading`).
 * @csspart invoice - Each invoice's card.
 * @csspart payment-result - The outcome of a payment, with its receipt.
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Headings and buttons; else the city's colour.
 * @cssprop [--citizen-color-error=#b00020] - Late invoices and errors.
 */
export class CitizenInvoicesPanel extends DashboardPanel {
  static override texts = [invoicesTexts];

  static override styles = [
    ...DashboardPanel.styles,
    css`
      .badge--due {
        border-color: var(--_primary);
        color: var(--_primary);
      }
      .badge--overdue {
        border-color: var(--_error);
        color: var(--_error);
      }
      .badge--paid {
        border-color: var(--_success);
        color: var(--_success);
      }
      table.lines {
        inline-size: 100%;
        border-collapse: collapse;
        margin-block-start: 0.75rem;
      }
      .lines th,
      .lines td {
        padding: 0.25rem 0.5rem 0.25rem 0;
        border-block-end: 1px solid var(--_border);
        text-align: start;
        vertical-align: top;
      }
      .lines td {
        text-align: end;
        white-space: nowrap;
      }
      .lines thead th:not(:first-child) {
        text-align: end;
      }
      .lines tbody th {
        font-weight: 400;
      }
    `,
  ];
  /**
   * The payment whose outcome to show; by default read from the page's `?paiement=`
   * parameter (the provider's return).
   */
  @property({ attribute: 'payment-id' }) paymentId?: string;

  @state() private openLines = new Set<string>();
  @state() private paying?: string;
  @state() private payError?: { invoiceId: string; error: CitizenError };


  readonly #invoices: Loader<Invoice[]> = new Loader(this, (adapter) => adapter.listInvoices());
  readonly #payment: Loader<Payment | null> = new Loader(this, async (adapter) => {
    const id = this.#returnedPaymentId();
    const payment = id ? await adapter.getPayment(id) : null;
    // A payment that came to an end (paid, refused, abandoned): a new try is a new payment.
    if (payment && payment.status !== 'pending') forgetPaymentKey(payment.invoiceId);
    return payment;
  });

  protected get titleKey(): MessageKey {
    return 'dashboard.section.invoices';
  }

  protected get loaders(): Loader<unknown>[] {
    return [this.#invoices, this.#payment];
  }

  protected reload() {
    void this.#invoices.load();
    if (this.#returnedPaymentId()) void this.#payment.load();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('paymentId') && changed.get('paymentId') !== undefined) void this.#payment.load();
    super.willUpdate(changed);
  }

  #returnedPaymentId(): string | undefined {
    return this.paymentId ?? new URLSearchParams(location.search).get(PAYMENT_RETURN_PARAM) ?? undefined;
  }

  /** Sends the browser to the provider (a method of its own, so that tests can stand in). */
  protected navigate(url: string) {
    location.assign(url);
  }

  /** The page to come back to: this one, without a previous payment's parameter. */
  #returnUrl(): string {
    const url = new URL(location.href);
    url.searchParams.delete(PAYMENT_RETURN_PARAM);
    url.hash = '';
    return url.href;
  }

  async #pay(invoice: Invoice) {
    const adapter = this.adapter;
    if (!adapter || this.paying) return;
    const key = paymentKey(invoice.id);
    this.paying = invoice.id;
    this.payError = undefined;
    try {
      const { redirectUrl } = await adapter.startPayment({ invoiceId: invoice.id, idempotencyKey: key, returnUrl: this.#returnUrl() });
      this.announce(this.t('dashboard.invoices.redirecting'));
      this.navigate(redirectUrl);
    } catch (error) {
      const citizenError = CitizenError.from(error);
      this.paying = undefined;
      this.attempt++;
      this.payError = { invoiceId: invoice.id, error: citizenError };
      this.handleRefusal(citizenError);
    }
  }

  #toggleLines(id: string) {
    const open = new Set(this.openLines);
    if (open.has(id)) open.delete(id);
    else open.add(id);
    this.openLines = open;
  }

  #money(cents: number) {
    return new Intl.NumberFormat(this.locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
  }

  #period(period: string) {
    const text = new Intl.DateTimeFormat(this.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));
    return text.charAt(0).toLocaleUpperCase(this.locale) + text.slice(1);
  }

  #dateTime(iso: string) {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));
  }

  protected renderBody(): unknown {
    return html`
      ${this.#returnedPaymentId() ? this.#renderPaymentResult() : nothing}
      ${this.renderLoad(this.#invoices, 'dashboard.invoices.loadError', (invoices) =>
        invoices.length === 0
          ? html`<p class="notice">${this.t('dashboard.invoices.empty')}</p>`
          : html`<ul class="list" role="list">
              ${[...invoices].sort((a, b) => b.period.localeCompare(a.period)).map((invoice) => this.#renderInvoice(invoice))}
            </ul>`,
      )}
    `;
  }

  #renderPaymentResult() {
    return this.renderLoad(this.#payment, 'dashboard.invoices.paymentLoadError', (payment) => {
      if (!payment) return nothing;
      const succeeded = payment.status === 'succeeded';
      const kind = succeeded ? 'success' : payment.status === 'pending' ? 'plain' : 'warning';
      return html`<div part="payment-result" class="notice notice--${kind}" role=${succeeded ? 'status' : 'alert'}>
        <p><strong>${this.t(`dashboard.invoices.payment.${payment.status}`)}</strong></p>
        ${succeeded
          ? html`<dl class="data">
              <dt>${this.t('dashboard.invoices.receipt')}</dt>
              <dd>${payment.receiptNumber ?? '—'}</dd>
              <dt>${this.t('dashboard.invoices.number')}</dt>
              <dd>${payment.invoiceNumber ?? '—'}</dd>
              <dt>${this.t('dashboard.invoices.amount')}</dt>
              <dd>${this.#money(payment.amountCents)}</dd>
              <dt>${this.t('dashboard.invoices.paidOn')}</dt>
              <dd>${this.#dateTime(payment.updatedAt)}</dd>
              ${payment.transactionId
                ? html`<dt>${this.t('dashboard.invoices.transaction')}</dt>
                    <dd>${payment.transactionId}</dd>`
                : nothing}
            </dl>`
          : html`<p>${this.t('dashboard.invoices.payment.notPaid')}</p>`}
      </div>`;
    });
  }

  #renderInvoice(invoice: Invoice) {
    const titleId = `${this.uid}-invoice-${invoice.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
    const linesId = `${titleId}-lines`;
    const isOpen = this.openLines.has(invoice.id);
    const adapter = this.adapter;
    const pending = this.paying === invoice.id;
    const error = this.payError?.invoiceId === invoice.id ? this.payError.error : undefined;
    return html`
      <li part="invoice" class="card invoice">
        ${this.heading(this.subLevel, this.#period(invoice.period), {
          id: titleId,
          className: 'item-title',
        })}
        <p class="meta">
          <span class="badge badge--${invoice.status}">${this.t(`dashboard.invoices.status.${invoice.status}`)}</span>
        </p>
        <dl class="data">
          <dt>${this.t('dashboard.invoices.number')}</dt>
          <dd>${invoice.number}</dd>
          <dt>${this.t('dashboard.invoices.amount')}</dt>
          <dd>${this.#money(invoice.amountCents)}</dd>
          <dt>${this.t(invoice.status === 'paid' ? 'dashboard.invoices.paidOn' : 'dashboard.invoices.dueDate')}</dt>
          <dd>${invoice.status === 'paid' && invoice.paidAt ? this.#dateTime(invoice.paidAt) : formatIsoDate(invoice.dueDate)}</dd>
        </dl>
        <div class="member-actions">
          <button
            class="citizen-button citizen-button--secondary"
            type="button"
            aria-expanded=${isOpen ? 'true' : 'false'}
            aria-controls=${linesId}
            aria-describedby=${titleId}
            @click=${() => this.#toggleLines(invoice.id)}
          >
            ${this.t('dashboard.invoices.details')}
          </button>
          ${adapter
            ? html`<a class="citizen-link" href=${adapter.invoicePdfUrl(invoice.id)} download="${invoice.number}.pdf" aria-describedby=${titleId}>
                ${this.t('dashboard.invoices.pdf')}
              </a>`
            : nothing}
          ${invoice.status === 'paid'
            ? nothing
            : html`<button
                class="citizen-button"
                type="button"
                aria-describedby=${titleId}
                aria-disabled=${pending ? 'true' : nothing}
                @click=${() => void this.#pay(invoice)}
              >
                ${this.t(pending ? 'dashboard.invoices.paying' : 'dashboard.invoices.pay')}
              </button>`}
        </div>
        ${error
          ? keyed(
              this.attempt,
              html`<div class="alert" role="alert">
                ${error.code === 'payment_in_progress'
                  ? nothing
                  : // "Vous pouvez réessayer" would contradict a payment already under way.
                    html`<p>${this.t('dashboard.invoices.payError')}</p>`}
                <p>${this.errorText(error)}</p>
              </div>`,
            )
          : nothing}
        <div id=${linesId} ?hidden=${!isOpen}>
          ${isOpen
            ? html`<table class="lines">
                <caption class="visually-hidden">${this.t('dashboard.invoices.linesCaption', { number: invoice.number })}</caption>
                <thead>
                  <tr>
                    <th scope="col">${this.t('dashboard.invoices.line')}</th>
                    <th scope="col">${this.t('dashboard.invoices.quantity')}</th>
                    <th scope="col">${this.t('dashboard.invoices.unitPrice')}</th>
                    <th scope="col">${this.t('dashboard.invoices.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${invoice.lines.map(
                    (line) => html`<tr>
                      <th scope="row">${line.label}</th>
                      <td>${line.quantity}</td>
                      <td>${this.#money(line.unitPriceCents)}</td>
                      <td>${this.#money(line.totalCents)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>`
            : nothing}
        </div>
      </li>
    `;
  }
}
