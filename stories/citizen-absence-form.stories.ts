// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/family-dashboard/panels/absence-form.js';
import { mockHousehold } from '../src/mocks/dashboard.js';
import type { MockOptions } from '../src/mocks/handlers.js';

interface Args {
  lang: 'fr' | 'en';
}

const lea = mockHousehold().members.find((m) => m.id === 'm-lea');

/** Fills the form inside the element's shadow root, then sends it. */
const fill =
  (values: { from?: string; to?: string; reason?: 'illness' | 'other' }) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('citizen-absence-form')!;
    await el.updateComplete;
    const root = el.shadowRoot!;
    for (const name of ['from', 'to'] as const) {
      const value = values[name];
      if (value === undefined) continue;
      const input = root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    if (values.reason) root.querySelector<HTMLInputElement>(`input[type="radio"][value="${values.reason}"]`)!.click();
    await el.updateComplete;
    root.querySelector('form')!.requestSubmit();
  };

const meta = {
  title: 'Elements/citizen-absence-form',
  component: 'citizen-absence-form',
  args: { lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: ({ lang }) => html`<citizen-absence-form api="/api" lang=${lang} .child=${lea}></citizen-absence-form>`,
  parameters: {
    mockApi: { scenario: 'loggedIn', terms: { state: 'accepted' } } satisfies MockOptions,
    docs: {
      description: {
        component:
          '"Signaler une absence" against the mock API (src/mocks/child-services.ts): choose "Maladie" to attach the medical certificate from the document storage, or add one.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The empty form. */
export const Default: Story = {};

/** Sent without the first day or the reason: the summary and the fields say it. */
export const WithErrors: Story = { name: 'With errors', play: fill({}) };

/** More than 93 days: refused before sending, with the server's words. */
export const RangeTooLong: Story = { name: 'Range too long', play: fill({ from: '2026-12-01', to: '2027-04-01', reason: 'illness' }) };

/** Sent: the notice with the request's summary. */
export const Sent: Story = { play: fill({ from: '2026-12-01', reason: 'other' }) };

/** The same in English. */
export const English: Story = { args: { lang: 'en' } };
