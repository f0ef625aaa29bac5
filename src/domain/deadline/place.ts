// Placing date values in time: the year of a phrase without one, ranges that borrow a year,
// and the occurrence a value gives with the words before it.
import { daysInMonth, formatRuDate, isoDate, isValidDate, maxDate, yearOf } from "../calendar/iso-date.js";
import type { IsoDate, Occurrence, Period } from "../plan/types.js";
import type { Atom, Piece } from "./atoms.js";
import { messages } from "./messages.js";

/** A placed value: a day or a window, and whether its year was written. */
export interface Placed {
  from: IsoDate;
  to: IsoDate;
  day: boolean;
  explicit: boolean;
}

/** What placing needs: the plan's period and the resolved end of the academic year. */
export interface PlaceContext {
  period: Period;
  schoolYear: boolean;
  /** The day «до конца учебного года» stands for in this plan. */
  academicEnd: IsoDate;
}

/** The window of an atom whose start falls in `year`, or null when that year lacks the day (29.02). */
export function windowIn(atom: Atom, year: number): [IsoDate, IsoDate] | null {
  const endYear = year + atom.span;
  const ed = atom.ed === 0 ? daysInMonth(endYear, atom.em) : atom.ed;
  if (!isValidDate(year, atom.sm, atom.sd) || !isValidDate(endYear, atom.em, ed)) return null;
  return [isoDate(year, atom.sm, atom.sd), isoDate(endYear, atom.em, ed)];
}

/**
 * The year for an atom with none written: the one that puts it inside `scope`. Several fit (a plan
 * of several calendar years): the first, with a warning. None fits: the one it overlaps, else the
 * scope's first year, with a warning.
 */
export function yearWithin(
  atom: Atom,
  scope: Period,
  label: string,
  snippet: string,
  warnings: string[],
): number {
  const first = yearOf(scope.start);
  const last = yearOf(scope.end);
  const fits: number[] = [];
  let overlaps: number | null = null;
  for (let y = first - 1; y <= last; y++) {
    const w = windowIn(atom, y);
    if (w === null) continue;
    if (w[0] >= scope.start && w[1] <= scope.end) fits.push(y);
    else if (overlaps === null && w[0] <= scope.end && w[1] >= scope.start) overlaps = y;
  }
  if (fits.length === 1) return fits[0]!;
  if (fits.length > 1) {
    warnings.push(messages.ambiguousYear(snippet, label, fits[0]!));
    return fits[0]!;
  }
  const year = overlaps ?? first;
  warnings.push(messages.yearlessOutside(snippet, label, year));
  return year;
}

/** Places a piece (one value or a range) against the plan. Null when a range runs backwards. */
export function placePiece(
  piece: Piece,
  ctx: PlaceContext,
  snippet: string,
  warnings: string[],
): Placed | null {
  const { a, b } = piece;
  const label = periodLabel(ctx.period, ctx.schoolYear);
  if (a.academicEnd && b === null)
    return { from: ctx.academicEnd, to: ctx.academicEnd, day: true, explicit: false };
  const yearA =
    a.year ?? (b?.year != null ? borrowBack(a, b) : yearWithin(a, ctx.period, label, snippet, warnings));
  const wa = windowIn(a, yearA);
  if (wa === null) return null;
  if (b === null) return { from: wa[0], to: wa[1], day: a.day, explicit: a.year !== null };
  let yearB = b.year ?? yearOf(wa[1]);
  if (b.year === null && (windowIn(b, yearB)?.[0] ?? "") < wa[0]) yearB++;
  const wb = windowIn(b, yearB);
  if (wb === null || wb[1] < wa[0]) return null;
  return { from: wa[0], to: wb[1], day: false, explicit: a.year !== null || b.year !== null };
}

/** «09.06 – 17.07.21»: the start takes the end's year, or the year before when it would come later. */
function borrowBack(a: Atom, b: Atom): number {
  const year = b.year!;
  const wa = windowIn(a, year);
  const wb = windowIn(b, year);
  return wa !== null && wb !== null && wa[0] > wb[0] ? year - 1 : year;
}

/** The occurrence of a placed value, shaped by the words before it. */
export function occurrenceOf(
  placed: Placed,
  piece: Piece,
  period: Period,
  snippet: string,
  warnings: string[],
): Occurrence {
  switch (piece.prefix) {
    case "from": {
      const due = maxDate(placed.to, period.end);
      warnings.push(messages.openEnded(snippet, due));
      return { start: placed.from, due };
    }
    case "until":
      if (placed.day) return { start: null, due: placed.from };
      warnings.push(messages.untilWindow(snippet, placed.from));
      return { start: null, due: placed.from };
    case "noLater":
      return { start: null, due: placed.to };
    default:
      return placed.day ? { start: null, due: placed.from } : { start: placed.from, due: placed.to };
  }
}

/** The plan's period as a reader names it: «2021 год», «2016–2018 годы», «2023/2024 учебный год». */
export function periodLabel(period: Period, schoolYear: boolean): string {
  const first = yearOf(period.start);
  const last = yearOf(period.end);
  if (schoolYear) return `${first}/${last} учебный год`;
  if (period.start.endsWith("-01-01") && period.end.endsWith("-12-31")) {
    return first === last ? `${first} год` : `${first}–${last} годы`;
  }
  return `${formatRuDate(period.start)}–${formatRuDate(period.end)}`;
}

/** The first academic-year end (`MM-DD`) on or after `date`. */
export function academicEndAfter(date: IsoDate, monthDay: string): IsoDate {
  const year = yearOf(date);
  const candidate = `${year}-${monthDay}`;
  return candidate >= date ? candidate : `${year + 1}-${monthDay}`;
}
