// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/family-dashboard/panels/requests-panel.js';
import type { MockOptions } from '../src/mocks/handlers.js';

interface Args {
  lang: 'fr' | 'en';
}

/** Opens "Voir le détail" (or "Show the details") of the request titled `summary`. */
const openDetails =
  (summary: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('citizen-requests-panel')!;
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const root = el.shadowRoot!;
    const title = [...root.querySelectorAll('.item-title')].find((heading) => heading.textContent?.trim() === summary)!;
    root.querySelector<HTMLButtonElement>(`button[aria-describedby="${title.id}"]`)!.click();
  };

const mockApi = { scenario: 'loggedIn', terms: { state: 'accepted' } } satisfies MockOptions;

const meta = {
  title: 'Elements/citizen-requests-panel',
  component: 'citizen-requests-panel',
  args: { lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: ({ lang }) => html`<citizen-requests-panel api="/api" lang=${lang}></citizen-requests-panel>`,
  parameters: {
    mockApi,
    docs: {
      description: {
        component:
          '"Dernières demandes" against the mock API (src/mocks/dashboard.ts): "Voir le détail" asks `GET /requests/:id` for what a request asks for, and shows its attachments and history.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The family's requests, newest first. */
export const Default: Story = {};

/** An absence reported by the other parent: child, days, "Maladie", comment; the certificate is "Document joint" (only its owner sees its name). */
export const AbsenceDetails: Story = { name: 'Absence details', play: openDetails('Absence de Léa DUPONT du 16/11/2026 au 18/11/2026') };

/** An enrolment: child, activity, period. */
export const EnrolmentDetails: Story = { name: 'Enrolment details', play: openDetails('Inscription de Hugo DUPONT : Mercredi au centre de loisirs') };

/** The requests could not be loaded: said in words, with "Réessayer". */
export const LoadError: Story = {
  name: 'Load error',
  parameters: { mockApi: { ...mockApi, dashboard: { failures: ['requests'] } } },
};

/** Waiting for the list. */
export const Loading: Story = { parameters: { mockApi: { ...mockApi, dashboard: { hangs: ['requests'] } } } };

/** The absence's details in English. */
export const English: Story = { args: { lang: 'en' }, play: openDetails('Absence de Léa DUPONT du 16/11/2026 au 18/11/2026') };
