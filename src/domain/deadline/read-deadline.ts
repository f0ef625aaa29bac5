// Reading one deadline cell: values and phrases are found in the normalised text, then the cell's
// kind is decided by what was found, in the order the spec gives (dated, recurring, relative,
// on demand, continuous). Whatever is left over must be filler words, or the cell is unparsed.
import { maxDate, minDate, yearOf } from "../calendar/iso-date.js";
import type { DeadlineContext } from "../plan/deadline-context.js";
import type { Deadline, DeadlineKind, IsoDate, Occurrence, Period, RelativeDeadline } from "../plan/types.js";
import { type Piece, scanAtoms, toPieces } from "./atoms.js";
import { messages, snippetOf } from "./messages.js";
import { normalize } from "./normalize.js";
import {
  DURING_BEFORE,
  findContinuous,
  findOnDemand,
  findRecurring,
  findRelative,
  maskSpans,
  type Span,
} from "./phrases.js";
import {
  academicEndAfter,
  occurrenceOf,
  type PlaceContext,
  periodLabel,
  placePiece,
  windowIn,
} from "./place.js";
import { expandRecurring, type RecurringSpec, UNITS } from "./recurring.js";

const EMPTY = /^[\s\-\u2010-\u2015\u2212.,;:_*/\\]*$/;
const JUNK = /[^\P{L}\p{Script=Cyrillic}\p{Script=Latin}]|\uFFFD/u;
const PARENS = /\([^)]*(?:\)|$)/g;
const DIGIT = /\d/;
const WORD = /[a-z\u00c0-\u024f\u0400-\u04ff]+/g;
const FILLER = new Set(
  (
    "до не позднее позже в во течение течении теч срок сроки срока сроков к с со по и или а также г гг год года году " +
    "годы годов числа число месяц месяца квартал квартала включительно ориентировочно конца концу окончания " +
    "начала раз раза за от на чем более период периода уч учебного учебный итогам результатам всего текущего " +
    "отчетного календарного плановый плановом плана"
  ).split(" "),
);

interface Found {
  raw: string;
  ctx: DeadlineContext;
  text: string;
  pieces: Piece[];
  relative: RelativeDeadline | null;
  warnings: string[];
}

/**
 * Reads one deadline cell against the plan («до 30.09.2021», «ежегодно, 1 раз в квартал»,
 * «в течение 10 дней со дня …»). Never throws and never drops the text: what cannot be read is
 * `unparsed`, with a warning. Warnings are in Russian, ready to show to the coordinator.
 */
export function readDeadline(raw: string, ctx: DeadlineContext): { deadline: Deadline; warnings: string[] } {
  try {
    return read(raw, ctx);
  } catch {
    // A context this reader cannot work with (an invalid period): keep the cell for the coordinator.
    const deadline: Deadline = { raw, kind: "unparsed", occurrences: [], relative: null };
    return { deadline, warnings: [messages.unparsed(snippetOf(raw, 0, raw.length))] };
  }
}

