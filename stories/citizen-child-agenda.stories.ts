// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../src/elements/family-dashboard/panels/child-agenda.js';
import { mockHousehold } from '../src/mocks/dashboard.js';
import type { MockOptions } from '../src/mocks/handlers.js';
import type { HouseholdMember } from '../src/schemas/household.js';

interface Args {
  lang: 'fr' | 'en';
  month: string;
}

const lea = mockHousehold().members.find((m) => m.id === 'm-lea') as HouseholdMember;

/** Clicks the days whose cell names start with `names`, inside the element's shadow root. */
const choose =
  (...names: string[]) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('citizen-child-agenda')!;
    // The days' states first: a click before them finds nothing to change.
    await waitFor(() => {
      if (!el.shadowRoot?.querySelector('table[aria-busy="false"]')) throw new Error('agenda loading');
    });
    for (const name of names) {
      const cell = await waitFor(() => {
        const found = [...el.shadowRoot!.querySelectorAll<HTMLElement>('td[data-date]')].find((td) =>
          td.querySelector('.visually-hidden')?.textContent?.startsWith(name),
        );
        if (!found) throw new Error(`no day ${name} yet`);
        return found;
      });
      cell.click();
      await el.updateComplete;
    }
  };

const meta = {
  title: 'Elements/citizen-child-agenda',
  component: 'citizen-child-agenda',
  args: { lang: 'fr', month: '2026-12' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: ({ lang, month }) =>
    html`<citizen-child-agenda api="/api" lang=${lang} month=${month} heading-level="2" .child=${lea}></citizen-child-agenda>`,
  parameters: {
    mockApi: { scenario: 'loggedIn', terms: { state: 'accepted' } } satisfies MockOptions,
    docs: {
      description: {
        component:
          'A child’s agenda against the mock API (src/mocks/activities.ts): Mondays and Thursdays booked, the 27th full, 48 h notice from Monday 23 November 2026, Christmas holidays closed. Arrow keys, Home/End, Page Up/Page Down move; Enter or Space chooses a day.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** December 2026, nothing chosen yet. */
export const Default: Story = {};

/** November: past days, the locked days of the notice period, a full day. */
export const NoticePeriod: Story = { name: 'Notice period and full day', args: { month: '2026-11' } };

/** Three days booked and one cancelled, not sent: the summary and its cost. */
export const PendingBatch: Story = {
  name: 'Pending batch',
  play: choose('mardi 1 décembre', 'vendredi 4 décembre', 'lundi 7 décembre', 'mardi 8 décembre'),
};

/** The same in English. */
export const English: Story = {
  args: { lang: 'en' },
  play: choose('Tuesday, December 1 ', 'Monday, December 7 '),
};
