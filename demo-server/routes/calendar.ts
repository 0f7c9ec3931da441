// SPDX-License-Identifier: MIT
/**
 * "Ajouter à mon agenda": a private iCalendar feed of a child's booked days, which phone
 * calendars subscribe to. The address carries an unguessable token (256 bits); only its
 * SHA-256 is stored, so the address is shown once, when made.
 *
 * - `GET /children/:childId/calendar-feed`: whether the child has a feed (never its address).
 * - `POST /children/:childId/calendar-feed`: a new address (201 `{ url, createdAt }`); it
 *   revokes the previous one.
 * - `DELETE /children/:childId/calendar-feed`: revokes it (204).
 * - `GET /calendar/:token.ics`: the feed, public but only with the token; 404 once revoked,
 *   for another token, or when the child is no longer in the household.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Router } from 'express';
import ical from 'ical-generator';
import { addDays, parisToday } from '../activities/calendar.js';
import { ApiError } from '../http/api-error.js';
import { childOf, type ActivityRoutesDeps } from './activities.js';
import { householdOf } from './household.js';
import { requireSession } from './session.js';
import { requireTermsAccepted } from './terms.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** The feed lists booked days from this many days ago to this many days ahead. */
const PAST_DAYS = 60;
const FUTURE_DAYS = 400;

export function calendarRoutes(deps: ActivityRoutesDeps & { publicUrl: URL; cityName: string }): Router {
  const { store, sessions, activities: catalogue, publicUrl, cityName } = deps;
  const router = Router();
  const guard = [requireSession(sessions), requireTermsAccepted];

  router.get('/children/:childId/calendar-feed', ...guard, async (req, res) => {
    const household = await householdOf(store, res);
    const child = childOf(household, req.params.childId);
    const feed = await store.calendarFeeds.findForChild(household.id, child.id);
    res.json(feed ? { active: true, createdAt: feed.createdAt } : { active: false });
  });

  router.post('/children/:childId/calendar-feed', ...guard, async (req, res) => {
    const household = await householdOf(store, res);
    const child = childOf(household, req.params.childId);
    const token = randomBytes(32).toString('base64url');
    const createdAt = new Date().toISOString();
    await store.calendarFeeds.put({ tokenHash: hashToken(token), householdId: household.id, childId: child.id, createdBy: res.locals.session!.account.id, createdAt });
    res.status(201).json({ url: new URL(`/api/v1/calendar/${token}.ics`, publicUrl).href, createdAt });
  });

  router.delete('/children/:childId/calendar-feed', ...guard, async (req, res) => {
    const household = await householdOf(store, res);
    const child = childOf(household, req.params.childId);
    await store.calendarFeeds.delete(household.id, child.id);
    res.status(204).end();
  });

  router.get('/calendar/:file', async (req, res) => {
    const match = /^([A-Za-z0-9_-]{43})\.ics$/.exec(String(req.params.file));
    const feed = match ? await store.calendarFeeds.findByTokenHash(hashToken(match[1]!)) : undefined;
    const household = feed ? await store.households.get(feed.householdId) : undefined;
    const child = household?.members.find((m) => m.id === feed!.childId && m.role === 'child');
    if (!feed || !child) throw new ApiError(404, 'not_found', 'No such calendar');
    const today = parisToday();
    const bookings = await store.bookings.listForChild(feed.householdId, feed.childId, addDays(today, -PAST_DAYS), addDays(today, FUTURE_DAYS));
    const calendar = ical({ name: `${child.firstNames} — ${cityName}`, prodId: { company: cityName, product: 'citizen-elements' }, ttl: 3600 });
    for (const booking of bookings) {
      const activity = catalogue.activities.find((a) => a.id === booking.activityId);
      const [y, m, d] = booking.date.split('-').map(Number) as [number, number, number];
      calendar.createEvent({
        id: `${booking.date}-${booking.activityId}-${feed.childId}@${publicUrl.hostname}`,
        // ical-generator writes an all-day date from the Date's UTC parts: noon UTC of the day,
        // so the server's own time zone (UTC+14 at Kiritimati) never moves it to another day.
        start: new Date(Date.UTC(y, m - 1, d, 12)),
        allDay: true,
        summary: `${activity?.name ?? booking.activityId} — ${child.firstNames}`,
      });
    }
    res.type('text/calendar; charset=utf-8').send(calendar.toString());
  });

  return router;
}
