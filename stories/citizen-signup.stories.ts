// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '../src/elements/citizen-signup/citizen-signup.js';
import type { MockOptions } from '../src/mocks/handlers.js';
import { MOCK_CAPTCHA_TEXT, MOCK_SERVICE_KEY, type SignupMockOptions } from '../src/mocks/signup.js';

interface Args {
  lang: 'fr' | 'en';
  headingLevel: number;
}

const mockApi = (signup: SignupMockOptions) => ({ mockApi: { signup } satisfies MockOptions });

type Canvas = ReturnType<typeof within>;
const user = () => userEvent.setup({ delay: null });

/** The wizard lives in the light DOM, so Testing Library's queries reach it directly. */
async function start(canvasElement: HTMLElement): Promise<Canvas> {
  // Each story starts afresh: no progress restored from an earlier one.
  sessionStorage.clear();
  const canvas = within(canvasElement);
  await user().click(await canvas.findByRole('button', { name: /Je crée mon espace|Create my space/ }));
  await canvas.findByRole('heading', { name: /Identité|Identity/ });
  return canvas;
}

/** A control by its label, the seeds' "*" of required fields aside. */
const labelled = (label: string) => new RegExp(`^(\\*\\s*)?${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const field = (canvas: Canvas, label: string) => canvas.getByLabelText(labelled(label));
const findField = (canvas: Canvas, label: string) => canvas.findByLabelText(labelled(label), {}, { timeout: 5000 });

const next = async (canvas: Canvas, heading: RegExp) => {
  await user().click(canvas.getByRole('button', { name: /^(Suivant|Next)$/ }));
  await canvas.findByRole('heading', { name: heading });
};

async function toAddress(canvas: Canvas) {
  await user().click(canvas.getByRole('radio', { name: 'Madame' }));
  await user().type(field(canvas, 'Nom usuel'), 'Martin');
  await user().type(field(canvas, 'Prénom(s)'), 'Camille');
  await next(canvas, /Adresse/);
}

async function toContact(canvas: Canvas) {
  await toAddress(canvas);
  await next(canvas, /Moyens de contact/);
}

async function toCredentials(canvas: Canvas) {
  await toContact(canvas);
  await user().type(field(canvas, 'Courriel'), 'camille.martin@example.fr');
  await next(canvas, /Authentification/);
}

async function fillCredentials(canvas: Canvas, username = 'camille.martin') {
  await user().type(field(canvas, "Nom d'utilisateur"), username);
  await user().type(field(canvas, 'Mot de passe'), 'Lune-Verte-Escalier-42');
  await user().type(field(canvas, 'Confirmation du mot de passe'), 'Lune-Verte-Escalier-42');
}

/** Steps 1 to 4 filled (image captcha answered), on "Vérifiez vos informations". */
async function toReview(canvas: Canvas, options: { serviceKey?: string; username?: string } = {}) {
  await toCredentials(canvas);
  await fillCredentials(canvas, options.username);
  if (options.serviceKey) await user().type(await findField(canvas, 'Clé Enfance'), options.serviceKey);
  await user().type(await findField(canvas, 'Entrez le texte ci-dessous'), MOCK_CAPTCHA_TEXT);
  await next(canvas, /Vérifiez vos informations/);
}

async function submit(canvas: Canvas) {
  await user().click(canvas.getByRole('button', { name: 'Valider' }));
}

const meta = {
  title: 'Elements/citizen-signup',
  component: 'citizen-signup',
  args: { lang: 'fr', headingLevel: 2 },
  argTypes: {
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
  },
  render: ({ lang, headingLevel }) => html`<citizen-signup api="/api" lang=${lang} heading-level=${headingLevel}></citizen-signup>`,
  parameters: {
    // The image captcha unless a story says otherwise: its answer is known (MOCK_CAPTCHA_TEXT).
    ...mockApi({ captcha: 'image' }),
    docs: {
      description: {
        component: `The mock API (MSW) plays the demo server: the image text is **${MOCK_CAPTCHA_TEXT}**, the "Clé Enfance" **${MOCK_SERVICE_KEY}**; \`marie.dupont\` is taken.`,
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** "Bonjour et bienvenue" and "Je crée mon espace". */
export const Default: Story = {};

export const Identity: Story = {
  name: 'Step 1 — Identité',
  play: async ({ canvasElement }) => void (await start(canvasElement)),
};

/** "Suivant" on an empty step: the error summary takes focus and links to each field. */
export const IdentityWithErrors: Story = {
  name: 'Step 1 — with errors',
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await user().click(canvas.getByRole('button', { name: 'Suivant' }));
    await canvas.findByText('Sélectionnez votre civilité', { selector: 'a' });
  },
};

