// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/citizen-session-timeout/citizen-session-timeout.js';
import type { MockOptions } from '../src/mocks/handlers.js';

interface Args {
  lang: 'fr' | 'en';
  warnBefore: number;
}

/** A logged-in family whose session ends for inactivity in `idleSeconds`. */
const mockApi = (idleSeconds: number, extra: MockOptions = {}) => ({
  mockApi: { scenario: 'loggedIn', security: { idleSeconds }, ...extra } satisfies MockOptions,
});

const meta = {
  title: 'Elements/citizen-session-timeout',
  component: 'citizen-session-timeout',
  args: { lang: 'fr', warnBefore: 120 },
  argTypes: {
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    warnBefore: { control: { type: 'number', min: 10 }, description: 'Seconds before the idle expiry.' },
  },
  // A form half filled behind the warning: it keeps what was typed.
  render: ({ lang, warnBefore }) => html`
    <div lang=${lang}>
      <form>
        <label for="story-child">Prénom de l'enfant</label>
        <input id="story-child" value="Léa" />
      </form>
      <citizen-session-timeout api="/api" warn-before=${warnBefore}></citizen-session-timeout>
    </div>
  `,
  parameters: {
    ...mockApi(90),
    docs: {
      description: {
        component:
          'The mock API (MSW) plays the demo server with a session that ends for inactivity in 90 seconds: less than `warn-before`, so the warning opens at once. "Prolonger ma session" gives it 90 more seconds.',
      },
      story: { inline: false, iframeHeight: 420 },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Two minutes (or less) before the idle expiry: the warning, focused. */
export const Warning: Story = {};

/** The session has ended: "Votre session a expiré", "Me reconnecter". */
export const Expired: Story = {
  parameters: mockApi(2),
};

/** Far from the expiry: nothing shows (the element renders nothing until the warning). */
export const Quiet: Story = {
  parameters: mockApi(30 * 60),
};

export const English: Story = {
  args: { lang: 'en' },
};
