// SPDX-License-Identifier: MIT
/**
 * The mock of the citizen space's data (journey J7, `<family-dashboard>` and its panels):
 * profile changes and service keys, the household and a child's record, additions to the
 * household, requests, news and messages, as the demo server answers them. Composed into
 * `createHandlers()`; pick the family's state with its `dashboard` option:
 *
 * ```ts
 * useMockScenario({ scenario: 'loggedIn', terms: { state: 'accepted' }, dashboard: { family: 'fresh' } });
 * ```
 *
 * Like the server, every route needs a session and the current terms accepted ("Mes
 * données" but the session only), and changes of address, phones and e-mail (seed 002's
 * "Coordonnées") become requests to the city. The account's password is the demo one.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { Address, Contact, Identity } from '../schemas/account.js';
import { CloseAccountRequest } from '../schemas/account-data.js';
import { fieldErrors, type ApiErrorBody, type ErrorCode } from '../schemas/errors.js';
import { ChildRecord, HouseholdAddition, type Household } from '../schemas/household.js';
import type { CitizenMessage, NewsItem } from '../schemas/news.js';
import { ProfileUpdate, ServiceKeySubmission, type Profile } from '../schemas/profile.js';
import type { CitizenRequest, RequestStatus, RequestType } from '../schemas/requests.js';
import { demoAccount } from './data.js';

/** The parts of the mock API a failure or a hang can be asked of. */
export type DashboardEndpoint =
  | 'profile'
  | 'profileUpdate'
  | 'serviceKey'
  | 'household'
  | 'childRecord'
  | 'childRecordUpdate'
  | 'addition'
  | 'requests'
  | 'news'
  | 'messages'
  | 'markRead'
  | 'export'
  | 'close';

export interface DashboardMockOptions {
  /**
   * `linked` (default): the Dupont family, linked by its "Clé Enfance", with requests, news
   * and messages. `fresh`: a new account that has not entered its key yet (no household,
   * no request, no message; {@link MOCK_ENFANCE_KEY} links it). `empty`: linked, with no
   * request, news or message yet.
   */
  family?: 'linked' | 'fresh' | 'empty';
  /** These routes answer 500. */
  failures?: readonly DashboardEndpoint[];
  /** These routes never answer (the loading state). */
  hangs?: readonly DashboardEndpoint[];
  /** These routes answer 403 `terms_not_accepted`, as if a new terms version came out meanwhile. */
  termsRefused?: readonly DashboardEndpoint[];
  /** These routes answer 401 `session_expired`. */
  expired?: readonly DashboardEndpoint[];
  /** Delay of every answer, in ms (default 0). */
  latencyMs?: number;
}

/** The household's "Clé Enfance" in the mocks, as the demo server's seed (demo-server/seed.ts). */
export const MOCK_ENFANCE_KEY = 'K7PQ-M4XW-9HTR';

const normaliseKey = (key: string) => key.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** The Dupont family's record, as the demo server seeds it. */
export const mockHousehold = (): Household => ({
  id: 'foyer-dupont',
  members: [
    { id: 'm-marie', role: 'parent', civility: 'MME', firstNames: 'Marie', lastName: 'Dupont', birthDate: '1986-03-14' },
    { id: 'm-paul', role: 'co-representative', civility: 'M', firstNames: 'Paul', lastName: 'Dupont', birthDate: '1984-11-02' },
    { id: 'm-lea', role: 'child', firstNames: 'Léa', lastName: 'Dupont', birthDate: '2017-04-12' },
    { id: 'm-hugo', role: 'child', firstNames: 'Hugo', lastName: 'Dupont', birthDate: '2020-09-03' },
  ],
});

