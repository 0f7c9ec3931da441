// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/family-dashboard/panels/enrolment-form.js';
import { MOCK_TODAY } from '../src/mocks/activities.js';
import { mockHousehold } from '../src/mocks/dashboard.js';
import type { MockOptions } from '../src/mocks/handlers.js';

interface Args {
  lang: 'fr' | 'en';
}

const lea = mockHousehold().members.find((m) => m.id === 'm-lea');

/** Chooses `activityId` (or none) and sends the request. */
const send =
  (activityId?: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('citizen-enrolment-form')!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const root = el.shadowRoot!;
    if (activityId) {
      const select = root.querySelector('select')!;
      select.value = activityId;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await el.updateComplete;
    root.querySelector('form')!.requestSubmit();
  };

const meta = {
  title: 'Elements/citizen-enrolment-form',
  component: 'citizen-enrolment-form',
  args: { lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: ({ lang }) => html`<citizen-enrolment-form api="/api" lang=${lang} today=${MOCK_TODAY} .child=${lea}></citizen-enrolment-form>`,
  parameters: {
    mockApi: { scenario: 'loggedIn', terms: { state: 'accepted' } } satisfies MockOptions,
    docs: { description: { component: '"Inscrire" against the mock API (src/mocks/child-services.ts): the city\'s five activities, Léa already in three.' } },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The period prefilled from next Monday to the end of the school year. */
export const Default: Story = {};

/** Sent without an activity. */
export const WithErrors: Story = { name: 'With errors', play: send() };

/** Sent: the notice points to "Dernières demandes". */
export const Sent: Story = { play: send('matin') };

/** The same in English. */
export const English: Story = { args: { lang: 'en' } };
