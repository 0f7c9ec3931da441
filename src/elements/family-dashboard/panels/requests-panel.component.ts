// SPDX-License-Identifier: MIT
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { formatDateTime, type MessageKey } from '../../../i18n/translate.js';
import type { CitizenRequest, RequestDetails } from '../../../schemas/requests.js';
import { DashboardPanel, Loader } from '../panel-base.js';
import { requestsTexts } from '../../../i18n/parts/requests.js';
import { requestStatusTexts } from '../../../i18n/parts/request-status.js';

type Attachment = NonNullable<CitizenRequest['attachments']>[number];

/**
 * "Dernières demandes" (seeds 000, 001: "Suivre l'état de traitement de vos demandes"):
 * every request the family made — address change, household addition, record update… —
 * newest first, with its type, date, status (envoyée, en cours, acceptée, refusée, with
 * the city's reason); "Voir le détail" shows what it asks for (asked of the adapter's
 * `getRequest`, the list leaves it out: an absence's child, days, reason and comment; an
 * enrolment's activity and period…), its "Pièces jointes" — linked for download to their
 * owner, "Document joint" for the other representative, who cannot open them — and its
 * history. A request sent from another panel on the page (`citizen-request-sent`) shows at
 * once.
 *
 * @summary The family's requests to the city, with their status and history.
 *
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading "Dernières demandes" (absent with `hide-heading`).
 * @csspart request - Each request.
 * @csspart status - Each request's status.
 * @csspart details - A request's details, shown by "Voir le détail".
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Headings, links, "envoyée" and "en cours".
 * @cssprop [--citizen-color-success=#1a7f37] - "Acceptée".
 * @cssprop [--citizen-color-error=#b00020] - "Refusée" and errors.
 */
export class CitizenRequestsPanel extends DashboardPanel {
  static override texts = [requestsTexts, requestStatusTexts];

  static override styles = [
    ...DashboardPanel.styles,
    css`
      .details {
        display: grid;
        gap: 0.5rem;
        margin-block-start: 0.5rem;
      }
      .details[hidden] {
        display: none;
      }
      .details-title {
        margin: 0.5rem 0 0;
        font-size: 1rem;
      }
      .attachments {
        margin: 0;
        padding-inline-start: 1.5rem;
      }
      /* A long file name or comment wraps rather than widening the panel at 320 px. */
      .details dd,
      .attachments li {
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** Requests whose details are shown. */
  @state() private expanded = new Set<string>();
  /** Each opened request's details, asked once (again after a failure). */
  readonly #details = new Map<string, Loader<CitizenRequest>>();

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
    else {
      next.add(id);
      let loader = this.#details.get(id);
      if (!loader) {
        loader = new Loader(this, (adapter) => adapter.getRequest(id));
        this.#details.set(id, loader);
      }
      if (loader.state.status !== 'ready' && loader.state.status !== 'loading') void loader.load();
    }
    this.expanded = next;
  }

  /** "1 décembre 2026", or "December 1, 2026": a calendar day, whatever the time zone. */
  #day(isoDate: string) {
    return new Intl.DateTimeFormat(this.locale === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
  }

  #period(from: string, to: string) {
    return from === to
      ? this.t('dashboard.requests.detail.periodDay', { date: this.#day(from) })
      : this.t('dashboard.requests.detail.periodRange', { from: this.#day(from), to: this.#day(to) });
  }

  /** What the request asks for, as label / value pairs; health data are not repeated here. */
  #detailRows(details: RequestDetails): [MessageKey, string][] {
    switch (details.type) {
      case 'absence':
        return [
          ['dashboard.requests.detail.child', details.childName],
          ['dashboard.requests.detail.period', this.#period(details.from, details.to)],
          ['dashboard.requests.detail.reason', this.t(`dashboard.requests.detail.reason.${details.reason}`)],
          ...(details.comment ? [['dashboard.requests.detail.comment', details.comment] as [MessageKey, string]] : []),
        ];
      case 'activity-enrolment':
        return [
          ['dashboard.requests.detail.child', details.childName],
          ['dashboard.requests.detail.activity', details.activityName],
          ['dashboard.requests.detail.period', this.#period(details.from, details.to)],
        ];
      case 'address-change': {
        const { street, complement, postcode, commune } = details.address;
        return [['dashboard.requests.detail.address', [street, complement, `${postcode} ${commune}`].filter(Boolean).join(', ')]];
      }
      case 'contact-change': {
        const rows: [MessageKey, string][] = [];
        if (details.email) rows.push(['dashboard.requests.detail.email', details.email]);
        for (const kind of ['phone', 'mobile', 'fax'] as const) {
          const number = details.phones?.[kind];
          if (number) rows.push([`dashboard.requests.detail.${kind}`, number]);
        }
        return rows;
      }
      case 'household-addition':
        return [['dashboard.requests.detail.person', `${details.addition.firstNames} ${details.addition.lastName.toUpperCase()}`]];
      case 'child-record-update':
        return [['dashboard.requests.detail.child', details.childName]];
    }
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
    const detailsId = `${titleId}-details`;
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
        <button
          class="text-button"
          type="button"
          aria-expanded=${isExpanded ? 'true' : 'false'}
          aria-controls=${detailsId}
          aria-describedby=${titleId}
          @click=${() => this.#toggle(request.id)}
        >
          ${this.t(isExpanded ? 'dashboard.requests.hideDetails' : 'dashboard.requests.showDetails')}
        </button>
        <div part="details" class="details" id=${detailsId} ?hidden=${!isExpanded}>
          ${isExpanded ? this.#renderDetails(request) : nothing}
        </div>
      </li>
    `;
  }

  /** The request's details (once loaded), its attachments and its history. */
  #renderDetails(request: CitizenRequest) {
    const loader = this.#details.get(request.id)!;
    const level = this.subLevel + 1;
    const detailed = loader.data;
    const attachments = detailed?.attachments ?? request.attachments ?? [];
    return html`
      ${this.heading(level, this.t('dashboard.requests.detailsTitle'), { className: 'details-title' })}
      ${this.renderLoad(loader, 'dashboard.requests.detailsLoadError', (full) => {
        const rows = full.details ? this.#detailRows(full.details) : [];
        return rows.length > 0
          ? html`<dl class="data">
              ${rows.map(([label, value]) => html`<dt>${this.t(label)}</dt><dd>${value}</dd>`)}
            </dl>`
          : html`<p>${full.summary}</p>`;
      })}
      ${attachments.length > 0
        ? html`${this.heading(level, this.t('dashboard.requests.attachments'), { className: 'details-title' })}
            <ul class="attachments">
              ${attachments.map((attachment) => this.#renderAttachment(attachment))}
            </ul>`
        : nothing}
      ${request.history.length > 0
        ? html`${this.heading(level, this.t('dashboard.requests.historyTitle'), { className: 'details-title' })}
            <ol class="history">
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
            </ol>`
        : nothing}
    `;
  }

  #renderAttachment(attachment: Attachment) {
    const adapter = this.adapter;
    // Names are given to the document's owner only: the other representative cannot open it.
    if (!attachment.name || !adapter) {
      return html`<li>${attachment.name ?? this.t('dashboard.requests.attachmentUnnamed')}${attachment.name
          ? nothing
          : html` <span class="muted">${`(${this.t('dashboard.requests.attachmentUnnamedHint')})`}</span>`}</li>`;
    }
    return html`<li><a class="citizen-link" href=${adapter.documentUrl(attachment.id)} download=${attachment.name}>${attachment.name}</a></li>`;
  }
}
