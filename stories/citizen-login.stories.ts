// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { userEvent, within } from 'storybook/test';
import '../src/elements/citizen-login/citizen-login.js';
import { demoAccount } from '../src/mocks/data.js';
import type { MockOptions } from '../src/mocks/handlers.js';

interface Args {
  lang: 'fr' | 'en';
  headingLevel: number;
  forgotPasswordUrl: string;
}

/** The form lives in the light DOM, so Testing Library's queries reach it directly. */
async function submit(canvasElement: HTMLElement, username: string, password: string) {
  const canvas = within(canvasElement);
  const usernameInput = await canvas.findByLabelText("Nom d'utilisateur");
  if (username) await userEvent.type(usernameInput, username);
  if (password) await userEvent.type(canvas.getByLabelText('Mot de passe'), password);
  await userEvent.click(canvas.getByRole('button', { name: 'Connexion' }));
}

const mockApi = (options: MockOptions) => ({ mockApi: options });

const meta = {
  title: 'Elements/citizen-login',
  component: 'citizen-login',
  args: { lang: 'fr', headingLevel: 2, forgotPasswordUrl: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    forgotPasswordUrl: { control: 'text', description: 'Empty: the city config’s `urls.forgotPassword`.' },
  },
  render: ({ lang, headingLevel, forgotPasswordUrl }) => html`
    <citizen-login
      api="/api"
      lang=${lang}
      heading-level=${headingLevel}
      forgot-password-url=${forgotPasswordUrl || nothing}
    ></citizen-login>
  `,
  parameters: {
    docs: {
      description: {
        component: `Log in with **${demoAccount.username}** / **${demoAccount.password}**. The mock API (MSW) plays the demo server.`,
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Nobody logged in: the form, empty. */
export const Default: Story = {};

/** Submitted empty: the error summary takes focus and links to each field. */
export const WithErrors: Story = {
  name: 'With errors',
  play: ({ canvasElement }) => submit(canvasElement, '', ''),
};

export const WrongPassword: Story = {
  name: 'Wrong password',
  parameters: mockApi({ scenario: 'wrongPassword' }),
  play: ({ canvasElement }) => submit(canvasElement, demoAccount.username, 'Famille-Demo-2025'),
};

/** The server throttles failed logins (429 with `retryAfter`). */
export const Locked: Story = {
  name: 'Locked (too many attempts)',
  parameters: mockApi({ scenario: 'tooManyAttempts', retryAfter: 900 }),
  play: ({ canvasElement }) => submit(canvasElement, demoAccount.username, 'x'),
};

/** The login request never answers: busy form, "Connexion en cours…". */
export const Loading: Story = {
  parameters: mockApi({ scenario: 'slow', latencyMs: Infinity }),
  play: ({ canvasElement }) => submit(canvasElement, demoAccount.username, demoAccount.password),
};

/** A session already exists: greeting, last login, "Se déconnecter". */
export const LoggedIn: Story = {
  name: 'Logged in',
  parameters: mockApi({ scenario: 'loggedIn' }),
};

/** `lang="en"` on the element or any ancestor. */
export const English: Story = {
  args: { lang: 'en' },
};

export const ServerError: Story = {
  name: 'Server error',
  parameters: mockApi({ scenario: 'serverError' }),
  play: ({ canvasElement }) => submit(canvasElement, demoAccount.username, demoAccount.password),
};
