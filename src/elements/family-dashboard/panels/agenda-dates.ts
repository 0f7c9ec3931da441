// SPDX-License-Identifier: MIT
/**
 * Calendar arithmetic of the child's agenda on ISO dates (YYYY-MM-DD), in UTC so that no
 * time zone or daylight-saving change moves a day.
 */

const pad = (n: number) => String(n).padStart(2, '0');

export const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoOf = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const date = utc(day);
  date.setUTCDate(date.getUTCDate() + n);
  return isoOf(date);
}

/** The same day of another month, kept inside that month (31 January + 1 month = 28 February). */
export function addMonths(day: string, n: number): string {
  const date = utc(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), last));
  return isoOf(target);
}

/** Monday = 0 … Sunday = 6: the day's column in a week that starts on Monday. */
export const column = (day: string) => (utc(day).getUTCDay() + 6) % 7;

/** ISO weekday, as `Activity.weekdays` counts: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string) => column(day) + 1;

/** The Monday of the day's week. */
export const mondayOf = (day: string) => addDays(day, -column(day));

export const monthOf = (day: string) => day.slice(0, 7);

export function lastOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${pad(new Date(Date.UTC(y!, m!, 0)).getUTCDate())}`;
}

export const isIsoDate = (value: string | undefined): value is string =>
  !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(utc(value).getTime()) && isoOf(utc(value)) === value;

/** Days from `from` to `to` (0 when the same day). */
export const daysBetween = (from: string, to: string) => Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000);

/** `from`…`to` cut into ranges of at most `days` days (the agenda API answers up to 93 at a time). */
export function ranges(from: string, to: string, days: number): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (let start = from; start <= to; start = addDays(start, days)) {
    const end = addDays(start, days - 1);
    out.push({ from: start, to: end < to ? end : to });
  }
  return out;
}
