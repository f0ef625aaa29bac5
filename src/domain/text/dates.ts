// Dates as people write them at work: «29.10», «пт, 29.10», «октябрь»; the year only when it is
// not the current one. Dates are `YYYY-MM-DD` (already local to the reader).
import type { IsoDate } from "../plan/types.js";

const weekdayCache = new Map<string, string[]>();

/** Short weekday names (Monday first: index 0 = Monday) for a language, from ICU. */
function weekdays(language: string): string[] {
  let names = weekdayCache.get(language);
  if (!names) {
    const fmt = new Intl.DateTimeFormat(language, { weekday: "short", timeZone: "UTC" });
    // 2021-10-25 was a Monday.
    names = Array.from({ length: 7 }, (_, i) => fmt.format(Date.UTC(2021, 9, 25 + i)));
    weekdayCache.set(language, names);
  }
  return names;
}

/** Day of week of a `YYYY-MM-DD` date, 0 = Monday … 6 = Sunday. */
export function dayOfWeek(date: IsoDate): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (d + 6) % 7;
}

/**
 * «29.10», or «29.10.2022» when the year is not the current one. `current` is today's date or
 * just the current year (`"2021-10-29"` or `"2021"`).
 */
export function dayMonth(date: IsoDate, current: string): string {
  const dm = `${date.slice(8, 10)}.${date.slice(5, 7)}`;
  return date.slice(0, 4) === current.slice(0, 4) ? dm : `${dm}.${date.slice(0, 4)}`;
}

/** «пт, 29.10» (the year added when it is not the current one; `current` as in `dayMonth`). */
export function shortDate(date: IsoDate, current: string, language: string): string {
  return `${weekdays(language)[dayOfWeek(date)]}, ${dayMonth(date, current)}`;
}

const monthCache = new Map<string, Intl.DateTimeFormat>();

/** «октябрь» (nominative month name). */
export function monthName(date: IsoDate, language: string): string {
  let fmt = monthCache.get(language);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(language, { month: "long", timeZone: "UTC" });
    monthCache.set(language, fmt);
  }
  return fmt.format(new Date(`${date}T00:00:00Z`));
}
