// SPDX-License-Identifier: MIT
/** How the dashboard writes names, calendar dates and ages, as the seeds print them. */
import type { Locale } from '../../schemas/city-config.js';

/** "Marie DUPONT": first names as written, the last name in capitals (seeds 001, 003). */
export function fullName(person: { firstNames: string; lastName: string }, locale: Locale): string {
  return `${person.firstNames} ${person.lastName.toLocaleUpperCase(locale)}`;
}

/**
 * A calendar date (YYYY-MM-DD) as 15/06/2020. Read from the string, not through `Date`,
 * which would shift it by the time zone.
 */
export function formatIsoDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return year && month && day ? `${day}/${month}/${year}` : isoDate;
}

/** Age in whole years and months on `today` (local calendar), or `null` for a date to come. */
export function ageOn(birthDate: string, today = new Date()): { years: number; months: number } | null {
  const [year, month, day] = birthDate.split('-').map(Number);
  if (!year || !month || !day) return null;
  let months = (today.getFullYear() - year) * 12 + (today.getMonth() + 1 - month);
  if (today.getDate() < day) months--;
  if (months < 0) return null;
  return { years: Math.floor(months / 12), months };
}

/** Today as YYYY-MM-DD in local time (the `max` of a birth date, the `min` of an expected one). */
export function todayIsoDate(today = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}
