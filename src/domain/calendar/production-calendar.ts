// The Russian production calendar: which days are working days, from the yearly Government decrees.
import type { IsoDate } from "../plan/types.js";
import { addDays, isoWeekday, yearOf } from "./iso-date.js";
import data from "./production-calendar-ru.json" with { type: "json" };

/** One year of the calendar JSON: weekday days off, working weekend days, shortened pre-holiday days. */
export interface ProductionCalendarYear {
  decree: string;
  /** Days off that fall on Monday-Friday (holidays, transfers); weekends are implied. */
  nonWorking: IsoDate[];
  /** Saturdays or Sundays made working days by a transfer. */
  workingWeekends: IsoDate[];
  /** Working days one hour shorter (art. 95 of the Labour Code). */
  shortened: IsoDate[];
  /** The official total of working days in the year. */
  workingDays: number;
}

/** The shape of production-calendar-ru.json. */
export interface ProductionCalendarData {
  source?: string;
  years: Record<string, ProductionCalendarYear>;
}

/** Working days of a five-day week under the official calendar; weekends only for a year it lacks. */
export interface ProductionCalendar {
  /** True when `date` is a working day (a working Saturday counts; a holiday does not). */
  isWorkingDay(date: IsoDate): boolean;
  /** True for a shortened pre-holiday working day. False for a year the calendar lacks. */
  isShortDay(date: IsoDate): boolean;
  /**
   * The date `n` working days after `date` (`date` itself not counted): Friday + 1 is Monday.
   * Negative `n` counts back; 0 returns `date` unchanged.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /**
   * `date` when it is a working day, else the first working day after it (a deadline that falls
   * on a day off moves to the next working day, art. 193 of the Civil Code).
   */
  nextWorkingDay(date: IsoDate): IsoDate;
  /**
   * Working days in (a, b]: `a` excluded, `b` included, so `addWorkingDays(a, n)` is a `b` with
   * `workingDaysBetween(a, b) === n`. Negative when `b` is before `a`.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  /** True when the calendar has the decree data for `year`. */
  knows(year: number): boolean;
  /**
   * Russian warnings for every year in [from, to] the calendar lacks (weekends only were used
   * there); empty when all are known. Show them wherever such a count is shown.
   */
  warningsFor(from: IsoDate, to: IsoDate): string[];
}

/** Builds a calendar from data of the production-calendar-ru.json shape. */
export function createProductionCalendar(source: ProductionCalendarData): ProductionCalendar {
  const off = new Set<IsoDate>();
  const working = new Set<IsoDate>();
  const short = new Set<IsoDate>();
  const years = new Set<number>();
  for (const [year, entry] of Object.entries(source.years)) {
    years.add(Number(year));
    for (const d of entry.nonWorking) off.add(d);
    for (const d of entry.workingWeekends) working.add(d);
    for (const d of entry.shortened) short.add(d);
  }

  const isWorkingDay = (date: IsoDate): boolean => {
    if (off.has(date)) return false;
    if (working.has(date)) return true;
    return isoWeekday(date) <= 5;
  };

  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(Math.trunc(n));
    let day = date;
    while (left > 0) {
      day = addDays(day, step);
      if (isWorkingDay(day)) left--;
    }
    return day;
  };

  const workingDaysBetween = (a: IsoDate, b: IsoDate): number => {
    if (b < a) return -workingDaysBetween(b, a);
    let count = 0;
    for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
    return count;
  };

  return {
    isWorkingDay,
    isShortDay: (date) => short.has(date),
    addWorkingDays,
    nextWorkingDay: (date) => (isWorkingDay(date) ? date : addWorkingDays(date, 1)),
    workingDaysBetween,
    knows: (year) => years.has(year),
    warningsFor: (from, to) => {
      const out: string[] = [];
      const [first, last] = from <= to ? [yearOf(from), yearOf(to)] : [yearOf(to), yearOf(from)];
      for (let year = first; year <= last; year++) {
        if (!years.has(year)) out.push(unknownYearWarning(year));
      }
      return out;
    },
  };
}

/** The warning shown when working days of `year` were counted without the decree. */
export function unknownYearWarning(year: number): string {
  return `Производственного календаря на ${year} год нет: рабочие дни посчитаны без праздников и переносов, только по выходным (сб, вс). Проверьте срок.`;
}

/** The calendar of the Russian Federation, from the decrees in production-calendar-ru.json. */
export const russianCalendar: ProductionCalendar = createProductionCalendar(data as ProductionCalendarData);
