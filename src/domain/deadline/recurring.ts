// Expanding a periodic phrase («ежеквартально», «ежемесячно до 5 числа») into one window per period.
import { addDays, daysInMonth, isoDate, isoWeekday, maxDate, yearOf } from "../calendar/iso-date.js";
import { russianCalendar } from "../calendar/production-calendar.js";
import type { IsoDate, Occurrence, Period } from "../plan/types.js";
import type { Piece } from "./atoms.js";
import { messages } from "./messages.js";
import { windowIn } from "./place.js";

export type Unit = "week" | "month" | "quarter" | "half" | "year";

/** Units from the finest: the finest named in a cell wins («ежегодно, 1 раз в квартал» is quarterly). */
export const UNITS: Unit[] = ["week", "month", "quarter", "half", "year"];

/** A periodic phrase, read: its unit and the day inside each window, if one is named. */
export interface RecurringSpec {
  unit: Unit;
  /** «до 5 числа»: the day of the month the window is due. */
  dayOfMonth: number | null;
  /** «каждый понедельник»: ISO weekday the week is due. */
  weekday: number | null;
  /** «следующего за отчетным»: due in the month (or year) after the window. */
  next: boolean;
  /** «в течение 5 рабочих дней после окончания квартала». */
  afterEnd: { days: number; business: boolean } | null;
  /** Yearless values placed inside each yearly window («ежегодно до 10 июня», «ежегодно в декабре»). */
  templates: Piece[];
}

/** The unit windows that overlap `scope`, in order. A school-year scope has school years as years. */
export function unitWindows(unit: Unit, scope: Period, school: boolean): [IsoDate, IsoDate][] {
  const out: [IsoDate, IsoDate][] = [];
  if (unit === "week") {
    for (let ws = addDays(scope.start, 1 - isoWeekday(scope.start)); ws <= scope.end; ws = addDays(ws, 7)) {
      out.push([ws, addDays(ws, 6)]);
    }
    return out;
  }
  const months = unit === "month" ? 1 : unit === "quarter" ? 3 : unit === "half" ? 6 : 12;
  let y = yearOf(scope.start);
  let m = Number(scope.start.slice(5, 7));
  if (unit === "year" && school) {
    if (m < 9) y--;
    m = 9;
  } else {
    m = Math.floor((m - 1) / months) * months + 1;
  }
  for (;;) {
    const start = isoDate(y, m, 1);
    if (start > scope.end) return out;
    const endMonth = ((m + months - 2) % 12) + 1;
    const endYear = y + Math.floor((m + months - 2) / 12);
    out.push([start, isoDate(endYear, endMonth, daysInMonth(endYear, endMonth))]);
    m += months;
    if (m > 12) {
      m -= 12;
      y++;
    }
  }
}

/** The day `day` of the month after the one `date` falls in (the day clamped to the month). */
function dayOfNextMonth(date: IsoDate, day: number): IsoDate {
  let y = yearOf(date);
  let m = Number(date.slice(5, 7)) + 1;
  if (m > 12) {
    m = 1;
    y++;
  }
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

const inScope = (date: IsoDate, scope: Period) => date >= scope.start && date <= scope.end;

/**
 * The occurrences of a periodic phrase over `scope`: one per window (several with several
 * yearly templates). A window whose due day is fixed inside it is kept when that day is in the
 * scope; one due after it («следующего за отчетным») when the window ends in the scope.
 */
export function expandRecurring(
  spec: RecurringSpec,
  scope: Period,
  school: boolean,
  snippet: string,
  warnings: string[],
): Occurrence[] {
  const out: Occurrence[] = [];
  const templates = spec.unit === "year" ? spec.templates : [];
  if (spec.templates.length > 0 && spec.unit !== "year") warnings.push(messages.anchorIgnored(snippet));
  if (spec.weekday !== null && spec.unit !== "week") warnings.push(messages.anchorIgnored(snippet));
  if (spec.dayOfMonth !== null && spec.unit !== "month" && !spec.next) {
    warnings.push(messages.quarterDayGuess(snippet));
  }
  for (const [ws, we] of unitWindows(spec.unit, scope, school)) {
    const start = maxDate(ws, scope.start);
    if (spec.afterEnd !== null) {
      const { days, business } = spec.afterEnd;
      const due = business ? russianCalendar.addWorkingDays(we, days) : addDays(we, days);
      if (inScope(we, scope)) out.push({ start, due });
      if (business) warnings.push(...russianCalendar.warningsFor(we, due));
      continue;
    }
    if (spec.dayOfMonth !== null) {
      const d = spec.dayOfMonth;
      const sameMonth = spec.unit === "month" && !spec.next;
      const y = yearOf(ws);
      const m = Number(ws.slice(5, 7));
      const due = sameMonth ? isoDate(y, m, Math.min(d, daysInMonth(y, m))) : dayOfNextMonth(we, d);
      if (sameMonth ? inScope(due, scope) : inScope(we, scope)) out.push({ start, due });
      continue;
    }
    if (spec.weekday !== null && spec.unit === "week") {
      const due = addDays(ws, spec.weekday - 1);
      if (inScope(due, scope)) out.push({ start: maxDate(start, ws), due });
      continue;
    }
    if (templates.length > 0) {
      for (const t of templates) {
        const occ = templateIn(t, ws, we, spec.next);
        if (occ !== null && (spec.next ? inScope(we, scope) : inScope(occ.due, scope))) {
          out.push({ start: occ.start === null ? null : maxDate(occ.start, start), due: occ.due });
        }
      }
      continue;
    }
    if (inScope(we, scope)) out.push({ start, due: we });
  }
  return out;
}

/** A yearless value placed inside the yearly window [ws, we]; a day gives the window's start. */
function templateIn(piece: Piece, ws: IsoDate, we: IsoDate, next: boolean): Occurrence | null {
  for (let y = yearOf(ws); y <= yearOf(we); y++) {
    const wa = windowIn(piece.a, y);
    if (wa === null || wa[0] < ws || wa[0] > we) continue;
    let to = wa[1];
    if (piece.b !== null) {
      let yb = yearOf(wa[1]);
      const probe = windowIn(piece.b, yb);
      if (probe !== null && probe[0] < wa[0]) yb++;
      to = windowIn(piece.b, yb)?.[1] ?? to;
    }
    const shift = (d: IsoDate) => (next ? `${yearOf(d) + 1}${d.slice(4)}` : d);
    if (piece.a.day && piece.b === null) return { start: ws, due: shift(wa[0]) };
    if (piece.prefix === "noLater") return { start: ws, due: shift(to) };
    if (piece.prefix === "until") return { start: ws, due: shift(wa[0]) };
    return { start: shift(wa[0]), due: shift(to) };
  }
  return null;
}
