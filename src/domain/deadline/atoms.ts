// The date values of a deadline cell: dates, months, quarters, half-years, years and the ranges
// between them, found in the normalised text with one compiled regex.
import { isValidDate } from "../calendar/iso-date.js";
import { L, MONTH, monthIndex, ordinalValue, QUARTER_NUMBER, YEAR_WORD, YEAR4 } from "./lexicon.js";

/**
 * One date value as written. Its window in a year Y runs from sm/sd of Y to em/ed of Y + span
 * (ed 0 = the last day of em). `year` is the year the text names for the start, or null.
 */
export interface Atom {
  start: number;
  end: number;
  /** A single day («30.09.2021», «до 1 марта») rather than a window («март», «IV квартал»). */
  day: boolean;
  sm: number;
  sd: number;
  em: number;
  ed: number;
  span: number;
  year: number | null;
  /** A year, a range of years or a school year: a scope for recurring and continuous phrases. */
  yearsOnly: boolean;
  /** «до конца учебного года»: the end of the academic year, found from the plan. */
  academicEnd: boolean;
  /** A prefix that belongs to the atom's own words («до начала учебного года»). */
  own: Prefix | null;
}

/** How the words before a value shape its occurrence. */
export type Prefix = "until" | "noLater" | "from" | "during" | "none";

/** A value: one atom or a range of two, with the words before it. */
export interface Piece {
  /** Where the piece starts, its prefix included. */
  start: number;
  end: number;
  a: Atom;
  b: Atom | null;
  prefix: Prefix;
}

/** What the scan needs from the plan: school half-years and the end of the academic year. */
export interface ScanOptions {
  schoolYear: boolean;
  academicEndMonth: number;
  academicEndDay: number;
}

const optYear = (g: string) => `(?:\\s*,?\\s*(?<${g}>${YEAR4})(?!\\d)${YEAR_WORD})?`;
const QN = QUARTER_NUMBER;

