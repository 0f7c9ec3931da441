// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../src/elements/cgu-gate/cgu-gate.js';
import type { CguGate } from '../src/elements/cgu-gate/cgu-gate.js';
import type { MockOptions } from '../src/mocks/handlers.js';
import type { TermsMockOptions } from '../src/mocks/terms.js';

interface Args {
  lang: 'fr' | 'en';
  headingLevel: number;
  acceptColor: string;
}

/** A logged-in family whose terms are in `terms` state; `scenario` for the session. */
const mockApi = (terms: TermsMockOptions, scenario: MockOptions['scenario'] = 'loggedIn') => ({
  mockApi: { scenario, terms } satisfies MockOptions,
});

/** The gate's accept button, once the gate has loaded the terms. */
async function acceptButton(canvasElement: HTMLElement): Promise<HTMLButtonElement> {
  const gate = canvasElement.querySelector<CguGate>('cgu-gate')!;
  return waitFor(() => {
    const button = gate.shadowRoot?.querySelector<HTMLButtonElement>('.accept');
    if (!button || button.getAttribute('aria-disabled') === 'true') throw new Error('not active yet');
    return button;
  });
}

const meta = {
  title: 'Elements/cgu-gate',
  component: 'cgu-gate',
  args: { lang: 'fr', headingLevel: 2, acceptColor: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    acceptColor: { control: 'color', description: '`--citizen-cgu-accept-color`; empty: the success colour.' },
  },
  render: ({ lang, headingLevel, acceptColor }) => html`
    <cgu-gate
      api="/api"
      lang=${lang}
      heading-level=${headingLevel}
      style=${acceptColor ? `--citizen-cgu-accept-color: ${acceptColor}` : ''}
    >
      <section>
        <h2>Mon tableau de bord</h2>
        <p>Dernières demandes, mes factures, ma famille… (the content the gate protects).</p>
      </section>
    </cgu-gate>
  `,
  parameters: {
    ...mockApi({}),
    docs: {
      description: {
        component:
          'The mock API (MSW) plays the demo server: the family is logged in and has not accepted the current terms. Scroll the text to its end (mouse, or Tab to the text and Page Down / End): the button becomes active and green.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The demo city's CGU, long enough to scroll: the button waits for the end. */
export const LongText: Story = { name: 'Long text' };

/** A text that needs no scrolling: the button is active at once. */
export const ShortText: Story = {
  name: 'Short text',
  parameters: mockApi({ text: 'short' }),
};

/** The current version was accepted before: the content shows, no gate. */
export const Accepted: Story = {
  parameters: mockApi({ state: 'accepted' }),
};

/** An older version was accepted: the new one asks again, and says why. */
export const NewVersion: Story = {
  name: 'New version',
  parameters: mockApi({ state: 'newVersion' }),
};

/** Nobody logged in: none of the content, a link to the login page. */
export const NotLoggedIn: Story = {
  name: 'Not logged in',
  parameters: mockApi({}, 'default'),
};

/** Accepting fails on the server: the alert takes focus, the button stays usable. */
export const ErrorWhileSaving: Story = {
  name: 'Error while saving',
  parameters: mockApi({ text: 'short', acceptFailure: 'serverError' }),
  play: async ({ canvasElement }) => (await acceptButton(canvasElement)).click(),
};

/** The city published a newer version while the page was open (409): it is shown instead. */
export const ChangedMeanwhile: Story = {
  name: 'Changed meanwhile',
  parameters: mockApi({ text: 'short', acceptFailure: 'conflict' }),
  play: async ({ canvasElement }) => (await acceptButton(canvasElement)).click(),
};

/** Saving never answers: "Enregistrement de votre acceptation…". */
export const Saving: Story = {
  parameters: mockApi({ text: 'short', acceptFailure: 'slow' }),
  play: async ({ canvasElement }) => (await acceptButton(canvasElement)).click(),
};

/** The terms cannot be loaded: the error and "Réessayer". */
export const LoadError: Story = {
  name: 'Load error',
  parameters: mockApi({ loadFailure: true }),
};

/** `lang="en"` on the element or any ancestor (the city's text stays in French). */
export const English: Story = {
  args: { lang: 'en' },
};

/** The seeds' green is a custom property: here the city's own colour. */
export const Themed: Story = {
  args: { acceptColor: '#6a1b4d' },
  parameters: mockApi({ text: 'short' }),
};