function read(raw: string, ctx: DeadlineContext): { deadline: Deadline; warnings: string[] } {
  const warnings: string[] = [];
  const result = (
    kind: DeadlineKind,
    occurrences: Occurrence[] = [],
    relative: RelativeDeadline | null = null,
  ) => ({
    deadline: { raw, kind, occurrences: dedupe(occurrences), relative },
    warnings: [...new Set(warnings)],
  });
  if (EMPTY.test(raw)) return result("none");
  const oneLine = snippetOf(raw, 0, raw.length);
  const text = normalize(raw);
  if (JUNK.test(text)) {
    warnings.push(messages.junk(oneLine));
    return result("unparsed");
  }

  const [endMonth, endDay] = ctx.academicYearEnd.split("-").map(Number);
  const { atoms, invalid } = scanAtoms(text, {
    schoolYear: ctx.schoolYear,
    academicEndMonth: endMonth ?? 5,
    academicEndDay: endDay ?? 31,
  });
  for (const [s, e] of invalid) warnings.push(messages.invalidDate(snippetOf(raw, s, e)));
  const pieces = toPieces(text, atoms);
  let masked = maskSpans(
    text,
    pieces.map((p): Span => [p.start, p.end]),
  );
  const recurring = findRecurring(masked);
  masked = maskSpans(masked, recurring.spans);
  const relative = findRelative(masked, raw, warnings);
  if (relative) masked = maskSpans(masked, [relative.span]);

  const outside = masked.replace(PARENS, (s) => "\u0001".repeat(s.length));
  let continuous = findContinuous(outside);
  let onDemand = findOnDemand(outside);
  if (continuous.spans.length === 0 && onDemand.length === 0) {
    continuous = findContinuous(masked);
    onDemand = findOnDemand(masked);
  }
  const leftover = maskSpans(outside, [...continuous.spans, ...onDemand]);
  if (DIGIT.test(leftover)) {
    warnings.push(messages.unparsed(oneLine));
    return result("unparsed");
  }
  const unread = (leftover.match(WORD) ?? []).filter((w) => !FILLER.has(w));
  const found: Found = { raw, ctx, text, pieces, relative: relative?.relative ?? null, warnings };
  const warnUnread = () => {
    if (unread.length > 0) warnings.push(messages.unreadWords(unread.join(" ")));
  };

  const scopes = pieces.filter((p) => p.a.yearsOnly && (p.b === null || p.b.yearsOnly));
  const yearless = pieces.filter(
    (p) => !p.a.yearsOnly && !p.a.academicEnd && p.a.year === null && (p.b === null || p.b.year === null),
  );
  const explicit = pieces.filter((p) => !scopes.includes(p) && !yearless.includes(p));
  const place = placeContext(ctx);

  if (recurring.units.length > 0 && explicit.length === 0) {
    let unit = UNITS.find((u) => recurring.units.includes(u))!;
    let scope = scopes.length > 0 ? unionOf(scopes, place) : ctx.period;
    let templates = yearless;
    if (templates.length > 0 && unit !== "year") {
      const single = templates.every((t) => t.b === null && t.a.sm === t.a.em);
      if (recurring.perYear || (single && (unit === "quarter" || unit === "half"))) {
        // «2 раза в год (июнь, декабрь)», «ежеквартально: март, июнь, сентябрь, декабрь»: the times of each year.
        unit = "year";
      } else {
        // «еженедельно, январь – март»: the values limit the period.
        scope = unionOfPlaced(templates, place, oneLine, warnings) ?? scope;
        templates = [];
      }
    } else if (recurring.extraTimes) {
      warnings.push(messages.timesPerPeriod(oneLine));
    }
    const school = scope.start.endsWith("-09-01") && scope.end.endsWith("-08-31");
    const spec: RecurringSpec = {
      unit,
      dayOfMonth: recurring.dayOfMonth,
      weekday: recurring.weekday,
      next: recurring.next,
      afterEnd: recurring.afterEnd,
      templates,
    };
    const occurrences = expandRecurring(spec, scope, school, oneLine, warnings);
    if (occurrences.length > 0) {
      warnUnread();
      return result("recurring", occurrences, found.relative);
    }
    warnings.push(messages.unparsed(oneLine));
    return result("unparsed");
  }
  if (recurring.units.length > 0) warnings.push(messages.recurringIgnored(oneLine));

  if (pieces.length > 0) {
    const during =
      scopes.length === pieces.length &&
      (continuous.spans.length > 0 || scopes.every((p) => DURING_BEFORE.test(text.slice(0, p.a.start))));
    if (during) return result("continuous", [spanOf(unionOf(scopes, place))], found.relative);
    const occurrences = datedOccurrences(found, place);
    if (occurrences.length > 0) {
      warnUnread();
      return result("dated", occurrences, found.relative);
    }
    warnings.push(messages.unparsed(oneLine));
    return result("unparsed");
  }
  if (found.relative) return result("relative", [], found.relative);
  if (onDemand.length > 0) return result("on_demand");
  if (continuous.spans.length > 0) {
    const span = continuous.school ? schoolYearSpan(ctx, place.academicEnd, warnings) : ctx.period;
    return result("continuous", [spanOf(span)]);
  }
  warnings.push(messages.unparsed(oneLine));
  return result("unparsed");
}