const ALTERNATIVES: [string, string][] = [
  ["iso", `${L}(?<isoY>${YEAR4})-(?<isoM>\\d{2})-(?<isoD>\\d{2})(?!\\d)`],
  [
    "school",
    `${L}(?<scA>${YEAR4})\\s*[/-]\\s*(?<scB>(?:19|20)?\\d{2})(?!\\d)\\s*(?:уч\\.|учебн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*)\\s*(?:г\\.|год[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*)?`,
  ],
  ["yr", `${L}(?<yrA>${YEAR4})\\s*-\\s*(?<yrB>${YEAR4})(?!\\d)${YEAR_WORD}`],
  ["y", `${L}(?<yY>${YEAR4})(?!\\d)${YEAR_WORD}`],
  [
    "drn",
    `(?<![\\d.])(?<drnA>\\d{1,2})\\s*-\\s*(?<drnB>\\d{1,2})\\s?[./]\\s?(?<drnM>\\d{1,2})\\s?[./]\\s?(?<drnY>${YEAR4}|\\d{2})(?!\\d)${YEAR_WORD}`,
  ],
  [
    "dmy",
    `(?<![\\d.])(?<dmyD>\\d{1,2})\\s?[./]\\s?(?<dmyM>\\d{1,2})(?:\\s*[./]\\s*(?<dmyY>${YEAR4}|\\d{2})|\\s+(?<dmyY4>${YEAR4}))(?!\\d)${YEAR_WORD}`,
  ],
  // Not a clause number («п. 3.10», «пункт 2.11», «№ 1.12»).
  ["dm", `(?<![\\d.])(?<!(?:п|пп|пункт[а-я]*|№)\\.?\\s?)(?<dmD>\\d{1,2})\\s?[./]\\s?(?<dmM>\\d{2})(?!\\d)`],
  [
    "drm",
    `(?<![\\d.])(?<drmA>\\d{1,2})\\s*(?:-|по|до)\\s*(?<drmB>\\d{1,2})\\s*(?<drmMon>${MONTH})${optYear("drmY")}`,
  ],
  ["dmt", `(?<![\\d.])(?<dmtD>\\d{1,2})(?:\\s*-?\\s*(?:го|е|ое))?\\s*(?<dmtMon>${MONTH})${optYear("dmtY")}`],
  [
    "dec",
    `${L}(?<decN>iii|ii|i|[1-3]|перв[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|втор[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|трет[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*)\\s*-?\\s*(?:я|й|ей)?\\s*декад[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+(?<decMon>${MONTH})${optYear("decY")}`,
  ],
  [
    "q",
    `${L}(?:(?<qA>${QN})(?:\\s*-\\s*(?<qB>${QN}))?\\s*-?\\s*(?:го|й|ый|ом|м)?|(?<qW>перв|втор|трет|четверт)[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*)\\s*(?:кварт[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|кв\\.?)(?![a-z\\u00c0-\\u024f\\u0400-\\u04ff])${optYear("qY")}`,
  ],
  [
    "h",
    `${L}(?:(?<hA>ii|i|[12])\\s*-?\\s*(?:го|е|ое|м|ом)?|(?<hW>перв|втор)[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*)\\s*полугод[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*${optYear("hY")}`,
  ],
  [
    "acad",
    `${L}(?:(?<acP>до|к|в)\\s+)?(?:конц[ауе]|окончани[еяю]|завершени[еяю])\\s+(?:(?<acA>${YEAR4})\\s*[/-]\\s*(?<acB>(?:19|20)?\\d{2})\\s+)?учебного\\s+года`,
  ],
  ["ss", `${L}(?:(?<ssP>до|к|в|с)\\s+)?начал[ауое]\\s+(?:нового\\s+|следующего\\s+)?учебного\\s+года`],
  [
    "ye",
    `${L}(?:(?<yeP>до|к|в|с)\\s+)?(?<yeW>конц|начал|окончани)[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+(?:текущего\\s+|календарного\\s+|отчетного\\s+)?года(?![a-z\\u00c0-\\u024f\\u0400-\\u04ff])`,
  ],
  ["m", `${L}(?<mMon>${MONTH})${optYear("mY")}`],
];

const ATOM = new RegExp(ALTERNATIVES.map(([name, src]) => `(?<${name}>${src})`).join("|"), "g");
const NAMES = ALTERNATIVES.map(([name]) => name);
/** Every atom has a digit, a month or a year word: skip the big regex on cells without one. */
const ATOM_GATE = /\d|янв|фев|мар|апр|ма[йяюе.]|июн|июл|авг|сен|окт|ноя|дек|учебн|года|кв|полугод/;

const PREFIX_TAIL =
  /(?:^|[^a-z\u00c0-\u024f\u0400-\u04ff])((?:не\s+позднее|не\s+позже)(?:\s+конца)?|(?:до|к)\s+(?:конца|концу|окончания|окончанию)|в\s+срок\s+до|до|к|по|со|с|в\s*течени[еия]|на\s+протяжении|во|в)\s*$/;
const RANGE_DASH = /^ *- *\n?\s*$/;
const RANGE_WORD = /^\s*(?:по|до)\s+$/;

function prefixOf(word: string): Prefix {
  if (word.startsWith("не") || word.includes("кон") || word.includes("оконч") || word === "по")
    return "noLater";
  if (word === "до" || word === "к" || word.endsWith("до")) return "until";
  if (word === "с" || word === "со") return "from";
  return "during";
}

const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** The second year of «2021/22» or «2021-2022». */
const secondYear = (first: number, second: string): number =>
  second.length === 2 ? first - (first % 100) + Number(second) : Number(second);

const base = (start: number, end: number): Atom => ({
  start,
  end,
  day: false,
  sm: 1,
  sd: 1,
  em: 12,
  ed: 0,
  span: 0,
  year: null,
  yearsOnly: false,
  academicEnd: false,
  own: null,
});

