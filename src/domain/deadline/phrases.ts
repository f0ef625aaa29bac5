// The word phrases of deadline cells: periodic, continuous, on-demand and relative-to-event.
import type { RelativeDeadline } from "../plan/types.js";
import { L, NUMBER, numberValue, WEEKDAY, weekdayIndex } from "./lexicon.js";
import { messages, snippetOf } from "./messages.js";
import type { Unit } from "./recurring.js";

// Cheap keyword tests that skip a detector's big regex on cells that cannot match it.
const RECURRING_GATE =
  /еже|поме|покв|кажд|раз|итог|числ|недел|следующ|окончан|завершен|истечен|по (?:понед|вторн|сред|четв|пятн|субб|воскр|полуг|квартал|годам)/;
const CONTINUOUS_GATE = /постоян|ежедн|кажд|кругл|систем|регуляр|течени|протяжен|весь|рамках/;
const ON_DEMAND_GATE = /мере|по |при |случае|соглас|соответств|срок/;
const RELATIVE_GATE =
  /после|дня|дн|день|сут|момент|дат|окончан|заверш|истеч|итог|результат|факт|вслед|начал|перед|накануне|недел|месяц/;

/** A span of the normalised cell a phrase took. */
export type Span = [number, number];

const COUNT = (g: string) =>
  `(?:(?:не\\s+реже\\s+)?(?<${g}>\\d{1,2}|одного|один|два|две|двух|три|трех|четыре|четырех)\\s*-?\\s*)?`;
const TIMES = "раз[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+в\\s+";

const RECURRING = new RegExp(
  [
    `(?<week>${L}(?:еженедельн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|понедельн[оа]|кажд[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+недел[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|${COUNT("cw")}${TIMES}недел[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|(?:по|кажд[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*)\\s+(?<wd>${WEEKDAY})))`,
    `(?<month>${L}(?:ежемесячн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|помесячн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|кажд[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+месяц[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|${COUNT("cm")}${TIMES}месяц(?![a-z\\u00c0-\\u024f\\u0400-\\u04ff])|по\\s+итогам\\s+(?:каждого\\s+)?месяца))`,
    `(?<quarter>${L}(?:ежеквартальн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|поквартальн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|кажд[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+квартал[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|${COUNT("cq")}${TIMES}квартал(?![a-z\\u00c0-\\u024f\\u0400-\\u04ff])|по\\s+итогам\\s+(?:каждого\\s+)?квартала|по\\s+кварталам))`,
    `(?<half>${L}(?:ежеполугодн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|полугодов[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|кажд[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+полугоди[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|${COUNT("ch")}${TIMES}(?:полугодие|полгода|пол\\s+года)|по\\s+итогам\\s+(?:каждого\\s+)?полугодия|по\\s+полугодиям))`,
    `(?<year>${L}(?:ежегодн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|кажд[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+год[аеу]?(?![a-z\\u00c0-\\u024f\\u0400-\\u04ff])|${COUNT("cy")}${TIMES}год(?![a-z\\u00c0-\\u024f\\u0400-\\u04ff])|по\\s+итогам\\s+(?:каждого\\s+)?(?:календарного\\s+|отчетного\\s+)?года(?![a-z\\u00c0-\\u024f\\u0400-\\u04ff])|по\\s+годам))`,
  ].join("|"),
  "g",
);

const DAY_OF_MONTH = new RegExp(
  `${L}(?:(?:до|не\\s+позднее|не\\s+позже|к)\\s+)?(?<dom>\\d{1,2})\\s*(?:-?\\s*(?:го|е))?\\s+(?:числа|число)(?:\\s+(?:каждого|текущего|отчетного)\\s+(?<domU>месяца|квартала))?`,
  "g",
);
const NEXT_REPORTING =
  /(?:(?:месяца|квартала|полугодия|года|периода)\s*,?\s*)?следующ[a-z\u00c0-\u024f\u0400-\u04ff]*\s+за\s+отч[её]тн[a-z\u00c0-\u024f\u0400-\u04ff]*(?:\s+(?<nu>месяц|квартал|полугоди|год|период)[a-z\u00c0-\u024f\u0400-\u04ff]*)?/g;