/** A 60×60 PNG (a plain blue square) standing in for the citizen's photo. */
async function samplePhoto(): Promise<File> {
  const canvas = Object.assign(document.createElement('canvas'), { width: 60, height: 60 });
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#1d4f91';
  context.fillRect(0, 0, 60, 60);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], 'photo.png', { type: 'image/png' });
}

/** The optional "Photo" chosen: its preview, "Changer d'image" and "Retirer la photo" (never kept over a reload). */
export const WithPhoto: Story = {
  name: 'Step 1 — with photo',
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await user().upload(field(canvas, 'Photo') as HTMLInputElement, await samplePhoto());
    await canvas.findByRole('img', { name: 'Aperçu de votre photo' });
    await expect(canvas.getByRole('button', { name: "Changer d'image" })).toBeVisible();
  },
};

export const Address: Story = {
  name: 'Step 2 — Adresse',
  play: async ({ canvasElement }) => toAddress(await start(canvasElement)),
};

/** A started address must be complete, with a French postcode. */
export const AddressWithErrors: Story = {
  name: 'Step 2 — with errors',
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toAddress(canvas);
    await user().type(field(canvas, 'Numéro et voie'), '12 rue des Écoles');
    await user().type(field(canvas, 'Code postal'), '7501');
    await user().click(canvas.getByRole('button', { name: 'Suivant' }));
    await canvas.findByText('Saisissez un code postal à 5 chiffres', { selector: 'a' });
  },
};

export const Contact: Story = {
  name: 'Step 3 — Moyens de contact',
  play: async ({ canvasElement }) => toContact(await start(canvasElement)),
};

/** The demo default: ALTCHA, solved by the device once the box is ticked. */
export const CredentialsAltcha: Story = {
  name: 'Step 4 — Authentification (ALTCHA)',
  parameters: mockApi({ captcha: 'altcha' }),
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toCredentials(canvas);
    await canvas.findByRole('checkbox', { name: 'Je ne suis pas un robot' }, { timeout: 5000 });
  },
};

/** ALTCHA after the box was ticked, and a password typed: the checklist ticks. */
export const CredentialsAltchaVerified: Story = {
  name: 'Step 4 — ALTCHA verified, password typed',
  parameters: mockApi({ captcha: 'altcha' }),
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toCredentials(canvas);
    await fillCredentials(canvas);
    await user().click(await canvas.findByRole('checkbox', { name: 'Je ne suis pas un robot' }, { timeout: 5000 }));
    await canvas.findByText('Vérification effectuée', {}, { timeout: 5000 });
  },
};

/** The seeds' text image, "Changer le texte de contrôle" and its audio version. */
export const CredentialsImage: Story = {
  name: 'Step 4 — Authentification (image)',
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toCredentials(canvas);
    await findField(canvas, 'Entrez le texte ci-dessous');
  },
};

export const CredentialsNoCaptcha: Story = {
  name: 'Step 4 — no security check',
  parameters: mockApi({ captcha: 'none' }),
  play: async ({ canvasElement }) => toCredentials(await start(canvasElement)),
};

export const CredentialsWithErrors: Story = {
  name: 'Step 4 — with errors',
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toCredentials(canvas);
    await user().type(field(canvas, "Nom d'utilisateur"), 'ab');
    await user().type(field(canvas, 'Mot de passe'), 'court');
    await user().type(field(canvas, 'Confirmation du mot de passe'), 'autre');
    await user().type(await findField(canvas, 'Clé Enfance'), 'X'.repeat(41));
    await findField(canvas, 'Entrez le texte ci-dessous');
    await user().click(canvas.getByRole('button', { name: 'Suivant' }));
    await canvas.findByText('Les deux mots de passe ne sont pas identiques', { selector: 'a' });
  },
};

