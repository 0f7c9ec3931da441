// SPDX-License-Identifier: MIT
/** Children's activities, bookings, absences and tariffs ("Annuler ou réserver", seed 001). */
import * as z from 'zod/mini';
import { Cents, Id, IsoDate, IsoDateTime, optionalText } from './common.js';

export const Activity = z.object({
  id: Id,
  name: z.string(),
  /** "Délai de prévenance": bookings close this many hours before the day. */
  noticeHours: z.int().check(z.minimum(0)),
  /** Days of the week it runs (1 = Monday … 5 = Friday). */
  weekdays: z.optional(z.array(z.int())),
  /** `school`: school days; `holidays`: during school holidays ("vacances"). */
  season: z.optional(z.enum(['school', 'holidays'])),
  /** For a child's activities: the enrolment period. */
  enrolment: z.optional(z.object({ from: IsoDate, to: IsoDate })),
});
export type Activity = z.infer<typeof Activity>;

export const DayState = z.enum(['booked', 'available', 'full', 'closed', 'past', 'locked', 'absent']);
export type DayState = z.infer<typeof DayState>;

export const AgendaClosure = z.object({ kind: z.enum(['school-holidays', 'public-holiday']), name: z.string() });
export type AgendaClosure = z.infer<typeof AgendaClosure>;

export const AgendaDay = z.object({
  date: IsoDate,
  activityId: Id,
  state: DayState,
  priceCents: z.optional(Cents),
  /** Whether the child is booked that day, whatever the state (a past, locked or absent day may be booked). */
  booked: z.optional(z.boolean()),
  /** Why a `closed` day is closed, named ("Vacances de Noël", "Armistice 1918"). */
  closure: z.optional(AgendaClosure),
});
export type AgendaDay = z.infer<typeof AgendaDay>;

export const AgendaQuery = z.object({ childId: Id, from: IsoDate, to: IsoDate });
export type AgendaQuery = z.infer<typeof AgendaQuery>;

export const BookingChange = z.object({
  activityId: Id,
  date: IsoDate,
  action: z.enum(['book', 'cancel']),
});
export type BookingChange = z.infer<typeof BookingChange>;

export const BookingBatch = z.object({
  childId: Id,
  changes: z.array(BookingChange).check(z.minLength(1, 'required'), z.maxLength(400, 'too_long')),
  /** Same key, same batch: a retried submission is applied once. */
  idempotencyKey: z.string().check(z.minLength(16), z.maxLength(100)),
});
export type BookingBatch = z.infer<typeof BookingBatch>;

export const BookingResult = z.object({
  applied: z.array(BookingChange),
  /** Per-day refusals (`full`, `notice_period`, `closed`…); the rest of the batch stands. */
  conflicts: z.array(z.object({ activityId: Id, date: IsoDate, code: z.string() })),
  totalCents: z.int(),
});
export type BookingResult = z.infer<typeof BookingResult>;

export const AbsenceReport = z.object({
  childId: Id,
  from: IsoDate,
  to: IsoDate,
  reason: z.enum(['illness', 'other']),
  comment: optionalText(500),
  /** A stored document (medical certificate) backing an illness. */
  certificateId: z.optional(Id),
  /** Other stored documents of the account to attach. */
  attachmentIds: z.optional(z.array(Id).check(z.maxLength(10, 'too_long'))),
});
export type AbsenceReport = z.infer<typeof AbsenceReport>;

export const TariffGrid = z.object({
  activityId: Id,
  /** The family's bracket ("quotient familial"), when known. */
  familyBracket: z.optional(z.string()),
  brackets: z.array(z.object({ label: z.string(), minQf: z.int(), maxQf: z.optional(z.int()), priceCents: Cents })),
});
export type TariffGrid = z.infer<typeof TariffGrid>;

/** "Inscrire": enrol a child in an activity for a period — a request the city decides. */
export const EnrolmentRequest = z.object({ activityId: Id, from: IsoDate, to: IsoDate });
export type EnrolmentRequest = z.infer<typeof EnrolmentRequest>;

/** "Ce qu'il manque": what the city still needs before the child can book (from the child's record). */
export const ChildChecklist = z.object({ childId: Id, missing: z.array(z.string()) });
export type ChildChecklist = z.infer<typeof ChildChecklist>;

/** A child's private calendar feed: the address is given once, at creation (only its hash is kept). */
export const CalendarFeed = z.object({ url: z.string(), createdAt: IsoDateTime });
export type CalendarFeed = z.infer<typeof CalendarFeed>;
export const CalendarFeedStatus = z.object({ active: z.boolean(), createdAt: z.optional(IsoDateTime) });
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;