const WEEKDAY_ANCHOR = new RegExp(`${L}(?:по|в|во|до|к)\\s+(?<wd>${WEEKDAY})`, "g");
const AFTER_END = new RegExp(
  `${L}(?:(?:в\\s*течени[еия]|не\\s+позднее|не\\s+позже|до|через)\\s+)?(?<n>${NUMBER})\\s*(?<b>рабоч[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+|календарн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+)?(?:дн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|день)\\s+(?:после|по|с\\s+момента|со\\s+дня)\\s+(?:окончани|завершени|истечени)[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+(?:отчетн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+)?(?<u>месяц|квартал|полугоди|год)[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*`,
  "g",
);

const UNIT_OF_WORD: Record<string, Unit> = {
  месяц: "month",
  месяца: "month",
  квартал: "quarter",
  квартала: "quarter",
  полугоди: "half",
  год: "year",
};

/** The periodic words of a cell, with the day inside each window when one is named. */
export interface RecurringWords {
  units: Unit[];
  /** «2 раза в год» names half-years; «3 раза в месяц» cannot be one window each (warned). */
  extraTimes: boolean;
  /** «N раз в год» or «ежегодно»: yearless months or days in the cell are the times in each year. */
  perYear: boolean;
  dayOfMonth: number | null;
  weekday: number | null;
  next: boolean;
  afterEnd: { days: number; business: boolean } | null;
  spans: Span[];
}

/** Finds periodic words in the (masked) normalised cell. */
export function findRecurring(text: string): RecurringWords {
  const found: RecurringWords = {
    units: [],
    extraTimes: false,
    perYear: false,
    dayOfMonth: null,
    weekday: null,
    next: false,
    afterEnd: null,
    spans: [],
  };
  if (!RECURRING_GATE.test(text)) return found;
  for (const m of text.matchAll(AFTER_END)) {
    const g = m.groups ?? {};
    const days = numberValue(g["n"] ?? "");
    if (!Number.isFinite(days)) continue;
    found.afterEnd = { days, business: (g["b"] ?? "").startsWith("рабоч") };
    found.units.push(UNIT_OF_WORD[g["u"] ?? ""] ?? "month");
    found.spans.push([m.index, m.index + m[0].length]);
  }
  const free = maskSpans(text, found.spans);
  for (const m of free.matchAll(RECURRING)) {
    const g = m.groups ?? {};
    let unit: Unit = g["week"]
      ? "week"
      : g["month"]
        ? "month"
        : g["quarter"]
          ? "quarter"
          : g["half"]
            ? "half"
            : "year";
    const count = g["cw"] ?? g["cm"] ?? g["cq"] ?? g["ch"] ?? g["cy"];
    const times = count === undefined ? 1 : numberValue(count === "две" ? "два" : count);
    if (unit === "year") found.perYear = true;
    if (unit === "year" && times === 2) unit = "half";
    else if (unit === "year" && times === 4) unit = "quarter";
    else if (unit === "year" && times === 12) unit = "month";
    else if (times > 1) found.extraTimes = true;
    if (g["wd"]) found.weekday = weekdayIndex(g["wd"]);
    found.units.push(unit);
    found.spans.push([m.index, m.index + m[0].length]);
  }
  for (const m of free.matchAll(NEXT_REPORTING)) {
    found.next = true;
    const u = m.groups?.["nu"];
    if (u && u !== "период") found.units.push(UNIT_OF_WORD[u] ?? "month");
    found.spans.push([m.index, m.index + m[0].length]);
  }
  for (const m of free.matchAll(DAY_OF_MONTH)) {
    found.dayOfMonth = Number(m.groups?.["dom"]);
    const u = m.groups?.["domU"];
    if (u) found.units.push(UNIT_OF_WORD[u] ?? "month");
    found.spans.push([m.index, m.index + m[0].length]);
  }
  // «до 25 числа» alone is monthly.
  if (found.dayOfMonth !== null && found.units.length === 0) found.units.push("month");
  if (found.units.length > 0 || found.weekday !== null) {
    for (const m of free.matchAll(WEEKDAY_ANCHOR)) {
      found.weekday = weekdayIndex(m.groups?.["wd"] ?? "");
      found.spans.push([m.index, m.index + m[0].length]);
    }
  }
  return found;
}

