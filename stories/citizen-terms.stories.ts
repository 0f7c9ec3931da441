// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/citizen-terms/citizen-terms.js';

interface Args {
  lang: 'fr' | 'en';
  version: string;
}

const meta = {
  title: 'Elements/citizen-terms',
  component: 'citizen-terms',
  args: { lang: 'fr', version: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    version: { control: 'text', description: 'Empty: the current version (the mock also knows `2025-03`).' },
  },
  render: ({ lang, version }) => html`<citizen-terms api="/api" lang=${lang} version=${version || nothing}></citizen-terms>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The current terms, read-only, as on the demo's /cgu page. */
export const Default: Story = {};

/** An older version, kept as the record of what was accepted then. */
export const OlderVersion: Story = { name: 'Older version', args: { version: '2025-03' } };

export const English: Story = { args: { lang: 'en' } };
