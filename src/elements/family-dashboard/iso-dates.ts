// SPDX-License-Identifier: MIT
/** Calendar dates (YYYY-MM-DD) counted in UTC, so that no time zone shifts a day. */

export function addIsoDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday after `isoDate` (a week later when it is a Monday). */
export function nextMonday(isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return addIsoDays(isoDate, ((8 - weekday) % 7) || 7);
}

/**
 * The end of the school year `isoDate` falls in, taken as 2 July (about when French schools
 * close): of the next year from September; in the summer after it, the next year's too.
 */
export function schoolYearEnd(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const end = `${year}-07-02`;
  return Number(isoDate.slice(5, 7)) >= 9 || isoDate > end ? `${year + 1}-07-02` : end;
}
