// SPDX-License-Identifier: MIT
/**
 * Days the city's activities are closed: French public holidays (computed, any year) and the
 * school holidays of the demo city's zone. Ville de Démo's postcode (45000, académie
 * d'Orléans-Tours) puts it in **zone B**. Dates are calendar days (YYYY-MM-DD), Paris time.
 */
import type { AgendaClosure } from '../../src/schemas/activities.js';

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

/**
 * School holidays of zone B for the school years 2025-2026 and 2026-2027, first and last
 * day off (the Saturday the classes end to the Sunday before they start again), with the
 * Friday after Ascension ("pont"). Outside these years no school holiday is known: a city
 * adds the next year's calendar here when the ministry publishes it.
 */
export const SCHOOL_HOLIDAYS_ZONE_B: readonly { name: string; from: string; to: string }[] = [
  { name: 'Vacances de la Toussaint', from: '2025-10-18', to: '2025-11-02' },
  { name: 'Vacances de Noël', from: '2025-12-20', to: '2026-01-04' },
  { name: "Vacances d'hiver", from: '2026-02-14', to: '2026-03-01' },
  { name: 'Vacances de printemps', from: '2026-04-11', to: '2026-04-26' },
  { name: "Pont de l'Ascension", from: '2026-05-15', to: '2026-05-17' },
  { name: "Vacances d'été", from: '2026-07-04', to: '2026-08-31' },
  { name: 'Vacances de la Toussaint', from: '2026-10-17', to: '2026-11-01' },
  { name: 'Vacances de Noël', from: '2026-12-19', to: '2027-01-03' },
  { name: "Vacances d'hiver", from: '2027-02-20', to: '2027-03-07' },
  { name: 'Vacances de printemps', from: '2027-04-17', to: '2027-05-02' },
  { name: "Pont de l'Ascension", from: '2027-05-07', to: '2027-05-09' },
  { name: "Vacances d'été", from: '2027-07-03', to: '2027-08-31' },
];

export const isPublicHoliday = (date: string) => publicHolidays(Number(date.slice(0, 4))).has(date);
export const isSchoolHoliday = (date: string) => SCHOOL_HOLIDAYS_ZONE_B.some((h) => date >= h.from && date <= h.to);

/** Why the city's school-time activities are closed on `date`, named for the agenda; a public holiday first. */
export function closureOf(date: string): AgendaClosure | undefined {
  const holiday = publicHolidays(Number(date.slice(0, 4))).get(date);
  if (holiday) return { kind: 'public-holiday', name: holiday };
  const school = SCHOOL_HOLIDAYS_ZONE_B.find((h) => date >= h.from && date <= h.to);
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
