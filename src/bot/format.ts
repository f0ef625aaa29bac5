// Small formatting helpers of the executors' screens (/tasks, marks, reports): HTML escaping,
// shortening plan text, dates as people write them («пт, 29.10»), file sizes.
import { DateTime } from "luxon";
import type { IsoDate } from "../domain/plan/types.js";

/** A translation function: Fluent key and variables to text (ctx.t, or i18n.t bound to a locale). */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Escapes text for Telegram's HTML parse mode. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Collapses whitespace and cuts `s` to at most `max` characters at a word boundary, adding «…». */
export function shorten(s: string, max: number): string {
  const flat = s.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,.;:–—-]+$/, "")}…`;
}

function day(date: IsoDate, locale: string): DateTime {
  return DateTime.fromISO(date, { zone: "utc" }).setLocale(locale);
}

/** «29.10», or «29.10.2022» when the year is not the year of `today`. */
export function formatDate(date: IsoDate, today: IsoDate, locale: string): string {
  const d = day(date, locale);
  return d.toFormat(date.slice(0, 4) === today.slice(0, 4) ? "dd.LL" : "dd.LL.yyyy");
}

/** «пт, 29.10» (the year added when it is not the year of `today`). */
export function formatWeekdayDate(date: IsoDate, today: IsoDate, locale: string): string {
  return `${day(date, locale).toFormat("ccc")}, ${formatDate(date, today, locale)}`;
}

/** The month's name as a standalone word: «октябрь». */
export function formatMonth(date: IsoDate, locale: string): string {
  return day(date, locale).toFormat("LLLL");
}

/** The local date (`YYYY-MM-DD`) of `instant` in `zone` (an invalid zone falls back to UTC). */
export function localDate(instant: Date, zone: string): IsoDate {
  const dt = DateTime.fromJSDate(instant, { zone });
  return (dt.isValid ? dt : DateTime.fromJSDate(instant, { zone: "utc" })).toISODate() as IsoDate;
}

/** «240 КБ», «1,5 МБ», «512 Б» (English units for other locales). */
export function formatSize(bytes: number, locale: string): string {
  const ru = locale.startsWith("ru");
  const units = ru ? ["Б", "КБ", "МБ", "ГБ"] : ["B", "KB", "MB", "GB"];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  const digits = i === 0 || value >= 10 ? 0 : 1;
  const text = new Intl.NumberFormat(ru ? "ru-RU" : "en-US", { maximumFractionDigits: digits }).format(value);
  return `${text} ${units[i]}`;
}