/** The security check could not be loaded: "Réessayer". */
export const CaptchaUnavailable: Story = {
  name: 'Step 4 — security check unavailable',
  parameters: mockApi({ captcha: 'image', captchaUnavailable: true }),
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toCredentials(canvas);
    await canvas.findByRole('button', { name: 'Réessayer' }, { timeout: 5000 });
  },
};

/** GOV.UK's "check your answers", a "Modifier" link per section. */
export const Review: Story = {
  name: 'Step 5 — Vérifiez vos informations',
  play: async ({ canvasElement }) => toReview(await start(canvasElement), { serviceKey: MOCK_SERVICE_KEY }),
};

/** The sign-up request never answers: busy form, "Validation en cours…". */
export const Loading: Story = {
  name: 'Submitting (loading)',
  parameters: mockApi({ captcha: 'image', scenario: 'slow', latencyMs: Infinity }),
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toReview(canvas);
    await submit(canvas);
    await canvas.findByRole('button', { name: 'Validation en cours…' });
  },
};

export const CreatedEmail: Story = {
  name: 'Created — e-mail activation',
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toReview(canvas, { serviceKey: MOCK_SERVICE_KEY });
    await submit(canvas);
    await canvas.findByRole('heading', { name: 'Votre espace a bien été créé.' });
  },
};

/** Seed 003: "effective dans les 48 heures ouvrées". */
export const CreatedStaff: Story = {
  name: 'Created — staff activation',
  parameters: mockApi({ captcha: 'image', scenario: 'staff' }),
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toReview(canvas);
    await submit(canvas);
    await canvas.findByText(/48 heures ouvrées/);
  },
};

/** The server's answer lands on the field, on its step, with a suggestion. */
export const UsernameTaken: Story = {
  name: 'Server — username taken',
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toReview(canvas, { username: 'marie.dupont' });
    await submit(canvas);
    await canvas.findByText(/déjà pris/, { selector: 'a' });
  },
};

export const EmailTaken: Story = {
  name: 'Server — e-mail already used',
  parameters: mockApi({ captcha: 'image', scenario: 'emailTaken' }),
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toReview(canvas);
    await submit(canvas);
    await canvas.findByRole('heading', { name: /Moyens de contact/ });
  },
};

/** Only the key's field is in error; a new security check is offered. */
export const WrongServiceKey: Story = {
  name: 'Server — wrong service key',
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toReview(canvas, { serviceKey: 'AAAA-BBBB-CCCC' });
    await submit(canvas);
    await canvas.findByText(/Cette clé n'est pas reconnue/, { selector: 'a' });
  },
};

export const CaptchaFailed: Story = {
  name: 'Server — security check failed',
  parameters: mockApi({ captcha: 'image', scenario: 'captchaFailed' }),
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toReview(canvas);
    await submit(canvas);
    await canvas.findByText(/contrôle de sécurité a échoué/, { selector: 'a' });
  },
};

export const ServerError: Story = {
  name: 'Server error',
  parameters: mockApi({ captcha: 'image', scenario: 'serverError' }),
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toReview(canvas);
    await submit(canvas);
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(/Une erreur est survenue/));
  },
};

/** "Annuler" asks first. */
export const CancelDialog: Story = {
  name: 'Cancel — confirmation',
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await toAddress(canvas);
    await user().click(canvas.getByRole('button', { name: 'Annuler' }));
    await canvas.findByRole('dialog');
  },
};

/** `lang="en"` on the element or any ancestor. */
export const English: Story = {
  args: { lang: 'en' },
};

export const EnglishCredentials: Story = {
  name: 'English — step 4',
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement);
    await user().click(canvas.getByRole('radio', { name: 'Ms' }));
    await user().type(field(canvas, 'Surname'), 'Martin');
    await user().type(field(canvas, 'First name(s)'), 'Camille');
    await next(canvas, /Address/);
    await next(canvas, /Contact details/);
    await user().type(field(canvas, 'E-mail'), 'camille.martin@example.fr');
    await next(canvas, /Authentication/);
  },
};