function placeContext(ctx: DeadlineContext): PlaceContext {
  const academicEnd = ctx.schoolYear
    ? `${yearOf(ctx.period.end)}-${ctx.academicYearEnd}`
    : academicEndAfter(ctx.latestExplicitDate ?? ctx.period.start, ctx.academicYearEnd);
  return { period: ctx.period, schoolYear: ctx.schoolYear, academicEnd };
}

/** Occurrences of the cell's values; warnings for years guessed or outside the period. */
function datedOccurrences(found: Found, place: PlaceContext): Occurrence[] {
  const { raw, ctx, pieces, warnings } = found;
  const label = periodLabel(ctx.period, ctx.schoolYear);
  const out: Occurrence[] = [];
  for (const piece of pieces) {
    const snippet = snippetOf(raw, piece.start, piece.end);
    const placed = placePiece(piece, place, snippet, warnings);
    if (placed === null) {
      warnings.push(messages.backwardsRange(snippet));
      continue;
    }
    if (!piece.a.academicEnd && (placed.from < ctx.period.start || placed.to > ctx.period.end)) {
      warnings.push(
        placed.explicit ? messages.outsidePeriod(snippet, label) : messages.runsPastPeriod(snippet, label),
      );
    }
    out.push(occurrenceOf(placed, piece, ctx.period, snippet, warnings));
  }
  return out;
}

/** The span covered by year-level values («2017-2018 гг.», «2021/2022 учебный год»). */
function unionOf(scopes: Piece[], place: PlaceContext): Period {
  let start: IsoDate | null = null;
  let end: IsoDate | null = null;
  for (const p of scopes) {
    const a = windowIn(p.a, p.a.year ?? yearOf(place.period.start));
    const b = p.b ? windowIn(p.b, p.b.year ?? yearOf(place.period.start)) : a;
    if (a === null || b === null) continue;
    start = start === null ? a[0] : minDate(start, a[0]);
    end = end === null ? b[1] : maxDate(end, b[1]);
  }
  return start !== null && end !== null ? { start, end } : place.period;
}

/** The span of yearless values placed in the plan's period. */
function unionOfPlaced(
  pieces: Piece[],
  place: PlaceContext,
  snippet: string,
  warnings: string[],
): Period | null {
  let span: Period | null = null;
  for (const p of pieces) {
    const placed = placePiece(p, place, snippet, warnings);
    if (placed === null) continue;
    span =
      span === null
        ? { start: placed.from, end: placed.to }
        : { start: minDate(span.start, placed.from), end: maxDate(span.end, placed.to) };
  }
  return span;
}

/** «В течение учебного года»: the plan's school year, or the one whose end the plan reaches. */
function schoolYearSpan(ctx: DeadlineContext, academicEnd: IsoDate, warnings: string[]): Period {
  if (ctx.schoolYear) return ctx.period;
  const endYear = yearOf(academicEnd);
  const span = { start: `${endYear - 1}-09-01`, end: `${endYear}-08-31` };
  warnings.push(messages.schoolYearInCalendarPlan(span.start, span.end));
  return span;
}

const spanOf = (period: Period): Occurrence => ({ start: period.start, due: period.end });

function dedupe(occurrences: Occurrence[]): Occurrence[] {
  const seen = new Set<string>();
  return occurrences.filter((o) => {
    const key = `${o.start}|${o.due}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