const CONTINUOUS = new RegExp(
  [
    `${L}постоян[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*`,
    `${L}ежедневн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*`,
    `${L}каждый\\s+(?:рабочий\\s+)?день`,
    `${L}круглогодичн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*`,
    `${L}систематическ[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*`,
    `${L}регулярн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*`,
    `${L}(?:в\\s*течени[еия]|на\\s+протяжении|весь|в\\s+рамках)\\s+(?:всего\\s+)?(?:текущего\\s+|календарного\\s+|отчетного\\s+)?(?:года|периода|срока(?:\\s+(?:действия|реализации)[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*)?|год|период)(?![a-z\\u00c0-\\u024f\\u0400-\\u04ff])`,
  ].join("|"),
  "g",
);
const SCHOOL_YEAR_LONG = new RegExp(
  `${L}(?:в\\s*течени[еия]|на\\s+протяжении|весь)\\s+(?:всего\\s+)?(?:текущего\\s+|нового\\s+)?учебн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+год[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*`,
  "g",
);
/** Words that introduce a value as a span of time («в течение 2021 года» is continuous). */
export const DURING_BEFORE = /(?:в\s*течени[еия]|на\s+протяжении)\s*$/;

const ON_DEMAND = new RegExp(
  [
    `${L}по\\s+мере\\s+[a-z\\u00c0-\\u024f\\u0400-\\u04ff]+`,
    `${L}по\\s+(?:запрос|требовани|заявк|обращени|поручени)[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*`,
    `${L}при\\s+(?:необходимост|наличи|поступлени|возникновени|изменени|получени)[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*`,
    `${L}в\\s+случае\\s+`,
    `${L}по\\s+согласованию`,
    `${L}(?:по|согласно|в\\s+соответствии\\s+со?)\\s+(?:[a-z\\u00c0-\\u024f\\u0400-\\u04ff]+\\s+){0,2}?(?:план[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|график[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|срок[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|регламент[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|календар[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|распоряжени[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|приказ[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|решени[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|положени[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|контракт[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|договор[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|соглашени[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|расписани[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|порядк[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|законодательств[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*)`,
    `${L}в\\s+(?:сроки|срок)\\s*,?\\s*(?:установленн|определенн|предусмотренн|указанн|согласованн|утвержденн)[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*`,
    `${L}в\\s+(?:установленн|определенн|согласованн)[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*\\s+срок[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*`,
  ].join("|"),
  "g",
);
const CLAUSE_REST = /[^;()\u0001]*/y;

/** Spans of continuous words; `school` when they name the school year. */
export function findContinuous(text: string): { spans: Span[]; school: boolean } {
  const spans: Span[] = [];
  let school = false;
  if (!CONTINUOUS_GATE.test(text)) return { spans, school };
  for (const m of text.matchAll(SCHOOL_YEAR_LONG)) {
    school = true;
    spans.push([m.index, m.index + m[0].length]);
  }
  const free = maskSpans(text, spans);
  for (const m of free.matchAll(CONTINUOUS)) spans.push([m.index, m.index + m[0].length]);
  return { spans, school };
}

/** Spans of on-demand words, each to the end of its clause («по плану работы Общественного совета»). */
export function findOnDemand(text: string): Span[] {
  const spans: Span[] = [];
  if (!ON_DEMAND_GATE.test(text)) return spans;
  for (const m of text.matchAll(ON_DEMAND)) {
    const end = m.index + m[0].length;
    CLAUSE_REST.lastIndex = end;
    const rest = CLAUSE_REST.exec(text);
    spans.push([m.index, end + (rest?.[0].length ?? 0)]);
  }
  return spans;
}

const AFTER_CONNECTOR =
  "со\\s+дня|с\\s+дня|с\\s+даты|с\\s+момента|от\\s+даты|после(?:\\s+дня)?|по\\s+(?:окончании|завершении|истечении|итогам|результатам)|с|со";
