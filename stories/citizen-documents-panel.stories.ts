// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/family-dashboard/panels/documents-panel.js';
import type { MockOptions } from '../src/mocks/handlers.js';

interface Args {
  lang: 'fr' | 'en';
}

/** Chooses a file of `size` bytes in the panel's file input. */
const choose =
  (name: string, type: string, size: number) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('citizen-documents-panel')!;
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(size)], name, { type }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

/** Opens "Renommer" on the first document and, with `name`, sends that name. */
const rename =
  (name?: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('citizen-documents-panel')!;
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-expanded][id$="-button"]')!.click();
    if (name === undefined) return;
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="name"]')!;
    input.value = name;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.form!.requestSubmit();
  };

const meta = {
  title: 'Elements/citizen-documents-panel',
  component: 'citizen-documents-panel',
  args: { lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: ({ lang }) => html`<citizen-documents-panel api="/api" lang=${lang}></citizen-documents-panel>`,
  parameters: {
    mockApi: { scenario: 'loggedIn', terms: { state: 'accepted' } } satisfies MockOptions,
    docs: {
      description: {
        component:
          '"Espace de stockage sécurisé" against the mock API (src/mocks/documents.ts): PDF, JPEG or PNG up to 10 MB, 50 MB a account. Choose a file or drop one on the dashed box.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Two stored documents. */
export const Default: Story = {};

/** A file too large: the error is said at once, on the field. */
export const TooLarge: Story = { name: 'Too large', play: choose('Scan.pdf', 'application/pdf', 11 * 1024 * 1024) };

/** "Renommer": the name without its extension, which is kept. */
export const Rename: Story = { play: rename() };

/** "Renommer" with a forbidden character: the error on the field and in the summary. */
export const RenameError: Story = { name: 'Rename error', play: rename('Scan 12/10') };

/** The same in English. */
export const English: Story = { args: { lang: 'en' } };
