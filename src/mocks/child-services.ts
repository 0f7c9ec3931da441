// SPDX-License-Identifier: MIT
/**
 * Mock API of a child card's other actions (issue 7): "Signaler une absence" (a request),
 * "Inscrire" (the city's activities, an enrolment request), "Consultation des tarifs" (the
 * price grid and the family's bracket) and "Ajouter à mon agenda" (the private calendar
 * link: create, status, revoke), with the demo server's rules in small. Built on the
 * agenda's and the family's mock data.
 */
import { http, HttpResponse } from 'msw';
import { AbsenceReport, EnrolmentRequest, type Activity, type TariffGrid } from '../schemas/activities.js';
import type { StoredDocument } from '../schemas/documents.js';
import { fieldErrors } from '../schemas/errors.js';
import type { CitizenRequest, RequestDetails } from '../schemas/requests.js';
import { addIsoDays, MockAgenda, mockActivities, mockAgendaOf, MOCK_TODAY } from './activities.js';
import { mockHousehold } from './dashboard.js';

/** The city's activities: the children's three, and two more to enrol in. */
export const mockCityActivities = (): Activity[] => [
  ...mockActivities(),
  { id: 'matin', name: 'Accueil du matin', noticeHours: 48, weekdays: [1, 2, 4, 5], season: 'school' },
  { id: 'vacances', name: 'Vacances au centre de loisirs', noticeHours: 168, weekdays: [1, 2, 3, 4, 5], season: 'holidays' },
];

/** The demo city's brackets (demo-server/activities/catalogue.ts); the family is in C. */
const BRACKETS = [
  { label: 'Tranche A (QF de 0 à 450 €)', minQf: 0, maxQf: 450, factor: 0.3 },
  { label: 'Tranche B (QF de 451 à 750 €)', minQf: 451, maxQf: 750, factor: 0.65 },
  { label: 'Tranche C (QF de 751 à 1 100 €)', minQf: 751, maxQf: 1100, factor: 1 },
  { label: 'Tranche D (QF de 1 101 à 1 500 €)', minQf: 1101, maxQf: 1500, factor: 1.25 },
  { label: 'Tranche E (QF supérieur à 1 500 €)', minQf: 1501, factor: 1.45 },
];
export const MOCK_FAMILY_BRACKET = 'Tranche C (QF de 751 à 1 100 €)';
/** The family's price of a day of the activities the agenda does not price. */
const OTHER_PRICES: Record<string, number> = { matin: 160, vacances: 1200 };

/** The grid of `activityId`: the family's bracket pays what the mock agenda charges a day. */
export function mockTariffs(activityId: string): TariffGrid {
  const week = new MockAgenda().agenda(MOCK_TODAY, addIsoDays(MOCK_TODAY, 6));
  const familyPrice = week.find((day) => day.activityId === activityId)?.priceCents ?? OTHER_PRICES[activityId] ?? 0;
  return {
    activityId,
    familyBracket: MOCK_FAMILY_BRACKET,
    brackets: BRACKETS.map(({ factor, ...bracket }) => ({ ...bracket, priceCents: Math.round((familyPrice * factor) / 5) * 5 })),
  };
}

export interface ChildServicesMockOptions {
  /** The agendas of the activities mock: a reported absence's days then show `absent` there. */
  agendas?: Map<string, MockAgenda>;
  /** The account's stored documents: a certificate must be one of them (else 400 `unknown_document`). */
  documents?: () => StoredDocument[];
  /** The family's requests (the dashboard mock's): an absence or an enrolment is added there too. */
  requests?: CitizenRequest[];
}

const frenchDay = (isoDate: string) => isoDate.split('-').reverse().join('/');
const invalid = (fields: Record<string, string>) => HttpResponse.json({ code: 'validation_failed', message: 'Invalid body', fields }, { status: 400 });
const notFound = () => HttpResponse.json({ code: 'not_found', message: 'No such child in your household' }, { status: 404 });

