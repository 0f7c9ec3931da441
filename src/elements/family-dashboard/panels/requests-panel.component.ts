// SPDX-License-Identifier: MIT
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { formatDateTime, type MessageKey } from '../../../i18n/index.js';
import type { CitizenRequest } from '../../../schemas/requests.js';
import { DashboardPanel, Loader } from '../panel-base.js';

/**
 * "Dernières demandes" (seeds 000, 001: "Suivre l'état de traitement de vos demandes"):
 * every request the family made — address change, household addition, record update… —
 * newest first, with its type, date, status (envoyée, en cours, acceptée, refusée, with
 * the city's reason) and its history. A request sent from another panel on the page
 * (`citizen-request-sent`) shows at once.
 *
 * @summary The family's requests to the city, with their status and history.
 *
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading "Dernières demandes" (absent with `hide-heading`).
 * @csspart request - Each request.
 * @csspart status - Each request's status.
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Headings, links, "envoyée" and "en cours".
 * @cssprop [--citizen-color-success=#1a7f37] - "Acceptée".
 * @cssprop [--citizen-color-error=#b00020] - "Refusée" and errors.
 */
export class CitizenRequestsPanel extends DashboardPanel {
  /** Requests whose history is shown. */
  @state() private expanded = new Set<string>();

  readonly #requests: Loader<CitizenRequest[]> = new Loader(this, (adapter) => adapter.listRequests());

  readonly #handleRequestSent = (event: Event) => {
    const { request } = (event as CustomEvent<{ request: CitizenRequest }>).detail;
    const current = this.#requests.data;
    if (current && !current.some((r) => r.id === request.id)) this.#requests.set([request, ...current]);
  };

  protected get titleKey(): MessageKey {
    return 'dashboard.section.requests';
  }

  protected get loaders(): Loader<unknown>[] {
    return [this.#requests];
  }

  protected reload() {
    void this.#requests.load();
  }

  /** Asks the adapter again (the city may have decided meanwhile). */
  refresh() {
    this.reload();
  }

  override connectedCallback() {
    super.connectedCallback();
    // Composed events from other panels (even inside the dashboard's shadow root) reach the document.
    document.addEventListener('citizen-request-sent', this.#handleRequestSent);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('citizen-request-sent', this.#handleRequestSent);
  }

  #toggle(id: string) {
    const next = new Set(this.expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.expanded = next;
  }

  protected renderBody(): unknown {
    return html`
      ${this.renderLoad(this.#requests, 'dashboard.requests.loadError', (requests) =>
        requests.length === 0
          ? html`<p class="muted">${this.t('dashboard.requests.empty')}</p>`
          : html`<ul class="list" role="list">
              ${[...requests].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((request) => this.#renderRequest(request))}
            </ul>`,
      )}
      ${this.#requests.state.status === 'ready'
        ? html`<div class="actions">
            <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.refresh()}>
              ${this.t('dashboard.requests.refresh')}
            </button>
          </div>`
        : nothing}
    `;
  }

  #renderRequest(request: CitizenRequest) {
    const safeId = request.id.replace(/[^a-zA-Z0-9_-]/g, '-');
    const titleId = `${this.uid}-req-${safeId}`;
    const historyId = `${titleId}-history`;
    const isExpanded = this.expanded.has(request.id);
    const sent = formatDateTime(request.createdAt, this.locale);
    return html`
      <li part="request" class="card request">
        ${this.heading(this.subLevel, request.summary, { id: titleId, className: 'item-title' })}
        <p class="meta">
          ${this.t(`dashboard.requests.type.${request.type}`)} · ${this.t('dashboard.requests.sentOn', { date: sent.date })}${request.submittedBy
            ? html` · ${this.t('dashboard.requests.submittedBy', { name: request.submittedBy })}`
            : nothing}
        </p>
        <p>
          <span class="visually-hidden">${this.t('dashboard.requests.statusLabel')}</span>
          <span part="status" class="badge badge--${request.status}">${this.t(`dashboard.requests.status.${request.status}`)}</span>
        </p>
        ${request.status === 'rejected' && request.reason
          ? html`<p class="notice notice--warning">${this.t('dashboard.requests.reason', { reason: request.reason })}</p>`
          : nothing}
        ${request.history.length > 0
          ? html`
              <button
                class="text-button"
                type="button"
                aria-expanded=${isExpanded ? 'true' : 'false'}
                aria-controls=${historyId}
                aria-describedby=${titleId}
                @click=${() => this.#toggle(request.id)}
              >
                ${this.t(isExpanded ? 'dashboard.requests.hideHistory' : 'dashboard.requests.showHistory')}
              </button>
              <ol class="history" id=${historyId} ?hidden=${!isExpanded}>
                ${request.history.map((step) => {
                  const at = formatDateTime(step.at, this.locale);
                  return html`<li>
                    ${this.t('dashboard.requests.historyStep', {
                      date: at.date,
                      time: at.time,
                      status: this.t(`dashboard.requests.status.${step.status}`),
                    })}${step.note ? html` — ${step.note}` : nothing}
                  </li>`;
                })}
              </ol>
            `
          : nothing}
      </li>
    `;
  }
}
