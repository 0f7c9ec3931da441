// SPDX-License-Identifier: MIT
/**
 * Mock data of "Annuler ou réserver" (issue 7): the demo city's activities for a child and a
 * deterministic agenda around a fixed "today", with the server's rules in small (notice
 * period, capacity, closed days), shared by the MSW handlers, the browser tests' fake
 * adapter and the stories.
 */
import { http, HttpResponse } from 'msw';
import type { Activity, AgendaClosure, AgendaDay, BookingBatch, BookingChange, BookingResult, ChildChecklist } from '../schemas/activities.js';
import { mockChildRecords } from './dashboard.js';

/** The mocks' "today": a Monday, so that next week is predictable. */
export const MOCK_TODAY = '2026-11-23';

export const mockActivities = (): Activity[] => [
  { id: 'cantine', name: 'Restauration scolaire', noticeHours: 48, weekdays: [1, 2, 4, 5], season: 'school' },
  { id: 'soir', name: 'Accueil du soir', noticeHours: 24, weekdays: [1, 2, 4, 5], season: 'school' },
  { id: 'mercredi', name: 'Mercredi au centre de loisirs', noticeHours: 168, weekdays: [3], season: 'school' },
];

const PRICES: Record<string, number> = { cantine: 360, soir: 250, mercredi: 900 };
/** Public holidays and the school holidays (zone B) of the demo period, named as the server names them. */
const PUBLIC_HOLIDAYS = new Map([
  ['2026-11-11', 'Armistice 1918'],
  ['2026-12-25', 'Noël'],
  ['2027-01-01', "Jour de l'an"],
]);
const HOLIDAYS = [
  { name: 'Vacances de Noël', from: '2026-12-19', to: '2027-01-03' },
  { name: "Vacances d'hiver", from: '2027-02-20', to: '2027-03-07' },
];

/** Why the activities are closed on `date`, if they are. */
export function mockClosure(date: string): AgendaClosure | undefined {
  const holiday = PUBLIC_HOLIDAYS.get(date);
  if (holiday) return { kind: 'public-holiday', name: holiday };
  const school = HOLIDAYS.find((h) => date >= h.from && date <= h.to);
  return school ? { kind: 'school-holidays', name: school.name } : undefined;
}

export function addIsoDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/**
 * A child's bookings and the city's days: Mondays and Thursdays booked to begin with, the
 * 27th full, the rules of the server applied to the states.
 */
export class MockAgenda {
  /** Booked days, `activityId|date`. */
  readonly booked = new Set<string>();
  /** Days no place is left on, `activityId|date`. */
  readonly full = new Set<string>();
  readonly absent = new Set<string>();
  /** "Ce qu'il manque": while not empty, booking is refused (`record_incomplete`), cancelling is not. */
  missing: string[] = [];
  readonly #touched = new Set<string>();

  constructor(readonly today = MOCK_TODAY, readonly activities = mockActivities()) {}