/** MSW handlers of the child card's other actions, for the mocks' family. */
export function createChildServicesHandlers(api: string, options: ChildServicesMockOptions = {}) {
  const children = new Map(mockHousehold().members.filter((m) => m.role === 'child').map((m) => [m.id, m]));
  /** Each child's calendar link's creation time. */
  const feeds = new Map<string, string>();
  let next = 500;

  const newRequest = (type: CitizenRequest['type'], summary: string, details: RequestDetails, attachments: CitizenRequest['attachments'] = undefined): CitizenRequest => {
    const at = new Date().toISOString();
    const created: CitizenRequest = { id: `req-${++next}`, type, summary, createdAt: at, status: 'sent', history: [{ at, status: 'sent' }], details, ...(attachments ? { attachments } : {}) };
    options.requests?.unshift(created);
    return created;
  };

  return [
    http.get(`${api}/activities`, () => HttpResponse.json(mockCityActivities())),
    http.get(`${api}/activities/:activityId/tariffs`, ({ params }) => {
      const id = String(params['activityId']);
      if (!mockCityActivities().some((a) => a.id === id)) return HttpResponse.json({ code: 'not_found', message: 'No such activity' }, { status: 404 });
      return HttpResponse.json(mockTariffs(id));
    }),

    http.post(`${api}/absences`, async ({ request }) => {
      const parsed = AbsenceReport.safeParse(await request.json().catch(() => undefined));
      if (!parsed.success) return invalid(fieldErrors(parsed.error.issues));
      const report = parsed.data;
      const child = children.get(report.childId);
      if (!child) return notFound();
      if (report.to < report.from) return invalid({ to: 'before_from' });
      if (addIsoDays(report.from, 93) < report.to) return invalid({ to: 'range_too_long' });
      const stored = options.documents?.();
      const attachments = [report.certificateId, ...(report.attachmentIds ?? [])].filter((id): id is string => !!id);
      // As the server: the certificate names its field, a list its item.
      const isStored = (id: string) => !stored || stored.some((d) => d.id === id);
      if (report.certificateId && !isStored(report.certificateId)) return invalid({ certificateId: 'unknown_document' });
      const badItem = (report.attachmentIds ?? []).findIndex((id) => !isStored(id));
      if (badItem >= 0) return invalid({ [`attachmentIds.${badItem}`]: 'unknown_document' });
      const agenda = options.agendas && mockAgendaOf(options.agendas, child.id);
      if (agenda) {
        for (let date = report.from; date <= report.to; date = addIsoDays(date, 1)) {
          for (const activity of agenda.activities) agenda.absent.add(`${activity.id}|${date}`);
        }
      }
      const summary = `Absence de ${child.firstNames} du ${frenchDay(report.from)} au ${frenchDay(report.to)} (${report.reason === 'illness' ? 'maladie' : 'autre motif'})`;
      const details: RequestDetails = {
        type: 'absence',
        childId: child.id,
        childName: child.firstNames,
        from: report.from,
        to: report.to,
        reason: report.reason,
        ...(report.comment ? { comment: report.comment } : {}),
      };
      const named = attachments.map((id) => ({ id, ...(stored?.find((d) => d.id === id) ? { name: stored.find((d) => d.id === id)!.name } : {}) }));
      return HttpResponse.json(newRequest('absence', summary, details, named.length > 0 ? named : undefined), { status: 201 });
    }),

    http.post(`${api}/children/:childId/enrolments`, async ({ params, request }) => {
      const child = children.get(String(params['childId']));
      if (!child) return notFound();
      const parsed = EnrolmentRequest.safeParse(await request.json().catch(() => undefined));
      if (!parsed.success) return invalid(fieldErrors(parsed.error.issues));
      const { activityId, from, to } = parsed.data;
      const activity = mockCityActivities().find((a) => a.id === activityId);
      if (!activity) return invalid({ activityId: 'unknown_activity' });
      if (to < from) return invalid({ to: 'before_from' });
      if (addIsoDays(from, 400) < to) return invalid({ to: 'range_too_long' });
      const summary = `Inscription de ${child.firstNames} : ${activity.name} du ${frenchDay(from)} au ${frenchDay(to)}`;
      const details: RequestDetails = { type: 'activity-enrolment', childId: child.id, childName: child.firstNames, activityId, activityName: activity.name, from, to };
      return HttpResponse.json(newRequest('activity-enrolment', summary, details), { status: 201 });
    }),

    http.get(`${api}/children/:childId/calendar-feed`, ({ params }) => {
      const id = String(params['childId']);
      if (!children.has(id)) return notFound();
      const createdAt = feeds.get(id);
      return HttpResponse.json(createdAt ? { active: true, createdAt } : { active: false });
    }),
    http.post(`${api}/children/:childId/calendar-feed`, ({ params, request }) => {
      const id = String(params['childId']);
      if (!children.has(id)) return notFound();
      const createdAt = new Date().toISOString();
      feeds.set(id, createdAt);
      const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
      return HttpResponse.json({ url: new URL(`${api}/calendar/${token}.ics`, request.url).href, createdAt }, { status: 201 });
    }),
    http.delete(`${api}/children/:childId/calendar-feed`, ({ params }) => {
      const id = String(params['childId']);
      if (!children.has(id)) return notFound();
      feeds.delete(id);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
