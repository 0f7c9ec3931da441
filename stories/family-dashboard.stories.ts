// SPDX-License-Identifier: MIT
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { waitFor } from 'storybook/test';
import '../src/elements/cgu-gate/cgu-gate.js';
import '../src/elements/family-dashboard/family-dashboard.js';
import '../src/elements/family-dashboard/panels/dashboard-header.js';
import '../src/elements/family-dashboard/panels/profile-panel.js';
import '../src/elements/family-dashboard/panels/service-keys-panel.js';
import '../src/elements/family-dashboard/panels/household-panel.js';
import '../src/elements/family-dashboard/panels/entourage-panel.js';
import '../src/elements/family-dashboard/panels/requests-panel.js';
import '../src/elements/family-dashboard/panels/news-panel.js';
import '../src/elements/family-dashboard/panels/my-data-panel.js';
import type { DashboardMockOptions } from '../src/mocks/dashboard.js';
import type { MockOptions } from '../src/mocks/handlers.js';

interface Args {
  lang: 'fr' | 'en';
  headingLevel: number;
  primaryColor: string;
}

/** A logged-in family that accepted the terms, its data as `dashboard` says. */
const mockApi = (dashboard: DashboardMockOptions = {}, extra: Partial<MockOptions> = {}) => ({
  mockApi: { scenario: 'loggedIn', terms: { state: 'accepted' }, dashboard, ...extra } satisfies MockOptions,
});

/** Finds a button by its text inside the shadow roots under `root`, once it is there. */
function findButton(root: Element, text: string): Promise<HTMLButtonElement> {
  const search = (node: Element | ShadowRoot): HTMLButtonElement | undefined => {
    for (const el of node.querySelectorAll('*')) {
      if (el instanceof HTMLButtonElement && el.textContent?.trim() === text) return el;
      if (el.shadowRoot) {
        const found = search(el.shadowRoot);
        if (found) return found;
      }
    }
    return undefined;
  };
  return waitFor(() => {
    const button = search(root);
    if (!button) throw new Error(`no button ${text} yet`);
    return button;
  });
}

/** Opens a section of the dashboard, as a click would. */
const openSection = (name: string) => async ({ canvasElement }: { canvasElement: HTMLElement }) => (await findButton(canvasElement, name)).click();

