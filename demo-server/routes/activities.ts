// SPDX-License-Identifier: MIT
/**
 * "Annuler ou réserver", "Inscrire", "Signaler une absence", "Consultation des tarifs" and
 * "ce qu'il manque" (journey J7, seed 001's child card; issue 7). Only the account's own
 * household's children are reached: another family's child answers 404, as an unknown id.
 *
 * - `GET /activities`: the city's activities (to choose one to enrol in).
 * - `GET /children/:childId/activities`: the activities the child is enrolled in, with the period.
 * - `GET /children/:childId/agenda?from&to`: the child's days (≤ 93 days at a time).
 * - `GET /children/:childId/checklist`: what the city still needs (`missing` of the child's record).
 * - `POST /children/:childId/enrolments`: "Inscrire", a request staff decide (`requests:decide`).
 * - `POST /absences`: "Signaler une absence", a request; its days show `absent` at once.
 * - `GET /activities/:activityId/tariffs`: the price grid and the family's bracket.
 */
import { Router } from 'express';
import * as z from 'zod/mini';
import { AbsenceReport, EnrolmentRequest, type Activity, type TariffGrid } from '../../src/schemas/activities.js';
import { IsoDate } from '../../src/schemas/common.js';
import { agendaOf, childContext } from '../activities/agenda.js';
import { addDays, parisToday } from '../activities/calendar.js';
import { bracketFor, type ActivityCatalogue, type ActivityDefinition } from '../activities/catalogue.js';
import { citizenRequest, createRequest } from '../family/requests.js';
import { ApiError, parse } from '../http/api-error.js';
import type { HouseholdRecord, Store } from '../store/types.js';
import { householdOf, type FamilyRoutesDeps } from './household.js';
import { requireSession } from './session.js';
import { requireTermsAccepted } from './terms.js';

export interface ActivityRoutesDeps extends FamilyRoutesDeps {
  activities: ActivityCatalogue;
}

const AgendaRange = z.object({ from: IsoDate, to: IsoDate });
/** An agenda or an absence covers at most this many days (a quarter). */
export const MAX_RANGE_DAYS = 93;

/** A child of the account's own household, or 404 whatever the reason. */
export function childOf(household: HouseholdRecord, childId: unknown) {
  const child = household.members.find((member) => member.id === childId && member.role === 'child');
  if (!child) throw new ApiError(404, 'not_found', 'No such child in your household');
  return child;
}

export const activityJson = (a: ActivityDefinition): Activity => ({
  id: a.id,
  name: a.name,
  noticeHours: a.noticeHours,
  weekdays: [...a.weekdays],
  season: a.season,
});

/** 400 unless `from` ≤ `to` within MAX_RANGE_DAYS. */
export function checkRange(from: string, to: string) {
  if (to < from) throw new ApiError(400, 'validation_failed', 'Invalid range: to is before from', { fields: { to: 'before_from' } });
  if (addDays(from, MAX_RANGE_DAYS) < to) {
    throw new ApiError(400, 'validation_failed', `Invalid range: at most ${MAX_RANGE_DAYS} days`, { fields: { to: 'range_too_long' } });
  }
}

/**
 * 400 unless every id is a stored document of this account (another account's reads as
 * unknown). `ids` is the body's field as sent: a single id names the field itself
 * (`certificateId`), a list its item (`attachmentIds.1`), as the schemas' own errors do.
 */
export async function checkAttachments(store: Store, accountId: string, ids: string | readonly string[], field: string) {
  for (const [i, id] of (typeof ids === 'string' ? [ids] : ids).entries()) {
    const document = await store.documents.get(id);
    if (!document || document.accountId !== accountId) {
      const path = typeof ids === 'string' ? field : `${field}.${i}`;
      throw new ApiError(400, 'validation_failed', `Invalid body: ${path} (unknown_document)`, { fields: { [path]: 'unknown_document' } });
    }
  }
}

