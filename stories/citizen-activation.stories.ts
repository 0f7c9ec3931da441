// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { userEvent, within } from 'storybook/test';
import '../src/elements/citizen-activation/citizen-activation.js';
import type { MockOptions } from '../src/mocks/handlers.js';
import { MOCK_ACTIVATION_TOKEN, MOCK_NEW_USERNAME, type ActivationMockScenario } from '../src/mocks/signup.js';

interface Args {
  lang: 'fr' | 'en';
  token: string;
  loginUrl: string;
}

const mockApi = (activation: ActivationMockScenario, latencyMs?: number) => ({
  mockApi: { signup: { activation, ...(latencyMs === undefined ? {} : { latencyMs }) } } satisfies MockOptions,
});

/** The element is a shadow-DOM one: reach its controls through its shadow root. */
const inside = (canvasElement: HTMLElement) => {
  const el = canvasElement.querySelector('citizen-activation')!;
  return within(el.shadowRoot as unknown as HTMLElement);
};

async function activate(canvasElement: HTMLElement) {
  const shadow = inside(canvasElement);
  await userEvent.click(await shadow.findByRole('button', { name: /Activer mon espace|Activate my space/ }));
  return shadow;
}

const meta = {
  title: 'Elements/citizen-activation',
  component: 'citizen-activation',
  args: { lang: 'fr', token: MOCK_ACTIVATION_TOKEN, loginUrl: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    token: { control: 'text', description: 'Empty: read from the page’s `?token=`.' },
    loginUrl: { control: 'text', description: 'Empty: the city config’s `urls.login`.' },
  },
  render: ({ lang, token, loginUrl }) => html`
    <citizen-activation api="/api" lang=${lang} token=${token || nothing} login-url=${loginUrl || nothing}></citizen-activation>
  `,
  parameters: {
    docs: {
      description: {
        component: `The page of the activation mail's link. The mock API activates any well-formed token once (as \`${MOCK_NEW_USERNAME}\`).`,
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Opening the link changes nothing: the citizen presses "Activer mon espace". */
export const Default: Story = {};

export const Activated: Story = {
  play: async ({ canvasElement }) => {
    const shadow = await activate(canvasElement);
    await shadow.findByRole('link', { name: 'Me connecter à mon espace' });
  },
};

/** The activation request never answers. */
export const Loading: Story = {
  name: 'Activating (loading)',
  parameters: mockApi('slow', Infinity),
  play: async ({ canvasElement }) => {
    const shadow = await activate(canvasElement);
    await shadow.findByRole('button', { name: 'Activation en cours…' });
  },
};

/** Expired, used, replaced or unknown: one message, and a form for a new link. */
export const InvalidLink: Story = {
  name: 'Invalid link',
  parameters: mockApi('invalidToken'),
  play: async ({ canvasElement }) => {
    const shadow = await activate(canvasElement);
    await shadow.findByRole('heading', { name: 'Recevoir un nouveau lien' });
  },
};

/** The answer is the same whatever the account: nothing tells whether it exists. */
export const NewLinkSent: Story = {
  name: 'New link sent',
  parameters: mockApi('invalidToken'),
  play: async ({ canvasElement }) => {
    const shadow = await activate(canvasElement);
    await userEvent.type(await shadow.findByLabelText("Nom d'utilisateur ou adresse de courriel"), 'camille.martin@example.fr');
    await userEvent.click(shadow.getByRole('button', { name: 'Envoyer un nouveau lien' }));
    await shadow.findByText(/C'est noté/);
  },
};

/** The page was opened without `?token=`. */
export const MissingToken: Story = {
  name: 'Missing token',
  args: { token: '' },
};

export const ServerError: Story = {
  name: 'Server error',
  parameters: mockApi('serverError'),
  play: async ({ canvasElement }) => {
    const shadow = await activate(canvasElement);
    await shadow.findByRole('alert');
  },
};

export const English: Story = {
  args: { lang: 'en' },
};

export const EnglishActivated: Story = {
  name: 'English — activated',
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const shadow = await activate(canvasElement);
    await shadow.findByRole('link', { name: 'Log in to my space' });
  },
};
