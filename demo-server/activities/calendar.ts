// SPDX-License-Identifier: MIT
/**
 * Days the city's activities are closed: French public holidays (computed, any year) and the
 * school holidays of the city's zone, from its configuration (`schoolHolidays`; Ville de
 * Démo, 45000, académie d'Orléans-Tours, is in **zone B**). Dates are calendar days
 * (YYYY-MM-DD), Paris time.
 */
import type { AgendaClosure } from '../../src/schemas/activities.js';
import type { SchoolHoliday } from '../../src/schemas/city-config.js';

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const addDays = (isoDate: string, days: number): string => {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
};

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekday = (isoDate: string): number => {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
};

const publicHolidayCache = new Map<number, Map<string, string>>();

/** The eleven French public holidays of `year` (metropolitan France), date → name. */
export function publicHolidays(year: number): Map<string, string> {
  let found = publicHolidayCache.get(year);
  if (found) return found;
  const easter = easterSunday(year);
  found = new Map([
    [`${year}-01-01`, "Jour de l'an"],
    [addDays(easter, 1), 'Lundi de Pâques'],
    [`${year}-05-01`, 'Fête du Travail'],
    [`${year}-05-08`, 'Victoire 1945'],
    [addDays(easter, 39), 'Ascension'],
    [addDays(easter, 50), 'Lundi de Pentecôte'],
    [`${year}-07-14`, 'Fête nationale'],
    [`${year}-08-15`, 'Assomption'],
    [`${year}-11-01`, 'Toussaint'],
    [`${year}-11-11`, 'Armistice 1918'],
    [`${year}-12-25`, 'Noël'],
  ]);
  publicHolidayCache.set(year, found);
  return found;
}

/*
 * School holidays are the city's (`schoolHolidays` in its file, so that it maintains them
 * without code), handed in by the caller — the catalogue carries them — rather than kept in
 * this module: two servers of one process (the tests) may serve two cities.
 */
const schoolHolidayOn = (holidays: readonly SchoolHoliday[], date: string) => holidays.find((h) => date >= h.from && date <= h.to);

export const isPublicHoliday = (date: string) => publicHolidays(Number(date.slice(0, 4))).has(date);
export const isSchoolHoliday = (holidays: readonly SchoolHoliday[], date: string) => schoolHolidayOn(holidays, date) !== undefined;

/** Why the city's school-time activities are closed on `date`, named for the agenda; a public holiday first. */
export function closureOf(holidays: readonly SchoolHoliday[], date: string): AgendaClosure | undefined {
  const holiday = publicHolidays(Number(date.slice(0, 4))).get(date);
  if (holiday) return { kind: 'public-holiday', name: holiday };
  const school = schoolHolidayOn(holidays, date);
  return school ? { kind: 'school-holidays', name: school.name } : undefined;
}

/** Today's date in Paris. */
export const parisToday = (now = new Date()): string => now.toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });

/** The instant a Paris calendar day starts (midnight, Europe/Paris). */
export function parisMidnight(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // Paris is UTC+1 or UTC+2; the offset at 00:00 UTC is the one of local midnight (changes happen at 01:00 UTC).
  const localHour = Number(new Date(utcMidnight).toLocaleString('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hour12: false }));
  return new Date(utcMidnight - localHour * 3600_000);
}

/** Every date from `from` to `to`, inclusive. */
export function* datesBetween(from: string, to: string): Generator<string> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}