  #isDefaultBooked(activityId: string, date: string) {
    return activityId !== 'mercredi' && (weekday(date) === 1 || weekday(date) === 4);
  }

  isBooked(activityId: string, date: string) {
    const key = `${activityId}|${date}`;
    return this.#touched.has(key) ? this.booked.has(key) : this.#isDefaultBooked(activityId, date);
  }

  day(activity: Activity, date: string): AgendaDay | undefined {
    if (!activity.weekdays?.includes(weekday(date))) return undefined;
    const key = `${activity.id}|${date}`;
    const booked = this.isBooked(activity.id, date);
    const noticeDays = Math.ceil(activity.noticeHours / 24);
    const closure = mockClosure(date);
    let state: AgendaDay['state'];
    if (closure) state = 'closed';
    else if (this.absent.has(key)) state = 'absent';
    else if (date < this.today) state = 'past';
    else if (date <= addIsoDays(this.today, noticeDays)) state = 'locked';
    else if (booked) state = 'booked';
    else if (this.full.has(key) || date.endsWith('-27')) state = 'full';
    else state = 'available';
    return { date, activityId: activity.id, state, priceCents: PRICES[activity.id] ?? 0, booked, ...(closure ? { closure } : {}) };
  }

  agenda(from: string, to: string): AgendaDay[] {
    const days: AgendaDay[] = [];
    for (let date = from; date <= to; date = addIsoDays(date, 1)) {
      for (const activity of this.activities) {
        const day = this.day(activity, date);
        if (day) days.push(day);
      }
    }
    return days;
  }

  /** Applies what it can of a batch; the rest comes back as per-day conflicts. */
  submit(batch: Pick<BookingBatch, 'changes'>): BookingResult {
    const applied: BookingChange[] = [];
    const conflicts: BookingResult['conflicts'] = [];
    let totalCents = 0;
    for (const change of batch.changes) {
      const activity = this.activities.find((a) => a.id === change.activityId);
      const day = activity && this.day(activity, change.date);
      const refuse = (code: string) => conflicts.push({ activityId: change.activityId, date: change.date, code });
      // The server's order of checks (demo-server/activities/agenda.ts refusalOf, then the store).
      if (!day) refuse('not_enrolled');
      else if (day.state === 'closed' && (change.action === 'book' || !day.booked)) refuse('closed');
      else if (day.state === 'past') refuse('past');
      else if (day.state === 'locked') refuse('notice_period');
      else if (change.action === 'book' && day.state === 'absent') refuse('absent');
      else if (change.action === 'book' && this.missing.length > 0) refuse('record_incomplete');
      else if (change.action === 'book' && day.booked) refuse('already_booked');
      else if (change.action === 'cancel' && !day.booked) refuse('not_booked');
      else if (change.action === 'book' && day.state === 'full') refuse('full');
      else {
        const key = `${change.activityId}|${change.date}`;
        this.#touched.add(key);
        if (change.action === 'book') this.booked.add(key);
        else this.booked.delete(key);
        applied.push(change);
        totalCents += (change.action === 'book' ? 1 : -1) * (day.priceCents ?? 0);
      }
    }
    return { applied, conflicts, totalCents };
  }
}

/** The child's agenda in `agendas`, made on first use (so that an absence reported first is kept). */
export function mockAgendaOf(agendas: Map<string, MockAgenda>, childId: string): MockAgenda {
  let agenda = agendas.get(childId);
  if (!agenda) {
    agenda = new MockAgenda();
    // The same list as the child's record in the dashboard's mocks (Hugo lacks a paper).
    agenda.missing = [...(mockChildRecords()[childId]?.missing ?? [])];
    agendas.set(childId, agenda);
  }
  return agenda;
}

/** MSW handlers of the activities' routes, for one family's children, each with its agenda. */
export function createActivitiesHandlers(api: string, agendas = new Map<string, MockAgenda>()) {
  const agendaOf = (childId: string) => mockAgendaOf(agendas, childId);
  const seen = new Map<string, BookingResult>();
  return [
    http.get(`${api}/children/:childId/activities`, ({ params }) => HttpResponse.json(agendaOf(String(params.childId)).activities)),
    http.get(`${api}/children/:childId/agenda`, ({ params, request }) => {
      const url = new URL(request.url);
      const from = url.searchParams.get('from') ?? MOCK_TODAY;
      const to = url.searchParams.get('to') ?? from;
      return HttpResponse.json(agendaOf(String(params.childId)).agenda(from, to));
    }),
    http.get(`${api}/children/:childId/checklist`, ({ params }) => {
      const childId = String(params.childId);
      return HttpResponse.json({ childId, missing: agendaOf(childId).missing } satisfies ChildChecklist);
    }),
    http.post(`${api}/bookings`, async ({ request }) => {
      const batch = (await request.json()) as BookingBatch;
      // Same key, same answer: a retried batch is applied once.
      const previous = seen.get(batch.idempotencyKey);
      if (previous) return HttpResponse.json(previous);
      const result = agendaOf(batch.childId).submit(batch);
      seen.set(batch.idempotencyKey, result);
      return HttpResponse.json(result);
    }),
  ];
}
