// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { userEvent, within } from 'storybook/test';
import '../src/elements/citizen-password-reset/citizen-password-reset.js';
import type { MockOptions } from '../src/mocks/handlers.js';
import { demoResetToken } from '../src/mocks/password-reset.js';

interface Args {
  lang: 'fr' | 'en';
  step: 'request' | 'reset' | 'setup';
  token: string;
  headingLevel: number;
}

const NEW_PASSWORD = 'Cerf-volant-Orage-4821';
const mockApi = (options: MockOptions) => ({ mockApi: options });
/** A label as Testing Library reads it: the required fields' "* " comes first. */
const label = (text: string) => new RegExp(`^(\\* )?${text}$`);

/** Types an identifier (or nothing) and presses "Valider". */
async function request(canvasElement: HTMLElement, identifier: string) {
  const canvas = within(canvasElement);
  const input = await canvas.findByLabelText("Nom d'utilisateur (ou adresse de courriel)");
  if (identifier) await userEvent.type(input, identifier);
  await userEvent.click(canvas.getByRole('button', { name: 'Valider' }));
}

/** Fills the new password and its confirmation; presses "Valider" unless `submit` is false. */
async function choose(canvasElement: HTMLElement, password: string, confirmation = password, submit = true, passwordLabel = 'Nouveau mot de passe') {
  const canvas = within(canvasElement);
  if (password) await userEvent.type(await canvas.findByLabelText(label(passwordLabel)), password);
  if (confirmation) await userEvent.type(canvas.getByLabelText(label('Confirmation du mot de passe')), confirmation);
  if (submit) await userEvent.click(canvas.getByRole('button', { name: 'Valider' }));
}

const meta = {
  title: 'Elements/citizen-password-reset',
  component: 'citizen-password-reset',
  args: { lang: 'fr', step: 'request', token: demoResetToken, headingLevel: 2 },
  argTypes: {
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    step: { control: 'inline-radio', options: ['request', 'reset', 'setup'] },
    token: { control: 'text', description: 'The mailed link’s token; empty: read from `?token=` of the page.' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
  },
  render: ({ lang, step, token, headingLevel }) => html`
    <citizen-password-reset api="/api" lang=${lang} step=${step} token=${token} heading-level=${headingLevel}></citizen-password-reset>
  `,
  parameters: {
    docs: {
      description: {
        component:
          'Each step goes on its own CMS page: `step="request"` behind "J\'ai oublié mon mot de passe", `step="reset"` where the mailed link leads, `step="setup"` for the accounts imported by the city. The mock API (MSW) plays the demo server; its good link is the default `token`, usable once.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Seed 002's form: "Oubli de mot de passe". */
export const Request: Story = {
  name: 'Request',
};

/** Submitted empty: the error summary takes focus and links to the field. */
export const RequestWithErrors: Story = {
  name: 'Request, with errors',
  play: ({ canvasElement }) => request(canvasElement, ''),
};

/** Whatever was typed: "Si un compte correspond, un courriel vient de vous être envoyé". */
export const RequestSent: Story = {
  name: 'Request, sent',
  play: ({ canvasElement }) => request(canvasElement, 'marie.dupont'),
};

/** The request never answers: busy form, "Envoi en cours…". */
export const RequestLoading: Story = {
  name: 'Request, loading',
  parameters: mockApi({ reset: { forgot: 'never' } }),
  play: ({ canvasElement }) => request(canvasElement, 'marie.dupont'),
};

/** Too many requests for this identifier or from this address (429 with the time to wait). */
export const RequestTooMany: Story = {
  name: 'Request, too many attempts',
  parameters: mockApi({ reset: { forgot: 'tooManyAttempts', retryAfter: 2400 } }),
  play: ({ canvasElement }) => request(canvasElement, 'marie.dupont'),
};

export const RequestServerError: Story = {
  name: 'Request, server error',
  parameters: mockApi({ reset: { forgot: 'serverError' } }),
  play: ({ canvasElement }) => request(canvasElement, 'marie.dupont'),
};

export const RequestEnglish: Story = {
  name: 'Request, English',
  args: { lang: 'en' },
};

/** The mailed link's page: the link checked, the account's username, the city's rules. */
export const Reset: Story = {
  args: { step: 'reset' },
};

/** The live checklist once the password meets every rule. */
export const ResetRulesMet: Story = {
  name: 'Reset, rules met',
  args: { step: 'reset' },
  play: ({ canvasElement }) => choose(canvasElement, NEW_PASSWORD, '', false),
};

/** A short password and a confirmation that differs. */
export const ResetWithErrors: Story = {
  name: 'Reset, with errors',
  args: { step: 'reset' },
  play: ({ canvasElement }) => choose(canvasElement, 'court', 'autre'),
};

/** The server's verdict beside the field (zxcvbn on the demo server). */
export const ResetCommonPassword: Story = {
  name: 'Reset, common password',
  args: { step: 'reset' },
  play: ({ canvasElement }) => choose(canvasElement, 'motdepasse1234'),
};

/** Saving never answers: busy form, "Enregistrement…". */
export const ResetLoading: Story = {
  name: 'Reset, loading',
  args: { step: 'reset' },
  parameters: mockApi({ reset: { reset: 'never' } }),
  play: ({ canvasElement }) => choose(canvasElement, NEW_PASSWORD),
};

/** The password is set: "Me connecter à mon espace". */
export const ResetDone: Story = {
  name: 'Reset, done',
  args: { step: 'reset' },
  play: ({ canvasElement }) => choose(canvasElement, NEW_PASSWORD),
};

export const ResetServerError: Story = {
  name: 'Reset, server error',
  args: { step: 'reset' },
  parameters: mockApi({ reset: { reset: 'serverError' } }),
  play: ({ canvasElement }) => choose(canvasElement, NEW_PASSWORD),
};

/** A link already used, replaced by a newer one, or expired. */
export const ResetInvalidLink: Story = {
  name: 'Reset, dead link',
  args: { step: 'reset' },
  parameters: mockApi({ reset: { link: 'invalid' } }),
};

/** The page opened without `?token=` (a link cut by the mail program). */
export const ResetMissingToken: Story = {
  name: 'Reset, no token',
  args: { step: 'reset', token: '' },
};

export const ResetEnglish: Story = {
  name: 'Reset, English',
  args: { step: 'reset', lang: 'en' },
};

/** An account created by the city (seeds 001, 003): the holder chooses a first password. */
export const Setup: Story = {
  args: { step: 'setup' },
};

export const SetupDone: Story = {
  name: 'Setup, done',
  args: { step: 'setup' },
  play: ({ canvasElement }) => choose(canvasElement, NEW_PASSWORD, NEW_PASSWORD, true, 'Mot de passe'),
};

export const SetupEnglish: Story = {
  name: 'Setup, English',
  args: { step: 'setup', lang: 'en' },
};
