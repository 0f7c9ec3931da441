// SPDX-License-Identifier: MIT
/**
 * The demo city's activities ("Annuler ou réserver", seed 001) and their price grid by
 * "quotient familial" bracket, and the rules of a day: does it run, is it past, is it locked
 * by the notice period ("délai de prévenance"). A city edits this file (or replaces
 * `config.activities`); prices are integer cents per day.
 */
import type { SchoolHoliday } from '../../src/schemas/city-config.js';
import { isPublicHoliday, isSchoolHoliday, parisMidnight, parisToday, weekday } from './calendar.js';

export interface TariffBracket {
  id: string;
  label: string;
  minQf: number;
  maxQf?: number;
}

export interface ActivityDefinition {
  id: string;
  name: string;
  /** Bookings and cancellations close this many hours before the day starts (Paris time). */
  noticeHours: number;
  /** Places per day. */
  capacity: number;
  /** ISO weekdays it runs on (1 = Monday). */
  weekdays: number[];
  /** `school`: school days only; `holidays`: school holidays only. Never on public holidays. */
  season: 'school' | 'holidays';
  /** Price of one day, by bracket id (cents). */
  prices: Record<string, number>;
}

export interface ActivityCatalogue {
  brackets: TariffBracket[];
  activities: ActivityDefinition[];
  /** The city's school holidays (its file's `schoolHolidays`): school-time activities close, holiday ones run. */
  schoolHolidays: readonly SchoolHoliday[];
}

const BRACKETS: TariffBracket[] = [
  { id: 'A', label: 'Tranche A (QF de 0 à 450 €)', minQf: 0, maxQf: 450 },
  { id: 'B', label: 'Tranche B (QF de 451 à 750 €)', minQf: 451, maxQf: 750 },
  { id: 'C', label: 'Tranche C (QF de 751 à 1 100 €)', minQf: 751, maxQf: 1100 },
  { id: 'D', label: 'Tranche D (QF de 1 101 à 1 500 €)', minQf: 1101, maxQf: 1500 },
  { id: 'E', label: 'Tranche E (QF supérieur à 1 500 €)', minQf: 1501 },
];

const SCHOOL_DAYS = [1, 2, 4, 5];
const grid = (a: number, b: number, c: number, d: number, e: number) => ({ A: a, B: b, C: c, D: d, E: e });

/** The demo city's catalogue (a fresh copy: tests may change a capacity), with the city's school holidays. */
export function demoCatalogue(schoolHolidays: readonly SchoolHoliday[] = []): ActivityCatalogue {
  return structuredClone({
    schoolHolidays,
    brackets: BRACKETS,
    activities: [
      { id: 'restauration-scolaire', name: 'Restauration scolaire', noticeHours: 48, capacity: 180, weekdays: SCHOOL_DAYS, season: 'school', prices: grid(110, 250, 390, 480, 560) },
      { id: 'accueil-matin', name: 'Accueil du matin', noticeHours: 48, capacity: 40, weekdays: SCHOOL_DAYS, season: 'school', prices: grid(60, 110, 160, 200, 240) },
      { id: 'accueil-soir', name: 'Accueil du soir', noticeHours: 48, capacity: 60, weekdays: SCHOOL_DAYS, season: 'school', prices: grid(90, 170, 250, 310, 370) },
      { id: 'mercredi', name: 'Mercredi au centre de loisirs', noticeHours: 72, capacity: 80, weekdays: [3], season: 'school', prices: grid(350, 700, 1050, 1350, 1600) },
      { id: 'vacances', name: 'Vacances au centre de loisirs', noticeHours: 168, capacity: 100, weekdays: [1, 2, 3, 4, 5], season: 'holidays', prices: grid(400, 800, 1200, 1550, 1850) },
    ],
  } satisfies ActivityCatalogue);
}

/** The family's bracket; without a known quotient familial, the highest (the usual rule). */
export function bracketFor(catalogue: ActivityCatalogue, quotientFamilial: number | undefined): TariffBracket {
  const brackets = catalogue.brackets;
  if (quotientFamilial === undefined) return brackets[brackets.length - 1]!;
  return brackets.find((b) => quotientFamilial >= b.minQf && (b.maxQf === undefined || quotientFamilial <= b.maxQf)) ?? brackets[brackets.length - 1]!;
}

export const unitPrice = (activity: ActivityDefinition, bracket: TariffBracket) => activity.prices[bracket.id] ?? 0;

/** Whether the activity runs on its weekday `date` ('closed' when not: holidays, public holidays). */
export function runsOn(catalogue: ActivityCatalogue, activity: ActivityDefinition, date: string): boolean {
  if (!activity.weekdays.includes(weekday(date))) return false;
  if (isPublicHoliday(date)) return false;
  const holiday = isSchoolHoliday(catalogue.schoolHolidays, date);
  return activity.season === 'holidays' ? holiday : !holiday;
}

/** Whether `date` is a day of the activity's week at all (its agenda lists only those). */
export const isActivityWeekday = (activity: ActivityDefinition, date: string) => activity.weekdays.includes(weekday(date));

export const isPast = (date: string, now: Date) => date < parisToday(now);

/** Past the notice period: the day can no longer be booked or cancelled. */
export const isLocked = (activity: ActivityDefinition, date: string, now: Date) =>
  now.getTime() >= parisMidnight(date).getTime() - activity.noticeHours * 3600_000;