export const mockChildRecords = (): Record<string, ChildRecord> => ({
  'm-lea': {
    school: 'École élémentaire Jean-Jaurès',
    schoolClass: 'CE2',
    allergies: 'Arachide',
    hasPai: true,
    doctor: { name: 'Dr Claire Martin', phone: '01 23 45 67 89' },
    authorisedPickup: [{ name: 'Jeanne Dupont (grand-mère)', phone: '06 11 22 33 44' }],
    missing: [],
  },
  'm-hugo': {
    school: 'École maternelle Les Tilleuls',
    schoolClass: 'Grande section',
    hasPai: false,
    authorisedPickup: [],
    missing: ['Attestation d’assurance scolaire 2026-2027'],
  },
});

export const mockProfile = (linked: boolean): Profile => ({
  username: demoAccount.username,
  identity: {
    civility: demoAccount.civility,
    lastName: demoAccount.lastName,
    firstNames: demoAccount.firstNames,
    birthDate: '1986-03-14',
    birthCountry: 'France',
  },
  address: { street: '12 rue des Lilas', postcode: '45000', commune: 'Ville de Démo' },
  contact: { email: demoAccount.email, mobile: '06 12 34 56 78', preferred: 'email' },
  serviceKeys: [linked ? { serviceId: 'enfance', linked: true, linkedAt: '2026-01-10T09:00:00Z' } : { serviceId: 'enfance', linked: false }],
});

const request = (
  id: string,
  type: RequestType,
  summary: string,
  createdAt: string,
  steps: [RequestStatus, string, string?][],
  reason?: string,
): CitizenRequest => ({
  id,
  type,
  summary,
  createdAt,
  status: steps.at(-1)![0],
  ...(reason ? { reason } : {}),
  history: steps.map(([status, at, note]) => ({ status, at, ...(note ? { note } : {}) })),
});

/**
 * The family's requests with what each asks for (`details`, which `GET /requests` leaves out)
 * and their attachments: the absence reported by the other parent shows its certificate as
 * "Document joint", without its name (only its owner sees it).
 */
export const mockRequests = (): CitizenRequest[] => [
  request('req-4', 'child-record-update', 'Mise à jour du dossier administratif de Hugo DUPONT', '2026-11-20T10:15:00Z', [
    ['sent', '2026-11-20T10:15:00Z'],
  ]),
  {
    ...request('req-6', 'absence', 'Absence de Léa DUPONT du 16/11/2026 au 18/11/2026', '2026-11-16T07:45:00Z', [
      ['sent', '2026-11-16T07:45:00Z'],
      ['accepted', '2026-11-16T14:00:00Z'],
    ]),
    submittedBy: 'Paul DUPONT',
    details: { type: 'absence', childId: 'm-lea', childName: 'Léa DUPONT', from: '2026-11-16', to: '2026-11-18', reason: 'illness', comment: 'Varicelle.' },
    attachments: [{ id: 'doc-paul-1' }],
  },
  {
    ...request('req-5', 'activity-enrolment', 'Inscription de Hugo DUPONT : Mercredi au centre de loisirs', '2026-10-20T18:10:00Z', [
      ['sent', '2026-10-20T18:10:00Z'],
      ['in-progress', '2026-10-21T09:30:00Z'],
    ]),
    details: {
      type: 'activity-enrolment',
      childId: 'm-hugo',
      childName: 'Hugo DUPONT',
      activityId: 'mercredi',
      activityName: 'Mercredi au centre de loisirs',
      from: '2026-11-04',
      to: '2027-07-02',
    },
  },
  {
    ...request('req-3', 'address-change', 'Changement d’adresse : 12 rue des Lilas, 45000 Ville de Démo', '2026-10-02T08:30:00Z', [
      ['sent', '2026-10-02T08:30:00Z'],
      ['in-progress', '2026-10-03T09:00:00Z', 'Pris en charge par le service Population'],
    ]),
    details: { type: 'address-change', address: { street: '12 rue des Lilas', postcode: '45000', commune: 'Ville de Démo' } },
  },
  request(
    'req-2',
    'household-addition',
    'Ajout de Jeanne DUPONT (contact)',
    '2026-06-11T14:00:00Z',
    [
      ['sent', '2026-06-11T14:00:00Z'],
      ['rejected', '2026-06-13T11:20:00Z'],
    ],
    'Merci de joindre une pièce d’identité du contact à votre prochaine demande.',
  ),
  request('req-1', 'contact-change', 'Changement de téléphone mobile', '2026-02-01T09:00:00Z', [
    ['sent', '2026-02-01T09:00:00Z'],
    ['accepted', '2026-02-02T16:45:00Z'],
  ]),
];

