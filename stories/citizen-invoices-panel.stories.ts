// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/family-dashboard/panels/invoices-panel.js';
import type { MockOptions } from '../src/mocks/handlers.js';

interface Args {
  lang: 'fr' | 'en';
  paymentId: string;
}

const meta = {
  title: 'Elements/citizen-invoices-panel',
  component: 'citizen-invoices-panel',
  args: { lang: 'fr', paymentId: '' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: ({ lang, paymentId }) =>
    html`<citizen-invoices-panel api="/api" lang=${lang} payment-id=${paymentId || undefined as never}></citizen-invoices-panel>`,
  parameters: {
    mockApi: { scenario: 'loggedIn', terms: { state: 'accepted' } } satisfies MockOptions,
    docs: {
      description: {
        component:
          '"Mes factures" against the mock API (src/mocks/invoices.ts): October to pay, September late, August paid online. "Payer en ligne" comes straight back with `?paiement=` (the demo server shows its simulated provider page first).',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Three invoices: à payer, en retard, payée. */
export const Default: Story = {};

/** Back from the provider: the payment accepted, and its receipt. */
export const PaymentSucceeded: Story = { name: 'Payment succeeded (receipt)', args: { paymentId: 'pay-0001' } };

/** The same in English. */
export const English: Story = { args: { lang: 'en' } };
