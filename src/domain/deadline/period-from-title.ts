// The period a plan's title names: «в 2021 году», «на 2016-2018 годы», «на 2021/2022 учебный год».
import type { Period } from "../plan/types.js";
import { L, MONTH, YEAR4 } from "./lexicon.js";
import { normalize } from "./normalize.js";

const SCHOOL = new RegExp(
  `${L}(?<a>${YEAR4})\\s*[/-]\\s*(?<b>(?:19|20)?\\d{2})(?!\\d)\\s*(?:уч\\.|учебн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*)|учебн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+год[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+(?<c>${YEAR4})\\s*[/-]\\s*(?<d>(?:19|20)?\\d{2})(?!\\d)`,
  "u",
);
/** A year or a range of years, with the word before it; dates («от 29 декабря 2012 г.») are skipped. */
const YEARS = new RegExp(
  `(?<date>(?:\\d{1,2}\\s*[./]\\s*\\d{1,2}\\s*[./]\\s*|\\d{1,2}\\s*(?:${MONTH})\\s*))?(?<lead>${L}(?:на|в|во|с|до|период|периода)\\s+)?${L}(?<a>${YEAR4})(?!\\d)(?:\\s*(?:-|по|и|—)\\s*(?<b>${YEAR4})(?!\\d))?`,
  "g",
);

/**
 * The period the title of a plan names, and whether it is a school year (1 September .. 31 August).
 * Years introduced by «на» win over those with «в» (a plan «по итогам НОКО в 2019 году на 2020 год»
 * is for 2020), and those over bare years; full dates are not periods. Null when no year is named.
 */
export function periodFromTitle(title: string): { period: Period; schoolYear: boolean } | null {
  const text = normalize(title);
  const school = SCHOOL.exec(text);
  if (school?.groups) {
    const a = Number(school.groups["a"] ?? school.groups["c"]);
    const bText = school.groups["b"] ?? school.groups["d"] ?? "";
    const b = bText.length === 2 ? a - (a % 100) + Number(bText) : Number(bText);
    if (b === a + 1) return { period: { start: `${a}-09-01`, end: `${b}-08-31` }, schoolYear: true };
  }
  const byLead = new Map<number, [number, number][]>();
  for (const m of text.matchAll(YEARS)) {
    const g = m.groups ?? {};
    if (g["date"] !== undefined) continue;
    const lead = (g["lead"] ?? "").trim();
    const rank = lead === "на" || lead.startsWith("период") ? 0 : lead === "" ? 2 : 1;
    const a = Number(g["a"]);
    const b = g["b"] === undefined ? a : Number(g["b"]);
    if (b < a || b - a > 20) continue;
    byLead.set(rank, [...(byLead.get(rank) ?? []), [a, b]]);
  }
  const best = byLead.get(0) ?? byLead.get(1) ?? byLead.get(2);
  if (!best) return null;
  const first = Math.min(...best.map(([a]) => a));
  const last = Math.max(...best.map(([, b]) => b));
  return { period: { start: `${first}-01-01`, end: `${last}-12-31` }, schoolYear: false };
}