const dayAtom = (start: number, end: number, m: number, d: number, year: number | null): Atom => ({
  ...base(start, end),
  day: true,
  sm: m,
  sd: d,
  em: m,
  ed: d,
  year,
});

const optionalYear = (y: string | undefined): number | null => (y === undefined ? null : Number(y));

function ownPrefix(p: string | undefined): Prefix | null {
  if (p === undefined) return null;
  return p === "в" ? "during" : p === "с" ? "from" : p === "до" ? "until" : "noLater";
}

/** The atom of one regex match, or null when it names no real date (31.02). */
function toAtom(
  g: Record<string, string | undefined>,
  name: string,
  start: number,
  end: number,
  opts: ScanOptions,
): Atom | null {
  const v = (k: string) => g[k] ?? "";
  switch (name) {
    case "iso":
    case "dmy": {
      const y = name === "iso" ? Number(v("isoY")) : fullYear(g["dmyY"] ?? v("dmyY4"));
      const m = Number(name === "iso" ? v("isoM") : v("dmyM"));
      const d = Number(name === "iso" ? v("isoD") : v("dmyD"));
      return isValidDate(y, m, d) ? dayAtom(start, end, m, d, y) : null;
    }
    case "dm": {
      const m = Number(v("dmM"));
      const d = Number(v("dmD"));
      return isValidDate(2024, m, d) ? dayAtom(start, end, m, d, null) : null;
    }
    case "dmt": {
      const m = monthIndex(v("dmtMon"));
      const d = Number(v("dmtD"));
      const y = optionalYear(g["dmtY"]);
      return isValidDate(y ?? 2024, m, d) ? dayAtom(start, end, m, d, y) : null;
    }
    case "drn":
    case "drm": {
      const m = name === "drn" ? Number(v("drnM")) : monthIndex(v("drmMon"));
      const a = Number(name === "drn" ? v("drnA") : v("drmA"));
      const b = Number(name === "drn" ? v("drnB") : v("drmB"));
      const y = name === "drn" ? fullYear(v("drnY")) : optionalYear(g["drmY"]);
      if (a >= b || !isValidDate(y ?? 2024, m, a) || !isValidDate(y ?? 2024, m, b)) return null;
      // A range in itself: «с» before it opens the range, not an open-ended window.
      return { ...base(start, end), sm: m, sd: a, em: m, ed: b, year: y, own: "none" };
    }
    case "dec": {
      const n = ordinalValue(v("decN"));
      const m = monthIndex(v("decMon"));
      return {
        ...base(start, end),
        sm: m,
        sd: n * 10 - 9,
        em: m,
        ed: n === 3 ? 0 : n * 10,
        year: optionalYear(g["decY"]),
      };
    }
    case "q": {
      const a = ordinalValue(g["qA"] ?? v("qW"));
      const b = g["qB"] === undefined ? a : ordinalValue(v("qB"));
      if (a < 1 || b < a) return null;
      return { ...base(start, end), sm: a * 3 - 2, em: b * 3, year: optionalYear(g["qY"]) };
    }
    case "h": {
      const n = ordinalValue(g["hA"] ?? v("hW"));
      const year = optionalYear(g["hY"]);
      if (opts.schoolYear && year === null) {
        // In a school year the first half-year is autumn, the second runs to the end of the academic year.
        return n === 1
          ? { ...base(start, end), sm: 9, em: 12 }
          : { ...base(start, end), sm: 1, em: opts.academicEndMonth, ed: opts.academicEndDay };
      }
      return { ...base(start, end), sm: n === 1 ? 1 : 7, em: n === 1 ? 6 : 12, year };
    }
    case "acad": {
      const own = ownPrefix(g["acP"]);
      const explicit = g["acA"] === undefined ? null : secondYear(Number(v("acA")), v("acB"));
      if (own === "during") {
        // «в конце учебного года»: the last month of it.
        return {
          ...base(start, end),
          sm: opts.academicEndMonth,
          em: opts.academicEndMonth,
          ed: 0,
          year: explicit,
          own,
        };
      }
      const atom = dayAtom(start, end, opts.academicEndMonth, opts.academicEndDay, explicit);
      return { ...atom, academicEnd: explicit === null, own: "noLater" };
    }
    case "ss": {
      const own = ownPrefix(g["ssP"]);
      if (own === "during") return { ...base(start, end), sm: 9, em: 9, own };
      if (own === "until") return { ...dayAtom(start, end, 8, 31, null), own: "noLater" };
      return { ...dayAtom(start, end, 9, 1, null), own: own ?? "noLater" };
    }
    case "ye": {
      const own = ownPrefix(g["yeP"]);
      const isEnd = v("yeW") !== "начал";
      if (own === "during") return { ...base(start, end), sm: isEnd ? 12 : 1, em: isEnd ? 12 : 1, own };
      return {
        ...dayAtom(start, end, isEnd ? 12 : 1, isEnd ? 31 : 1, null),
        own: own === "from" ? "from" : "noLater",
      };
    }
    case "m": {
      const m = monthIndex(v("mMon"));
      return { ...base(start, end), sm: m, em: m, year: optionalYear(g["mY"]) };
    }
    case "school": {
      const a = Number(v("scA"));
      if (secondYear(a, v("scB")) !== a + 1) return null;
      return { ...base(start, end), sm: 9, em: 8, span: 1, year: a, yearsOnly: true };
    }
    case "yr": {
      const a = Number(v("yrA"));
      const b = Number(v("yrB"));
      if (b <= a) return null;
      return { ...base(start, end), span: b - a, year: a, yearsOnly: true };
    }
    case "y":
      return { ...base(start, end), year: Number(v("yY")), yearsOnly: true };
  }
  return null;
}