export const mockNews = (): NewsItem[] => [
  {
    id: 'news-2',
    title: 'Inscriptions aux vacances de Noël',
    publishedAt: '2026-11-15T08:00:00Z',
    body: 'Les inscriptions à l’accueil de loisirs pour les vacances de Noël sont ouvertes jusqu’au 5 décembre.',
    link: 'https://www.example.fr/vacances-noel',
  },
  {
    id: 'news-1',
    title: 'Nouveaux horaires de la mairie',
    publishedAt: '2026-09-01T08:00:00Z',
    body: 'La mairie est ouverte le samedi matin de 9 h à 12 h à partir du 6 septembre.',
  },
];

export const mockMessages = (): CitizenMessage[] => [
  {
    id: 'msg-2',
    subject: 'Pièce manquante au dossier de Hugo',
    body: 'Bonjour, il manque l’attestation d’assurance scolaire de Hugo. Merci de nous la transmettre avant le 1er décembre.',
    sentAt: '2026-11-18T13:05:00Z',
  },
  {
    id: 'msg-1',
    subject: 'Bienvenue sur votre espace citoyen',
    body: 'Votre espace est prêt : vous pouvez suivre vos démarches et les activités de vos enfants.',
    sentAt: '2026-01-10T09:05:00Z',
    readAt: '2026-01-11T18:00:00Z',
  },
];

function apiError(status: number, code: ErrorCode, message: string, fields?: Record<string, string>) {
  return HttpResponse.json({ code, message, ...(fields ? { fields } : {}) } satisfies ApiErrorBody, { status });
}

const ROLE_LABELS = { 'co-representative': 'co-représentant', child: 'enfant', 'expected-child': 'enfant à naître', contact: 'contact' };

/**
 * The handlers, for the mock API mounted at `api` (e.g. `/api/v1`). `isLoggedIn` reads the
 * session of the `createHandlers()` they belong to; `mustAcceptTerms` the terms mock's state.
 */
