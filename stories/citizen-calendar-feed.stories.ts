// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/family-dashboard/panels/calendar-feed.js';
import { mockHousehold } from '../src/mocks/dashboard.js';
import type { MockOptions } from '../src/mocks/handlers.js';

interface Args {
  lang: 'fr' | 'en';
}

const lea = mockHousehold().members.find((m) => m.id === 'm-lea');

/** Clicks the buttons named, one after the other. */
const click =
  (...labels: string[]) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('citizen-calendar-feed')!;
    for (const label of labels) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)?.click();
    }
  };

const meta = {
  title: 'Elements/citizen-calendar-feed',
  component: 'citizen-calendar-feed',
  args: { lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: ({ lang }) => html`<citizen-calendar-feed api="/api" lang=${lang} .child=${lea}></citizen-calendar-feed>`,
  parameters: {
    mockApi: { scenario: 'loggedIn', terms: { state: 'accepted' } } satisfies MockOptions,
    docs: { description: { component: '"Ajouter à mon agenda" against the mock API (src/mocks/child-services.ts).' } },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** No link yet. */
export const Default: Story = {};

/** A link just made: shown once, with "Copier le lien" and the warning. */
export const Created: Story = { play: click('Créer mon lien d’abonnement') };

/** "Révoquer le lien" asks first. */
export const ConfirmRevoke: Story = { name: 'Confirm revoke', play: click('Créer mon lien d’abonnement', 'Révoquer le lien') };

/** The same in English. */
export const English: Story = { args: { lang: 'en' } };