const RELATIVE_DAYS = new RegExp(
  `${L}(?:(?:не\\s+позднее|не\\s+позже|не\\s+более|в\\s*течени[еия]|в\\s+срок(?:\\s+не\\s+позднее|\\s+до)?|через|спустя|до)\\s+(?:чем\\s+)?)?(?<za>за\\s+)?(?<n>${NUMBER})?\\s*(?:\\(\\s*[a-z\\u00c0-\\u024f\\u0400-\\u04ff\\s]+\\)\\s*)?(?<kind>рабоч[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*|календарн[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*)?\\s*(?<unit>дн(?:я|ей)|день|суток|сутки|недел[ьюи]|месяц[аев]*)\\s+(?<conn>${AFTER_CONNECTOR}|до|перед)\\s+(?=[a-z\\u00c0-\\u024f\\u0400-\\u04ff]|«)`,
  "g",
);
const RELATIVE_PLAIN = new RegExp(
  `${L}(?<conn>в\\s+день|после(?:\\s+дня)?|со\\s+дня|с\\s+момента|с\\s+даты|по\\s+(?:окончании|завершении|истечении|итогам|результатам|факту)|вслед\\s+за|(?<before>до\\s+начала|перед|накануне|не\\s+позднее\\s+начала))\\s+(?=[a-z\\u00c0-\\u024f\\u0400-\\u04ff]|«)`,
  "g",
);
const EVENT_END = /[;()\u0001]/;
const EVENT_TRIM = /[\s.,:;\-–—*]+$/;

const EVENT_NOUN: Record<string, string> = {
  окончании: "окончания",
  завершении: "завершения",
  истечении: "истечения",
  факту: "",
  итогам: "",
  результатам: "",
};

/** A relative deadline found in a cell, the span it took, and warnings about it. */
export interface RelativeFound {
  relative: RelativeDeadline;
  span: Span;
}

/** The event text from `from` to the end of its clause, as written in `raw`. */
function eventAt(
  text: string,
  raw: string,
  from: number,
  lead: string,
): { event: string; end: number } | null {
  const stop = text.slice(from).search(EVENT_END);
  const end = stop < 0 ? text.length : from + stop;
  const event = snippetOf(raw, from, end).replace(EVENT_TRIM, "");
  if (event === "") return null;
  return { event: lead ? `${lead} ${event}` : event, end };
}

/** Finds the first relative-to-event phrase («в течение 10 дней со дня …», «после проведения …»). */
export function findRelative(text: string, raw: string, warnings: string[]): RelativeFound | null {
  if (!RELATIVE_GATE.test(text)) return null;
  RELATIVE_DAYS.lastIndex = 0;
  const m = RELATIVE_DAYS.exec(text);
  if (m) {
    const g = m.groups ?? {};
    const unit = g["unit"] ?? "";
    const n = g["n"] === undefined ? 1 : numberValue(g["n"]);
    const conn = (g["conn"] ?? "").replace(/\s+/g, " ");
    const lead = EVENT_NOUN[conn.split(" ")[1] ?? ""] ?? "";
    const found = eventAt(text, raw, m.index + m[0].length, lead);
    if (found && Number.isFinite(n) && (g["n"] !== undefined || !unit.startsWith("д"))) {
      const factor = unit.startsWith("недел") ? 7 : unit.startsWith("месяц") ? 30 : 1;
      if (factor === 30) warnings.push(messages.monthAsDays(snippetOf(raw, m.index, found.end)));
      const before = conn === "до" || conn === "перед" || g["za"] !== undefined;
      return {
        relative: {
          days: n * factor,
          business: (g["kind"] ?? "").startsWith("рабоч"),
          after: before ? null : found.event,
          before: before ? found.event : null,
        },
        span: [m.index, found.end],
      };
    }
  }
  RELATIVE_PLAIN.lastIndex = 0;
  for (let p = RELATIVE_PLAIN.exec(text); p !== null; p = RELATIVE_PLAIN.exec(text)) {
    const g = p.groups ?? {};
    const conn = (g["conn"] ?? "").replace(/\s+/g, " ");
    const lead = EVENT_NOUN[conn.split(" ")[1] ?? ""] ?? "";
    const found = eventAt(text, raw, p.index + p[0].length, lead);
    if (!found) continue;
    const before = g["before"] !== undefined;
    return {
      relative: {
        // «в день проведения …»: due the day the event happens.
        days: conn === "в день" ? 0 : null,
        business: false,
        after: before ? null : found.event,
        before: before ? found.event : null,
      },
      span: [p.index, found.end],
    };
  }
  return null;
}

/** `text` with the spans replaced by \u0001 (length kept). */
export function maskSpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  const chars = text.split("");
  for (const [s, e] of spans) for (let i = s; i < e; i++) chars[i] = "\u0001";
  return chars.join("");
}