export function createDashboardHandlers(
  api: string,
  options: DashboardMockOptions,
  isLoggedIn: () => boolean,
  mustAcceptTerms: () => boolean,
  /** Ends the mock's session (closing the account does). */
  endSession: () => void = () => {},
  /** The family's requests, shared with the mocks that make others (absences, enrolments); the family's own by default. */
  shared?: { requests: CitizenRequest[] },
): HttpHandler[] {
  const { family = 'linked', failures = [], hangs = [], termsRefused = [], expired = [], latencyMs = 0 } = options;
  let profile = mockProfile(family !== 'fresh');
  let household: Household | null = family === 'fresh' ? null : mockHousehold();
  const records = mockChildRecords();
  const requests: CitizenRequest[] = shared?.requests ?? (family === 'linked' ? mockRequests() : []);
  const news: NewsItem[] = family === 'empty' ? [] : mockNews();
  const messages: CitizenMessage[] = family === 'linked' ? mockMessages() : [];
  let next = 100;

  /**
   * What every route checks first: the session, the terms (but for "Mes données": taking
   * one's data and leaving do not depend on accepting new terms), and the failure asked for.
   */
  async function guard(endpoint: DashboardEndpoint, request: Request): Promise<Response | undefined> {
    if (request.method !== 'GET' && request.headers.get('x-citizen-request') !== '1') {
      return apiError(403, 'csrf_rejected', 'Missing X-Citizen-Request: 1 header');
    }
    if (latencyMs > 0) await delay(latencyMs);
    if (hangs.includes(endpoint)) await delay('infinite');
    if (expired.includes(endpoint)) return apiError(401, 'session_expired', 'The session has expired or ended');
    if (!isLoggedIn()) return apiError(401, 'not_authenticated', 'No session');
    const isMyData = endpoint === 'export' || endpoint === 'close';
    if ((mustAcceptTerms() && !isMyData) || termsRefused.includes(endpoint)) {
      return apiError(403, 'terms_not_accepted', 'The current terms of use have not been accepted');
    }
    if (failures.includes(endpoint)) return apiError(500, 'server_error', 'Internal error');
    return undefined;
  }

  const addRequest = (type: RequestType, summary: string): CitizenRequest => {
    const now = new Date().toISOString();
    const created: CitizenRequest = { id: `req-${++next}`, type, summary, createdAt: now, status: 'sent', history: [{ at: now, status: 'sent' }] };
    requests.unshift(created);
    return created;
  };
  const findChild = (id: string) => household?.members.find((member) => member.id === id && member.role === 'child');
  const body = (request: Request) => request.json().catch(() => undefined);

  return [
    http.get(`${api}/profile`, async ({ request }) => (await guard('profile', request)) ?? HttpResponse.json(profile)),

    http.patch(`${api}/profile`, async ({ request }) => {
      const refused = await guard('profileUpdate', request);
      if (refused) return refused;
      const parsed = ProfileUpdate.safeParse(await body(request));
      if (!parsed.success) return apiError(400, 'validation_failed', 'Invalid body', fieldErrors(parsed.error.issues));
      const { identity, address, contact } = parsed.data;
      const requestIds: string[] = [];
      // Identity changes apply at once; address and contact means go through the city (seed 002).
      if (identity) profile = { ...profile, identity: Identity.parse(identity) };
      if (address) {
        const a = Address.parse(address);
        requestIds.push(addRequest('address-change', `Changement d’adresse : ${a.street}, ${a.postcode} ${a.commune}`).id);
      }
      if (contact) {
        const c = Contact.parse(contact);
        const before = profile.contact;
        // The preferred means changes at once; phones and e-mail are the city's to accept.
        profile = { ...profile, contact: { ...before, preferred: c.preferred } };
        const phonesChanged = (['phone', 'mobile', 'fax'] as const).some((field) => (c[field] ?? '') !== (before[field] ?? ''));
        if (phonesChanged) requestIds.push(addRequest('contact-change', 'Changement de téléphones').id);
        if (c.email !== before.email) requestIds.push(addRequest('contact-change', `Changement de courriel : ${c.email}`).id);
      }
      return HttpResponse.json({ profile, requestIds });
    }),

    http.post(`${api}/profile/service-keys`, async ({ request }) => {
      const refused = await guard('serviceKey', request);
      if (refused) return refused;
      const parsed = ServiceKeySubmission.safeParse(await body(request));
      if (!parsed.success) return apiError(400, 'validation_failed', 'Invalid body', fieldErrors(parsed.error.issues));
      const { serviceId, key } = parsed.data;
      if (serviceId !== 'enfance' || normaliseKey(key) !== normaliseKey(MOCK_ENFANCE_KEY)) {
        return apiError(400, 'validation_failed', 'Unknown service key', { key: 'service_key_unknown' });
      }
      profile = { ...profile, serviceKeys: [{ serviceId, linked: true, linkedAt: new Date().toISOString() }] };
      household ??= mockHousehold();
      return HttpResponse.json(profile);
    }),

    http.get(`${api}/household`, async ({ request }) => {
      const refused = await guard('household', request);
      if (refused) return refused;
      return household ? HttpResponse.json(household) : apiError(404, 'not_found', 'No household linked to this account');
    }),

    http.get(`${api}/household/children/:id/record`, async ({ request, params }) => {
      const refused = await guard('childRecord', request);
      if (refused) return refused;
      const id = String(params['id']);
      if (!findChild(id)) return apiError(404, 'not_found', 'No such child');
      return HttpResponse.json(records[id] ?? ChildRecord.parse({}));
    }),

    http.post(`${api}/household/children/:id/record-updates`, async ({ request, params }) => {
      const refused = await guard('childRecordUpdate', request);
      if (refused) return refused;
      const child = findChild(String(params['id']));
      if (!child) return apiError(404, 'not_found', 'No such child');
      const parsed = ChildRecord.safeParse(await body(request));
      if (!parsed.success) return apiError(400, 'validation_failed', 'Invalid body', fieldErrors(parsed.error.issues));
      const summary = `Mise à jour du dossier administratif de ${child.firstNames} ${child.lastName.toUpperCase()}`;
      return HttpResponse.json(addRequest('child-record-update', summary), { status: 201 });
    }),

    http.post(`${api}/household/additions`, async ({ request }) => {
      const refused = await guard('addition', request);
      if (refused) return refused;
      const parsed = HouseholdAddition.safeParse(await body(request));
      if (!parsed.success) return apiError(400, 'validation_failed', 'Invalid body', fieldErrors(parsed.error.issues));
      const { firstNames, lastName, role } = parsed.data;
      const created = addRequest('household-addition', `Ajout de ${firstNames} ${lastName.toUpperCase()} (${ROLE_LABELS[role]})`);
      return HttpResponse.json(created, { status: 201 });
    }),

    // As the server: the list leaves each request's details out, `GET /requests/:id` gives them.
    http.get(`${api}/requests`, async ({ request }) => (await guard('requests', request)) ?? HttpResponse.json(requests.map(({ details: _details, ...rest }) => rest))),

    http.get(`${api}/requests/:id`, async ({ request, params }) => {
      const refused = await guard('requests', request);
      if (refused) return refused;
      const found = requests.find((r) => r.id === params['id']);
      return found ? HttpResponse.json(found) : apiError(404, 'not_found', 'No such request');
    }),

    http.get(`${api}/news`, async ({ request }) => (await guard('news', request)) ?? HttpResponse.json(news)),

    http.get(`${api}/messages`, async ({ request }) => (await guard('messages', request)) ?? HttpResponse.json(messages)),

    http.post(`${api}/messages/:id/read`, async ({ request, params }) => {
      const refused = await guard('markRead', request);
      if (refused) return refused;
      const message = messages.find((m) => m.id === params['id']);
      if (!message) return apiError(404, 'not_found', 'No such message');
      message.readAt ??= new Date().toISOString();
      return new HttpResponse(null, { status: 204 });
    }),

    http.get(`${api}/account/export`, async ({ request }) => {
      const refused = await guard('export', request);
      if (refused) return refused;
      const format = new URL(request.url).searchParams.get('format') ?? 'json';
      const data = { format: 'citizen-elements/account-export', version: 1, exportedAt: new Date().toISOString(), profile, household, requests, messages };
      const disposition = { 'Content-Disposition': `attachment; filename="mes-donnees.${format}"` };
      if (format === 'html') {
        return new HttpResponse(`<!doctype html><html lang="fr"><title>Mes données</title><h1>Mes données</h1><pre>${JSON.stringify(data, null, 2).replace(/</g, '&lt;')}</pre></html>`, {
          headers: { 'Content-Type': 'text/html; charset=utf-8', ...disposition },
        });
      }
      return HttpResponse.json(data, { headers: disposition });
    }),

    http.delete(`${api}/account`, async ({ request }) => {
      const refused = await guard('close', request);
      if (refused) return refused;
      const parsed = CloseAccountRequest.safeParse(await body(request));
      if (!parsed.success) return apiError(400, 'validation_failed', 'Invalid body', fieldErrors(parsed.error.issues));
      if (parsed.data.password !== demoAccount.password) {
        return apiError(400, 'validation_failed', 'password is not the current password', { password: 'password_wrong' });
      }
      endSession();
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
