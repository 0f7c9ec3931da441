// SPDX-License-Identifier: MIT
/**
 * The terms part of the mock API (journey J6): `GET /terms`, `GET /terms/status`,
 * `POST /terms/acceptances`, and `GET /profile` refused with `terms_not_accepted` until the
 * current version is accepted, as the demo server does. Composed into `createHandlers()`;
 * pick the state with its `terms` option:
 *
 * ```ts
 * useMockScenario({ scenario: 'loggedIn', terms: { state: 'newVersion', text: 'short' } });
 * ```
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { ApiErrorBody, ErrorCode } from '../schemas/errors.js';
import type { Profile } from '../schemas/profile.js';
import { AcceptTermsRequest, type Terms, type TermsBlock, type TermsStatus } from '../schemas/terms.js';
import { demoAccount } from './data.js';

export interface TermsMockOptions {
  /**
   * `mustAccept` (default): nothing accepted yet; `accepted`: the current version is;
   * `newVersion`: an older version was accepted, the current one asks again.
   */
  state?: 'mustAccept' | 'accepted' | 'newVersion';
  /** `long` (default): the demo city's CGU, which scrolls; `short`: three lines, no scrolling. */
  text?: 'long' | 'short';
  /**
   * How `POST /terms/acceptances` fails: `serverError` (500), `networkError`, `conflict`
   * (a newer version was published meanwhile: the next `GET /terms` serves it), `slow`
   * (never answers, to show "Enregistrement…").
   */
  acceptFailure?: 'serverError' | 'networkError' | 'conflict' | 'slow';
  /** `GET /terms` and `/terms/status` fail with a 500, to show the loading error. */
  loadFailure?: boolean;
}

const section = (title: string, ...paragraphs: string[]): TermsBlock[] => [
  { type: 'heading', level: 2, text: title },
  ...paragraphs.map((text): TermsBlock => ({ type: 'paragraph', text })),
];

/** A shortened copy of the demo city's CGU (demo-server/cities/terms/ville-de-demo/2026-09.md). */
export const demoTermsBlocks: TermsBlock[] = [
  ...section(
    'Préambule',
    "La Ville de Démo met à la disposition de ses habitants un espace citoyen en ligne, accessible depuis son site internet, pour simplifier leurs démarches administratives et la vie quotidienne des familles.",
    "L'utilisation de l'espace citoyen est facultative et gratuite, hors coûts de connexion à internet. Les démarches restent possibles à l'accueil de la mairie.",
  ),
  ...section('Définitions', 'Dans les présentes conditions, les termes suivants ont le sens qui leur est donné ci-dessous :'),
  {
    type: 'list',
    ordered: false,
    items: [
      'La Collectivité : la Ville de Démo, représentée par son maire.',
      "Le Service : l'espace citoyen en ligne et l'ensemble des démarches qu'il propose.",
      "L'Usager : toute personne qui utilise le Service, quel que soit son profil.",
      "Les CGU : les présentes conditions générales d'utilisation.",
    ],
  },
  ...section('Objet', "Les CGU définissent les conditions d'accès au Service et d'utilisation de celui-ci."),
  ...section(
    'Accès au service',
    'Le Service est accessible en permanence, sauf interruption pour maintenance, mise à jour ou cas de force majeure.',
    "Le Service est conçu pour être accessible aux personnes en situation de handicap, conformément au RGAA. Toute difficulté d'accès peut être signalée à la Collectivité.",
  ),
  ...section(
    "Création et sécurité de l'espace",
    "L'identifiant et le mot de passe sont personnels et confidentiels. L'Usager s'engage à ne pas les communiquer et à se déconnecter après chaque utilisation.",
  ),
  ...section(
    'Données personnelles',
    'La Collectivité traite les données personnelles de l’Usager dans le respect du RGPD et de la loi Informatique et libertés.',
    'Les données de l’Espace sont conservées tant que l’Espace est actif, puis supprimées trois ans après la dernière connexion.',
    "L'Usager dispose d'un droit d'accès, de rectification, d'effacement et de limitation du traitement de ses données. Il peut adresser une réclamation à la CNIL (https://www.cnil.fr/fr/plaintes).",
  ),
  ...section('Responsabilités', "L'Usager est responsable de l'usage qu'il fait du Service et de l'exactitude des informations qu'il transmet."),
  ...section(
    'Modification des CGU',
    "La Collectivité peut modifier les CGU. La nouvelle version est présentée à l'Usager lors de sa connexion suivante, et l'accès à son Espace est subordonné à son acceptation.",
  ),
  ...section('Droit applicable', 'Les CGU sont soumises au droit français.'),
];

const TITLE = "Conditions générales d'utilisation de l'espace citoyen";

export const demoTerms: Terms = {
  version: '2026-09',
  publishedOn: '2026-09-01',
  title: TITLE,
  blocks: demoTermsBlocks,
  textHash: '5b0c3a1f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b',
};

export const shortTerms: Terms = {
  ...demoTerms,
  blocks: [
    { type: 'heading', level: 2, text: 'Objet' },
    { type: 'paragraph', text: "Les CGU définissent les conditions d'accès au Service et d'utilisation de celui-ci." },
  ],
  textHash: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
};