const meta = {
  title: 'Elements/family-dashboard',
  component: 'family-dashboard',
  args: { lang: 'fr', headingLevel: 2, primaryColor: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    headingLevel: { control: { type: 'number', min: 1, max: 5 } },
    primaryColor: { control: 'color', description: '`--citizen-color-primary`; empty: the city’s colour.' },
  },
  render: ({ lang, headingLevel, primaryColor }) => html`
    <family-dashboard
      api="/api"
      lang=${lang}
      heading-level=${headingLevel}
      style=${primaryColor ? `--citizen-color-primary: ${primaryColor}` : ''}
    ></family-dashboard>
  `,
  parameters: {
    ...mockApi(),
    docs: {
      description: {
        component:
          'The mock API (MSW) plays the demo server: Madame Marie DUPONT is logged in, has accepted the terms, and her family is linked by its "Clé Enfance". Each section loads its code and data when first opened. The panels are elements of their own (stories "Panel – …").',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The Dupont family: greeting, summary, and every section closed. */
export const Default: Story = {};

/** "Ma famille" and "Dernières demandes" open (several sections may stay open). */
export const SectionsOpen: Story = {
  name: 'Sections open',
  play: async (context) => {
    await openSection('Ma famille')(context);
    await openSection('Dernières demandes')(context);
  },
};

/**
 * A new account without its key: no "Ma famille" yet. Open "Services et clés" and type
 * `K7PQ-M4XW-9HTR`: the section appears, without a reload.
 */
export const FreshAccount: Story = {
  name: 'Fresh account (enter the key)',
  parameters: mockApi({ family: 'fresh' }),
  play: openSection('Services et clés'),
};

/** Inside `<cgu-gate>`, terms not accepted: the gate first; accept, and the dashboard appears. */
export const InsideTheGate: Story = {
  name: 'Inside the terms gate',
  render: ({ lang }) => html`<cgu-gate api="/api" lang=${lang}><family-dashboard api="/api" lang=${lang}></family-dashboard></cgu-gate>`,
  parameters: mockApi({}, { terms: { state: 'mustAccept', text: 'short' } }),
};

/** The summary never answers: "Chargement…" under the greeting. */
export const Loading: Story = {
  parameters: mockApi({ hangs: ['profile', 'household'] }),
};

/** Nobody logged in: the login notice and link. */
export const NotLoggedIn: Story = {
  name: 'Not logged in',
  parameters: { mockApi: { scenario: 'default' } satisfies MockOptions },
};

/** Every route fails: the summary's error and "Réessayer"; each section says so when opened. */
export const ServerErrors: Story = {
  name: 'Server errors',
  parameters: mockApi({ failures: ['profile', 'household', 'requests', 'news', 'messages'] }),
  play: openSection('Dernières demandes'),
};

/** The session ends while a section loads: the whole space shows the login notice. */
export const SessionExpired: Story = {
  name: 'Session expired',
  parameters: mockApi({ expired: ['requests'] }),
  play: openSection('Dernières demandes'),
};

/** `lang="en"` on the element or an ancestor (the city's data stays in French). */
export const English: Story = {
  args: { lang: 'en' },
  play: openSection('My family'),
};

/** The city's colour through `--citizen-color-primary`. */
export const Themed: Story = {
  args: { primaryColor: '#6a1b4d' },
  play: openSection('Actualités et messages'),
};

// ——— Each panel alone, as a webmaster may place it on a page of its own ———

const panel = (tag: string) => (args: Args) =>
  staticHtml`<${unsafeStatic(tag)} api="/api" lang=${args.lang} heading-level=${args.headingLevel}></${unsafeStatic(tag)}>`;

/** `<citizen-dashboard-header>`: greeting, last login, logout. */
export const PanelHeader: Story = { name: 'Panel – Header', render: panel('citizen-dashboard-header') };

/** `<citizen-profile-panel>`: Identité, Adresse, Moyens de contact, Identifiants. */
export const PanelProfile: Story = { name: 'Panel – Profil', render: panel('citizen-profile-panel') };

/** Editing the address: the form says the change goes to the city. */
export const PanelProfileEditing: Story = {
  name: 'Panel – Profil, editing the address',
  render: panel('citizen-profile-panel'),
  play: async ({ canvasElement }) => (await findButton(canvasElement, "Modifier l'adresse")).click(),
};

/** An address change sent: "Votre demande a été transmise aux services municipaux", pending. */
export const PanelProfileRequestPending: Story = {
  name: 'Panel – Profil, request pending',
  render: panel('citizen-profile-panel'),
  play: async ({ canvasElement }) => {
    (await findButton(canvasElement, "Modifier l'adresse")).click();
    (await findButton(canvasElement, 'Envoyer')).click();
  },
};

/** The profile cannot be loaded. */
export const PanelProfileError: Story = {
  name: 'Panel – Profil, error',
  render: panel('citizen-profile-panel'),
  parameters: mockApi({ failures: ['profile'] }),
};

/** `<citizen-service-keys-panel>` before the key: "SERVICE CLÉ – ENFANCE". */
export const PanelServiceKeys: Story = {
  name: 'Panel – Services, key to enter',
  render: panel('citizen-service-keys-panel'),
  parameters: mockApi({ family: 'fresh' }),
};

/** The key validated. */
export const PanelServiceKeysLinked: Story = { name: 'Panel – Services, key validated', render: panel('citizen-service-keys-panel') };

/** `<citizen-household-panel>`: one card per member. */
export const PanelFamily: Story = { name: 'Panel – Ma famille', render: panel('citizen-household-panel') };

/** Léa's "Dossier administratif" open. */
export const PanelFamilyRecord: Story = {
  name: 'Panel – Ma famille, dossier administratif',
  render: panel('citizen-household-panel'),
  play: async ({ canvasElement }) => (await findButton(canvasElement, 'Dossier administratif')).click(),
};

/** No family record linked yet. */
export const PanelFamilyEmpty: Story = {
  name: 'Panel – Ma famille, empty',
  render: panel('citizen-household-panel'),
  parameters: mockApi({ family: 'fresh' }),
};

/** The family cannot be loaded. */
export const PanelFamilyError: Story = {
  name: 'Panel – Ma famille, error',
  render: panel('citizen-household-panel'),
  parameters: mockApi({ failures: ['household'] }),
};

/** `<citizen-entourage-panel>`: "Ajouter à mon entourage Enfance". */
export const PanelEntourage: Story = { name: 'Panel – Entourage', render: panel('citizen-entourage-panel') };

/** The addition form open. */
export const PanelEntourageForm: Story = {
  name: 'Panel – Entourage, form',
  render: panel('citizen-entourage-panel'),
  play: async ({ canvasElement }) => (await findButton(canvasElement, 'Ajouter à mon entourage Enfance')).click(),
};

/** `<citizen-requests-panel>`: envoyée, en cours, refusée (with the reason), acceptée. */
export const PanelRequests: Story = { name: 'Panel – Dernières demandes', render: panel('citizen-requests-panel') };

/** No request yet. */
export const PanelRequestsEmpty: Story = {
  name: 'Panel – Dernières demandes, empty',
  render: panel('citizen-requests-panel'),
  parameters: mockApi({ family: 'empty' }),
};

/** Still loading. */
export const PanelRequestsLoading: Story = {
  name: 'Panel – Dernières demandes, loading',
  render: panel('citizen-requests-panel'),
  parameters: mockApi({ hangs: ['requests'] }),
};

/** The requests cannot be loaded. */
export const PanelRequestsError: Story = {
  name: 'Panel – Dernières demandes, error',
  render: panel('citizen-requests-panel'),
  parameters: mockApi({ failures: ['requests'] }),
};

/** `<citizen-news-panel>`: news, and messages with the unread count. */
export const PanelNews: Story = { name: 'Panel – Actualités et messages', render: panel('citizen-news-panel') };

/** Nothing published, no message. */
export const PanelNewsEmpty: Story = {
  name: 'Panel – Actualités et messages, empty',
  render: panel('citizen-news-panel'),
  parameters: mockApi({ family: 'empty' }),
};

/** The news fail; the messages still show. */
export const PanelNewsError: Story = {
  name: 'Panel – Actualités et messages, news error',
  render: panel('citizen-news-panel'),
  parameters: mockApi({ failures: ['news'] }),
};

/** `<citizen-my-data-panel>`: download, and close the account after a clear warning. */
export const PanelMyData: Story = { name: 'Panel – Mes données', render: panel('citizen-my-data-panel') };

/** The closing form open. */
export const PanelMyDataClosing: Story = {
  name: 'Panel – Mes données, closing',
  render: panel('citizen-my-data-panel'),
  play: async ({ canvasElement }) => (await findButton(canvasElement, 'Fermer mon espace…')).click(),
};

/** A panel in English. */
export const PanelEnglish: Story = {
  name: 'Panel – English',
  args: { lang: 'en' },
  render: panel('citizen-household-panel'),
};
