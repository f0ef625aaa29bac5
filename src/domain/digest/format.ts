// Small formatting helpers of the digest and the summary: dates as people write them at work,
// HTML escaping of plan text, titles shortened for a phone screen.
import type { IsoDate } from "../plan/types.js";

/** Escapes `<`, `>`, `&` (and quotes) for Telegram's HTML parse mode. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}

/**
 * Collapses whitespace and shortens `s` to at most `max` characters, cutting at a word boundary
 * when one is near and ending with «…». Returns plain text (escape it afterwards).
 */
export function shorten(s: string, max: number): string {
  const flat = s.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  let cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  if (space >= max * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,.;:—–-]+$/, "")}…`;
}

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

/** «29.10», or «29.10.2022» when the year is not `currentYear`. */
export function dayMonth(date: IsoDate, currentYear: string): string {
  const dm = `${date.slice(8, 10)}.${date.slice(5, 7)}`;
  return date.slice(0, 4) === currentYear ? dm : `${dm}.${date.slice(0, 4)}`;
}

/** «пт, 29.10» (the year added when it is not `currentYear`). */
export function shortDate(date: IsoDate, currentYear: string, language: string): string {
  return `${weekdays(language)[dayOfWeek(date)]}, ${dayMonth(date, currentYear)}`;
}

const longCache = new Map<string, Intl.DateTimeFormat>();

// «Сроки на пятницу»: after «на» a Russian weekday takes the accusative; ICU gives the nominative.
const RU_ACCUSATIVE: Record<string, string> = { среда: "среду", пятница: "пятницу", суббота: "субботу" };

/**
 * «понедельник, 25 октября» for the first line «Сроки на …»: in Russian the weekday is in the
 * accusative («на пятницу, 29 октября»).
 */
export function longDate(date: IsoDate, language: string): string {
  let fmt = longCache.get(language);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(language, {
      weekday: "long",
      day: "numeric",
      month: "long",
      timeZone: "UTC",
    });
    longCache.set(language, fmt);
  }
  const text = fmt.format(new Date(`${date}T00:00:00Z`));
  return language.startsWith("ru") ? text.replace(/^[а-я]+/, (w) => RU_ACCUSATIVE[w] ?? w) : text;
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

// One collator: `localeCompare` with options builds a new one on every call (slow, and heavy
// when sorting thousands of digests).
const collator = new Intl.Collator("ru", { numeric: true });

/** Compares item numbers («1.10» after «1.9») and names the Russian way. */
export function compareRu(a: string, b: string): number {
  return collator.compare(a, b);
}

/** `date` plus `days` calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The working day before `date` by `calendar` (looking back at most 60 days; past that, the day
 * before). Used to tell which days were a weekend or holidays gap.
 */
export function previousWorkingDay(date: IsoDate, isWorkingDay: (d: IsoDate) => boolean): IsoDate {
  let d = addDays(date, -1);
  for (let i = 0; i < 60 && !isWorkingDay(d); i++) d = addDays(d, -1);
  return d;
}

/**
 * A memoising wrapper of a translate function: the digests of a whole day repeat the same few
 * texts («срок был 08.10 (17 дней назад)») thousands of times.
 */
export function memoTranslate(
  t: (key: string, args?: Record<string, string | number>) => string,
): (key: string, args?: Record<string, string | number>) => string {
  const cache = new Map<string, string>();
  return (key, args) => {
    let k = key;
    if (args) for (const name in args) k += `\u0000${name}\u0001${args[name]}`;
    let v = cache.get(k);
    if (v === undefined) {
      v = t(key, args);
      if (cache.size > 50_000) cache.clear();
      cache.set(k, v);
    }
    return v;
  };
}
