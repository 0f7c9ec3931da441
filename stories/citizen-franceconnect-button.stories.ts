// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/citizen-franceconnect-button/citizen-franceconnect-button.js';
import type { MockOptions } from '../src/mocks/handlers.js';

interface Args {
  lang: 'fr' | 'en';
  separator: boolean;
}

const mockApi = (options: MockOptions) => ({ mockApi: options });

const meta = {
  title: 'Elements/citizen-franceconnect-button',
  component: 'citizen-franceconnect-button',
  args: { lang: 'fr', separator: false },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: ({ lang, separator }) => html`
    <citizen-franceconnect-button api="/api" lang=${lang} ?separator=${separator} return-to="/connexion"></citizen-franceconnect-button>
  `,
  parameters: {
    ...mockApi({ franceConnect: { enabled: true } }),
    docs: {
      description: {
        component:
          "FranceConnect's button as its partner kit draws it (its colours, not the city's). Pressing it leaves for FranceConnect through the back end (`/api/v1/franceconnect/login`), which the mock API does not play.",
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};

/** Above a sign-up or login form: "OU" after the button, FranceConnect first. */
export const WithSeparator: Story = {
  name: 'With the "OU" separator',
  args: { separator: true },
};

/** A city that does not offer FranceConnect: nothing is shown. */
export const NotOffered: Story = {
  name: 'Not offered by the city',
  parameters: mockApi({}),
};

export const English: Story = {
  args: { lang: 'en', separator: true },
};