/** The atoms of a normalised cell, and the spans that looked like dates but are none (31.02.2021). */
export function scanAtoms(text: string, opts: ScanOptions): { atoms: Atom[]; invalid: [number, number][] } {
  const atoms: Atom[] = [];
  const invalid: [number, number][] = [];
  if (!ATOM_GATE.test(text)) return { atoms, invalid };
  ATOM.lastIndex = 0;
  for (let m = ATOM.exec(text); m !== null; m = ATOM.exec(text)) {
    const g = m.groups ?? {};
    const name = NAMES.find((n) => g[n] !== undefined) ?? "";
    const end = m.index + m[0].length;
    const atom = toAtom(g, name, m.index, end, opts);
    if (atom === null) invalid.push([m.index, end]);
    else atoms.push(atom);
  }
  return { atoms, invalid };
}

/** Groups atoms into pieces: ranges («январь -⏎март», «с 1 марта по 30 апреля») and their prefixes. */
export function toPieces(text: string, atoms: Atom[]): Piece[] {
  const pieces: Piece[] = [];
  let cursor = 0;
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const tail = PREFIX_TAIL.exec(text.slice(cursor, a.start));
    const prefix: Prefix = a.own ?? (tail ? prefixOf(tail[1]!.replace(/\s+/g, " ")) : "none");
    const start = tail && a.own === null ? cursor + tail.index + tail[0].indexOf(tail[1]!) : a.start;
    const next = atoms[i + 1];
    let b: Atom | null = null;
    if (next && a.own === null && next.own === null) {
      const gap = text.slice(a.end, next.start);
      if (RANGE_DASH.test(gap) || (prefix === "from" && RANGE_WORD.test(gap))) b = next;
    }
    if (b) i++;
    pieces.push({ start, end: (b ?? a).end, a, b, prefix: b && prefix === "from" ? "none" : prefix });
    cursor = (b ?? a).end;
  }
  return pieces;
}
