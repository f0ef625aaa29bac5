// Small formatting helpers of the digest and the summary: dates as people write them at work,
// HTML escaping of plan text, titles shortened for a phone screen.

import { addDays } from "../calendar/iso-date.js";
import type { IsoDate } from "../plan/types.js";

export { dayMonth, dayOfWeek, monthName, shortDate } from "../text/dates.js";
export { escapeHtmlWithQuotes as escapeHtml } from "../text/html.js";
export { shorten } from "../text/shorten.js";
export { addDays };

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

// One collator: `localeCompare` with options builds a new one on every call (slow, and heavy
// when sorting thousands of digests).
const collator = new Intl.Collator("ru", { numeric: true });

/** Compares item numbers («1.10» after «1.9») and names the Russian way. */
export function compareRu(a: string, b: string): number {
  return collator.compare(a, b);
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