/** What the `conflict` failure publishes: the version after the current one. */
const newerTerms = (terms: Terms): Terms => ({
  ...terms,
  version: '2027-01',
  publishedOn: '2027-01-15',
  blocks: [...terms.blocks, { type: 'paragraph', text: 'Version 2027-01 : ajout de la médiation.' }],
  textHash: 'a'.repeat(64),
});

function apiError(status: number, code: ErrorCode, message: string, fields?: Record<string, string>) {
  return HttpResponse.json({ code, message, ...(fields ? { fields } : {}) } satisfies ApiErrorBody, { status });
}

const profile: Profile = {
  username: demoAccount.username,
  identity: { civility: demoAccount.civility, lastName: demoAccount.lastName, firstNames: demoAccount.firstNames },
  contact: { email: demoAccount.email, preferred: 'email' },
  serviceKeys: [{ serviceId: 'enfance', linked: true, linkedAt: '2026-01-10T09:00:00Z' }],
};

/** Filled in by `createTermsHandlers()`: other family-data mocks refuse, as the server does, until the terms are accepted. */
export interface TermsMockGate {
  mustAccept(): boolean;
}

/**
 * The handlers, for the mock API mounted at `api` (e.g. `/api/v1`). `isLoggedIn` reads the
 * session of the `createHandlers()` they belong to; `gate`, if given, receives the state.
 */
export function createTermsHandlers(
  api: string,
  options: TermsMockOptions,
  isLoggedIn: () => boolean,
  gate?: Partial<TermsMockGate>,
): HttpHandler[] {
  const { state = 'mustAccept', text = 'long', acceptFailure, loadFailure = false } = options;
  let current = text === 'short' ? shortTerms : demoTerms;
  const previous: Terms = { ...current, version: '2025-03', publishedOn: '2025-03-15', textHash: 'b'.repeat(64) };
  const acceptances: { version: string; textHash: string; acceptedAt: string }[] = [];
  if (state === 'accepted') acceptances.push({ version: current.version, textHash: current.textHash, acceptedAt: '2026-09-02T08:30:00Z' });
  if (state === 'newVersion') acceptances.push({ version: previous.version, textHash: previous.textHash, acceptedAt: '2025-04-02T08:30:00Z' });

  const status = (): TermsStatus => {
    const latest = acceptances.at(-1);
    return {
      currentVersion: current.version,
      ...(latest ? { acceptedVersion: latest.version, acceptedAt: latest.acceptedAt } : {}),
      mustAccept: !acceptances.some((a) => a.version === current.version && a.textHash === current.textHash),
    };
  };
  const notLoggedIn = () => apiError(401, 'not_authenticated', 'No session');
  if (gate) gate.mustAccept = () => status().mustAccept;

  return [
    http.get(`${api}/terms`, ({ request }) => {
      if (loadFailure) return apiError(500, 'server_error', 'Internal error');
      const version = new URL(request.url).searchParams.get('version');
      if (version === null || version === current.version) return HttpResponse.json(current);
      if (version === previous.version) return HttpResponse.json(previous);
      return apiError(404, 'not_found', `No terms of version ${version}`);
    }),

    http.get(`${api}/terms/status`, () => {
      if (!isLoggedIn()) return notLoggedIn();
      if (loadFailure) return apiError(500, 'server_error', 'Internal error');
      return HttpResponse.json(status());
    }),

    http.post(`${api}/terms/acceptances`, async ({ request }) => {
      if (request.headers.get('x-citizen-request') !== '1') return apiError(403, 'csrf_rejected', 'Missing X-Citizen-Request: 1 header');
      if (!isLoggedIn()) return notLoggedIn();
      switch (acceptFailure) {
        case 'serverError':
          return apiError(500, 'server_error', 'Internal error');
        case 'networkError':
          return HttpResponse.error();
        case 'slow':
          await delay('infinite');
          break;
        case 'conflict':
          if (current.version !== '2027-01') {
            current = newerTerms(current);
            return apiError(409, 'conflict', `Version 2026-09 has been replaced by version ${current.version}`, { version: 'terms_outdated' });
          }
      }
      const parsed = AcceptTermsRequest.safeParse(await request.json().catch(() => undefined));
      if (!parsed.success) return apiError(400, 'validation_failed', 'Invalid body');
      const { version, textHash } = parsed.data;
      if (version !== current.version) return apiError(409, 'conflict', `Version ${version} is not current`, { version: 'terms_outdated' });
      if (textHash !== current.textHash) return apiError(409, 'conflict', 'textHash does not match', { textHash: 'terms_text_changed' });
      if (!status().mustAccept) return HttpResponse.json(status());
      acceptances.push({ version, textHash, acceptedAt: new Date().toISOString() });
      return HttpResponse.json(status(), { status: 201 });
    }),

    http.get(`${api}/profile`, () => {
      if (!isLoggedIn()) return notLoggedIn();
      if (status().mustAccept) return apiError(403, 'terms_not_accepted', 'The current terms of use have not been accepted');
      return HttpResponse.json(profile);
    }),
  ];
}
