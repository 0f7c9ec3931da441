// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/family-dashboard/panels/document-picker.js';
import type { MockOptions } from '../src/mocks/handlers.js';

interface Args {
  lang: 'fr' | 'en';
  multiple: boolean;
  legend: string;
  error: string;
}

const meta = {
  title: 'Elements/citizen-document-picker',
  component: 'citizen-document-picker',
  args: { lang: 'fr', multiple: false, legend: 'Certificat médical', error: '' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: ({ lang, multiple, legend, error }) =>
    html`<citizen-document-picker api="/api" lang=${lang} ?multiple=${multiple} legend=${legend} error=${error || nothing}></citizen-document-picker>`,
  parameters: {
    mockApi: { scenario: 'loggedIn', terms: { state: 'accepted' } } satisfies MockOptions,
    docs: { description: { component: 'Stored documents of the mock API (src/mocks/documents.ts) to attach to a request; a file added here is stored and chosen.' } },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** One document, or "Aucun document". */
export const Default: Story = {};

/** Several justificatifs. */
export const Multiple: Story = { args: { multiple: true, legend: 'Justificatifs' } };

/** The host form's error. */
export const WithError: Story = { name: 'With error', args: { error: 'Ce document n’est plus dans votre espace de stockage : choisissez-en un autre' } };

/** The same in English. */
export const English: Story = { args: { lang: 'en', legend: 'Medical certificate' } };