export function activityRoutes(deps: ActivityRoutesDeps): Router {
  const { store, sessions, cipher, activities: catalogue } = deps;
  const router = Router();
  const guard = [requireSession(sessions), requireTermsAccepted];
  const activityById = (id: unknown) => catalogue.activities.find((a) => a.id === id);

  router.get('/activities', ...guard, (_req, res) => {
    res.json(catalogue.activities.map(activityJson));
  });

  router.get('/children/:childId/activities', ...guard, async (req, res) => {
    const household = await householdOf(store, res);
    const child = childOf(household, req.params.childId);
    const enrolments = await store.enrolments.listForChild(household.id, child.id);
    const today = parisToday();
    const list: Activity[] = [];
    for (const activity of catalogue.activities) {
      // The current or next enrolment; a finished one is no longer shown.
      const current = enrolments
        .filter((e) => e.activityId === activity.id && e.to >= today)
        .sort((a, b) => a.from.localeCompare(b.from))[0];
      if (current) list.push({ ...activityJson(activity), enrolment: { from: current.from, to: current.to } });
    }
    res.json(list);
  });

  router.get('/children/:childId/agenda', ...guard, async (req, res) => {
    const household = await householdOf(store, res);
    const child = childOf(household, req.params.childId);
    const { from, to } = parse(AgendaRange, req.query, 'query');
    checkRange(from, to);
    const ctx = await childContext(store, household, child.id);
    res.json(await agendaOf(store, catalogue, ctx, from, to, new Date()));
  });

  router.get('/children/:childId/checklist', ...guard, async (req, res) => {
    const household = await householdOf(store, res);
    const child = childOf(household, req.params.childId);
    // `missing` is the city's list, stored in clear: no health data is opened for it.
    const record = await store.childRecords.get(household.id, child.id);
    res.json({ childId: child.id, missing: record?.missing ?? [] });
  });

  router.post('/children/:childId/enrolments', ...guard, async (req, res) => {
    const household = await householdOf(store, res);
    const child = childOf(household, req.params.childId);
    const { activityId, from, to } = parse(EnrolmentRequest, req.body);
    const activity = activityById(activityId);
    if (!activity) throw new ApiError(400, 'validation_failed', 'Invalid body: activityId (unknown_activity)', { fields: { activityId: 'unknown_activity' } });
    if (to < from) throw new ApiError(400, 'validation_failed', 'Invalid body: to is before from', { fields: { to: 'before_from' } });
    if (addDays(from, 400) < to) throw new ApiError(400, 'validation_failed', 'Invalid body: at most a school year', { fields: { to: 'range_too_long' } });
    const { account } = res.locals.session!;
    const request = await createRequest(store, cipher, account, {
      type: 'activity-enrolment',
      childId: child.id,
      childName: child.firstNames,
      activityId: activity.id,
      activityName: activity.name,
      from,
      to,
    });
    res.status(201).json(await citizenRequest(store, cipher, request, account));
  });

  router.post('/absences', ...guard, async (req, res) => {
    const household = await householdOf(store, res);
    const report = parse(AbsenceReport, req.body);
    const child = childOf(household, report.childId);
    checkRange(report.from, report.to);
    const { account } = res.locals.session!;
    if (report.certificateId) await checkAttachments(store, account.id, report.certificateId, 'certificateId');
    await checkAttachments(store, account.id, report.attachmentIds ?? [], 'attachmentIds');
    const attachmentIds = [...new Set([...(report.certificateId ? [report.certificateId] : []), ...(report.attachmentIds ?? [])])];
    const request = await createRequest(
      store,
      cipher,
      account,
      {
        type: 'absence',
        childId: child.id,
        childName: child.firstNames,
        from: report.from,
        to: report.to,
        reason: report.reason,
        ...(report.comment ? { comment: report.comment } : {}),
      },
      undefined,
      attachmentIds,
    );
    res.status(201).json(await citizenRequest(store, cipher, request, account));
  });

  router.get('/activities/:activityId/tariffs', ...guard, async (req, res) => {
    const activity = activityById(req.params.activityId);
    if (!activity) throw new ApiError(404, 'not_found', 'No such activity');
    const { householdId } = res.locals.session!.account;
    const household = householdId ? await store.households.get(householdId) : undefined;
    const grid: TariffGrid = {
      activityId: activity.id,
      ...(household ? { familyBracket: bracketFor(catalogue, household.quotientFamilial).label } : {}),
      brackets: catalogue.brackets.map((b) => ({
        label: b.label,
        minQf: b.minQf,
        ...(b.maxQf !== undefined ? { maxQf: b.maxQf } : {}),
        priceCents: activity.prices[b.id] ?? 0,
      })),
    };
    res.json(grid);
  });

  return router;
}
