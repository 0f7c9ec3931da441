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
  view: 'month' | 'week';
  child: 'm-lea' | 'm-hugo';
}

const childOf = (id: string) => mockHousehold().members.find((m) => m.id === id) as HouseholdMember;

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
  args: { lang: 'fr', month: '2026-12', view: 'month', child: 'm-lea' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    view: { control: 'inline-radio', options: ['month', 'week'] },
    child: { control: 'inline-radio', options: ['m-lea', 'm-hugo'] },
  },
  render: ({ lang, month, view, child }) =>
    html`<citizen-child-agenda api="/api" lang=${lang} month=${month} view=${view} heading-level="2" .child=${childOf(child)}></citizen-child-agenda>`,
  parameters: {
    mockApi: { scenario: 'loggedIn', terms: { state: 'accepted' } } satisfies MockOptions,
    docs: {
      description: {
        component:
          'A child’s agenda against the mock API (src/mocks/activities.ts): Mondays and Thursdays booked, the 27th full, 48 h notice from Monday 23 November 2026, Christmas holidays closed and named; Hugo’s record lacks a paper, so his days cannot be booked. Month view: arrow keys, Home/End, Page Up/Page Down move; week view: Left/Right by day, Up/Down by activity, Page Up/Page Down by week (on a phone the week is drawn by day: Up/Down by day, Left/Right by activity); Enter or Space chooses a day.',
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

/** Every activity of one week, canteen and after-school care side by side. */
export const WeekView: Story = { name: 'Week view', args: { view: 'week' } };

/** The same week in English. */
export const WeekViewEnglish: Story = { name: 'Week view (English)', args: { view: 'week', lang: 'en' } };

/** On a phone (320 px): the week drawn by day, a row per day and a column per activity, nothing scrolls sideways. */
export const WeekViewPhone: Story = {
  name: 'Week view on a phone',
  args: { view: 'week' },
  render: ({ lang, month, view, child }) =>
    html`<div style="max-width: 320px">
      <citizen-child-agenda api="/api" lang=${lang} month=${month} view=${view} heading-level="2" .child=${childOf(child)}></citizen-child-agenda>
    </div>`,
};

/** "Réserver ou annuler plusieurs jours" open, Tuesdays and Fridays until the Christmas holidays. */
export const RepeatForm: Story = {
  name: 'Several days (form open)',
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('citizen-child-agenda')!;
    const button = await waitFor(() => {
      const found = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes('plusieurs jours'));
      if (!found) throw new Error('agenda loading');
      return found;
    });
    button.click();
    const boxes = await waitFor(() => {
      const found = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.weekday-choices input')];
      if (found.length === 0) throw new Error('form opening');
      return found;
    });
    boxes[1]!.click();
    boxes[3]!.click();
  },
};

/** "Ce qu'il manque": Hugo's record lacks a paper; booking is refused, cancelling is not. */
export const Checklist: Story = { name: 'Checklist (ce qu’il manque)', args: { child: 'm-hugo' } };
