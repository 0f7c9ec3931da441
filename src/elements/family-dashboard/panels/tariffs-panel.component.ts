// SPDX-License-Identifier: MIT
import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { MessageKey } from '../../../i18n/translate.js';
import type { Activity, TariffGrid } from '../../../schemas/activities.js';
import type { HouseholdMember } from '../../../schemas/household.js';
import { DashboardPanel, Loader } from '../panel-base.js';
import { tariffsTexts } from '../../../i18n/parts/tariffs.js';

interface ActivityTariffs {
  activity: Activity;
  grid: TariffGrid;
}

/**
 * "Consultation des tarifs" (seed 001's child card; issue 7): for each activity the child is
 * enrolled in, the city's price of a day per bracket of quotient familial, as a table; the
 * family's bracket is said in a sentence and marked on its row in words ("Votre tranche"),
 * not by colour alone. Read-only: the city sets prices and brackets.
 *
 * @summary The city's price grid of a child's activities, the family's bracket marked.
 *
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading (absent with `hide-heading`).
 * @csspart table - Each activity's table.
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - The family's row mark; else the city's colour.
 * @cssprop [--citizen-color-border=#767676] - Table borders.
 */
export class CitizenTariffsPanel extends DashboardPanel {
  static override texts = [tariffsTexts];

  static override styles = [
    ...DashboardPanel.styles,
    css`
      table {
        border-collapse: collapse;
        inline-size: 100%;
        margin-block-end: 1rem;
      }
      caption {
        text-align: start;
        font-weight: 600;
        padding-block-end: 0.25rem;
      }
      th,
      td {
        border: 1px solid var(--_border);
        padding: 0.4rem 0.5rem;
        text-align: start;
        vertical-align: top;
      }
      td {
        text-align: end;
        white-space: nowrap;
      }
      thead th:last-child {
        text-align: end;
      }
      tbody th {
        font-weight: normal;
      }
      /* The family's row: a thick left rule and bold text as well as the words. */
      .yours th,
      .yours td {
        font-weight: 700;
        background: color-mix(in srgb, var(--_primary) 10%, var(--_surface));
      }
      .yours th {
        box-shadow: inset 6px 0 0 var(--_primary);
        padding-inline-start: 0.9rem;
      }
      .yours-mark {
        display: block;
        font-size: 0.9rem;
        color: var(--_primary);
      }
    `,
  ];

  /** The child whose activities' prices are shown. */
  @property({ attribute: false }) child?: HouseholdMember;

  readonly #tariffs: Loader<ActivityTariffs[]> = new Loader(this, async (adapter) => {
    const activities = await adapter.listActivities(this.child!.id);
    return Promise.all(activities.map(async (activity) => ({ activity, grid: await adapter.getTariffs(activity.id) })));
  });

  protected get titleKey(): MessageKey {
    return 'dashboard.tariffs.title';
  }

  protected get loaders(): Loader<unknown>[] {
    return [this.#tariffs];
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    if (changed.has('child') && changed.get('child') !== undefined) this.reload();
  }

  protected reload() {
    if (this.child) void this.#tariffs.load();
  }

  #price(cents: number) {
    return new Intl.NumberFormat(this.locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
  }

  protected renderBody(): unknown {
    const child = this.child;
    if (!child) return nothing;
    return this.renderLoad(this.#tariffs, 'dashboard.tariffs.loadError', (list) => {
      if (list.length === 0) return html`<p class="notice">${this.t('dashboard.tariffs.noActivity', { name: child.firstNames })}</p>`;
      const bracket = list.find((item) => item.grid.familyBracket)?.grid.familyBracket;
      return html`
        <p class="intro">${this.t('dashboard.tariffs.readOnly', { name: child.firstNames })}</p>
        <p class="notice">
          ${bracket ? this.t('dashboard.tariffs.family', { bracket }) : this.t('dashboard.tariffs.familyUnknown')}
        </p>
        ${list.map((item) => this.#renderTable(item))}
      `;
    });
  }

  #renderTable({ activity, grid }: ActivityTariffs) {
    return html`
      <table part="table">
        <caption>${activity.name}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t('dashboard.tariffs.bracket')}</th>
            <th scope="col">${this.t('dashboard.tariffs.price')}</th>
          </tr>
        </thead>
        <tbody>
          ${grid.brackets.map((bracket) => {
            const isYours = bracket.label === grid.familyBracket;
            return html`
              <tr class=${isYours ? 'yours' : ''}>
                <th scope="row">
                  ${bracket.label}${isYours ? html` <span class="yours-mark">${this.t('dashboard.tariffs.yours')}</span>` : nothing}
                </th>
                <td>${this.#price(bracket.priceCents)}</td>
              </tr>
            `;
          })}
        </tbody>
      </table>
    `;
  }
}
