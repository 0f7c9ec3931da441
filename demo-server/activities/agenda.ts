// SPDX-License-Identifier: MIT
/**
 * A child's days, activity by activity: what the agenda shows and what a booking batch is
 * checked against before it is queued (closed, past, notice period, not enrolled, absent).
 * Capacity is counted again inside the store's queued mutation (see lowdb/bookings.ts).
 */
import type { AgendaDay } from '../../src/schemas/activities.js';
import type { EnrolmentRecord, HouseholdRecord, RequestRecord, Store } from '../store/types.js';
import {
  bracketFor,
  isActivityWeekday,
  isLocked,
  isPast,
  runsOn,
  unitPrice,
  type ActivityCatalogue,
  type ActivityDefinition,
} from './catalogue.js';
import { closureOf, datesBetween } from './calendar.js';

/** The absence requests of a child that still stand (not refused), as date ranges. */
export function absenceRanges(requests: readonly RequestRecord[], householdId: string, childId: string) {
  return requests.flatMap((r) =>
    r.payload.type === 'absence' && r.householdId === householdId && r.payload.childId === childId && r.status !== 'rejected'
      ? [{ from: r.payload.from, to: r.payload.to, reason: r.payload.reason, status: r.status }]
      : [],
  );
}

export const isEnrolled = (enrolments: readonly EnrolmentRecord[], activityId: string, date: string) =>
  enrolments.some((e) => e.activityId === activityId && date >= e.from && date <= e.to);

export interface ChildContext {
  household: HouseholdRecord;
  childId: string;
  enrolments: EnrolmentRecord[];
  absences: { from: string; to: string }[];
  /** What the city still needs before the child can book ("ce qu'il manque"); cancelling stays open. */
  missing: string[];
}

export async function childContext(store: Store, household: HouseholdRecord, childId: string): Promise<ChildContext> {
  const enrolments = await store.enrolments.listForChild(household.id, childId);
  const requests = await store.requests.listVisibleTo('', household.id);
  const missing = (await store.childRecords.get(household.id, childId))?.missing ?? [];
  return { household, childId, enrolments, absences: absenceRanges(requests, household.id, childId), missing };
}

/** Why a change cannot be made that day, before capacity is counted; undefined if it may. */
export function refusalOf(
  catalogue: ActivityCatalogue,
  ctx: ChildContext,
  activity: ActivityDefinition | undefined,
  date: string,
  action: 'book' | 'cancel',
  now: Date,
): string | undefined {
  if (!activity || !isEnrolled(ctx.enrolments, activity.id, date)) return 'not_enrolled';
  // A booked day that closed afterwards (holidays added, a public holiday) can still be cancelled.
  if (!runsOn(catalogue, activity, date) && action === 'book') return 'closed';
  if (isPast(date, now)) return 'past';
  if (isLocked(activity, date, now)) return 'notice_period';
  if (action === 'book' && ctx.absences.some((a) => date >= a.from && date <= a.to)) return 'absent';
  if (action === 'book' && ctx.missing.length > 0) return 'record_incomplete';
  return undefined;
}

/** The agenda of a child between two dates: one entry per activity weekday within an enrolment. */
export async function agendaOf(
  store: Store,
  catalogue: ActivityCatalogue,
  ctx: ChildContext,
  from: string,
  to: string,
  now: Date,
): Promise<AgendaDay[]> {
  const bracket = bracketFor(catalogue, ctx.household.quotientFamilial);
  const booked = new Set((await store.bookings.listForChild(ctx.household.id, ctx.childId, from, to)).map((b) => `${b.activityId}|${b.date}`));
  const counts = await store.bookings.countsBetween(from, to);
  const days: AgendaDay[] = [];
  for (const activity of catalogue.activities) {
    if (!ctx.enrolments.some((e) => e.activityId === activity.id && e.from <= to && e.to >= from)) continue;
    for (const date of datesBetween(from, to)) {
      if (!isActivityWeekday(activity, date) || !isEnrolled(ctx.enrolments, activity.id, date)) continue;
      const isBooked = booked.has(`${activity.id}|${date}`);
      let state: AgendaDay['state'];
      if (!runsOn(catalogue, activity, date)) state = 'closed';
      else if (isPast(date, now)) state = 'past';
      else if (ctx.absences.some((a) => date >= a.from && date <= a.to)) state = 'absent';
      else if (isLocked(activity, date, now)) state = 'locked';
      else if (isBooked) state = 'booked';
      else if ((counts.get(`${activity.id}|${date}`) ?? 0) >= activity.capacity) state = 'full';
      else state = 'available';
      // A holiday activity does not run on school days: only a public holiday closes it by name.
      const named = state === 'closed' ? closureOf(catalogue.schoolHolidays, date) : undefined;
      const closure = named?.kind === 'school-holidays' && activity.season === 'holidays' ? undefined : named;
      days.push({
        date,
        activityId: activity.id,
        state,
        ...(state === 'closed' ? {} : { priceCents: unitPrice(activity, bracket) }),
        booked: isBooked,
        ...(closure ? { closure } : {}),
      });
    }
  }
  return days.sort((a, b) => a.date.localeCompare(b.date) || a.activityId.localeCompare(b.activityId));
}
