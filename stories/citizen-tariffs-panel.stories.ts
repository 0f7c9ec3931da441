// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/family-dashboard/panels/tariffs-panel.js';
import { mockHousehold } from '../src/mocks/dashboard.js';
import type { MockOptions } from '../src/mocks/handlers.js';

interface Args {
  lang: 'fr' | 'en';
}

const lea = mockHousehold().members.find((m) => m.id === 'm-lea');

const meta = {
  title: 'Elements/citizen-tariffs-panel',
  component: 'citizen-tariffs-panel',
  args: { lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: ({ lang }) => html`<citizen-tariffs-panel api="/api" lang=${lang} .child=${lea}></citizen-tariffs-panel>`,
  parameters: {
    mockApi: { scenario: 'loggedIn', terms: { state: 'accepted' } } satisfies MockOptions,
    docs: { description: { component: '"Consultation des tarifs" against the mock API (src/mocks/child-services.ts): the family is in bracket C.' } },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Léa's three activities, bracket C marked. */
export const Default: Story = {};

/** The server fails: the error with "Réessayer". */
export const ServerError: Story = {
  name: 'Server error',
  render: ({ lang }) => html`<citizen-tariffs-panel api="/nowhere" lang=${lang} .child=${lea}></citizen-tariffs-panel>`,
};

/** The same in English. */
export const English: Story = { args: { lang: 'en' } };
