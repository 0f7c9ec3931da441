// SPDX-License-Identifier: MIT
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { CitizenError } from '../../../core/errors.js';
import { httpUrl } from '../../../core/urls.js';
import { formatDateTime, type MessageKey } from '../../../i18n/translate.js';
import type { CitizenMessage, NewsItem } from '../../../schemas/news.js';
import { DashboardPanel, Loader } from '../panel-base.js';
import { newsTexts } from '../../../i18n/parts/news.js';

/**
 * "Actualités et messages" (seeds 002, 003): the news the city publishes (title, date, text,
 * an optional link) and the family's personal messages, with the number still unread and
 * "Marquer comme lu". The two lists load side by side: one failing leaves the other.
 *
 * @summary The city's news and the citizen's messages, with unread count and mark-as-read.
 *
 * @fires citizen-message-read - A message was marked as read; `detail.messageId`, `detail.unreadCount`.
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading "Actualités et messages" (absent with `hide-heading`).
 * @csspart news-item - Each news item.
 * @csspart message - Each message.
 * @csspart unread-count - "1 message non lu".
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Headings, links and the unread marker.
 * @cssprop [--citizen-color-error=#b00020] - Errors.
 */
export class CitizenNewsPanel extends DashboardPanel {
  static override texts = [newsTexts];

  /** The message being marked as read, and the last failure to do so. */
  @state() private marking?: string;
  @state() private markError?: { id: string; error: CitizenError };

  readonly #news: Loader<NewsItem[]> = new Loader(this, (adapter) => adapter.listNews());
  // Quiet: one refusal is reported once, by the news.
  readonly #messages: Loader<CitizenMessage[]> = new Loader(this, (adapter) => adapter.listMessages(), { quiet: true });

  protected get titleKey(): MessageKey {
    return 'dashboard.section.news';
  }

  protected get loaders(): Loader<unknown>[] {
    return [this.#news, this.#messages];
  }

  protected reload() {
    void this.#news.load();
    void this.#messages.load();
  }

  #unread(messages: CitizenMessage[]) {
    return messages.filter((m) => !m.readAt).length;
  }

  async #markRead(message: CitizenMessage) {
    const adapter = this.adapter;
    if (!adapter || this.marking) return;
    this.attempt++;
    this.marking = message.id;
    this.markError = undefined;
    try {
      await adapter.markMessageRead(message.id);
      const messages = (this.#messages.data ?? []).map((m) => (m.id === message.id ? { ...m, readAt: new Date().toISOString() } : m));
      this.#messages.set(messages);
      const unreadCount = this.#unread(messages);
      this.announce(`${this.t('dashboard.messages.marked')} ${this.#unreadText(unreadCount)}`);
      // The button is gone: focus goes to the message's subject, where the reader was.
      this.focusAfterRender(`#${this.#messageId(message)}`);
      this.emit('citizen-message-read', { messageId: message.id, unreadCount });
    } catch (error) {
      const citizenError = CitizenError.from(error);
      this.markError = { id: message.id, error: citizenError };
      this.handleRefusal(citizenError);
    } finally {
      this.marking = undefined;
    }
  }

  #unreadText(count: number) {
    if (count === 0) return this.t('dashboard.messages.allRead');
    return this.t(count === 1 ? 'dashboard.messages.unreadOne' : 'dashboard.messages.unreadMany', { count });
  }

  #messageId(message: CitizenMessage) {
    return `${this.uid}-msg-${message.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  }

  protected renderBody(): unknown {
    const newsTitle = `${this.uid}-news-title`;
    const messagesTitle = `${this.uid}-messages-title`;
    return html`
      <section class="block" aria-labelledby=${newsTitle}>
        ${this.heading(this.subLevel, this.t('dashboard.news.heading'), { id: newsTitle, className: 'section-title' })}
        ${this.renderLoad(this.#news, 'dashboard.news.loadError', (news) => this.#renderNews(news))}
      </section>
      <section class="block" aria-labelledby=${messagesTitle}>
        ${this.heading(this.subLevel, this.t('dashboard.messages.heading'), { id: messagesTitle, className: 'section-title' })}
        ${this.renderLoad(this.#messages, 'dashboard.messages.loadError', (messages) => this.#renderMessages(messages))}
      </section>
    `;
  }

  #renderMessages(messages: CitizenMessage[]) {
    if (messages.length === 0) return html`<p class="muted">${this.t('dashboard.messages.empty')}</p>`;
    const sorted = [...messages].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    return html`
      <p part="unread-count" class="unread-count">${this.#unreadText(this.#unread(messages))}</p>
      <ul class="list" role="list">
        ${sorted.map((message) => this.#renderMessage(message))}
      </ul>
    `;
  }

  #renderMessage(message: CitizenMessage) {
    const unread = !message.readAt;
    const id = this.#messageId(message);
    const sent = formatDateTime(message.sentAt, this.locale);
    const isMarking = this.marking === message.id;
    return html`
      <li part="message" class="card ${unread ? 'card--unread' : ''}">
        ${this.heading(
          this.subLevel + 1,
          html`${unread ? html`<span class="badge badge--unread">${this.t('dashboard.messages.unreadBadge')}</span> ` : nothing}${message.subject}`,
          { id, className: 'item-title', focusable: true },
        )}
        <p class="meta">${this.t('dashboard.messages.sentOn', sent)}</p>
        <p class="body">${message.body}</p>
        ${this.markError?.id === message.id
          ? keyed(this.attempt, html`<p class="alert" role="alert">${this.errorText(this.markError.error)}</p>`)
          : nothing}
        ${unread
          ? html`<div class="actions">
              <button
                class="citizen-button citizen-button--secondary"
                type="button"
                aria-describedby=${id}
                aria-disabled=${isMarking ? 'true' : nothing}
                @click=${() => this.#markRead(message)}
              >
                ${this.t(isMarking ? 'dashboard.messages.marking' : 'dashboard.messages.markRead')}
              </button>
            </div>`
          : nothing}
      </li>
    `;
  }

  #renderNews(news: NewsItem[]) {
    if (news.length === 0) return html`<p class="muted">${this.t('dashboard.news.empty')}</p>`;
    const sorted = [...news].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
    return html`<ul class="list" role="list">
      ${sorted.map((item) => {
        const link = httpUrl(item.link);
        return html`<li part="news-item" class="card">
          ${this.heading(this.subLevel + 1, item.title, { className: 'item-title' })}
          <p class="meta">${this.t('dashboard.news.publishedOn', { date: formatDateTime(item.publishedAt, this.locale).date })}</p>
          <p class="body">${item.body}</p>
          ${link
            ? html`<p>
                <a class="citizen-link" href=${link}>
                  ${this.t('dashboard.news.readMore')}<span class="visually-hidden"> – ${item.title}</span>
                </a>
              </p>`
            : nothing}
        </li>`;
      })}
    </ul>`;
  }
}
