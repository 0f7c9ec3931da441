// SPDX-License-Identifier: MIT
/** Children's activities, bookings, absences and tariffs ("Annuler ou réserver", seed 001). */
import * as z from 'zod/mini';
import { Cents, Id, IsoDate, optionalText } from './common.js';

export const Activity = z.object({
  id: Id,
  name: z.string(),
  /** "Délai de prévenance": bookings close this many hours before the day. */
  noticeHours: z.int().check(z.minimum(0)),
});
export type Activity = z.infer<typeof Activity>;

export const DayState = z.enum(['booked', 'available', 'full', 'closed', 'past', 'locked', 'absent']);
export type DayState = z.infer<typeof DayState>;

export const AgendaDay = z.object({ date: IsoDate, activityId: Id, state: DayState, priceCents: z.optional(Cents) });
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
});
export type AbsenceReport = z.infer<typeof AbsenceReport>;

export const TariffGrid = z.object({
  activityId: Id,
  /** The family's bracket ("quotient familial"), when known. */
  familyBracket: z.optional(z.string()),
  brackets: z.array(z.object({ label: z.string(), minQf: z.int(), maxQf: z.optional(z.int()), priceCents: Cents })),
});
export type TariffGrid = z.infer<typeof TariffGrid>;
